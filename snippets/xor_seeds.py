"""XOR from 100 seeds with each error: how many runs learn it, and by when.

The 100 networks of one error train at once, side by side as one wide
network: their hidden layers share the two inputs (W1 is 2 x 200), and the
output layer is block-diagonal (W2 is 200 x 100), each output fed only by
its own network's two hidden units. Every error sums over a row's outputs,
so each network's gradient is its own, as if it trained alone.
"""

from collections import Counter

import numpy as np

from layers import backward, forward, sigmoid, step
from losses import cross_entropy_delta, squared_error_delta
from xor_fit import X_xor, Y_xor
from xor_train import LR, init

SEEDS = range(100)
CHECKS = (250, 500, 1000, 2000, 5000)  # epochs at which the runs are judged


# --8<-- [start:side_by_side]
def side_by_side(seeds):
    """One wide network holding init(seed) for every seed, and the mask of
    the output layer's weights that belong to a network (1) or to none."""
    nets = [init(seed) for seed in seeds]
    W1 = np.hstack([W for (W, _, _), _ in nets])            # (2, 2S)
    b1 = np.concatenate([b for (_, b, _), _ in nets])       # (2S,)
    mask = np.kron(np.eye(len(nets)), np.ones((2, 1)))      # (2S, S)
    W2 = mask * np.vstack([W for _, (W, _, _) in nets])     # block-diagonal
    b2 = np.concatenate([b for _, (_, b, _) in nets])       # (S,)
    return [(W1, b1, sigmoid), (W2, b2, sigmoid)], mask


def sweep(delta_of, seeds=SEEDS, checks=CHECKS, lr=LR):
    """{epochs: every network's four outputs then, a column each}."""
    layers, mask = side_by_side(seeds)
    Y_wide = np.repeat(Y_xor, len(seeds), axis=1)  # each network's targets
    found = {}
    for epoch in range(checks[-1] + 1):
        inputs, zs = forward(X_xor, layers)
        if epoch in checks:
            found[epoch] = inputs[-1]
        (dW1, db1), (dW2, db2) = backward(
            layers, inputs, zs, delta_of(layers, inputs, zs, Y_wide))
        # Off the blocks a weight joins two networks: keep it at 0.
        layers = step(layers, [(dW1, db1), (dW2 * mask, db2)], lr)
    return found


def learned(out):
    """Per network (column): is every output on its target's side of 0.5?"""
    return np.all(np.abs(out - Y_xor) < 0.5, axis=0)
# --8<-- [end:side_by_side]


if __name__ == "__main__":
    ce_out = sweep(cross_entropy_delta)
    ce = {epoch: learned(out) for epoch, out in ce_out.items()}
    se = {epoch: learned(out) for epoch, out in
          sweep(squared_error_delta).items()}
    print(f"runs that learn XOR, of {len(SEEDS)} seeds (lr = {LR:.1f})")
    print("epochs  cross-entropy  squared error  both  neither")
    for epoch in CHECKS:
        c, s = ce[epoch], se[epoch]
        print(f"{epoch:6d}  {c.sum():13d}  {s.sum():13d}  {(c & s).sum():4d}"
              f"  {(~c & ~s).sum():7d}")
    c, s = ce[CHECKS[-1]], se[CHECKS[-1]]
    for name, seeds in (("cross-entropy only", c & ~s),
                        ("squared error only", s & ~c)):
        print(f"after {CHECKS[-1]} epochs, learned with {name}: "
              + ("seed " if seeds.sum() == 1 else "seeds ")
              + ", ".join(str(k) for k in np.flatnonzero(seeds)))
    # Where the runs that fail with both errors end, cross-entropy's outputs
    # rounded and sorted: which values they settle at, and in how many runs.
    where = Counter(" ".join(f"{v:.1f}" for v in sorted(out))
                    for out in ce_out[CHECKS[-1]][:, ~c & ~s].T)
    print(f"the {(~c & ~s).sum()} runs that fail with both, cross-entropy's"
          " outputs, rounded and sorted:")
    for pattern, runs in where.most_common():
        print(f"  {pattern}  in {runs} runs")
