"""dE/dw5 and dE/dw6 by the chain rule: delta times the hidden value."""

from network import W1, forward, w2, x, y

h, y_hat = forward(x, W1, w2)
delta = y_hat - y  # dE/dy_hat
print(f"delta = y_hat - y = {delta:.6f}")
print(f"dE/dw5 = delta * h1 = {delta:.4f} * {h[0]:.2f} = {delta * h[0]:.6f}")
print(f"dE/dw6 = delta * h2 = {delta:.4f} * {h[1]:.2f} = {delta * h[1]:.6f}")
