"""Errors and the output layer's delta (dE/dz) each one gives, for the loop
in layers.py. Every error is summed over a row's outputs and averaged over
the rows, so one example (one row) gives the plain sum. Later chapters
import from here. Run on its own, it prints each on Mazur's outputs.
"""

import numpy as np

from layers import output_delta


# --8<-- [start:squared]
def squared_error(out, y):
    """E = sum of (out - y)^2 / 2 per row, averaged over the rows."""
    return (np.sum((out - y) ** 2) / 2 / len(out)).item()


def squared_error_delta(layers, inputs, zs, y):
    """dE/dz of the output layer: (out - y) / N times f'(z)."""
    out = inputs[-1]
    return output_delta(layers, inputs, zs, (out - y) / len(out))
# --8<-- [end:squared]


# --8<-- [start:cross_entropy]
def cross_entropy(out, y):
    """Binary cross-entropy of sigmoid outputs, each output a yes/no
    question: -[y log(out) + (1 - y) log(1 - out)], summed per row,
    averaged over the rows."""
    return (-np.sum(y * np.log(out) + (1 - y) * np.log(1 - out))
            / len(out)).item()


def softmax(z):
    """Each row's net inputs as probabilities that sum to 1. Shifting a row
    by its largest entry changes nothing but keeps exp() from overflowing."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def softmax_cross_entropy(out, y):
    """-sum of y log(out) per row (y one-hot), averaged over the rows."""
    return (-np.sum(y * np.log(out)) / len(out)).item()


def cross_entropy_delta(layers, inputs, zs, y):
    """dE/dz of a sigmoid output under cross_entropy, or of a softmax
    output under softmax_cross_entropy: f' cancels, (out - y) / N."""
    out = inputs[-1]
    return (out - y) / len(out)
# --8<-- [end:cross_entropy]


if __name__ == "__main__":
    out = np.array([[0.751365070, 0.772928465]])  # Mazur's o1, o2
    y = np.array([[0.01, 0.99]])
    print(f"squared error E = {squared_error(out, y):.9f}")
    print(f"cross-entropy E = {cross_entropy(out, y):.9f}")
    z = np.array([[1.0, 2.0, 3.0]])
    print("softmax([1, 2, 3]) = "
          + ", ".join(f"{p:.6f}" for p in softmax(z)[0]))
