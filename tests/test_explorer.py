"""The explorer page in Chromium: every number it shows, for both networks and both
errors, against references in Python; its presets, links, bad inputs and the rule
shown on each edge; its starting values are the snippets'."""

import gzip
import math
import re

import numpy as np
import pytest

import layers
import losses
import network
import sigmoid_network as sn
from browser import (
    EXPLORER_BUDGET,
    EXPLORER_FILES,
    SIZES,
    axe_violations,
    new_context,
    open_page,
    reload_as,
)
from conftest import ROOT

LINEAR = ["i1", "i2", "y", "w1", "w2", "w3", "w4", "w5", "w6", "lr", "epochs"]
SIGMOID = ["i1", "i2", "y1", "y2", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2",
           "lr", "epochs"]


def sig(z):
    try:
        return 1 / (1 + math.exp(-z))
    except OverflowError:  # exp past float64: the page's Math.exp gives Infinity, 1/Inf = 0
        return 0.0


def log(v):
    return math.log(v) if v > 0 else -math.inf  # as Math.log(0)


# The trajectory reference is plain Python floats, in the page's order of
# operations. numpy's matmul here fuses multiply and add (FMA), so a quarter of
# its 2x2 products differ from mul-then-add in the last bit; after many epochs
# towards a zero error, E_final is a near-cancelled difference squared, and those
# bits come out about 4e-12 apart. CPython and JavaScript both round every
# operation to float64, so this reference and the page agree far inside 1e-12
# without either copying the other, while each single step is also checked
# against network.py and sigmoid_network.py (numpy) below.
def linear_pass(c):
    """Every value of one epoch of the 2-2-1 network, each weight written by name."""
    h1, h2 = c["i1"] * c["w1"] + c["i2"] * c["w2"], c["i1"] * c["w3"] + c["i2"] * c["w4"]
    y_hat = h1 * c["w5"] + h2 * c["w6"]
    delta = y_hat - c["y"]
    dE_dh1, dE_dh2 = delta * c["w5"], delta * c["w6"]
    grads = {"w1": c["i1"] * dE_dh1, "w2": c["i2"] * dE_dh1, "w3": c["i1"] * dE_dh2,
             "w4": c["i2"] * dE_dh2, "w5": h1 * delta, "w6": h2 * delta}
    return {"h1": h1, "h2": h2, "y_hat": y_hat, "E": delta * delta / 2, "delta": delta,
            "dE_dh1": dE_dh1, "dE_dh2": dE_dh2}, grads


def sigmoid_pass(c):
    """Every value of one epoch of Mazur's 2-2-2 network, squared or cross-entropy."""
    h1 = sig(c["i1"] * c["w1"] + c["i2"] * c["w2"] + c["b1"])
    h2 = sig(c["i1"] * c["w3"] + c["i2"] * c["w4"] + c["b1"])
    o1 = sig(h1 * c["w5"] + h2 * c["w6"] + c["b2"])
    o2 = sig(h1 * c["w7"] + h2 * c["w8"] + c["b2"])
    y1, y2 = c["y1"], c["y2"]
    if c["loss"] == "cross_entropy":
        E = -((y1 * log(o1) + (1 - y1) * log(1 - o1)) + (y2 * log(o2) + (1 - y2) * log(1 - o2)))
        d_o1, d_o2 = o1 - y1, o2 - y2  # the sigmoid's slope cancels
    else:
        E = ((o1 - y1) * (o1 - y1) + (o2 - y2) * (o2 - y2)) / 2
        d_o1, d_o2 = (o1 - y1) * o1 * (1 - o1), (o2 - y2) * o2 * (1 - o2)
    dE_dh1 = d_o1 * c["w5"] + d_o2 * c["w7"]  # h1 feeds o1 and o2
    dE_dh2 = d_o1 * c["w6"] + d_o2 * c["w8"]
    d_h1, d_h2 = dE_dh1 * h1 * (1 - h1), dE_dh2 * h2 * (1 - h2)
    grads = {"w1": c["i1"] * d_h1, "w2": c["i2"] * d_h1, "w3": c["i1"] * d_h2,
             "w4": c["i2"] * d_h2, "w5": h1 * d_o1, "w6": h2 * d_o1, "w7": h1 * d_o2,
             "w8": h2 * d_o2, "b1": d_h1 + d_h2, "b2": d_o1 + d_o2}
    return {"h1": h1, "h2": h2, "o1": o1, "o2": o2, "E": E, "delta_o1": d_o1,
            "delta_o2": d_o2, "dE_dh1": dE_dh1, "dE_dh2": dE_dh2, "delta_h1": d_h1,
            "delta_h2": d_h2}, grads


