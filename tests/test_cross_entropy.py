"""Cross-entropy on Mazur's network, derived apart from the snippets.

Plain floats (math, every weight by its name) for the deltas, the errors and one
step; central finite differences of an error written out here for every gradient,
reported as a relative error |a - b| / max(|a|, |b|). The printed outputs must show
these values; a delta that keeps the sigmoid's slope must fail.
"""

import math
import re

import numpy as np
import pytest

import losses
from conftest import ROOT
from cross_entropy_deltas import mazur
from layers import backward, forward, identity

I1, I2, Y1, Y2, LR = 0.05, 0.10, 0.01, 0.99, 0.5
START = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45,
         "w7": 0.50, "w8": 0.55, "b1": 0.35, "b2": 0.60}
EPS = 1e-6


def sig(z):
    return 1 / (1 + math.exp(-z))


def net_inputs(p):
    """z_o1, z_o2 and h1, h2; per-unit biases b1_1, b1_2, b2_1, b2_2 if given,
    else Mazur's shared b1, b2."""
    b = {k: p.get(k, p.get(k[:2])) for k in ("b1_1", "b1_2", "b2_1", "b2_2")}
    h1 = sig(p["w1"] * I1 + p["w2"] * I2 + b["b1_1"])
    h2 = sig(p["w3"] * I1 + p["w4"] * I2 + b["b1_2"])
    return (p["w5"] * h1 + p["w6"] * h2 + b["b2_1"],
            p["w7"] * h1 + p["w8"] * h2 + b["b2_2"], h1, h2)


def outputs(p):
    z1, z2, _, _ = net_inputs(p)
    return sig(z1), sig(z2)


def cross_entropy(p, y=(Y1, Y2)):
    return -sum(t * math.log(o) + (1 - t) * math.log(1 - o)
                for o, t in zip(outputs(p), y, strict=True))


def squared(p):
    return sum((o - t) ** 2 / 2 for o, t in zip(outputs(p), (Y1, Y2), strict=True))


def printed(snippet):
    return (ROOT / "snippets" / f"{snippet}.txt").read_text(encoding="utf-8")


def shows(text, value, digits):
    """text prints value rounded to digits decimals (sign included)."""
    return re.search(rf"(?<![\d.]){re.escape(f'{value:.{digits}f}')}(?!\d)", text)


def relative(a, b):
    scale = np.maximum(np.abs(a), np.abs(b))
    return np.where(scale > 0, np.abs(a - b) / np.where(scale > 0, scale, 1), 0.0)


def hand_deltas():
    """Both errors' output deltas from the formulas: o - y, and (o - y) o (1 - o)."""
    o1, o2 = outputs(START)
    return (o1 - Y1, o2 - Y2), ((o1 - Y1) * o1 * (1 - o1), (o2 - Y2) * o2 * (1 - o2))


def test_the_deltas_are_o_minus_y():
    (ce1, ce2), (se1, se2) = hand_deltas()
    inputs, zs = forward(np.array([[I1, I2]]), mazur)
    y = np.array([[Y1, Y2]])
    got = losses.cross_entropy_delta(mazur, inputs, zs, y)[0]
    assert relative(got, [ce1, ce2]).max() < 1e-13
    assert relative(losses.squared_error_delta(mazur, inputs, zs, y)[0], [se1, se2]).max() < 1e-13
    # And o - y really is dE/dz: finite differences of the cross-entropy in z.
    z1, z2, _, _ = net_inputs(START)
    for k, z in enumerate((z1, z2)):
        def E(v, k=k, z=z):
            o = sig(v)
            t = (Y1, Y2)[k]
            return -(t * math.log(o) + (1 - t) * math.log(1 - o))
        slope = (E(z + EPS) - E(z - EPS)) / (2 * EPS)
        assert relative(slope, (ce1, ce2)[k]) < 1e-8


def test_the_page_prints_the_hand_deltas_and_errors():
    (ce1, ce2), (se1, se2) = hand_deltas()
    text = printed("cross_entropy_deltas")
    for value in (ce1, ce2, se1, se2, squared(START), cross_entropy(START)):
        assert shows(text, value, 9), value
    for ce, se in ((ce1, se1), (ce2, se2)):
        assert shows(text, ce / se, 4)


def gradients_by_hand(p, kind):
    """dE/dw for w1..w8 under one error, the chain rule written out weight by weight."""
    z1, z2, h1, h2 = net_inputs(p)
    o1, o2 = sig(z1), sig(z2)
    if kind == "ce":
        d1, d2 = o1 - Y1, o2 - Y2
    else:
        d1, d2 = (o1 - Y1) * o1 * (1 - o1), (o2 - Y2) * o2 * (1 - o2)
    dh1 = (d1 * p["w5"] + d2 * p["w7"]) * h1 * (1 - h1)  # h1 feeds o1 and o2
    dh2 = (d1 * p["w6"] + d2 * p["w8"]) * h2 * (1 - h2)
    return {"w1": dh1 * I1, "w2": dh1 * I2, "w3": dh2 * I1, "w4": dh2 * I2,
            "w5": d1 * h1, "w6": d1 * h2, "w7": d2 * h1, "w8": d2 * h2}


