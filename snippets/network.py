"""The 2-2-1 linear network of the walk-through: data, weights and maths.

Every other snippet imports from here, so the set-up is written once.
Run on its own, it prints the starting point.
"""

import numpy as np

# --8<-- [start:data]
x = np.array([2.0, 3.0])  # inputs [i1, i2]
y = 1.0  # target
lr = 0.05  # learning rate

# Rows: inputs i1, i2. Columns: hidden units h1, h2.
W1 = np.array([[0.34, 0.05],   # [[w1, w3],
               [0.13, 0.07]])  #  [w2, w4]]
w2 = np.array([0.20, 0.01])  # [w5, w6]: hidden units to the output
# --8<-- [end:data]


# --8<-- [start:forward]
def forward(x, W1, w2):
    """Hidden values h and prediction y_hat: no activation anywhere."""
    h = x @ W1
    y_hat = h @ w2
    return h, y_hat


def error(y_hat, y):
    return (y_hat - y) ** 2 / 2
# --8<-- [end:forward]


# --8<-- [start:gradients]
def gradients(x, y, W1, w2):
    """dE/dW1 and dE/dw2 by the chain rule, each the shape of its weights."""
    h, y_hat = forward(x, W1, w2)
    delta = y_hat - y  # dE/dy_hat
    dw2 = delta * h  # (2,): [dE/dw5, dE/dw6]
    dW1 = delta * np.outer(x, w2)  # (2, 2): [[dE/dw1, dE/dw3], [dE/dw2, dE/dw4]]
    return dW1, dw2


def step(x, y, W1, w2, lr):
    """One epoch: every new weight is computed from the old ones."""
    dW1, dw2 = gradients(x, y, W1, w2)
    return W1 - lr * dW1, w2 - lr * dw2
# --8<-- [end:gradients]


def weights(W1, w2):
    """The arrays as the article's named weights w1..w6, in that order."""
    (w1, w3), (w2_, w4) = W1  # w2_: the scalar weight, not the vector w2
    w5, w6 = w2
    return {"w1": w1, "w2": w2_, "w3": w3, "w4": w4, "w5": w5, "w6": w6}


def arrays(w):
    """The inverse of weights(): named weights back to (W1, w2)."""
    return (np.array([[w["w1"], w["w3"]], [w["w2"], w["w4"]]]),
            np.array([w["w5"], w["w6"]]))


if __name__ == "__main__":
    print(f"x  = [{x[0]:.0f}, {x[1]:.0f}]  (i1, i2)")
    print(f"y  = {y:.0f}  (target)")
    print(f"lr = {lr:.2f}  (learning rate)")
    for name, value in weights(W1, w2).items():
        print(f"{name} = {value:.2f}")
    print(f"W1 = [[w1, w3], [w2, w4]] has shape {W1.shape}")
    print(f"vector w2 = [w5, w6] has shape {w2.shape}")
