"""The "Any depth" chapter against oracles that share no code with layers.py.

The loop must give, to the digit the pages print and to the last bits of a
float64 beyond, the gradients that network.py (2-2-1), three_layers.py (the
exercise) and sigmoid_network.py (Mazur's 2-2-2) compute. Every gradient of
the chapter's new networks is compared with central finite differences of an
error written out here, as a relative error, |a - b| / max(|a|, |b|)
(CS231n's); the numbers the chapter prints are derived here again from plain
floats or from those finite differences, never read back from a snippet.
"""

import re

import numpy as np
import pytest

import depth_vanishing
import network
import sigmoid_network as mazur
import three_layers
from conftest import ROOT
from layers import backward, forward, identity, output_delta, relu, sigmoid

ACTIVATIONS = {identity: lambda z: z, sigmoid: lambda z: 1 / (1 + np.exp(-z)),
               relu: lambda z: np.where(z > 0, z, 0.0)}


def relative(a, b):
    """|a - b| / max(|a|, |b|) entry by entry, 0 where both are 0."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    scale = np.maximum(np.abs(a), np.abs(b))
    return np.where(scale > 0, np.abs(a - b) / np.where(scale > 0, scale, 1), 0.0)


def printed(name):
    return (ROOT / "snippets" / f"{name}.txt").read_text(encoding="utf-8")


# --- an oracle apart from layers.py: the error written out, and its slopes ----------

def plain_outputs(x, params, kinds):
    """The network's output for one row x; params: [(W, b)], kinds: the activation
    of each layer, applied by hand."""
    a = x
    for (W, b), kind in zip(params, kinds, strict=True):
        a = ACTIVATIONS[kind](a @ W + b)
    return a


def plain_error(x, y, params, kinds):
    """E = sum of (out - y)^2 / 2."""
    return float(np.sum((plain_outputs(x, params, kinds) - y) ** 2) / 2)


def finite_differences(x, y, net, eps):
    """dE/dW and dE/db of every layer by central differences, one entry at a time.
    E(+) - E(-) is taken output by output, as (o+ - o-)(o+ + o- - 2 y) / 2: the same
    difference, without subtracting two errors as large as 1e11 (the std-1 start)."""
    params = [(W.copy(), b.astype(float).copy()) for W, b, _ in net]
    kinds = [f for _, _, f in net]
    grads = []
    for pair in params:
        slopes = []
        for p in pair:
            g = np.zeros_like(p)
            for i in np.ndindex(p.shape):
                saved = p[i]
                p[i] = saved + eps
                up = plain_outputs(x, params, kinds)
                p[i] = saved - eps
                down = plain_outputs(x, params, kinds)
                p[i] = saved
                g[i] = np.sum((up - down) * (up + down - 2 * y)) / 2 / (2 * eps)
            slopes.append(g)
        grads.append(slopes)
    return grads


def loop(x, y, net):
    inputs, zs = forward(x, net)
    return backward(net, inputs, zs, output_delta(net, inputs, zs, inputs[-1] - y))


def worst(x, y, net, eps):
    """The largest relative error of the loop's gradients against finite differences."""
    return max(relative(got, want).max()
               for pair_got, pair_want in zip(loop(x, y, net),
                                              finite_differences(x, y, net, eps), strict=True)
               for got, want in zip(pair_got, pair_want, strict=True))


# --- the loop reproduces every page --------------------------------------------------

def test_the_loop_is_the_walk_through_bit_for_bit():
    net = [(network.W1, np.zeros(2), identity), (network.W2, np.zeros(1), identity)]
    (dE_dW1, _), (dE_dW2, _) = loop(network.x, network.y, net)
    _, dE_dW2_page, _, dE_dW1_page = network.backward(network.x, network.y, network.W1,
                                                      network.W2)
    assert np.array_equal(dE_dW1, dE_dW1_page) and np.array_equal(dE_dW2, dE_dW2_page)
    # The Backpropagation page's printed rows, from the loop's own numbers.
    shown = printed("backprop")
    assert f"   {network.show(dE_dW1)}\n" in shown and f"   {network.show(dE_dW2)}\n" in shown


