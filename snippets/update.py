"""One update of all six weights from the old weights, then a second pass."""

from network import W1, W2, error, forward, gradients, lr, show, weights, x, y

dE_dW1, dE_dW2 = gradients(x, y, W1, W2)  # backprop: all gradients first
W1_new, W2_new = W1 - lr * dE_dW1, W2 - lr * dE_dW2  # then the step
print(f"x.T @ W2.T = {show(x.T @ W2.T, 2)}")  # dE/dW1 before the factor delta
for name, value in weights(W1_new, W2_new).items():
    print(f"{name} = {value:.6f}")

h, y_hat = forward(x, W1_new, W2_new)
print(f"second pass: h = {show(h)}, y_hat = {y_hat.item():.6f}")
print(f"error: {error(forward(x, W1, W2)[1], y):.6f} -> {error(y_hat, y):.6f}")
