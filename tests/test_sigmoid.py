"""The sigmoid 2-2-2 network of Mazur's example, derived by hand in plain floats.

No numpy and no snippet code: each weight is written out by its name, so a slip
in sigmoid_network.py (a missing path, a transposed matrix) cannot hide here too.
"""

import math
import re

import numpy as np
import pytest

import sigmoid_network as sn
from conftest import ROOT

I1, I2, Y1, Y2, LR = 0.05, 0.10, 0.01, 0.99, 0.5
START = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45,
         "w7": 0.50, "w8": 0.55, "b1": 0.35, "b2": 0.60}


def sig(z):
    return 1 / (1 + math.exp(-z))


def forward(p):
    """h1, h2, o1, o2 and E; w1, w2 feed h1, w3, w4 feed h2, w5, w6 feed o1, w7, w8 o2."""
    h1 = sig(p["w1"] * I1 + p["w2"] * I2 + p["b1"])
    h2 = sig(p["w3"] * I1 + p["w4"] * I2 + p["b1"])
    o1 = sig(p["w5"] * h1 + p["w6"] * h2 + p["b2"])
    o2 = sig(p["w7"] * h1 + p["w8"] * h2 + p["b2"])
    return h1, h2, o1, o2, ((o1 - Y1) ** 2 + (o2 - Y2) ** 2) / 2


def update(p, hidden_uses_new_output_weights=False, biases=False):
    h1, h2, o1, o2, _ = forward(p)
    d_o1, d_o2 = (o1 - Y1) * o1 * (1 - o1), (o2 - Y2) * o2 * (1 - o2)
    new = dict(p)
    new.update(w5=p["w5"] - LR * d_o1 * h1, w6=p["w6"] - LR * d_o1 * h2,
               w7=p["w7"] - LR * d_o2 * h1, w8=p["w8"] - LR * d_o2 * h2)
    w = new if hidden_uses_new_output_weights else p
    d_h1 = (d_o1 * w["w5"] + d_o2 * w["w7"]) * h1 * (1 - h1)  # h1 feeds o1 and o2
    d_h2 = (d_o1 * w["w6"] + d_o2 * w["w8"]) * h2 * (1 - h2)
    new.update(w1=p["w1"] - LR * d_h1 * I1, w2=p["w2"] - LR * d_h1 * I2,
               w3=p["w3"] - LR * d_h2 * I1, w4=p["w4"] - LR * d_h2 * I2)
    if biases:
        new.update(b1=p["b1"] - LR * (d_h1 + d_h2), b2=p["b2"] - LR * (d_o1 + d_o2))
    return new


def after(n, **how):
    p = START
    for _ in range(n):
        p = update(p, **how)
    return forward(p)


def test_one_update_gives_the_published_values():
    h1, h2, o1, o2, E = forward(START)
    assert [round(v, 9) for v in (h1, h2, o1, o2, E)] == [
        0.593269992, 0.596884378, 0.751365070, 0.772928465, 0.298371109]
    new = update(START)
    assert [round(new[f"w{k}"], 9) for k in range(1, 9)] == [
        0.149780716, 0.199561432, 0.249751144, 0.299502287,
        0.358916480, 0.408666186, 0.511301270, 0.561370121]
    assert round(forward(new)[4], 9) == 0.291027774


@pytest.mark.parametrize("snippet, value", [
    ("sigmoid_forward", "0.593269992"), ("sigmoid_forward", "0.596884378"),
    ("sigmoid_forward", "0.751365070"), ("sigmoid_forward", "0.772928465"),
    ("sigmoid_forward", "0.298371109"), ("sigmoid_backward", "0.082167041"),
    ("sigmoid_update", "0.149780716"), ("sigmoid_update", "0.358916480"),
    ("sigmoid_update", "0.561370121"), ("sigmoid_update", "0.291027774"),
])
def test_outputs_show_the_hand_values(snippet, value):
    assert re.search(rf"(?<![\d.]){re.escape(value)}(?!\d)",
                     (ROOT / "snippets" / f"{snippet}.txt").read_text()), (snippet, value)


def published():
    """The post's figures, each beside the computations it could come from."""
    right_1, slip_1 = forward(update(START))[4], forward(update(START, True))[4]
    right, slip, fewer = after(10_000), after(10_000, hidden_uses_new_output_weights=True), \
        after(9_999)
    return [("E after 1", "0.291027924", {"right": right_1, "slip": slip_1}),
            ("E after 10,000", "0.0000351085",
             {"right": right[4], "slip": slip[4], "one fewer": fewer[4]}),
            ("o1 after 10,000", "0.015912196",
             {"right": right[2], "slip": slip[2], "one fewer": fewer[2]}),
            ("o2 after 10,000", "0.984065734",
             {"right": right[3], "slip": slip[3], "one fewer": fewer[3]})]


def test_each_published_figure_comes_from_one_named_computation():
    """The explanation on published-example.md, recomputed: each figure matches the
    computation named there, to every digit the post prints, and no other."""
    named = {"E after 1": "slip", "E after 10,000": "one fewer", "o1 after 10,000": "slip",
             "o2 after 10,000": "slip"}
    for what, quoted, found in published():
        decimals = len(quoted) - 2
        same = [how for how, v in found.items() if f"{v:.{decimals}f}" == quoted]
        assert same == [named[what]], (what, quoted, found)


def test_trained_biases_end_lower():
    fixed, moving = after(10_000)[4], after(10_000, biases=True)[4]
    assert (round(fixed, 10), round(moving, 10)) == (0.0000351019, 0.0000043553)
    text = (ROOT / "snippets" / "biases.txt").read_text()
    assert "fixed 0.0000351019  trained 0.0000043553" in text


def finite_difference(p, name, eps=1e-6):
    up, down = dict(p), dict(p)
    up[name] += eps
    down[name] -= eps
    return (forward(up)[4] - forward(down)[4]) / (2 * eps)


POINTS = [START] + [dict(zip(START, row, strict=True))
                    for row in np.random.default_rng(1).uniform(-1, 1, (5, 10)).tolist()]


@pytest.mark.parametrize("p", POINTS, ids=[f"point{k}" for k in range(len(POINTS))])
def test_backward_matches_finite_differences(p):
    """sigmoid_network.backward against the hand-written forward pass, weight by weight."""
    W1, W2 = sn.arrays(p)
    g = sn.backward(sn.x, sn.y, W1, W2, p["b1"], p["b2"])
    analytic = {**sn.weights(g["dE_dW1"], g["dE_dW2"]), "b1": g["dE_db1"], "b2": g["dE_db2"]}
    wrong = [f"dE/d{name}: backward {analytic[name]:+.10f}, finite difference "
             f"{finite_difference(p, name):+.10f}" for name in START
             if abs(analytic[name] - finite_difference(p, name)) > 1e-9]
    assert not wrong, "sigmoid_network.backward is wrong for:\n" + "\n".join(wrong)