def test_the_loop_is_the_three_layer_exercise_bit_for_bit():
    net = [(W, np.zeros(W.shape[1]), identity)
           for W in (network.W1, three_layers.W2, three_layers.W3)]
    got = [dE_dW for dE_dW, _ in loop(network.x, network.y, net)]
    want = three_layers.backward(network.W1, three_layers.W2, three_layers.W3)
    for g, w in zip(got, want, strict=True):
        assert np.array_equal(g, w)
    assert worst(network.x, network.y, net, 1e-6) < 1e-7


def mazur_per_unit():
    return [(mazur.W1, np.full(2, mazur.b1), sigmoid), (mazur.W2, np.full(2, mazur.b2), sigmoid)]


def test_the_loop_is_mazurs_network_with_a_bias_per_unit():
    (dE_dW1, dE_db1), (dE_dW2, dE_db2) = loop(mazur.x, mazur.y, mazur_per_unit())
    page = mazur.backward(mazur.x, mazur.y, mazur.W1, mazur.W2, mazur.b1, mazur.b2)
    # The same products in another order (delta * h * (1 - h)): the last bit may differ.
    assert relative(dE_dW1, page["dE_dW1"]).max() < 1e-15
    assert relative(dE_dW2, page["dE_dW2"]).max() < 1e-15
    # A shared bias reaches E through every unit it feeds: the per-unit gradients add up.
    assert relative(dE_db1.sum(), page["dE_db1"]) < 1e-15
    assert relative(dE_db2.sum(), page["dE_db2"]) < 1e-15
    # To the digit the sigmoid chapter prints, every one of the ten.
    shown = printed("sigmoid_backward") + printed("sigmoid_check")
    values = {**mazur.weights(dE_dW1, dE_dW2), "b1": dE_db1.sum(), "b2": dE_db2.sum()}
    for name, value in values.items():
        assert re.search(rf"dE/d{name}\b[^\n]*?(?<![\d.-]){re.escape(f'{value:.9f}')}(?!\d)",
                         shown), name
    assert worst(mazur.x, mazur.y, mazur_per_unit(), 1e-5) < 1e-7


def test_the_loop_agrees_with_finite_differences_on_a_walk_through_with_biases():
    rng = np.random.default_rng(21)
    net = [(network.W1, rng.normal(size=2), sigmoid), (network.W2, rng.normal(size=1), identity)]
    assert worst(network.x, network.y, net, 1e-6) < 1e-7


# --- vanishing and exploding gradients -------------------------------------------------

# Sigmoid layers are smooth: a central difference errs by eps^2 times the third
# derivative, and by rounding in the outputs over eps; the smallest of the first
# layer's gradients (about 1e-8) meet both at eps = 1e-3, a worst relative error of
# 3e-6, which CS231n expects of eight layers. Between its kinks a ReLU network's E is
# quadratic in each weight, so a central difference is exact there and only rounding
# is left (3e-8 at eps = 1e-3; at 1e-2 a nudge crosses a kink). A mistake in the
# loop gives errors of order 1 (tried: sigma' dropped, a product transposed).
DEEP = {"sigmoid, Xavier": (1e-3, 1e-4), "ReLU, He": (1e-3, 1e-6),
        "ReLU, std 1": (1e-3, 1e-6)}


@pytest.fixture(scope="module")
def deep_gradients():
    """For each start: the network and (loop, finite differences)."""
    found = {}
    for start, (eps, _) in DEEP.items():
        x, y, net = depth_vanishing.deep_network(start)
        found[start] = (net, loop(x, y, net), finite_differences(x, y, net, eps))
    return found


@pytest.mark.parametrize("start", DEEP)
def test_every_gradient_of_the_deep_networks_agrees_with_finite_differences(
        start, deep_gradients):
    _, got, want = deep_gradients[start]
    errors = [relative(g, w).max() for pg, pw in zip(got, want, strict=True)
              for g, w in zip(pg, pw, strict=True)]
    assert max(errors) < DEEP[start][1], (start, max(errors))