def learned(c):
    if "y" in c:
        return ["w1", "w2", "w3", "w4", "w5", "w6"]
    return ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"] + ["b1", "b2"] * c["biases"]


def update(c):
    _, grads = (linear_pass if "y" in c else sigmoid_pass)(c)
    return {**c, **{w: c[w] - c["lr"] * grads[w] for w in learned(c)}}


def reference(c):
    """(every output of one epoch, the error after each epoch, the epoch training
    diverges at or None, whether the error no longer falls), in plain floats."""
    values, grads = (linear_pass if "y" in c else sigmoid_pass)(c)
    after = update(c)
    values |= {f"grad_{w}": g for w, g in grads.items()}
    values |= {f"{w}_next": after[w] for w in grads}
    next_values, _ = (linear_pass if "y" in c else sigmoid_pass)(after)
    values["E_next"] = next_values["E"]
    if "y" in c:
        values["y_hat_next"] = next_values["y_hat"]
    errors = [values["E"]]
    for _ in range(c["epochs"]):
        c = update(c)
        errors.append((linear_pass if "y" in c else sigmoid_pass)(c)[0]["E"])
        if not math.isfinite(errors[-1]):
            break
    runaway = [k for k, E in enumerate(errors)
               if k and (not math.isfinite(E) or (1000 * errors[0] < E and E > 1))]
    diverged = runaway[0] if runaway else None
    rises = any(errors[k] > errors[k - 1] * (1 + 1e-9) and errors[k] > 1e-20
                for k in range(max(1, len(errors) - 10), len(errors)))
    return values, errors, diverged, diverged is None and rises


def numpy_step(c):
    """The same epoch from the snippets' own functions (float64 numpy)."""
    with np.errstate(all="ignore"):
        return numpy_linear(c) if "y" in c else numpy_sigmoid(c)


def numpy_linear(c):
    x, (W1, W2) = np.array([[c["i1"], c["i2"]]]), network.arrays(c)
    h, y_hat = network.forward(x, W1, W2)
    delta, dE_dW2, dE_dh, dE_dW1 = network.backward(x, c["y"], W1, W2)
    return ({"h1": h[0, 0], "h2": h[0, 1], "y_hat": y_hat.item(),
             "E": network.error(y_hat, c["y"]), "delta": delta.item(),
             "dE_dh1": dE_dh[0, 0], "dE_dh2": dE_dh[0, 1]}
            | {f"grad_{w}": v for w, v in network.weights(dE_dW1, dE_dW2).items()}
            | {f"{w}_next": v for w, v in network.weights(
                *network.step(x, c["y"], W1, W2, c["lr"])).items()})


