"""The "your turn" forms in Chromium: right, wrong and each slip, every value derived
here in plain floats from its own formula (right or wrong), never from the page."""

import math

import pytest

import network
import sigmoid_network as sn
from browser import SIZES, axe_violations, new_context, reload_as


def sig(z):
    return 1 / (1 + math.exp(-z))


def linear():
    """{exercise: (true value, {slip: its value})} for the walk-through's network."""
    (i1, i2), y, lr = map(float, network.x[0]), network.y, network.lr
    w = {k: float(v) for k, v in network.weights(network.W1, network.W2).items()}
    h1, h2 = i1 * w["w1"] + i2 * w["w2"], i1 * w["w3"] + i2 * w["w4"]
    y_hat = h1 * w["w5"] + h2 * w["w6"]
    delta = y_hat - y
    w5_new = w["w5"] - lr * delta * h1
    return {
        "h1": (h1, {"pairing": i1 * w["w1"] + i1 * w["w2"],  # the article's prose
                    "row": i1 * w["w1"] + i2 * w["w3"]}),  # W1 read along a row
        "y_hat": (y_hat, {
            "pairing": (i1 * w["w1"] + i1 * w["w2"]) * w["w5"]
                       + (i2 * w["w3"] + i2 * w["w4"]) * w["w6"],
            "swap": h1 * w["w6"] + h2 * w["w5"]}),
        "E": (0.5 * (y_hat - y) ** 2, {"half": (y_hat - y) ** 2,  # no 1/2
                                       "no_square": (y_hat - y) / 2}),
        "delta": (delta, {"sign": y - y_hat, "half": 2 * (y_hat - y)}),  # d(y_hat-y)^2
        "dE_dw5": (delta * h1, {"sign": (y - y_hat) * h1, "half": 2 * (y_hat - y) * h1,
                                "other_input": delta * h2}),
        "dE_dw1": (delta * w["w5"] * i1, {"new_w5": delta * w5_new * i1,
                                          "sign": (y - y_hat) * w["w5"] * i1,
                                          "other_input": delta * w["w5"] * i2}),
        "w5_next": (w5_new, {"sign": w["w5"] + lr * delta * h1,
                             "no_lr": w["w5"] - delta * h1,
                             "half": w["w5"] - lr * 2 * (y_hat - y) * h1}),
    }


def mazur():
    """Mazur's out_o1 and dE/dw5, with their slips."""
    (i1, i2), y1 = map(float, sn.x[0]), float(sn.y[0, 0])
    w = {k: float(v) for k, v in sn.weights(sn.W1, sn.W2).items()}
    h1 = sig(i1 * w["w1"] + i2 * w["w2"] + sn.b1)
    h2 = sig(i1 * w["w3"] + i2 * w["w4"] + sn.b1)
    z_o1 = h1 * w["w5"] + h2 * w["w6"] + sn.b2
    o1 = sig(z_o1)
    return {
        "out_o1": (o1, {"no_sigmoid": z_o1, "no_bias": sig(h1 * w["w5"] + h2 * w["w6"])}),
        "mazur_dE_dw5": ((o1 - y1) * o1 * (1 - o1) * h1, {
            "no_sigma_prime": (o1 - y1) * h1,
            "sign": (y1 - o1) * o1 * (1 - o1) * h1,
            "half": 2 * (o1 - y1) * o1 * (1 - o1) * h1}),
    }


EXERCISES = linear() | mazur()
PAGES = {"forward-pass/": ["h1", "y_hat"], "error/": ["E"],
         "backpropagation/": ["delta", "dE_dw5", "dE_dw1"], "updating-weights/": ["w5_next"],
         "sigmoid/": ["out_o1", "mazur_dE_dw5"]}
# The issue's own examples, and the five slips it names.
REQUIRED_SLIPS = {"h1": "pairing", "dE_dw1": "new_w5", "mazur_dE_dw5": "no_sigma_prime",
                  "w5_next": "sign", "E": "half"}