def test_the_deep_networks_are_as_the_chapter_says(deep_gradients):
    rng = np.random.default_rng(0)  # the chapter's generator and seed, drawn again here
    x, y = rng.standard_normal((1, 32)), rng.standard_normal((1, 32))
    draws = [rng.standard_normal((32, 32)) for _ in range(8)]
    for start, hidden, scale in [("sigmoid, Xavier", sigmoid, (2 / 64) ** 0.5),
                                 ("ReLU, He", relu, (2 / 32) ** 0.5), ("ReLU, std 1", relu, 1.0)]:
        net, _, _ = deep_gradients[start]
        assert [f for _, _, f in net] == [hidden] * 7 + [identity]
        for (W, b, _), draw in zip(net, draws, strict=True):
            assert np.allclose(W, draw * scale, rtol=1e-15, atol=0) and not b.any()
        x_net, y_net, _ = depth_vanishing.deep_network(start)
        assert np.array_equal(x_net, x) and np.array_equal(y_net, y)
    assert f"Xavier {(2 / 64) ** 0.5:.6f}, He {(2 / 32) ** 0.5:.6f}" in printed("depth_vanishing")


def test_the_printed_gradient_sizes_are_the_finite_differences(deep_gradients):
    """Every ||delta|| (= ||dE/db||) and ||dE/dW|| of the table, its ratios and the
    outputs' sizes, from the finite differences and the error written out here."""
    lines = printed("depth_vanishing").splitlines()
    titles = [n for n, line in enumerate(lines) if line.startswith("||") and line.endswith(":")]
    assert len(titles) == 2
    sizes = {}
    for k, title in enumerate(titles):  # 0: the deltas (dE/db), 1: the weights
        sizes[k] = [[np.linalg.norm(want[layer][1 - k]) for layer in range(8)]
                    for _, _, want in deep_gradients.values()]
        rows = [line.split() for line in lines[title + 1:title + 10]]
        for layer in range(8):
            assert rows[layer][:2] == ["layer", str(layer + 1)]
            assert rows[layer][2:] == [f"{s[layer]:.2e}" for s in sizes[k]]
        assert rows[8][:3] == ["first", "/", "last"]
        assert rows[8][3:] == [f"{s[0] / s[-1]:.2e}" for s in sizes[k]]
    per_layer = [(s[0] / s[-1]) ** (1 / 7) for s in sizes[0]]
    assert lines[titles[0] + 10].split() == ["per", "layer", *(f"{r:.3f}" for r in per_layer)]
    outputs = []
    for start in DEEP:
        x, _, net = depth_vanishing.deep_network(start)
        a = x
        for W, b, f in net:
            a = ACTIVATIONS[f](a @ W + b)
        outputs.append(f"{np.linalg.norm(a):.2e}")
    assert lines[-1].split() == ["||output||", *outputs]
    # What the chapter says of them: the delta shrinks about fourfold per sigmoid layer,
    # keeps its size with He's start, grows more than fourfold with std 1, and every
    # gradient of that start is a billion times He's.
    assert 0.2 < per_layer[0] < 0.25 and 0.5 < per_layer[1] < 2 and per_layer[2] > 4
    sigmoid_W, he_W, std1_W = sizes[1]
    assert sigmoid_W[0] / sigmoid_W[-1] < 1e-4
    assert max(he_W) / min(he_W) < 3 and min(std1_W) > 1e8 * max(he_W)


def test_relu_and_its_slope():
    z = np.array([-2.0, -1e-300, 0.0, 1e-300, 3.0])
    assert ACTIVATIONS[relu](z).tolist() == relu(z).tolist() == [0, 0, 0, 1e-300, 3.0]
    from layers import DERIVATIVES
    assert DERIVATIVES[relu](z, relu(z)).tolist() == [0, 0, 0, 1, 1]  # 0 taken at z = 0


# --- symmetry and zero starts ----------------------------------------------------------