def numpy_sigmoid(c):
    x, y = np.array([[c["i1"], c["i2"]]]), np.array([[c["y1"], c["y2"]]])
    (W1, W2), b1, b2 = sn.arrays(c), c["b1"], c["b2"]
    _, h, _, o = sn.forward(x, W1, W2, b1, b2)
    out = {"h1": h[0, 0], "h2": h[0, 1], "o1": o[0, 0], "o2": o[0, 1]}
    if c["loss"] == "squared":
        g = sn.backward(x, y, W1, W2, b1, b2)
        out |= {"E": sn.error(o, y), "grad_b1": g["dE_db1"], "grad_b2": g["dE_db2"]}
        W1n, W2n, b1n, b2n = sn.step(x, y, W1, W2, b1, b2, c["lr"], biases=c["biases"])
        dE_dW1, dE_dW2 = g["dE_dW1"], g["dE_dW2"]
    else:  # the general loop of layers.py with the loss of losses.py
        net = [(W1, np.full(2, b1), layers.sigmoid), (W2, np.full(2, b2), layers.sigmoid)]
        inputs, zs = layers.forward(x, net)
        delta = losses.cross_entropy_delta(net, inputs, zs, y)
        (dE_dW1, db1), (dE_dW2, db2) = layers.backward(net, inputs, zs, delta)
        out |= {"E": losses.cross_entropy(inputs[-1], y), "grad_b1": db1.sum(),
                "grad_b2": db2.sum()}  # one bias per layer: both units' gradients
        lr, trained = c["lr"], c["biases"]
        W1n, W2n = W1 - lr * dE_dW1, W2 - lr * dE_dW2
        b1n, b2n = (b1 - lr * db1.sum(), b2 - lr * db2.sum()) if trained else (b1, b2)
    out |= {f"grad_{w}": v for w, v in sn.weights(dE_dW1, dE_dW2).items()}
    out |= {f"{w}_next": v for w, v in sn.weights(W1n, W2n).items()}
    return out | {"b1_next": b1n, "b2_next": b2n}


def cases(network_name, loss, seed, count=50):
    """Random inputs, targets and weights of both signs, learning rates over four
    decades (numpy's default_rng, seeded)."""
    rng = np.random.default_rng(seed)
    for _ in range(count):
        if network_name == "linear":
            c = dict(zip(LINEAR[:9], [*rng.uniform(-4, 4, 3), *rng.uniform(-1, 1, 6)],
                         strict=True))
            c["lr"] = 10 ** rng.uniform(-4, 0)
        else:
            c = dict(zip(SIGMOID[:14], [*rng.uniform(-2, 2, 2), *rng.uniform(0, 1, 2),
                                        *rng.uniform(-1, 1, 10)], strict=True))
            c |= {"lr": 10 ** rng.uniform(-2, 1.3), "loss": loss,
                  "biases": bool(rng.integers(2))}
        yield {k: float(v) if isinstance(v, np.floating) else v for k, v in c.items()} | {
            "epochs": int(rng.integers(1, 80))}


def walkthrough():
    """network.py's starting point, as plain floats."""
    (i1, i2), w = network.x[0], network.weights(network.W1, network.W2)
    return {"i1": float(i1), "i2": float(i2), "y": network.y,
            **{k: float(v) for k, v in w.items()}, "lr": network.lr}


def close(a, b, rel=1e-12):
    """Relative error within rel; a value the reference cannot compute, the page must
    not show (its data-exact is gone)."""
    if not math.isfinite(b):
        return a is None
    a = float(a)
    return a == b or abs(a - b) <= rel * max(abs(a), abs(b))


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


def enter(page, case):
    """Choose the case's network (if it is not chosen yet), type its first number as a
    reader would, set the rest, the error and the biases' box at once and send the one
    input event the page listens for."""
    sigmoid = "y1" in case
    network_name = "sigmoid" if sigmoid else "linear"
    if page.input_value("select[name=network]") != network_name:
        page.select_option("select[name=network]", network_name)
    page.fill("input[name=i1]", repr(case["i1"]))
    page.evaluate("""([values, loss, biases]) => {
        const form = document.querySelector("form.explorer");
        for (const [name, value] of Object.entries(values)) form.elements[name].value = value;
        form.elements.loss.value = loss;
        form.elements.train_biases.checked = biases;
        form.dispatchEvent(new Event("input", {bubbles: true}));
    }""", [{name: repr(case[name]) for name in (SIGMOID if sigmoid else LINEAR)[1:]},
           case.get("loss", "squared"), case.get("biases", False)])


@pytest.mark.parametrize("network_name, loss, seed", [
    ("linear", None, 7), ("sigmoid", "squared", 8), ("sigmoid", "cross_entropy", 9)])
