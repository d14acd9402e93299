"""XOR, derived apart from the snippets: the normal equations solved by hand, the
2-2-1 network trained again in plain Python floats (every weight by its name, no
layers.py), central finite differences of an error written out here for every
gradient (relative error), and the wide network of xor_seeds.py against separate
runs. The printed outputs must show these values."""

import math
import re

import numpy as np
import pytest

import xor_seeds
from conftest import DOCS, ROOT
from layers import backward, forward
from losses import cross_entropy_delta, squared_error_delta
from xor_train import init, outputs, train

POINTS = [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
TARGETS = [0.0, 1.0, 1.0, 0.0]
LR = 2.0
EPS = 1e-6


def printed(snippet):
    return (ROOT / "snippets" / f"{snippet}.txt").read_text(encoding="utf-8")


def shows(text, value, digits):
    return re.search(rf"(?<![\d.]){re.escape(f'{value:.{digits}f}')}(?!\d)", text)


def relative(a, b):
    scale = max(abs(a), abs(b))
    return abs(a - b) / scale if scale else 0.0


def test_the_best_affine_fit_is_one_half_everywhere():
    """Normal equations A^T A t = A^T y by sums over the points, solved by Cramer's rule."""
    rows = [(i1, i2, 1.0) for i1, i2 in POINTS]
    AtA = [[sum(r[a] * r[b] for r in rows) for b in range(3)] for a in range(3)]
    Aty = [sum(r[a] * t for r, t in zip(rows, TARGETS, strict=True)) for a in range(3)]

    def det(m):
        return (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]))

    D = det(AtA)
    assert D == 4
    theta = [det([[Aty[r] if c == k else AtA[r][c] for c in range(3)] for r in range(3)]) / D
             for k in range(3)]
    assert theta == [0.0, 0.0, 0.5]
    text = printed("xor_fit")
    assert "u1 = 0.000000, u2 = 0.000000, u0 = 0.500000" in text
    assert text.count("y_hat = 0.500000") == 4
    E = sum((0.5 - t) ** 2 / 2 for t in TARGETS) / 4
    assert shows(text, E, 6)


def sig(z):
    return 1 / (1 + math.exp(-z))


def named(layers):
    """The 2-2-1 network's nine numbers by name: u_jk from input j to hidden k, c_k the
    hidden biases, v_k from hidden k to the output, d the output bias."""
    (W1, b1, _), (W2, b2, _) = layers
    return {"u11": W1[0, 0], "u12": W1[0, 1], "u21": W1[1, 0], "u22": W1[1, 1],
            "c1": b1[0], "c2": b1[1], "v1": W2[0, 0], "v2": W2[1, 0], "d": b2[0]}


def plain_forward(p, i1, i2):
    h1 = sig(p["u11"] * i1 + p["u21"] * i2 + p["c1"])
    h2 = sig(p["u12"] * i1 + p["u22"] * i2 + p["c2"])
    return h1, h2, sig(p["v1"] * h1 + p["v2"] * h2 + p["d"])


def plain_error(p, kind):
    total = 0.0
    for (i1, i2), t in zip(POINTS, TARGETS, strict=True):
        o = plain_forward(p, i1, i2)[2]
        total += (-(t * math.log(o) + (1 - t) * math.log(1 - o)) if kind == "ce"
                  else (o - t) ** 2 / 2)
    return total / len(POINTS)


def plain_gradients(p, kind):
    """The chain rule by hand, point by point, averaged over the four points."""
    g = dict.fromkeys(p, 0.0)
    for (i1, i2), t in zip(POINTS, TARGETS, strict=True):
        h1, h2, o = plain_forward(p, i1, i2)
        d = (o - t) if kind == "ce" else (o - t) * o * (1 - o)
        d /= len(POINTS)
        d1 = d * p["v1"] * h1 * (1 - h1)
        d2 = d * p["v2"] * h2 * (1 - h2)
        for name, value in (("v1", d * h1), ("v2", d * h2), ("d", d),
                            ("u11", d1 * i1), ("u21", d1 * i2), ("c1", d1),
                            ("u12", d2 * i1), ("u22", d2 * i2), ("c2", d2)):
            g[name] += value
    return g


def plain_train(seed, kind, epochs):
    """[parameters before each update and after the last], from the same start."""
    p = named(init(seed))
    history = [p]
    for _ in range(epochs):
        g = plain_gradients(p, kind)
        p = {k: v - LR * g[k] for k, v in p.items()}
        history.append(p)
    return history


def outputs_of(p):
    return [plain_forward(p, i1, i2)[2] for i1, i2 in POINTS]


