"""Biases as weights on a constant input of 1: their gradients, and training
with them."""

from functools import partial

from sigmoid_network import W1, W2, b1, b2, backward, step, train, x, y

g = backward(x, y, W1, W2, b1, b2)
delta_o, delta_h = g["delta_o"][0], g["delta_h"][0]
# b2 feeds o1 and o2 with weight 1 each; b1 feeds h1 and h2.
print(f"dE/db2 = delta_o1 + delta_o2 = {delta_o[0]:.9f} + ({delta_o[1]:.9f})"
      f" = {g['dE_db2']:.9f}")
print(f"dE/db1 = delta_h1 + delta_h2 = {delta_h[0]:.9f} + {delta_h[1]:.9f}"
      f" = {g['dE_db1']:.9f}")

fixed, moving = train(step, 10_000), train(partial(step, biases=True), 10_000)
print("epoch   E, biases fixed   E, biases trained")
for epoch in (0, 1, 100, 1_000, 10_000):
    print(f"{epoch:>6,}  fixed {fixed[epoch][0]:.10f}  "
          f"trained {moving[epoch][0]:.10f}")
print(f"after 10,000: fixed / trained = {fixed[-1][0] / moving[-1][0]:.2f}")
