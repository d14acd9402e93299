"""The walk-through's key numbers, derived by hand here and found in the printed outputs.

Plain float arithmetic from the formulas, no numpy and no snippet code, so a
snippet that computes the wrong thing cannot agree with this by accident.
"""

import re

import pytest

from conftest import ROOT

i1, i2, y, lr = 2.0, 3.0, 1.0, 0.05
w1, w2, w3, w4, w5, w6 = 0.34, 0.13, 0.05, 0.07, 0.20, 0.01

h1, h2 = i1 * w1 + i2 * w2, i1 * w3 + i2 * w4  # 1.07, 0.31
y_hat = h1 * w5 + h2 * w6  # 0.2171
E = (y_hat - y) ** 2 / 2  # 0.306466
delta = y_hat - y  # -0.7829
new = {"w1": w1 - lr * delta * w5 * i1, "w2": w2 - lr * delta * w5 * i2,
       "w3": w3 - lr * delta * w6 * i1, "w4": w4 - lr * delta * w6 * i2,
       "w5": w5 - lr * delta * h1, "w6": w6 - lr * delta * h2}
h1b = i1 * new["w1"] + i2 * new["w2"]
h2b = i1 * new["w3"] + i2 * new["w4"]
y_hat_b = h1b * new["w5"] + h2b * new["w6"]
E_b = (y_hat_b - y) ** 2 / 2



def epochs(n):
    """y_hat after n epochs of the update above, written out weight by weight."""
    a, b, c, d, e, f = w1, w2, w3, w4, w5, w6
    for _ in range(n):
        p, q = i1 * a + i2 * b, i1 * c + i2 * d
        g = p * e + q * f - y
        a, b, c, d, e, f = (a - lr * g * e * i1, b - lr * g * e * i2, c - lr * g * f * i1,
                            d - lr * g * f * i2, e - lr * g * p, f - lr * g * q)
    return (i1 * a + i2 * b) * e + (i1 * c + i2 * d) * f


# (snippet output, text before the value on its line, value, decimals printed)
EXPECTED = [
    ("forward_pass", "h1 = ", h1, 4), ("forward_pass", "h2 = ", h2, 4),
    ("forward_pass", "y_hat = ", y_hat, 4),
    ("error", "E = ", E, 6), ("error", "y_hat - y = ", delta, 4),
    *[("update", f"{name} = ", value, 6) for name, value in new.items()],
    ("update", "second pass: h = [[", h1b, 6),
    ("update", "second pass: h = [[", h2b, 6),
    ("update", "y_hat = ", y_hat_b, 6), ("update", "-> ", E_b, 6),
    ("hidden_gradients", "dE/dh1 = ", delta * w5, 6),
    ("hidden_gradients", "dE/dh2 = ", delta * w6, 6),
    ("slope", "tangent: slope dE/dw5 = ", delta * h1, 6),
    ("slope", "lowest E at w5 = ", (y - h2 * w6) / h1, 4),
    ("training", "after 30 epochs: y_hat = ", epochs(30), 6),
    ("cost", "784-100-10", 784 * 100 + 100 * 10 + 100 * 10, 0),
    ("cost", "784-100-10", (784 * 100 + 100 * 10) * 2 * (784 * 100 + 100 * 10), 0),
]


def test_hand_values_are_the_walk_through_values():
    """The figures the chapters state, so this file cannot drift either."""
    assert (round(h1, 6), round(h2, 6), round(y_hat, 4), round(E, 6)) == (1.07, 0.31, 0.2171,
                                                                         0.306466)
    assert [round(new[k], 6) for k in ("w5", "w6", "w1", "w3", "w2", "w4")] == [
        0.241885, 0.022135, 0.355658, 0.050783, 0.153487, 0.071174]
    assert (round(h1b, 6), round(h2b, 6), round(y_hat_b, 6), round(E_b, 6)) == (
        1.171777, 0.315089, 0.29041, 0.251759)


@pytest.mark.parametrize("snippet, before, value, decimals", EXPECTED,
                         ids=[f"{s}:{b.strip()}{k}" for k, (s, b, _, _) in enumerate(EXPECTED)])
def test_output_shows_hand_value(snippet, before, value, decimals):
    text = (ROOT / "snippets" / f"{snippet}.txt").read_text()
    want = f"{value:.{decimals}f}"
    assert re.search(re.escape(before) + r"[^\n]*?(?<![\d.])" + re.escape(want) + r"(?!\d)",
                     text), (
        f"snippets/{snippet}.txt does not show {want} (hand-derived, after {before!r})")