def test_a_symmetric_start_stays_symmetric_at_every_epoch():
    """Plain floats, one unit written out: h = 2 w1 + 3 w2 (both units), y_hat = 2 h w5."""
    import depth_symmetry  # a script: it runs (and prints) as it is imported
    w1, w2, w5, lr = 0.34, 0.13, 0.20, 0.05
    plain = []
    for _ in range(1001):
        h = 2 * w1 + 3 * w2
        y_hat = 2 * h * w5
        delta = y_hat - 1
        plain.append((w1, w2, w5, y_hat))
        w1, w2, w5 = w1 - lr * delta * w5 * 2, w2 - lr * delta * w5 * 3, w5 - lr * delta * h
    net = [(np.array([[0.34, 0.34], [0.13, 0.13]]), np.zeros(2), identity),
           (np.array([[0.20], [0.20]]), np.zeros(1), identity)]
    history = depth_symmetry.train(net, biases=False)
    assert len(history) == 1001
    for ((W1, b1, _), (W2, b2, _)), (p1, p2, p5, _) in zip(history, plain, strict=True):
        assert W1[0, 0] == W1[0, 1] and W1[1, 0] == W1[1, 1] and W2[0, 0] == W2[1, 0]
        assert relative([W1[0, 0], W1[1, 0], W2[0, 0]], [p1, p2, p5]).max() < 1e-12
        assert not b1.any() and not b2.any()
    shown = printed("depth_symmetry")
    for epoch in (0, 1, 2, 10, 100, 1000):
        row = f"{epoch:5d}" + "".join(f"{v:12.6f}" for v in plain[epoch])
        assert row in shown, row
    # The first epoch's gradients: dE/dw1 = 2 delta w5, dE/dw2 = 3 delta w5, dE/dw5 = delta h.
    delta = 2 * 1.07 * 0.20 - 1
    assert (f"[[{2 * delta * 0.2:.6f}, {2 * delta * 0.2:.6f}], [{3 * delta * 0.2:.6f}, "
            f"{3 * delta * 0.2:.6f}]]") in shown
    assert f"[[{delta * 1.07:.6f}], [{delta * 1.07:.6f}]]" in shown
    for epoch in (0, 1, 10):  # later, y_hat = y and every gradient is rounding noise
        assert worst(network.x, network.y, history[epoch], 1e-6) < 1e-7


@pytest.mark.parametrize("biases", [False, True])
def test_an_all_zero_start_has_no_gradient_but_the_output_bias(biases):
    import depth_symmetry
    net = [(np.zeros((2, 2)), np.zeros(2), identity), (np.zeros((2, 1)), np.zeros(1), identity)]
    (dE_dW1, dE_db1), (dE_dW2, dE_db2) = loop(network.x, network.y, net)
    (fW1, fb1), (fW2, fb2) = finite_differences(network.x, network.y, net, 1e-6)
    for got, want in [(dE_dW1, fW1), (dE_db1, fb1), (dE_dW2, fW2)]:
        assert not got.any() and not want.any()  # exactly 0, both ways
    assert dE_db2.tolist() == [-1.0] and relative(fb2, -1.0).max() < 1e-9  # y_hat - y = 0 - 1
    last = depth_symmetry.train(net, biases)[-1]
    assert not last[0][0].any() and not last[1][0].any()
    # Trained, the output bias alone moves: b2 <- b2 + lr (1 - b2), toward y = 1.
    b2 = 0.0
    for _ in range(1000):
        b2 += 0.05 * (1 - b2) * biases
    assert relative(last[1][1][0], b2) < 1e-12
    assert f"every weight is still 0: True; y_hat = {b2:.6f}" in printed("depth_symmetry")


# --- Mazur's ratio, the gates, the cost --------------------------------------------------

