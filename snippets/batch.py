"""Many examples at once: the same layer rule, with N rows instead of one."""

import numpy as np

from network import W1, W2, X, Y, backward, lr, show


# --8<-- [start:batch]
def batch_forward(X, W1, W2):
    """H (N, 2) and Y_hat (N, 1) for a stack of N examples X (N, 2)."""
    if X.ndim != 2 or X.shape[1] != W1.shape[0]:
        raise ValueError(f"X has shape {X.shape}: "
                         f"expected (N, {W1.shape[0]}), "
                         f"one example of {W1.shape[0]} inputs a row")
    H = X @ W1
    return H, H @ W2


def batch_error(Y_hat, Y):
    """E: the mean over the N examples of (y_hat - y)^2 / 2."""
    return (np.mean((Y_hat - Y) ** 2) / 2).item()


def batch_backward(X, Y, W1, W2):
    """dE/dW1 and dE/dW2 of the mean error: the products sum over N rows."""
    H, Y_hat = batch_forward(X, W1, W2)
    if Y.shape != Y_hat.shape:
        raise ValueError(f"Y has shape {Y.shape}: expected {Y_hat.shape}, "
                         f"one target a row")
    N = len(X)
    delta = (Y_hat - Y) / N  # dE/dY_hat: the mean's 1/N   (N, 1)
    dE_dW2 = H.T @ delta     # (2, N) @ (N, 1) = (2, 1)
    dE_dH = delta @ W2.T     # (N, 1) @ (1, 2) = (N, 2)
    dE_dW1 = X.T @ dE_dH     # (2, N) @ (N, 2) = (2, 2)
    return dE_dW1, dE_dW2
# --8<-- [end:batch]

def batch_train(epochs, lr=lr):
    """E on the batch before each epoch and after the last: epochs + 1."""
    W1_, W2_, errors = W1, W2, []
    for _ in range(epochs):
        errors.append(batch_error(batch_forward(X, W1_, W2_)[1], Y))
        dE_dW1, dE_dW2 = batch_backward(X, Y, W1_, W2_)
        W1_, W2_ = W1_ - lr * dE_dW1, W2_ - lr * dE_dW2
    return errors + [batch_error(batch_forward(X, W1_, W2_)[1], Y)]



if __name__ == "__main__":
    fits = np.allclose(X @ [[0.2], [0.2]], Y)
    print(f"Y = {show(Y, 1)}; X @ [[0.2], [0.2]] == Y: {fits}")
    H, Y_hat = batch_forward(X, W1, W2)
    print(f"X {X.shape} @ W1 {W1.shape} = H {H.shape}; "
          f"H @ W2 {W2.shape} = Y_hat {Y_hat.shape}")
    print(f"Y_hat = {show(Y_hat, 4)}")
    print(f"E = mean of (Y_hat - Y)^2 / 2 = {batch_error(Y_hat, Y):.6f}")
    dE_dW1, dE_dW2 = batch_backward(X, Y, W1, W2)
    print(f"dE/dW1 {dE_dW1.shape} = {show(dE_dW1)}")
    print(f"dE/dW2 {dE_dW2.shape} = {show(dE_dW2)}")
    # The same gradients, one example at a time, then averaged.
    each = [backward(X[n:n + 1], Y[n, 0], W1, W2) for n in range(len(X))]
    mean_W1 = np.mean([g[3] for g in each], axis=0)
    mean_W2 = np.mean([g[1] for g in each], axis=0)
    print(f"mean of {len(X)} one-example dE/dW1 = {show(mean_W1)}")
    print(f"mean of {len(X)} one-example dE/dW2 = {show(mean_W2)}")
    first = batch_backward(X[:1], Y[:1], W1, W2)
    print(f"N = 1, the first row alone: dE/dW2 = {show(first[1])}")
    print(f"training on the batch, lr = {lr:.2f}:")
    errors = batch_train(200)
    for epoch in (0, 1, 10, 50, 100, 200):
        print(f"  epoch {epoch:3d}: E = {errors[epoch]:.3e}")
