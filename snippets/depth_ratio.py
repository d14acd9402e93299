"""Mazur's first-layer gradient against his output layer's, factor by factor.

dE/dw5 = h1 * delta_o1 and dE/dw1 = i1 * delta_h1: the ratio is one factor
from the inputs and one from the deltas, and the second is depth."""

from sigmoid_network import W1, W2, b1, b2, backward, forward, x, y

# --8<-- [start:factors]
h1 = forward(x, W1, W2, b1, b2)[1][0, 0]
g = backward(x, y, W1, W2, b1, b2)
i1, delta_o1, delta_h1 = x[0, 0], g["delta_o"][0, 0], g["delta_h"][0, 0]
dE_dh1 = g["dE_dh"][0, 0]  # delta_o back through w5 and w7: equation (2)
slope = h1 * (1 - h1)  # then times sigmoid'(z_h1)
print(f"dE/dw5 = h1 * delta_o1 = {h1:.9f} * {delta_o1:.9f} = "
      f"{h1 * delta_o1:.9f}")
print(f"dE/dw1 = i1 * delta_h1 = {i1:.2f} * {delta_h1:.9f} = "
      f"{i1 * delta_h1:.9f}")
# Four decimals for the factors: their product, as printed, is the ratio
# to the two decimals printed.
print(f"ratio {h1 * delta_o1 / (i1 * delta_h1):.2f} = h1 / i1 "
      f"{h1 / i1:.4f} * delta_o1 / delta_h1 {delta_o1 / delta_h1:.4f}")
print(f"delta_o1 / delta_h1 = delta_o1 / dE/dh1 {delta_o1 / dE_dh1:.4f} "
      f"* 1 / sigmoid'(z_h1) {1 / slope:.4f}")
print(f"sigmoid'(z_h1) = h1 * (1 - h1) = {slope:.6f}, never above 0.25")
# --8<-- [end:factors]