def test_every_output_matches_python_on_fifty_random_cases(explorer, network_name, loss, seed):
    diverged = oscillated = 0
    for case in cases(network_name, loss, seed):
        enter(explorer, case)
        out, errors, runaway, oscillates = reference(case)
        got = shown(explorer)
        wrong = {k: (got[k], v) for k, v in out.items() if not close(got[k], v)}
        assert not wrong, f"{case}: page vs plain floats {wrong}"
        by_numpy = numpy_step(case)
        wrong = {k: (got[k], v) for k, v in by_numpy.items() if not close(got[k], v)}
        assert not wrong, f"{case}: page vs the snippets' numpy {wrong}"
        alert = explorer.inner_text(".explorer-alert")
        if runaway is None:
            assert close(got["E_final"], errors[-1]), (case, got["E_final"], errors[-1])
        else:
            diverged += 1
            assert got["E_final"] is None, case
            assert f"grows without bound after {runaway} epoch" in alert, (case, alert)
        assert ("no longer falls" in alert) == oscillates, (case, alert, errors[-11:])
        text = explorer.inner_text("article")
        assert not re.search(r"NaN|Infinity", text), (case, text)
        oscillated += oscillates
    if network_name == "linear":
        assert 0 < diverged < 50, "the cases should include some learning rates that diverge"
        assert oscillated, "and some that no longer fall"
    print(f"{network_name} {loss}: {diverged} diverge, {oscillated} no longer fall")


def test_the_starting_values_are_the_snippets(explorer):
    start = walkthrough()
    assert {n: float(explorer.input_value(f"input[name={n}]")) for n in start} == start
    explorer.select_option("select[name=network]", "sigmoid")
    (i1, i2), (y1, y2) = sn.x[0], sn.y[0]
    start = {"i1": i1, "i2": i2, "y1": y1, "y2": y2, **sn.weights(sn.W1, sn.W2),
             "b1": sn.b1, "b2": sn.b2, "lr": sn.lr}
    assert {n: float(explorer.input_value(f"input[name={n}]")) for n in start} == start
    assert explorer.input_value("select[name=loss]") == "squared"
    assert not explorer.is_checked("input[name=train_biases]"), "Mazur keeps the biases"


def test_no_starting_value_is_typed_into_the_page():
    """The page's inputs carry no value: the script fills them from the JSON the
    build computes from the snippets, so there is no copy to go stale."""
    page = (ROOT / "docs" / "explorer.md").read_text()
    assert not re.findall(r"<input [^>]*\bvalue=", page)


def test_step_replaces_the_weights_and_matches_python(explorer):
    explorer.click("button[data-action=step]")
    start = {**walkthrough(), "epochs": 1}
    after = update(start)
    for w in learned(start):
        assert close(explorer.input_value(f"input[name={w}]"), after[w]), w
    assert close(shown(explorer)["E"], reference(start)[0]["E_next"])
    assert f"w1={after['w1']!r}" in explorer.evaluate("location.hash")
    explorer.click("button[data-action=reset]")
    assert float(explorer.input_value("input[name=w1]")) == start["w1"]


def test_step_moves_the_biases_only_when_asked(explorer):
    explorer.select_option("select[name=network]", "sigmoid")
    explorer.click("button[data-action=step]")
    assert float(explorer.input_value("input[name=b1]")) == sn.b1
    assert close(explorer.input_value("input[name=w5]"), 0.35891648, rel=1e-8)  # Mazur's w5+
    explorer.check("input[name=train_biases]")
    b1 = shown(explorer)["b1_next"]
    explorer.click("button[data-action=step]")
    assert explorer.input_value("input[name=b1]") == b1 != repr(sn.b1)


