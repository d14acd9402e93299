"""Forward pass: h = x @ W1, then y_hat = h @ w2, every product written out."""

from network import W1, forward, w2, x

h, y_hat = forward(x, W1, w2)
(i1, i2), ((w1, w3), (w2_, w4)), (w5, w6) = x, W1, w2

# Four decimals show every product exactly: the inputs are whole numbers and
# the weights have two decimals.
print(f"h1 = i1*w1 + i2*w2 = {i1:.0f}*{w1:.2f} + {i2:.0f}*{w2_:.2f}"
      f" = {i1 * w1:.4f} + {i2 * w2_:.4f} = {h[0]:.4f}")
print(f"h2 = i1*w3 + i2*w4 = {i1:.0f}*{w3:.2f} + {i2:.0f}*{w4:.2f}"
      f" = {i1 * w3:.4f} + {i2 * w4:.4f} = {h[1]:.4f}")
print(f"y_hat = h1*w5 + h2*w6 = {h[0]:.2f}*{w5:.2f} + {h[1]:.2f}*{w6:.2f}"
      f" = {h[0] * w5:.4f} + {h[1] * w6:.4f} = {y_hat:.4f}")