def test_seed_0_learns_xor_in_plain_floats():
    history = plain_train(0, "ce", 2000)
    loop = train(init(0), cross_entropy_delta, epochs=2000)
    text = printed("xor_train")
    for epoch in (0, 100, 200, 300, 400, 500, 1000, 2000):
        mine = outputs_of(history[epoch])
        assert max(relative(a, b) for a, b in
                   zip(mine, outputs(loop[epoch]), strict=True)) < 1e-9, epoch
        row = next(line for line in text.splitlines()
                   if line.startswith(f"{epoch:5d}  "))
        assert shows(row, plain_error(history[epoch], "ce"), 6), row
        assert all(shows(row, o, 4) for o in mine), row
    assert shows(text, math.log(2), 6)
    for (i1, i2), o in zip(POINTS, outputs_of(history[-1]), strict=True):
        assert abs(o - (i1 != i2)) < 0.01  # every output within 0.01 of its target


def test_the_stuck_run_in_plain_floats():
    """Seed 5 under the squared error: the printed rows, and the collapse they show."""
    history = plain_train(5, "se", 5000)
    text = printed("xor_stuck")
    for epoch in (1000, 2000, 5000):
        row = next(line for line in text.splitlines() if line.startswith(f"{epoch:5d}  0."))
        assert shows(row, plain_error(history[epoch], "se"), 6), row
        assert all(shows(row, o, 4) for o in outputs_of(history[epoch])), row
    E = [plain_error(p, "se") for p in history]
    assert all(b < a for a, b in zip(E, E[1:], strict=False)), "E falls every epoch"
    assert E[-1] > 1 / 12 and shows(text, 1 / 12, 6)
    last = history[-1]
    for (i1, i2) in [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]:
        h1, h2, _ = plain_forward(last, i1, i2)
        assert h1 < 0.006 and h2 < 0.006  # the three points share one hidden code


def test_the_stuck_run_leaves_when_trained_on_in_plain_floats():
    """Slow, not stuck: the epochs at which it passes 1/12 and then learns XOR."""
    history = plain_train(5, "se", 60_000)
    below = next(k for k, p in enumerate(history) if plain_error(p, "se") < 1 / 12)
    learned = next(k for k, p in enumerate(history)
                   if all(abs(o - (i1 != i2)) < 0.5
                          for (i1, i2), o in zip(POINTS, outputs_of(p), strict=True)))
    assert 5000 < below < learned
    lines = " ".join(printed("xor_stuck").split())
    assert (f"E below {1 / 12:.6f} from epoch {below}, every output on its target's side "
            f"of 0.5 from epoch {learned}") in lines, lines


@pytest.mark.parametrize("kind", ["ce", "se"])
def test_every_xor_gradient_agrees_with_finite_differences(kind):
    delta_of = cross_entropy_delta if kind == "ce" else squared_error_delta
    X = np.array(POINTS)
    Y = np.array(TARGETS)[:, None]
    for layers in (init(0), train(init(0), delta_of, epochs=400)[-1], init(5)):
        p = named(layers)
        inputs, zs = forward(X, layers)
        (dW1, db1), (dW2, db2) = backward(layers, inputs, zs, delta_of(layers, inputs, zs, Y))
        got = named([(dW1, db1, None), (dW2, db2, None)])
        hand = plain_gradients(p, kind)
        for name in p:
            up, down = dict(p), dict(p)
            up[name] += EPS
            down[name] -= EPS
            slope = (plain_error(up, kind) - plain_error(down, kind)) / (2 * EPS)
            assert relative(got[name], slope) < 1e-6, (kind, name)
            assert relative(got[name], hand[name]) < 1e-12, (kind, name)


@pytest.mark.parametrize("delta_of", [cross_entropy_delta, squared_error_delta])
def test_the_wide_network_is_the_separate_networks(delta_of):
    seeds = [0, 5, 6, 76]
    wide = xor_seeds.sweep(delta_of, seeds=seeds, checks=(250, 1000))
    for k, seed in enumerate(seeds):
        alone = train(init(seed), delta_of, epochs=1000)
        for epoch in (250, 1000):
            assert np.allclose(wide[epoch][:, k], outputs(alone[epoch]), rtol=1e-9, atol=0)


def test_the_page_table_is_the_printed_counts():
    printed_rows = {int(m[1]): (int(m[2]), int(m[3])) for m in re.finditer(
        r"^ *(\d+) +(\d+) +(\d+) +\d+ +\d+$", printed("xor_seeds"), re.M)}
    page = (DOCS / "xor-seeds.md").read_text(encoding="utf-8").split("## A hundred seeds")[1]
    table = {int(m[1]): (int(m[2]), int(m[3])) for m in re.finditer(
        r"^\| (\d+) \| (\d+) \| (\d+) \|$", page, re.M)}
    assert table == printed_rows and len(table) == len(xor_seeds.CHECKS)