def test_the_step_prints_the_hand_gradients_and_outputs():
    text = printed("cross_entropy_step")
    lines = {line.split(":")[0].strip(): line for line in text.splitlines()}
    for kind in ("se", "ce"):
        g = gradients_by_hand(START, kind)
        for name, value in g.items():
            assert shows(lines[name], value, 9), (kind, name, value)
        moved = {**START, **{k: START[k] - LR * v for k, v in g.items()}}
        after = [line for line in text.splitlines()
                 if line.startswith("  after " + ("squared" if kind == "se" else "cross"))]
        o1, o2 = outputs(moved)
        assert shows(after[0], o1, 9) and shows(after[0], o2, 9), (kind, after[0])
        assert shows(after[1], squared(moved), 9), (kind, after[1])
        assert shows(after[1], cross_entropy(moved), 9), (kind, after[1])
    # The squared-error step is the sigmoid chapter's: its error after one update.
    moved = {**START, **{k: START[k] - LR * v for k, v in gradients_by_hand(START, "se").items()}}
    assert round(squared(moved), 9) == 0.291027774


PARAMS = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1_1", "b1_2", "b2_1", "b2_2"]


def numeric(E, p):
    """Central differences of E at p, for every weight and per-unit bias."""
    slopes = {}
    for name in PARAMS:
        up, down = dict(p), dict(p)
        up[name] += EPS
        down[name] -= EPS
        slopes[name] = (E(up) - E(down)) / (2 * EPS)
    return slopes


def loop_gradients(net, delta_of, y, softmax_out=False):
    """The loop's gradients, named like PARAMS (W rows: inputs, columns: units)."""
    inputs, zs = forward(np.array([[I1, I2]]), net)
    if softmax_out:
        inputs[-1] = losses.softmax(zs[-1])
    (dW1, db1), (dW2, db2) = backward(net, inputs, zs, delta_of(net, inputs, zs, y))
    return {"w1": dW1[0, 0], "w2": dW1[1, 0], "w3": dW1[0, 1], "w4": dW1[1, 1],
            "w5": dW2[0, 0], "w6": dW2[1, 0], "w7": dW2[0, 1], "w8": dW2[1, 1],
            "b1_1": db1[0], "b1_2": db1[1], "b2_1": db2[0], "b2_2": db2[1]}


PER_UNIT = {**{k: v for k, v in START.items() if k.startswith("w")},
            "b1_1": 0.35, "b1_2": 0.35, "b2_1": 0.60, "b2_2": 0.60}


def softmax_error(p, y=(0.0, 1.0)):
    """-log of the right class's softmax probability, by hand."""
    z1, z2, _, _ = net_inputs(p)
    top = max(z1, z2)
    e1, e2 = math.exp(z1 - top), math.exp(z2 - top)
    return -sum(t * math.log(e / (e1 + e2)) for e, t in ((e1, y[0]), (e2, y[1])))


def test_every_cross_entropy_gradient_agrees_with_finite_differences():
    """All twelve parameters, per-unit biases included, at the start and at a
    point away from Mazur's symmetric biases."""
    rng = np.random.default_rng(3)  # PCG64, seed 3: every parameter moved
    other = {k: v + rng.normal(0, 0.3) for k, v in PER_UNIT.items()}
    for p in (PER_UNIT, other):
        net = [(np.array([[p["w1"], p["w3"]], [p["w2"], p["w4"]]]),
                np.array([p["b1_1"], p["b1_2"]]), mazur[0][2]),
               (np.array([[p["w5"], p["w7"]], [p["w6"], p["w8"]]]),
                np.array([p["b2_1"], p["b2_2"]]), mazur[1][2])]
        got = loop_gradients(net, losses.cross_entropy_delta, np.array([[Y1, Y2]]))
        want = numeric(cross_entropy, p)
        for name in PARAMS:
            assert relative(got[name], want[name]) < 1e-6, name
        # softmax over the output layer's net inputs, the second class right
        scores = [net[0], (net[1][0], net[1][1], identity)]
        got = loop_gradients(scores, losses.cross_entropy_delta, np.array([[0.0, 1.0]]),
                             softmax_out=True)
        want = numeric(softmax_error, p)
        for name in PARAMS:
            assert relative(got[name], want[name]) < 1e-6, name


def test_the_softmax_page_prints_the_hand_values():
    z1, z2, _, _ = net_inputs(START)
    p1, p2 = math.exp(z1) / (math.exp(z1) + math.exp(z2)), math.exp(z2) / (
        math.exp(z1) + math.exp(z2))
    text = printed("cross_entropy_softmax")
    for value in (p1, p2, -math.log(p2), -1 / p2):
        assert shows(text, value, 6), value
    for value in (p1 - 0.0, p2 - 1.0):  # p - y, both ways the snippet prints it
        assert len(re.findall(re.escape(f"{value:+.6f}"), text)) == 2, value
    assert shows(text, sig(z2 - z1), 6) and shows(text, z2 - z1, 9)


def test_the_targets_page_prints_the_hand_values():
    text = printed("cross_entropy_targets")
    for o in (0.5, 0.9, 0.99, 0.999):
        assert shows(text, o * o * (1 - o), 6), o
    least = -sum(t * math.log(t) + (1 - t) * math.log(1 - t) for t in (Y1, Y2))
    assert shows(text, least, 9) and shows(text, math.log(99), 6)


@pytest.fixture
def slope_kept(monkeypatch):
    """The mistake the page warns of: cross-entropy's delta with sigma' kept in it."""
    def wrong(layers, inputs, zs, y):
        out = inputs[-1]
        return (out - y) * out * (1 - out) / len(out)
    monkeypatch.setattr(losses, "cross_entropy_delta", wrong)


def test_a_delta_that_keeps_the_slope_fails(slope_kept):
    with pytest.raises(AssertionError):
        test_the_deltas_are_o_minus_y()
    with pytest.raises(AssertionError):
        test_every_cross_entropy_gradient_agrees_with_finite_differences()