@pytest.mark.parametrize("network_name, name, text, says", [
    ("linear", "w1", "", "w1 is empty"),
    ("linear", "w2", "abc", "w2: “abc” is not a number"),
    ("linear", "i1", "1e309", "i1: 1e309 is too large"),
    ("linear", "y", "NaN", "y: “NaN” is not a number"),
    ("linear", "epochs", "2.5", "epochs must be a whole number"),
    ("linear", "lr", "5", "the error grows without bound after"),
    ("sigmoid", "y2", "", "y2 is empty"),
    ("sigmoid", "b1", "x1", "b1: “x1” is not a number"),
    ("sigmoid", "w8", "-1e309", "w8: -1e309 is too large"),
    ("sigmoid", "lr", "NaN", "lr: “NaN” is not a number"),
])
def test_bad_input_is_named_and_never_shows_nan(explorer, network_name, name, text, says):
    explorer.select_option("select[name=network]", network_name)
    before = shown(explorer)
    explorer.fill(f"input[name={name}]", text)
    alert = explorer.locator("[role=alert]")
    assert alert.is_visible() and says in alert.inner_text(), alert.inner_text()
    body = explorer.inner_text("article")
    assert not re.search(r"NaN|Infinity", body.replace(f"“{text}”", "")), body
    if name != "lr" or text != "5":  # unreadable input: the last valid numbers stay
        assert shown(explorer) == before
        assert explorer.get_attribute(f"input[name={name}]", "aria-invalid") == "true"


def stability_limit():
    """2 / |dy_hat/dw|^2 at the solution gradient descent reaches from the walk-through's
    start at its learning rate, by plain floats: near it the miss y_hat - y is multiplied
    by 1 - lr |dy_hat/dw|^2 per epoch, which is below -1 past the limit."""
    c = walkthrough()
    for _ in range(3000):
        c = update(c)
    values, _ = linear_pass(c)
    slopes = [c["i1"] * c["w5"], c["i2"] * c["w5"], c["i1"] * c["w6"], c["i2"] * c["w6"],
              values["h1"], values["h2"]]  # dy_hat/dw1 .. dy_hat/dw6
    assert values["E"] < 1e-25, "not at the solution yet"
    return 2 / sum(s * s for s in slopes)


def test_the_presets_show_what_they_say(explorer):
    limit = stability_limit()
    fills = explorer.evaluate("""Object.fromEntries([...document.querySelectorAll(
        "[data-fill]")].map(e => [e.dataset.fill, e.textContent]))""")
    assert float(fills["limit"]) == float(f"{limit:.4g}"), (fills, limit)
    explorer.select_option("select[name=network]", "sigmoid")  # a preset brings the linear back
    start = walkthrough()
    seen = {}
    for preset in ["inside", "outside", "far", "symmetric", "zero", "w6_zero"]:
        explorer.click(f"button[data-preset={preset}]")
        case = {n: float(explorer.input_value(f"input[name={n}]")) for n in LINEAR}
        case["epochs"] = int(case["epochs"])
        _, errors, runaway, oscillates = reference(case)
        seen[preset] = case, shown(explorer), explorer.inner_text(".explorer-alert"), (
            errors, runaway, oscillates)
        assert explorer.input_value("select[name=network]") == "linear"
        assert not re.search(r"NaN|Infinity", explorer.inner_text("article")), preset
        if preset in fills:  # its learning rate, in the line that explains it
            assert float(fills[preset]) == case["lr"], (preset, fills)
    case, _, alert, (errors, runaway, oscillates) = seen["inside"]
    assert 0.9 * limit < case["lr"] < limit, (case["lr"], limit)
    assert runaway is None and not oscillates and alert == "" and errors[-1] < 1e-3 * errors[0]
    case, _, alert, (errors, runaway, oscillates) = seen["outside"]
    assert limit < case["lr"] < 1.1 * limit and case["epochs"] >= 50
    assert runaway is None and oscillates and "no longer falls" in alert
    case, _, alert, (errors, runaway, oscillates) = seen["far"]
    assert case["lr"] > 1.5 * limit and runaway is not None
    assert f"grows without bound after {runaway} epoch" in alert
    case, got, _, _ = seen["symmetric"]
    assert (case["w1"], case["w2"], case["w5"]) == (case["w3"], case["w4"], case["w6"])
    assert got["h1"] == got["h2"] and got["w1_next"] == got["w3_next"], got
    assert {k: case[k] for k in start if k not in ("w3", "w4", "w6")} == {
        k: v for k, v in start.items() if k not in ("w3", "w4", "w6")}
    case, got, _, _ = seen["zero"]
    assert all(case[w] == 0 for w in learned(case))
    assert all(float(got[f"grad_{w}"]) == 0 for w in learned(case))
    assert got["E_final"] == got["E"] == got["E_next"]
    case, got, _, _ = seen["w6_zero"]
    assert case["w6"] == 0 and {k: case[k] for k in start if k != "w6"} == {
        k: v for k, v in start.items() if k != "w6"}
    assert float(got["grad_w3"]) == float(got["grad_w4"]) == 0 != float(got["grad_w6"])
    explorer.click("button[data-action=step]")
    assert float(shown(explorer)["grad_w3"]) != 0, "from the second step on, w3 learns"


