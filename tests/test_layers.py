"""The any-depth loop (snippets/layers.py) and the losses (snippets/losses.py)
against an oracle that shares no code with them: central finite differences of
an error written out here, reported as CS231n does, as a relative error."""

import numpy as np
import pytest

import sigmoid_network as mazur
from layers import backward, forward, identity, relu, sigmoid
from losses import (
    cross_entropy,
    cross_entropy_delta,
    softmax,
    softmax_cross_entropy,
    squared_error,
    squared_error_delta,
)

EPS = 1e-6


def relative(a, b):
    """|a - b| / max(|a|, |b|), 0 where both are 0."""
    scale = np.maximum(np.abs(a), np.abs(b))
    return np.where(scale > 0, np.abs(a - b) / np.where(scale > 0, scale, 1), 0.0)


def plain_forward(x, layers):
    """The forward pass again, apart from layers.py, with softmax by hand."""
    a = x
    for W, b, name in layers:
        z = a @ W + b
        if name == "softmax":
            e = np.exp(z - z.max(axis=1, keepdims=True))
            a = e / e.sum(axis=1, keepdims=True)
        else:
            a = {"identity": z, "relu": np.maximum(z, 0),
                 "sigmoid": 1 / (1 + np.exp(-z))}[name]
    return a


def plain_error(kind, out, y):
    rows = len(out)
    if kind == "squared":
        return np.sum((out - y) ** 2) / 2 / rows
    if kind == "binary":
        return -np.sum(y * np.log(out) + (1 - y) * np.log(1 - out)) / rows
    return -np.sum(y * np.log(out)) / rows


def numeric(x, y, plain, kind):
    """dE/dW and dE/db of every layer by central differences."""
    grads = []
    for W, b, _ in plain:
        pair = []
        for p in (W, b):
            g = np.zeros_like(p)
            for i in np.ndindex(p.shape):
                saved = p[i]
                p[i] = saved + EPS
                up = plain_error(kind, plain_forward(x, plain), y)
                p[i] = saved - EPS
                down = plain_error(kind, plain_forward(x, plain), y)
                p[i] = saved
                g[i] = (up - down) / (2 * EPS)
            pair.append(g)
        grads.append(pair)
    return grads


CASES = {  # hidden activation, output, error
    "sigmoid, squared": (sigmoid, identity, "squared"),
    "relu, sigmoid output, squared": (relu, sigmoid, "squared"),
    "sigmoid, sigmoid output, cross-entropy": (sigmoid, sigmoid, "binary"),
    "relu, softmax, cross-entropy": (relu, "softmax", "softmax"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_loop_agrees_with_finite_differences(case):
    hidden, output, kind = CASES[case]
    rng = np.random.default_rng(7)
    sizes = [3, 4, 4, 3]
    x = rng.normal(size=(5, 3))
    y = (np.eye(3)[rng.integers(0, 3, 5)] if kind == "softmax"
         else rng.uniform(0.1, 0.9, (5, 3)))
    shapes = list(zip(sizes, sizes[1:], strict=False))
    params = [(rng.normal(size=s), rng.normal(size=s[1])) for s in shapes]
    fs = [hidden, hidden, output]
    layers = [(W, b, softmax if f == "softmax" else f)
              for (W, b), f in zip(params, fs, strict=True)]
    # softmax is no elementwise activation: its layer's identity, then softmax.
    net = [(W, b, identity if f is softmax else f) for W, b, f in layers]
    inputs, zs = forward(x, net)
    if output == "softmax":
        inputs[-1] = softmax(zs[-1])
    delta = {"squared": squared_error_delta, "binary": cross_entropy_delta,
             "softmax": cross_entropy_delta}[kind](net, inputs, zs, y)
    names = ["relu" if f is relu else "sigmoid" if f is sigmoid else
             "softmax" if f == "softmax" else "identity" for f in fs]
    plain = [(W.copy(), b.copy(), n) for (W, b), n in zip(params, names, strict=True)]
    for (dW, db), (nW, nb) in zip(backward(net, inputs, zs, delta),
                                  numeric(x, y, plain, kind), strict=True):
        assert relative(dW, nW).max() < 1e-6, case
        assert relative(db, nb).max() < 1e-6, case
    error = {"squared": squared_error, "binary": cross_entropy,
             "softmax": softmax_cross_entropy}[kind](inputs[-1], y)
    assert error == pytest.approx(plain_error(kind, plain_forward(x, plain), y), rel=1e-12)


def test_the_loop_gives_mazurs_gradients():
    """Mazur's shared bias per layer: its gradient is the sum of the per-unit ones."""
    net = [(mazur.W1, np.full(2, mazur.b1), sigmoid), (mazur.W2, np.full(2, mazur.b2), sigmoid)]
    inputs, zs = forward(mazur.x, net)
    delta = squared_error_delta(net, inputs, zs, mazur.y)
    (dW1, db1), (dW2, db2) = backward(net, inputs, zs, delta)
    g = mazur.backward(mazur.x, mazur.y, mazur.W1, mazur.W2, mazur.b1, mazur.b2)
    assert relative(dW1, g["dE_dW1"]).max() < 1e-14
    assert relative(dW2, g["dE_dW2"]).max() < 1e-14
    assert db1.sum() == pytest.approx(g["dE_db1"], rel=1e-14)
    assert db2.sum() == pytest.approx(g["dE_db2"], rel=1e-14)