def significant(value, digits):
    return f"{value:.{digits}g}" if abs(value) >= 1e-4 else f"{value:.{digits - 1}e}"


def answers(name):
    """(what a reader types, the verdict expected) for one exercise."""
    value, slips = EXERCISES[name]
    typed = [(significant(value, 2), "right"), (significant(value, 6), "right"),
             (repr(value), "right"),
             (significant(value, 4).replace("-", "−"), "right"),
             (significant(value, 1), "wrong"),  # "type more digits"
             ("abc", "wrong")]
    # One unit out in the fourth significant digit, and nowhere near: wrong.
    exponent = math.floor(math.log10(abs(value))) - 3
    typed += [(f"{round(value, -exponent) + 10.0 ** exponent:.{max(-exponent, 0)}f}", "wrong"),
              (significant(7.77 * value, 3), "wrong")]
    typed += [(significant(slip, 4), f"slip:{slip_id}") for slip_id, slip in slips.items()]
    if name == "h1":  # the issue's own examples
        typed += [("1.07", "right"), ("1.070", "right"), ("1.1", "right"), ("1", "wrong"),
                  ("0.94", "slip:pairing")]
    return typed


PAGE_TOP = "e => e.getBoundingClientRect().top + scrollY"


@pytest.fixture(scope="module")
def tab(browser):
    """One context and one tab for this file's tests, as in test_explorer.py."""
    context = new_context(browser)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_answer_gets_its_verdict(tab, base, path):
    tab.goto(base + path, wait_until="load")
    forms = tab.eval_on_selector_all("form[data-exercise]", "fs => fs.map(f => f.dataset.exercise)")
    assert forms == PAGES[path]
    for name in forms:
        form = tab.locator(f"form[data-exercise={name}]")
        assert form.locator("input").count() == 1
        status = form.locator("[role=status]")
        for text, verdict in answers(name):
            form.locator("input").fill(text)
            form.locator("input").press("Enter")
            assert (status.get_attribute("data-verdict"), text) == (verdict, text), (
                name, status.inner_text())
            if verdict.startswith("slip"):
                assert len(status.inner_text()) > 30, "a sentence says what went wrong"
        form.locator("input").fill(significant(EXERCISES[name][0], 1))
        form.locator("button").click()
        assert "more digits" in status.inner_text()


def test_the_issues_examples():
    """1.07, 1.070 and 1.1 are right for h1, 1 asks for more digits, and the slips the
    issue names are among each exercise's (checked against the page above)."""
    value, slips = EXERCISES["h1"]
    assert round(value, 9) == 1.07 and round(slips["pairing"], 9) == 0.94
    for name, slip in REQUIRED_SLIPS.items():
        assert slip in EXERCISES[name][1]


def test_the_slips_stand_apart():
    """No answer to two significant digits can match two of an exercise's values."""
    for name, (value, slips) in EXERCISES.items():
        values = [value, *slips.values()]
        for a in values:
            for b in values:
                assert a is b or significant(a, 2) != significant(b, 2), (name, a, b)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_verdicts_pass_axe_and_move_nothing_while_typing(tab, base, scheme):
    tab.goto(base + "forward-pass/", wait_until="load")  # a short page: axe is quick
    try:
        for size in SIZES:
            reload_as(tab, size, scheme)
            below = "form[data-exercise=y_hat]"
            top = tab.eval_on_selector(below, PAGE_TOP)
            field = tab.locator("form[data-exercise=h1] input")
            for key in "0.94\n1.07x":  # a verdict, then typing again under it
                field.press("Enter" if key == "\n" else key)
                if key != "\n":
                    assert tab.eval_on_selector(below, PAGE_TOP) == top, (size, key)
                top = tab.eval_on_selector(below, PAGE_TOP)
            tab.locator(f"{below} input").fill("0.22")
            tab.locator(f"{below} input").press("Enter")
            found = axe_violations(tab)
            assert not found, f"{scheme}, {size}:\n" + "\n".join(found)
    finally:
        reload_as(tab, "desktop", "light")