def test_the_curve_says_how_training_ends(explorer):
    caption = ".explorer-curve-caption"
    assert "falls from" in explorer.inner_text(caption)
    explorer.click("button[data-preset=outside]")
    assert "no longer falls" in explorer.inner_text(caption)
    explorer.click("button[data-preset=far]")
    assert "grows without bound" in explorer.inner_text(caption)
    explorer.click("button[data-preset=zero]")
    assert "stays at" in explorer.inner_text(caption)


def rule(page):
    return page.evaluate("""Object.fromEntries([...document.querySelectorAll(
        ".explorer-rule [data-rule]")].map(e => [e.dataset.rule, Number(e.dataset.exact)]))""")


@pytest.mark.parametrize("network_name", ["linear", "sigmoid"])
def test_each_edge_shows_upstream_times_local(explorer, network_name):
    explorer.select_option("select[name=network]", network_name)
    sigmoid = network_name == "sigmoid"
    names = SIGMOID if sigmoid else LINEAR
    case = {n: float(explorer.input_value(f"input[name={n}]")) for n in names}
    case |= {"loss": "squared", "biases": False, "epochs": int(case["epochs"])}
    values, grads = (sigmoid_pass if sigmoid else linear_pass)(case)
    feeds = {"w1": ("h1", "i1"), "w2": ("h1", "i2"), "w3": ("h2", "i1"), "w4": ("h2", "i2"),
             "w5": ("o1" if sigmoid else "y_hat", "h1"), "w6": ("o1" if sigmoid else "y_hat", "h2"),
             "w7": ("o2", "h1"), "w8": ("o2", "h2")}
    for w in [k for k in grads if k[0] == "w"]:
        unit, source = feeds[w]
        upstream = values[f"delta_{unit}"] if sigmoid else (
            values["delta"] if unit == "y_hat" else values[f"dE_d{unit}"])
        local = case.get(source, values.get(source))
        explorer.focus(f"[data-edge={w}]")
        got = rule(explorer)
        assert got == {"upstream": upstream, "local": local, "gradient": grads[w]}, (w, got)
        assert got["upstream"] * got["local"] == got["gradient"]
        label = explorer.get_attribute(f"[data-edge={w}]", "aria-label")
        assert label.startswith(f"{w}: ∂E/∂{w} = upstream"), label
    explorer.hover("[data-edge=w2] text")  # its label: the edges cross mid-way
    assert rule(explorer)["gradient"] == grads["w2"], "pointing at an edge shows it too"


