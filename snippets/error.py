"""The error of the first prediction: E = (y_hat - y)^2 / 2."""

from network import W1, W2, error, forward, x, y

h, y_hat = forward(x, W1, W2)
E = error(y_hat, y)
print(f"y_hat - y = {y_hat.item():.4f} - {y:.0f} = {y_hat.item() - y:.4f}")
print(f"E = (y_hat - y)^2 / 2 = {E:.6f}")
