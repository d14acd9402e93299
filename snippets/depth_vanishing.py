"""Vanishing and exploding gradients in eight layers of 32 units.

The same network started three ways, and the size of the gradient that
reaches each layer."""

import numpy as np

from layers import backward, forward, identity, output_delta, relu, sigmoid

WIDTH, DEPTH = 32, 8
SEED = 0  # numpy's default_rng (PCG64): the same draws on every machine

# --8<-- [start:starts]
# Each start: the hidden layers' activation, and the standard deviation of
# a layer's weights from its n inputs and m units.
STARTS = {
    "sigmoid, Xavier": (sigmoid, lambda n, m: np.sqrt(2 / (n + m))),
    "ReLU, He": (relu, lambda n, m: np.sqrt(2 / n)),
    "ReLU, std 1": (relu, lambda n, m: 1.0),
}


def deep_network(start):
    """One input row, its 32 targets and eight layers (zero biases, a linear
    output layer). Every start scales the same standard-normal draws."""
    f, std = STARTS[start]
    rng = np.random.default_rng(SEED)
    x_deep = rng.standard_normal((1, WIDTH))
    y_deep = rng.standard_normal((1, WIDTH))
    net = [(rng.standard_normal((WIDTH, WIDTH)) * std(WIDTH, WIDTH),
            np.zeros(WIDTH), f if layer < DEPTH - 1 else identity)
           for layer in range(DEPTH)]
    return x_deep, y_deep, net


def gradient_norms(start):
    """(||delta||, ||dE/dW||) of every layer, first layer first, for
    E = sum of (out - y)^2 / 2. ||.|| is the square root of the sum of the
    squared entries; for one example, delta = dE/dz is dE/db."""
    x_deep, y_deep, net = deep_network(start)
    inputs, zs = forward(x_deep, net)
    delta = output_delta(net, inputs, zs, inputs[-1] - y_deep)
    grads = backward(net, inputs, zs, delta)
    return ([np.linalg.norm(dE_db) for _, dE_db in grads],
            [np.linalg.norm(dE_dW) for dE_dW, _ in grads])
# --8<-- [end:starts]


def table_row(label, values, form=".2e"):
    return f"{label:<14}" + "".join(f"{v:>16{form}}" for v in values)


if __name__ == "__main__":
    norms = {start: gradient_norms(start) for start in STARTS}
    print(f"{DEPTH} layers of {WIDTH} units; x, y and weights from "
          f"default_rng({SEED})")
    print("weight std: " + ", ".join(
        f"{start.split(', ')[1]} {std(WIDTH, WIDTH):.6f}"
        for start, (_, std) in STARTS.items()))
    print(" " * 14 + "".join(f"{start:>16}" for start in STARTS))
    for k, title in enumerate(["||delta||, at each layer's z (= ||dE/db||):",
                               "||dE/dW||, each layer's weights:"]):
        print(title)
        for layer in range(DEPTH):
            print(table_row(f"layer {layer + 1}",
                            [norms[start][k][layer] for start in STARTS]))
        ratios = [norms[start][k][0] / norms[start][k][-1] for start in STARTS]
        print(table_row("first / last", ratios))
        if k == 0:  # the factor per layer down, on average over 7 steps
            steps = [r ** (1 / (DEPTH - 1)) for r in ratios]
            print(table_row("per layer", steps, ".3f"))
    outputs = []
    for start in STARTS:
        x_deep, _, net = deep_network(start)
        outputs.append(np.linalg.norm(forward(x_deep, net)[0][-1]))
    print(table_row("||output||", outputs))