def test_the_link_keeps_the_numbers(warm, base):
    numbers = "i1=1&i2=-2&y=0.5&w1=0.1&w2=0.2&w3=0.3&w4=0.4&w5=0.5&w6=0.6&lr=0.01&epochs=5"
    seen, page = open_page(warm, base + "explorer/#" + numbers, wait_until="load")
    try:
        assert [page.input_value(f"input[name={n}]") for n in LINEAR] == [
            v.split("=")[1] for v in numbers.split("&")]
        page.fill("input[name=w1]", "0.15")
        assert page.evaluate("location.hash") == "#" + numbers.replace("w1=0.1", "w1=0.15")
    finally:
        page.close()
    mazur = ("network=sigmoid&loss=cross_entropy&train_biases=1&i1=0.05&i2=0.1&y1=0.01&"
             "y2=0.99&w1=0.15&w2=0.2&w3=0.25&w4=0.3&w5=0.4&w6=0.45&w7=0.5&w8=0.55&b1=0.35&"
             "b2=0.6&lr=0.5&epochs=7")
    seen, page = open_page(warm, base + "explorer/#" + mazur, wait_until="load")
    try:
        assert page.input_value("select[name=network]") == "sigmoid"
        assert page.input_value("select[name=loss]") == "cross_entropy"
        assert page.is_checked("input[name=train_biases]")
        assert page.input_value("input[name=epochs]") == "7"
        page.select_option("select[name=loss]", "squared")
        assert page.evaluate("location.hash") == "#" + mazur.replace("cross_entropy", "squared")
    finally:
        page.close()
    for bad in ("w1=abc&x=1", "network=cubic", "network=sigmoid&loss=hinge&y=1"):
        seen, page = open_page(warm, base + "explorer/#" + bad, wait_until="load")
        try:
            assert page.input_value("select[name=network]") == "linear"
            assert float(page.input_value("input[name=w1]")) == network.W1[0, 0]
            assert "could not be used" in page.inner_text("[role=alert]"), bad
            assert not seen.console_errors and not seen.page_errors
        finally:
            page.close()


def boxes(page):
    return page.evaluate("""[".explorer-outputs", ".explorer-network", ".explorer-presets"]
        .map(s => document.querySelector(s).getBoundingClientRect().top + scrollY)""")


@pytest.mark.parametrize("size", SIZES)
def test_nothing_moves_while_you_type(explorer, size):
    """A message that appears while typing (a bad number, a diverging or oscillating
    run) takes the box kept for it: what is below stays where it was."""
    explorer.set_viewport_size(SIZES[size])
    try:
        before = boxes(explorer)
        for name, text in [("lr", "0.28"), ("lr", "0.6"), ("w2", "0.1x"), ("w2", "-")]:
            field = explorer.locator(f"input[name={name}]")
            field.fill("")
            for key in text:
                field.press(key)
                assert boxes(explorer) == before, (size, name, key, boxes(explorer), before)
            assert explorer.inner_text(".explorer-alert"), "a message to make room for"
    finally:
        explorer.set_viewport_size(SIZES["desktop"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_state_passes_axe(explorer, scheme):
    """The sigmoid network's fields, an edge focused and a message shown, in both
    palettes and sizes (tests/test_browser.py audits the page as it loads)."""
    try:
        for size in SIZES:
            reload_as(explorer, size, scheme)
            explorer.select_option("select[name=network]", "sigmoid")
            explorer.fill("input[name=lr]", "x")
            explorer.focus("[data-edge=w7]")
            found = axe_violations(explorer)
            assert not found, f"{scheme}, {size}:\n" + "\n".join(found)
    finally:
        reload_as(explorer, "desktop", "light")


def test_the_explorer_is_small():
    packed = sum(len(gzip.compress((ROOT / "docs" / f).read_bytes(), 9)) for f in EXPLORER_FILES)
    assert packed <= EXPLORER_BUDGET, f"{packed} gzip bytes, budget {EXPLORER_BUDGET}"


def test_an_exercise_the_numbers_lack_stops_the_build():
    """A form naming an exercise tools/page_numbers.py does not compute fails the build
    with the page and the names it has, instead of a form that can never say right."""
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    import page_numbers_json

    page_numbers_json.on_pre_build(None)
    page = SimpleNamespace(url="x/", file=SimpleNamespace(src_uri="x.md"))
    html = '<form class="your-turn" data-exercise="h1"></form>'
    assert page_numbers_json.on_page_content(html, page, None, None) == html
    with pytest.raises(PluginError, match=r"x.md: no exercise \['h3'\]"):
        page_numbers_json.on_page_content(html.replace("h1", "h3"), page, None, None)
