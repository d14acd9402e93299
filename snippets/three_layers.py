"""Exercise answer: a 2-2-2-1 network's backward pass, checked numerically."""

import numpy as np

from network import W1, error, x, y

# W2 (2 x 2) now leads from h to a second hidden layer g; W3 (2 x 1) to y_hat.
W2 = np.array([[0.20, 0.10],
               [0.01, 0.30]])
W3 = np.array([[0.50],
               [0.40]])


def forward(W1, W2, W3):
    h = x @ W1  # (1, 2)
    g = h @ W2  # (1, 2)
    return h, g, g @ W3  # y_hat (1, 1)


# --8<-- [start:answer]
def backward(W1, W2, W3):
    h, g, y_hat = forward(W1, W2, W3)
    delta = y_hat - y      # (1, 1)
    dE_dW3 = g.T @ delta   # (2, 1)
    dE_dg = delta @ W3.T   # (1, 2)
    dE_dW2 = h.T @ dE_dg   # (2, 2)
    dE_dh = dE_dg @ W2.T   # (1, 2)
    dE_dW1 = x.T @ dE_dh   # (2, 2)
    return dE_dW1, dE_dW2, dE_dW3
# --8<-- [end:answer]


def finite_differences(layers, eps=1e-6):
    """dE/dW for every entry of every layer, from the forward pass alone."""
    slopes = []
    for W in layers:
        slope = np.zeros_like(W)
        for index in np.ndindex(W.shape):
            saved = W[index]
            W[index] = saved + eps
            E_up = error(forward(*layers)[2], y)
            W[index] = saved - eps
            E_down = error(forward(*layers)[2], y)
            W[index] = saved
            slope[index] = (E_up - E_down) / (2 * eps)
        slopes.append(slope)
    return slopes


if __name__ == "__main__":  # importable: depth_loop.py reuses W2, W3
    layers = [W1.copy(), W2, W3]
    gaps = [np.max(np.abs(a - f)) for a, f in
            zip(backward(*layers), finite_differences(layers), strict=True)]
    for name, W, gap in zip(["W1", "W2", "W3"], layers, gaps, strict=True):
        # The gap is rounding noise (about 1e-11): print the verdict, not it.
        print(f"dE/d{name}: shape {W.shape}, "
              f"within 1e-9 of finite differences: {gap < 1e-9}")
