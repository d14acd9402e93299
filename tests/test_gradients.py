"""Every analytic gradient agrees with central finite differences (float64).

The oracle below writes the network out by hand, apart from snippets/, so a
mistake in network.py cannot hide in both. The article's scalar update must fail it.
"""

import re
import sys

import numpy as np
import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "snippets"))
import network  # noqa: E402

NAMES = ["w1", "w2", "w3", "w4", "w5", "w6"]
EPS = 1e-6
TOLERANCE = 1e-8  # central differences are accurate to about EPS**2 here; rounding 1e-10


def loss(w, i1=2.0, i2=3.0, y=1.0):
    """E for weights w = [w1..w6], from the network's definition."""
    h1 = i1 * w[0] + i2 * w[1]
    h2 = i1 * w[2] + i2 * w[3]
    return 0.5 * (h1 * w[4] + h2 * w[5] - y) ** 2


def finite_difference(w, k):
    up, down = list(w), list(w)
    up[k] += EPS
    down[k] -= EPS
    return (loss(up) - loss(down)) / (2 * EPS)


def disagreements(gradient_fn, w):
    """Names of the weights whose analytic gradient differs from the oracle."""
    W1 = np.array([[w[0], w[2]], [w[1], w[3]]])
    w2 = np.array([w[4], w[5]])
    analytic = network.weights(*gradient_fn(network.x, network.y, W1, w2))
    return [f"dE/d{name}: analytic {analytic[name]:+.10f}, finite difference "
            f"{finite_difference(w, k):+.10f}"
            for k, name in enumerate(NAMES)
            if abs(analytic[name] - finite_difference(w, k)) > TOLERANCE]


START = [0.34, 0.13, 0.05, 0.07, 0.20, 0.01]
POINTS = [START] + np.random.default_rng(0).uniform(-1, 1, (5, 6)).tolist()


@pytest.mark.parametrize("w", POINTS, ids=[f"point{k}" for k in range(len(POINTS))])
def test_gradients_match_finite_differences(w):
    wrong = disagreements(network.gradients, w)
    assert not wrong, "network.gradients is wrong for:\n" + "\n".join(wrong)


def test_article_scalar_update_is_rejected():
    """The article's np.dot(inputs, s_weights) gradient fails for all four first-layer weights."""
    def article(x, y, W1, w2):
        delta = x @ W1 @ w2 - y
        return delta * np.dot(x, w2) * np.ones((2, 2)), delta * (x @ W1)

    wrong = disagreements(article, START)
    assert [line.split(":")[0] for line in wrong] == [f"dE/d{n}" for n in NAMES[:4]], wrong


GRADIENT_LINE = re.compile(r"dE/d(w[1-6]) = .*= (-?\d+\.\d+)$")


@pytest.mark.parametrize("output", ["output_gradients", "hidden_gradients"])
def test_printed_gradients_match_finite_differences(output):
    lines = (ROOT / "snippets" / f"{output}.txt").read_text().splitlines()
    printed = [GRADIENT_LINE.search(line).groups() for line in lines
               if GRADIENT_LINE.search(line)]
    assert printed, f"snippets/{output}.txt prints no gradient"
    for name, value in printed:
        oracle = finite_difference(START, NAMES.index(name))
        assert abs(float(value) - oracle) <= 5e-7, (
            f"snippets/{output}.txt: dE/d{name} = {value}, finite difference {oracle:.6f}")


def test_printed_matrix_gradients_match_finite_differences():
    text = (ROOT / "snippets" / "matrix_gradients.txt").read_text()
    values = [float(v) for v in re.findall(r"-?\d+\.\d{6}", text)]
    # printed order: dE/dw5, dE/dw6, then rows of dE/dW1: w1, w3 / w2, w4
    order = ["w5", "w6", "w1", "w3", "w2", "w4"]
    for name, value in zip(order, values, strict=True):
        oracle = finite_difference(START, NAMES.index(name))
        assert abs(value - oracle) <= 5e-7, f"matrix_gradients.txt: dE/d{name} = {value}"
