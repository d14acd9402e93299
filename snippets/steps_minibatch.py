"""Minibatches: a step from a few examples at a time, on a seeded synthetic
set of 256, against a step from all of them."""

import numpy as np

from batch import batch_backward, batch_error, batch_forward
from network import W1, W2


# --8<-- [start:data]
def synthetic(N=256, seed=24):
    """N examples with inputs drawn from [0, 3) and targets 0.2 i1 + 0.2 i2
    plus noise of standard deviation 0.05: no weights fit them exactly.
    numpy's default generator (PCG64), seeded: the same set every run."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(0.0, 3.0, size=(N, 2))
    Y = X @ [[0.2], [0.2]] + 0.05 * rng.standard_normal((N, 1))
    return X, Y


def best_error(X, Y):
    """The lowest E any weights reach: the network computes X @ (W1 @ W2),
    a linear map, so its best is the least-squares fit of X to Y."""
    w, *_ = np.linalg.lstsq(X, Y, rcond=None)
    return batch_error(X @ w, Y)
# --8<-- [end:data]


# --8<-- [start:cost]
def product_multiplications(B):
    """batch_backward's five products on B examples, (B,2)(2,2) (B,2)(2,1)
    (2,B)(B,1) (B,1)(1,2) (2,B)(B,2): n x k times k x m is n k m."""
    products = [(B, 2, 2), (B, 2, 1), (2, B, 1), (B, 1, 2), (2, B, 2)]
    return sum(n * k * m for n, k, m in products)


def multiplications(B):
    """Multiplications in one step on B examples: the five products, the
    division by B, and the update's lr times each of the six gradients."""
    return product_multiplications(B) + B + 6
# --8<-- [end:cost]


# --8<-- [start:train]
def minibatch_train(X, Y, B, epochs, lr=0.05, seed=1):
    """E on the whole set before each epoch and after the last. An epoch
    shuffles the examples (its own seeded generator), then steps once per
    minibatch of B of them; B = len(X) is the full batch."""
    rng = np.random.default_rng(seed)
    W1_, W2_ = W1, W2
    E = [batch_error(batch_forward(X, W1_, W2_)[1], Y)]
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for first in range(0, len(X), B):
            rows = order[first:first + B]
            dE_dW1, dE_dW2 = batch_backward(X[rows], Y[rows], W1_, W2_)
            W1_, W2_ = W1_ - lr * dE_dW1, W2_ - lr * dE_dW2
        E.append(batch_error(batch_forward(X, W1_, W2_)[1], Y))
    return E
# --8<-- [end:train]


if __name__ == "__main__":
    X_many, Y_many = synthetic()
    E_best = best_error(X_many, Y_many)
    N = len(X_many)
    print(f"N = {N}: inputs from [0, 3), targets 0.20 i1 + 0.20 i2 "
          f"+ noise of sd 0.05")
    print(f"the first: x = {X_many[0, 0]:.4f}, {X_many[0, 1]:.4f}; "
          f"y = {Y_many[0, 0]:.4f}")
    print(f"the best any weights reach: E = {E_best:.6f}")
    print(f"goal: E under 1.1 times that, {1.1 * E_best:.6f}; lr = 0.05")
    print("    B  steps an  multiplications  epochs to  multiplications"
          "  E after")
    print("       epoch     an epoch         the goal   to the goal"
          "      200 epochs")
    for B in (256, 32, 8, 1):
        E = minibatch_train(X_many, Y_many, B, 200)
        reached = next(t for t, E_t in enumerate(E) if E_t < 1.1 * E_best)
        per_epoch = N // B * multiplications(B)
        print(f"  {B:3d}  {N // B:8d}  {per_epoch:15,d}  {reached:9d}  "
              f"{reached * per_epoch:15,d}  {E[-1]:.6f}")
    # An epoch's products and divisions do not depend on B; its updates do.
    full, single = multiplications(N), N * multiplications(1)
    print(f"an epoch at any B: {product_multiplications(N):,d} in the "
          f"products, {N:,d} in the division by B,")
    print(f"    then 6 a step in the updates: B = 1 does {single:,d},")
    print(f"    {single / full:.2f} times the full batch's {full:,d}")
