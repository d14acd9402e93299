"""XOR's four points, and the best affine fit to them: least squares with a
bias, y_hat = u1 i1 + u2 i2 + u0."""

import numpy as np

from network import show

# --8<-- [start:data]
# Named apart from the batch chapter's X and Y, which the notebook keeps.
X_xor = np.array([[0.0, 0.0],
                  [0.0, 1.0],
                  [1.0, 0.0],
                  [1.0, 1.0]])  # (4, 2): one point a row
Y_xor = np.array([[0.0],
                  [1.0],
                  [1.0],
                  [0.0]])  # (4, 1): 1 where exactly one input is 1
# --8<-- [end:data]

if __name__ == "__main__":
    # A column of ones makes the bias u0 one more weight: A @ [u1, u2, u0].
    A = np.hstack([X_xor, np.ones((4, 1))])
    # The normal equations A.T A theta = A.T Y: where E's slope is zero.
    AtA, AtY = A.T @ A, A.T @ Y_xor
    theta = np.linalg.solve(AtA, AtY)
    print(f"A.T @ A = {show(AtA, 0)}, A.T @ Y = {show(AtY, 0)}")
    u1, u2, u0 = theta[:, 0]  # u, not w: w1, w2 are the walk-through's
    print(f"best fit: u1 = {u1:.6f}, u2 = {u2:.6f}, u0 = {u0:.6f}")
    y_hat = A @ theta
    for (i1, i2), t, p in zip(X_xor, Y_xor[:, 0], y_hat[:, 0], strict=True):
        print(f"  x = ({i1:.0f}, {i2:.0f}), y = {t:.0f}: y_hat = {p:.6f}")
    E = np.mean((y_hat - Y_xor) ** 2) / 2
    print(f"E = mean of (y_hat - y)^2 / 2 = {E:.6f}")
