"""Stages 1 and 2: the gradient at the output, then the output weights'."""

from network import W1, W2, forward, x, y

h, y_hat = forward(x, W1, W2)
(h1, h2), = h
delta = y_hat.item() - y  # dE/dy_hat: the upstream gradient for layer 2
print(f"delta = dE/dy_hat = y_hat - y = {delta:.6f}")
# upstream delta times the local slope dy_hat/dw5 = h1 (and dy_hat/dw6 = h2)
print(f"dE/dw5 = delta * h1 = {delta:.4f} * {h1:.2f} = {delta * h1:.6f}")
print(f"dE/dw6 = delta * h2 = {delta:.4f} * {h2:.2f} = {delta * h2:.6f}")