def test_mazurs_ratio_from_plain_floats():
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    h1, h2 = sig(0.05 * 0.15 + 0.10 * 0.20 + 0.35), sig(0.05 * 0.25 + 0.10 * 0.30 + 0.35)
    o1, o2 = sig(h1 * 0.40 + h2 * 0.45 + 0.60), sig(h1 * 0.50 + h2 * 0.55 + 0.60)
    d_o1, d_o2 = (o1 - 0.01) * o1 * (1 - o1), (o2 - 0.99) * o2 * (1 - o2)
    dE_dh1 = d_o1 * 0.40 + d_o2 * 0.50
    d_h1 = dE_dh1 * h1 * (1 - h1)
    shown = printed("depth_ratio")
    for text in [f"= {h1 * d_o1:.9f}\n", f"= {0.05 * d_h1:.9f}\n",
                 f"ratio {h1 * d_o1 / (0.05 * d_h1):.2f} = h1 / i1 {h1 / 0.05:.4f} * "
                 f"delta_o1 / delta_h1 {d_o1 / d_h1:.4f}\n",
                 f"delta_o1 / dE/dh1 {d_o1 / dE_dh1:.4f} * 1 / sigmoid'(z_h1) "
                 f"{1 / (h1 * (1 - h1)):.4f}\n",
                 f"= {h1 * (1 - h1):.6f}, never above 0.25"]:
        assert text in shown, text


def test_the_gates_from_plain_floats_and_finite_differences():
    h1, w5 = 2 * 0.34 + 3 * 0.13, 0.20
    delta = h1 * w5 + (2 * 0.05 + 3 * 0.07) * 0.01 - 1
    shown = printed("depth_gates")
    assert f"dE/dp1 = dE/dp2 = {delta:.6f}" in shown
    assert f"dE/dw5 = dE/dp1 * h1 = {delta * h1:.6f}" in shown
    assert f"dE/dh1 = dE/dp1 * w5 = {delta * w5:.6f}" in shown
    # Max: the first layer of "ReLU, He". dE/dz_k from nudging the bias b_k (z_k moves
    # with it), dE/da_k from nudging a_k itself, above the max.
    x, y, net = depth_vanishing.deep_network("ReLU, He")
    params = [(W, b.copy()) for W, b, _ in net]
    kinds = [f for _, _, f in net]
    z = (x @ params[0][0] + params[0][1])[0]
    a = np.maximum(z, 0)[None, :]

    def nudged(k, eps, of_a):
        if of_a:
            moved = a.copy()
            moved[0, k] += eps
            return plain_error(moved, y, params[1:], kinds[1:])
        params[0][1][k] += eps
        E = plain_error(x, y, params, kinds)
        params[0][1][k] -= eps
        return E

    for k in sorted([np.flatnonzero(z > 0)[0], np.flatnonzero(z < 0)[0]]):
        dE_da, dE_dz = ((nudged(k, 1e-6, of_a) - nudged(k, -1e-6, of_a)) / 2e-6
                        for of_a in (True, False))
        if z[k] > 0:  # z wins: what arrives passes on whole
            assert relative(dE_dz, dE_da) < 1e-7
        else:  # 0 wins: nothing passes
            assert dE_dz == 0 and abs(dE_da) > 0.1
        winner = "z" if z[k] > 0 else "0"
        line = (f"  unit {k + 1}: z = {z[k]:+.6f}, {winner} wins; dE/da = {dE_da:+.6f}, "
                f"dE/dz = {dE_dz:+.6f}\n")
        assert line in shown, line
    assert f"with z < 0: {(z < 0).sum()} of 32;" in shown


def test_the_deeper_network_costs_about_two_forward_passes():
    weights = 8 * 32 * 32
    backward_ = weights + 7 * 32 * 32  # dE/dW everywhere, dE/din above the first layer
    line = next(line for line in printed("cost").splitlines() if line.startswith("8 x 32"))
    assert line.split()[3:] == [str(weights), str(weights), str(backward_),
                                str(weights * 2 * weights), str(8 * 32)]
    assert f"backward / forward = {backward_ / weights:.2f}" in printed("cost")
    # With the chapter's activations: delta times f'(z) at each of the 7 x 32
    # hidden units, and their net inputs z kept for it.
    line = next(line for line in printed("cost").splitlines()
                if line.startswith("8 x 32, f"))
    assert line.split()[4:] == [str(weights), str(weights), str(backward_ + 7 * 32),
                                str(weights * 2 * weights), str(8 * 32 + 7 * 32)]
    assert f"backward / forward = {(backward_ + 7 * 32) / weights:.2f}" in printed("cost")
