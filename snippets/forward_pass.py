"""Forward pass: h = x @ W1, then y_hat = h @ W2, every product written out."""

from network import W1, W2, forward, weights, x

h, y_hat = forward(x, W1, W2)
(i1, i2), (h1, h2) = x[0], h[0]
w = weights(W1, W2)

# Four decimals show every product exactly: the inputs are whole numbers and
# the weights have two decimals.
print(f"h1 = i1*w1 + i2*w2 = {i1:.0f}*{w['w1']:.2f} + {i2:.0f}*{w['w2']:.2f}"
      f" = {i1 * w['w1']:.4f} + {i2 * w['w2']:.4f} = {h1:.4f}")
print(f"h2 = i1*w3 + i2*w4 = {i1:.0f}*{w['w3']:.2f} + {i2:.0f}*{w['w4']:.2f}"
      f" = {i1 * w['w3']:.4f} + {i2 * w['w4']:.4f} = {h2:.4f}")
print(f"y_hat = h1*w5 + h2*w6 = {h1:.2f}*{w['w5']:.2f} + "
      f"{h2:.2f}*{w['w6']:.2f}"
      f" = {h1 * w['w5']:.4f} + {h2 * w['w6']:.4f} = {y_hat.item():.4f}")
print(f"shapes: x {x.shape} @ W1 {W1.shape} = h {h.shape}")
print(f"        h {h.shape} @ W2 {W2.shape} = y_hat {y_hat.shape}")
