"""One update of all six weights (from the old weights), then a second forward pass."""

import numpy as np

from network import W1, error, forward, lr, step, w2, weights, x, y

E_before = error(forward(x, W1, w2)[1], y)
xw = np.outer(x, w2)  # x^T w2: the first layer's gradient before the factor delta
print(f"outer(x, w2) = [[{xw[0, 0]:.2f}, {xw[0, 1]:.2f}], [{xw[1, 0]:.2f}, {xw[1, 1]:.2f}]]")
W1_new, w2_new = step(x, y, W1, w2, lr)
for name, value in weights(W1_new, w2_new).items():
    print(f"{name} = {value:.6f}")

h, y_hat = forward(x, W1_new, w2_new)
E = error(y_hat, y)
print(f"second pass: h = [{h[0]:.6f}, {h[1]:.6f}], y_hat = {y_hat:.6f}")
print(f"error: {E_before:.6f} -> {E:.6f}")
