"""The explorer page in Chromium: every number it shows against the Python in snippets/."""

import math
import re

import numpy as np
import pytest

import network
from browser import new_context, open_page

INPUTS = ["i1", "i2", "y", "w1", "w2", "w3", "w4", "w5", "w6", "lr", "epochs"]
DEFAULTS = [2, 3, 1, 0.34, 0.13, 0.05, 0.07, 0.20, 0.01, 0.05, 30]
WEIGHTS = ["w1", "w2", "w3", "w4", "w5", "w6"]


def reference(case):
    """Every output of the page, from network.py's own functions (float64)."""
    x, y, lr = np.array([[case["i1"], case["i2"]]]), case["y"], case["lr"]
    W1, W2 = network.arrays(case)
    h, y_hat = network.forward(x, W1, W2)
    delta, dE_dW2, dE_dh, dE_dW1 = network.backward(x, y, W1, W2)
    W1_next, W2_next = network.step(x, y, W1, W2, lr)
    h_next, y_hat_next = network.forward(x, W1_next, W2_next)
    out = {"h1": h[0, 0], "h2": h[0, 1], "y_hat": y_hat.item(), "E": network.error(y_hat, y),
           "delta": delta.item(), "dE_dh1": dE_dh[0, 0], "dE_dh2": dE_dh[0, 1],
           "y_hat_next": y_hat_next.item(), "E_next": network.error(y_hat_next, y)}
    grads, after = network.weights(dE_dW1, dE_dW2), network.weights(W1_next, W2_next)
    out |= {f"grad_{w}": grads[w] for w in WEIGHTS} | {f"{w}_next": after[w] for w in WEIGHTS}
    errors = [out["E"]]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(case["epochs"]):
            W1, W2 = network.step(x, y, W1, W2, lr)
            errors.append(network.error(network.forward(x, W1, W2)[1], y))
            if not math.isfinite(errors[-1]):
                break
    runaway = [k for k, E in enumerate(errors) if k and (not math.isfinite(E) or (
        1000 * errors[0] < E and E > 1))]
    return out, errors[-1], (runaway[0] if runaway else None)


def cases(count=50, seed=7):
    """Random inputs, targets and weights of both signs; learning rates over four decades."""
    rng = np.random.default_rng(seed)
    for _ in range(count):
        case = dict(zip(INPUTS[:9], [*rng.uniform(-4, 4, 3), *rng.uniform(-1, 1, 6)],
                        strict=True))
        case["lr"] = float(10 ** rng.uniform(-4, 0))
        case["epochs"] = int(rng.integers(1, 80))
        yield {k: float(v) if k != "epochs" else v for k, v in case.items()}


@pytest.fixture(scope="module")
def warm(browser):
    """One browser context for this file's tests: after the first, each page comes from
    its cache (a first visit with an empty cache is tests/test_browser.py's subject)."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture(scope="module")
def tab(warm):
    page = warm.new_page()
    yield page
    page.close()


@pytest.fixture
def explorer(tab, base):
    """The explorer freshly loaded (through about:blank: a new hash alone would not
    reload it), in one tab that this file's tests take turns with."""
    tab.goto("about:blank")
    tab.goto(base + "explorer/", wait_until="load")
    return tab


def shown(page):
    """{name: data-exact or None} for every output on the page."""
    return page.evaluate("""Object.fromEntries([...document.querySelectorAll('[data-value]')]
        .map(e => [e.dataset.value, e.dataset.exact ?? null]))""")


def close(js, py):
    return abs(float(js) - py) <= 1e-12 * abs(py) + 1e-300


def test_every_output_matches_python_on_fifty_random_cases(explorer):
    diverged = 0
    for case in cases():
        # Type the first field as a reader would; set the rest at once and send one
        # input event, which is what the page listens for.
        explorer.fill("input[name=i1]", repr(case["i1"]))
        explorer.evaluate("""values => {
            const form = document.querySelector("form.explorer");
            for (const [name, value] of Object.entries(values)) form.elements[name].value = value;
            form.dispatchEvent(new Event("input", {bubbles: true}));
        }""", {name: repr(case[name]) for name in INPUTS[1:]})
        out, E_final, runaway = reference(case)
        got = shown(explorer)
        wrong = {k: (got[k], v) for k, v in out.items() if not close(got[k], v)}
        assert not wrong, f"{case}: page vs Python {wrong}"
        alert = explorer.inner_text(".explorer-alert")
        if runaway is None:
            assert close(got["E_final"], E_final), (case, got["E_final"], E_final)
        else:
            diverged += 1
            assert got["E_final"] is None, case
            assert f"grows without bound after {runaway} epoch" in alert, (case, alert)
    assert 0 < diverged < 50, "the cases should include some learning rates that diverge"


def test_step_replaces_the_weights_and_matches_python(explorer):
    explorer.click("button[data-action=step]")
    out, _, _ = reference(dict(zip(INPUTS, DEFAULTS, strict=True)))
    for w in WEIGHTS:
        assert close(explorer.input_value(f"input[name={w}]"), out[f"{w}_next"]), w
    assert close(shown(explorer)["E"], out["E_next"])
    assert "w1=0.355658" in explorer.evaluate("location.hash")
    explorer.click("button[data-action=reset]")
    assert explorer.input_value("input[name=w1]") == "0.34"


@pytest.mark.parametrize("name, text, says", [
    ("w1", "", "w1 is empty"),
    ("w2", "abc", "w2: “abc” is not a number"),
    ("i1", "1e309", "i1: 1e309 is too large"),
    ("y", "NaN", "y: “NaN” is not a number"),
    ("epochs", "2.5", "epochs must be a whole number"),
    ("lr", "5", "the error grows without bound after"),
])
def test_bad_input_is_named_and_never_shows_nan(explorer, name, text, says):
    before = shown(explorer)
    explorer.fill(f"input[name={name}]", text)
    alert = explorer.locator("[role=alert]")
    assert alert.is_visible() and says in alert.inner_text(), alert.inner_text()
    body = explorer.inner_text("article")
    assert not re.search(r"NaN|Infinity", body.replace(f"“{text}”", "")), body
    if name != "lr":  # unreadable input: the last valid numbers stay
        assert shown(explorer) == before
        assert explorer.get_attribute(f"input[name={name}]", "aria-invalid") == "true"


def test_the_link_keeps_the_numbers(warm, base):
    numbers = "i1=1&i2=-2&y=0.5&w1=0.1&w2=0.2&w3=0.3&w4=0.4&w5=0.5&w6=0.6&lr=0.01&epochs=5"
    seen, page = open_page(warm, base + "explorer/#" + numbers, wait_until="load")
    try:
        assert [page.input_value(f"input[name={n}]") for n in INPUTS] == [
            v.split("=")[1] for v in numbers.split("&")]
        page.fill("input[name=w1]", "0.15")
        assert page.evaluate("location.hash") == "#" + numbers.replace("w1=0.1", "w1=0.15")
    finally:
        page.close()
    seen, page = open_page(warm, base + "explorer/#w1=abc&x=1", wait_until="load")
    try:
        assert page.input_value("input[name=w1]") == "0.34"
        assert "could not be used" in page.inner_text("[role=alert]")
        assert not seen.console_errors and not seen.page_errors
    finally:
        page.close()
