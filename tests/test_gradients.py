"""Every analytic gradient agrees with central finite differences (float64).

The oracle below writes the network out by hand, apart from snippets/, so a
mistake in network.py cannot hide in both. The article's scalar update must fail it.
"""

import re

import numpy as np
import pytest

import errata
import network
from conftest import ROOT

NAMES = ["w1", "w2", "w3", "w4", "w5", "w6"]
EPS = 1e-6
TOLERANCE = 1e-8  # central differences are accurate to about EPS**2 here; rounding 1e-10


def loss(w, i1=2.0, i2=3.0, y=1.0):
    """E for weights w = [w1..w6], from the network's definition."""
    h1 = i1 * w[0] + i2 * w[1]
    h2 = i1 * w[2] + i2 * w[3]
    return 0.5 * (h1 * w[4] + h2 * w[5] - y) ** 2


def loss_from_hidden(h1, h2, w):
    """E from the hidden values on, for dE/dh."""
    return 0.5 * (h1 * w[4] + h2 * w[5] - 1.0) ** 2


def finite_difference(w, k):
    up, down = list(w), list(w)
    up[k] += EPS
    down[k] -= EPS
    return (loss(up) - loss(down)) / (2 * EPS)


def hidden_finite_difference(w, j):
    """dE/dh_j: nudge one hidden value of the forward pass at the inputs (2, 3)."""
    h = [2.0 * w[0] + 3.0 * w[1], 2.0 * w[2] + 3.0 * w[3]]
    up, down = list(h), list(h)
    up[j] += EPS
    down[j] -= EPS
    return (loss_from_hidden(*up, w) - loss_from_hidden(*down, w)) / (2 * EPS)


def matrices(w):
    return np.array([[w[0], w[2]], [w[1], w[3]]]), np.array([[w[4]], [w[5]]])


def disagreements(gradient_fn, w):
    """Names of the weights whose analytic gradient differs from the oracle."""
    analytic = network.weights(*gradient_fn(network.x, network.y, *matrices(w)))
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


@pytest.mark.parametrize("w", POINTS, ids=[f"point{k}" for k in range(len(POINTS))])
def test_hidden_gradient_matches_finite_differences(w):
    """dE/dh, the gradient the backward pass sends to the hidden units."""
    dE_dh = network.backward(network.x, network.y, *matrices(w))[2]
    for j in range(2):
        oracle = hidden_finite_difference(w, j)
        assert abs(dE_dh[0, j] - oracle) <= TOLERANCE, f"dE/dh{j + 1}: {dE_dh[0, j]} vs {oracle}"


def test_article_scalar_update_is_rejected():
    """The article's np.dot(inputs, s_weights) gradient fails for all four first-layer weights."""
    def article(x, y, W1, W2):
        """The gradient errata.article_step steps along: (old - new) / lr."""
        W1_new, W2_new = errata.article_step(x, y, W1, W2, network.lr)
        return (W1 - W1_new) / network.lr, (W2 - W2_new) / network.lr

    wrong = disagreements(article, START)
    assert [line.split(":")[0] for line in wrong] == [f"dE/d{n}" for n in NAMES[:4]], wrong


GRADIENT_LINE = re.compile(r"dE/d(w[1-6]|h[12]) = .*= (-?\d+\.\d+)$")


@pytest.mark.parametrize("output", ["output_gradients", "hidden_gradients"])
def test_printed_gradients_match_finite_differences(output):
    lines = (ROOT / "snippets" / f"{output}.txt").read_text().splitlines()
    printed = [GRADIENT_LINE.search(line).groups() for line in lines
               if GRADIENT_LINE.search(line)]
    assert printed, f"snippets/{output}.txt prints no gradient"
    for name, value in printed:
        oracle = (hidden_finite_difference(START, int(name[1]) - 1) if name[0] == "h"
                  else finite_difference(START, NAMES.index(name)))
        assert abs(float(value) - oracle) <= 5e-7, (
            f"snippets/{output}.txt: dE/d{name} = {value}, finite difference {oracle:.6f}")


def test_printed_stages_match_finite_differences():
    """backprop.txt prints delta, dE/dW2, dE/dh, dE/dW1 in that order."""
    text = (ROOT / "snippets" / "backprop.txt").read_text()
    values = [float(v) for v in re.findall(r"-?\d+\.\d{6}", text)]
    delta = (2 * 0.34 + 3 * 0.13) * 0.20 + (2 * 0.05 + 3 * 0.07) * 0.01 - 1.0  # y_hat - y
    oracles = [delta,
               *(finite_difference(START, NAMES.index(n)) for n in ("w5", "w6")),
               *(hidden_finite_difference(START, j) for j in (0, 1)),
               *(finite_difference(START, NAMES.index(n)) for n in ("w1", "w3", "w2", "w4"))]
    assert len(values) == len(oracles), text
    for value, oracle in zip(values, oracles, strict=True):
        assert abs(value - oracle) <= 5e-7, f"backprop.txt: {value}, independently {oracle:.6f}"
