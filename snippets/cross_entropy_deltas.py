"""Mazur's outputs under two errors: the squared error's output deltas keep
the sigmoid's slope o (1 - o), cross-entropy's do not."""

import numpy as np

from layers import forward, sigmoid
from losses import (
    cross_entropy,
    cross_entropy_delta,
    squared_error,
    squared_error_delta,
)
from sigmoid_network import W1, W2, b1, b2, x, y

# Mazur's network as layers.py's list: his one bias per layer is a bias per
# unit, equal for both units.
mazur = [(W1, np.full(2, b1), sigmoid), (W2, np.full(2, b2), sigmoid)]

if __name__ == "__main__":
    inputs, zs = forward(x, mazur)
    o = inputs[-1]
    print(f"o1 = {o[0, 0]:.9f}, o2 = {o[0, 1]:.9f}")
    print(f"squared error E = {squared_error(o, y):.9f}")
    print(f"cross-entropy E = {cross_entropy(o, y):.9f}")
    se = squared_error_delta(mazur, inputs, zs, y)[0]
    ce = cross_entropy_delta(mazur, inputs, zs, y)[0]
    for k in range(2):
        slope = o[0, k] * (1 - o[0, k])
        print(f"delta_o{k + 1}: squared error {se[k]:.9f}, "
              f"cross-entropy {ce[k]:.9f}, ratio {ce[k] / se[k]:.4f}")
        print(f"   the ratio is 1 / (o{k + 1} (1 - o{k + 1})) "
              f"= 1 / {slope:.9f}")
