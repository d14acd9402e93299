"""Weight decay on the walk-through's network: a term lam/2 * (sum of the
weights squared) in the error, lam * w in each weight's gradient."""

import numpy as np

from network import W1, W2, arrays, backward, error, forward, weights, x, y
from optimizers import decayed

lam = 0.01  # how much the weights' size costs


# --8<-- [start:backward]
def decayed_gradients(x, y, W1, W2, lam):
    """dE/dW1, dE/dW2 of E + lam/2 * (every weight squared). The backward
    pass runs as before: delta and dE/dh do not see the new term, which
    depends on the weights alone; it joins each layer's own gradient."""
    delta, dE_dW2, dE_dh, dE_dW1 = backward(x, y, W1, W2)
    return decayed(dE_dW1, W1, lam), decayed(dE_dW2, W2, lam)
# --8<-- [end:backward]


def decayed_error(W1, W2, lam):
    return (error(forward(x, W1, W2)[1], y)
            + lam / 2 * (np.sum(W1 ** 2) + np.sum(W2 ** 2)))


def decay_train(epochs, lam, lr=0.05):
    W1_, W2_ = W1, W2
    for _ in range(epochs):
        dE_dW1, dE_dW2 = decayed_gradients(x, y, W1_, W2_, lam)
        W1_, W2_ = W1_ - lr * dE_dW1, W2_ - lr * dE_dW2
    return W1_, W2_


if __name__ == "__main__":
    plain = weights(*decayed_gradients(x, y, W1, W2, 0.0))
    with_decay = weights(*decayed_gradients(x, y, W1, W2, lam))
    w = weights(W1, W2)
    print(f"lam = {lam:.2f}; the first epoch's gradients:")
    for name in ("w1", "w5"):
        print(f"  dE/d{name}: {plain[name]:.6f} + {lam:.2f} * "
              f"{w[name]:.2f} = {with_decay[name]:.6f}")
    # Central differences of the decayed error, one weight at a time.
    worst = 0.0
    for name in w:
        up, down = dict(w), dict(w)
        up[name] += 1e-6
        down[name] -= 1e-6
        slope = (decayed_error(*arrays(up), lam)
                 - decayed_error(*arrays(down), lam)) / 2e-6
        gap = abs(slope - with_decay[name]) / max(abs(slope),
                                                  abs(with_decay[name]))
        worst = max(worst, gap)
    print(f"  finite differences, all six weights: relative error under "
          f"1e-07: {worst < 1e-7}")
    print(f"  each step: w <- {1 - 0.05 * lam:.4f} w - 0.05 dE/dw")
    print("after 200 epochs, lr = 0.05:")
    for lam_ in (0.0, lam):
        W1_, W2_ = decay_train(200, lam_)
        y_hat = forward(x, W1_, W2_)[1].item()
        size = np.sum(W1_ ** 2) + np.sum(W2_ ** 2)
        print(f"  lam = {lam_:.2f}: y_hat = {y_hat:.6f}, "
              f"sum of weights squared = {size:.6f}")
