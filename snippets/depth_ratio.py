"""Mazur's first-layer gradient against his output layer's, factor by factor.

How much smaller dE/dw1 is than dE/dw5, and which factors of the chain rule
make it so."""

from sigmoid_network import W1, W2, b1, b2, backward, forward, x, y

_, h, _, o = forward(x, W1, W2, b1, b2)
g = backward(x, y, W1, W2, b1, b2)
i1, h1 = x[0, 0], h[0, 0]
delta_o1, delta_h1 = g["delta_o"][0, 0], g["delta_h"][0, 0]
dE_dh1 = g["dE_dh"][0, 0]  # the sum over h1's two paths, to o1 and o2
dE_dw5, dE_dw1 = g["dE_dW2"][0, 0], g["dE_dW1"][0, 0]
slope_h1 = h1 * (1 - h1)  # sigmoid'(z_h1)

print(f"dE/dw5 = h1 * delta_o1 = {h1:.9f} * {delta_o1:.9f} = {dE_dw5:.9f}")
print(f"dE/dw1 = i1 * delta_h1 = {i1:.2f} * {delta_h1:.9f} = {dE_dw1:.9f}")
print(f"dE/dw5 / dE/dw1 = {dE_dw5 / dE_dw1:.2f}")
print(f"  = (h1 / i1) * (delta_o1 / delta_h1) = {h1 / i1:.2f} * "
      f"{delta_o1 / delta_h1:.2f}")
print("one layer down, delta_o1 becomes delta_h1 in two steps:")
print(f"  dE/dh1 = {dE_dh1:.9f}, {delta_o1 / dE_dh1:.2f} times smaller "
      "(w5, w7 and delta_o2)")
print(f"  delta_h1 = dE/dh1 * sigmoid'(z_h1) = {dE_dh1:.9f} * {slope_h1:.6f}"
      f" = {delta_h1:.9f}")
print(f"  sigmoid'(z_h1) = {slope_h1:.6f}: {1 / slope_h1:.2f} times smaller "
      "(sigmoid' <= 0.25)")
