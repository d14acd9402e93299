"""The 2-2-1 linear network of the walk-through: data, weights and maths.

Every other snippet imports from here, so the set-up is written once.
Run on its own, it prints the starting point.
"""

import numpy as np

# --8<-- [start:data]
x = np.array([[2.0, 3.0]])  # one example as a row [[i1, i2]]: shape (1, 2)
y = 1.0  # target
lr = 0.05  # learning rate

# Each layer is a matrix: rows are its inputs, columns the units they feed.
W1 = np.array([[0.34, 0.05],   # [[w1, w3],   i1 into h1, h2
               [0.13, 0.07]])  #  [w2, w4]]   i2 into h1, h2
W2 = np.array([[0.20],         # [[w5],       h1 into y_hat
               [0.01]])        #  [w6]]       h2 into y_hat
# --8<-- [end:data]

# --8<-- [start:batch]
# A small data set for "Many examples at once": one example a row, the first
# the walk-through's. A linear map fits it exactly (y = 0.2 i1 + 0.2 i2).
X = np.array([[2.0, 3.0],
              [1.0, 1.0],
              [3.0, 1.0],
              [0.0, 2.0]])  # (N, 2)
Y = np.array([[1.0],
              [0.4],
              [0.8],
              [0.4]])  # (N, 1)
# --8<-- [end:batch]


# --8<-- [start:forward]
def forward(x, W1, W2):
    """Hidden values h (1, 2) and prediction y_hat (1, 1). No activation."""
    h = x @ W1
    y_hat = h @ W2
    return h, y_hat


def error(y_hat, y):
    """E = (y_hat - y)^2 / 2, as a plain number."""
    return ((y_hat - y) ** 2 / 2).item()
# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(x, y, W1, W2):
    """Every gradient, from the error back to the first layer."""
    h, y_hat = forward(x, W1, W2)
    delta = y_hat - y     # dE/dy_hat                     (1, 1)
    dE_dW2 = h.T @ delta  # layer 2: input.T @ upstream   (2, 1)
    dE_dh = delta @ W2.T  # sent back: upstream @ W2.T    (1, 2)
    dE_dW1 = x.T @ dE_dh  # layer 1: input.T @ upstream   (2, 2)
    return delta, dE_dW2, dE_dh, dE_dW1
# --8<-- [end:backward]


# --8<-- [start:gradients]
def gradients(x, y, W1, W2):
    """dE/dW1 and dE/dW2, each the shape of its weights."""
    _, dE_dW2, _, dE_dW1 = backward(x, y, W1, W2)
    return dE_dW1, dE_dW2


def step(x, y, W1, W2, lr):
    """One epoch: every new weight is computed from the old ones."""
    dE_dW1, dE_dW2 = gradients(x, y, W1, W2)
    return W1 - lr * dE_dW1, W2 - lr * dE_dW2
# --8<-- [end:gradients]


def weights(W1, W2):
    """The matrices as the article's named weights w1..w6, in that order."""
    (w1, w3), (w2, w4) = W1
    (w5,), (w6,) = W2
    return {"w1": w1, "w2": w2, "w3": w3, "w4": w4, "w5": w5, "w6": w6}


def arrays(w):
    """The inverse of weights(): named weights back to (W1, W2)."""
    return (np.array([[w["w1"], w["w3"]], [w["w2"], w["w4"]]]),
            np.array([[w["w5"]], [w["w6"]]]))


def show(a, decimals=6):
    """An array as nested lists, fixed decimals: [[0.340000, 0.050000]]."""
    if np.ndim(a) == 0:
        return f"{float(a):.{decimals}f}"
    return "[" + ", ".join(show(row, decimals) for row in a) + "]"


if __name__ == "__main__":
    print(f"x  = {show(x, 0)}  (i1, i2), shape {x.shape}")
    print(f"y  = {y:.0f}  (target)")
    print(f"lr = {lr:.2f}  (learning rate)")
    for name, value in weights(W1, W2).items():
        print(f"{name} = {value:.2f}")
    print(f"W1 = [[w1, w3], [w2, w4]] has shape {W1.shape}")
    print(f"W2 = [[w5], [w6]] has shape {W2.shape}")
