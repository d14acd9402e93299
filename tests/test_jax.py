"""Every network's gradients against a framework's autograd: JAX's jax.grad, 64-bit
floats, on the CPU. JAX sees only each network's error, written here in jax.numpy,
and differentiates it itself; ours come from the snippets' backward passes. They
must agree entry by entry to a relative 1e-12 (|a - b| / max(|a|, |b|)).

A new network on the site: add a case below (a function returning our gradients and
JAX's, lists of arrays in one order) and name the snippets it covers;
test_every_backward_pass_has_a_case finds any that is missing.

JAX is the `frameworks` dependency group (make test installs it); no snippet a
learner runs needs it.
"""

import functools
import re

import numpy as np
import pytest

import autodiff
import batch
import layers
import losses
import network
import sigmoid_network as sn
from conftest import ROOT, Deferred

# In float64 on the CPU, as tests/conftest.py sets JAX up before its first import.
jax, jnp = Deferred("jax"), Deferred("jax.numpy")

TOLERANCE = 1e-12


def grad(f, **kwargs):
    """jax.grad, compiled once per shape: op by op, each new shape costs a compile."""
    return jax.jit(jax.grad(f, **kwargs))
CASES = {}  # name: (function returning (ours, jax's), the snippets it covers)


def case(*covers):
    def register(fn):
        CASES[fn.__name__] = (fn, covers)
        return fn
    return register


def relative(a, b):
    """|a - b| / max(|a|, |b|) entry by entry, 0 where both are 0."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    scale = np.maximum(np.abs(a), np.abs(b))
    return np.abs(a - b) / np.where(scale > 0, scale, 1.0)


def worst(ours, theirs):
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert np.shape(a) == np.shape(b), (np.shape(a), np.shape(b))
    return max(relative(a, b).max() for a, b in zip(ours, theirs, strict=True))


RNG = np.random.default_rng(4)  # the random points each case tries besides the site's own


@case("network")
def walkthrough_221():
    """The 2-2-1 linear network at the walk-through's weights and two random ones."""
    ours, theirs = [], []

    def E(W1, W2):
        return jnp.sum((network.x @ W1 @ W2 - network.y) ** 2) / 2

    for W1, W2 in [(network.W1, network.W2),
                   *[(RNG.uniform(-1, 1, (2, 2)), RNG.uniform(-1, 1, (2, 1))) for _ in "ab"]]:
        ours += network.gradients(network.x, network.y, W1, W2)
        theirs += grad(E, argnums=(0, 1))(W1, W2)
    return ours, theirs


@case("batch")
def batch_of_four():
    """The same network on the four examples of "Many examples at once": a mean."""
    def E(W1, W2):
        return jnp.mean(jnp.sum((network.X @ W1 @ W2 - network.Y) ** 2, axis=1) / 2)

    ours = batch.batch_backward(network.X, network.Y, network.W1, network.W2)
    return list(ours), list(grad(E, argnums=(0, 1))(network.W1, network.W2))


@case("three_layers")
def exercise_2221():
    """The backpropagation chapter's exercise: a second hidden layer."""
    import three_layers as t

    def E(W1, W2, W3):
        return jnp.sum((network.x @ W1 @ W2 @ W3 - network.y) ** 2) / 2

    return (list(t.backward(network.W1, t.W2, t.W3)),
            list(grad(E, argnums=(0, 1, 2))(network.W1, t.W2, t.W3)))


def mazur_error(W1, W2, b1, b2):
    h = jax.nn.sigmoid(sn.x @ W1 + b1)
    return jnp.sum((jax.nn.sigmoid(h @ W2 + b2) - sn.y) ** 2) / 2


@case("sigmoid_network")
def mazur_222():
    """Mazur's sigmoid 2-2-2, one bias shared per layer, at his start and a random one."""
    ours, theirs = [], []
    for point in [(sn.W1, sn.W2, sn.b1, sn.b2),
                  (RNG.uniform(-1, 1, (2, 2)), RNG.uniform(-1, 1, (2, 2)), *RNG.uniform(-1, 1, 2))]:
        g = sn.backward(sn.x, sn.y, *point)
        ours += [g["dE_dW1"], g["dE_dW2"], g["dE_db1"], g["dE_db2"]]
        theirs += grad(mazur_error, argnums=(0, 1, 2, 3))(*point)
    return ours, theirs


@case("autodiff", "autodiff_linear", "autodiff_sigmoid")
def engine():
    """Our scalar engine (the Autodiff page) on both networks."""
    from autodiff_linear import linear_error
    from autodiff_sigmoid import sigmoid_error

    linear = autodiff.gradients_of(linear_error, network.weights(network.W1, network.W2))
    W1, W2 = grad(lambda W1, W2: jnp.sum((network.x @ W1 @ W2 - network.y) ** 2) / 2,
                      argnums=(0, 1))(network.W1, network.W2)
    start = {**sn.weights(sn.W1, sn.W2), "b1": sn.b1, "b2": sn.b2}
    mazur = autodiff.gradients_of(sigmoid_error, start)
    g = grad(mazur_error, argnums=(0, 1, 2, 3))(sn.W1, sn.W2, sn.b1, sn.b2)
    theirs = {**network.weights(W1, W2)}
    theirs_mazur = {**sn.weights(g[0], g[1]), "b1": g[2], "b2": g[3]}
    return ([*linear.values(), *mazur.values()],
            [*(theirs[k] for k in linear), *(theirs_mazur[k] for k in mazur)])


def jax_forward(x, params, fs):
    a = x
    for (W, b), f in zip(params, fs, strict=True):
        z = a @ W + b
        a = {"identity": z, "relu": jax.nn.relu(z), "sigmoid": jax.nn.sigmoid(z),
             "softmax": jax.nn.softmax(z, axis=1)}[f]
    return a


@case("layers", "losses")
def any_depth():
    """layers.py's loop with each error losses.py gives a delta for, 3-4-4-3, random."""
    named = {layers.identity: "identity", layers.relu: "relu", layers.sigmoid: "sigmoid",
             losses.softmax: "softmax"}
    errors = {  # loss: (hidden, output, our delta, its error in jax.numpy)
        "squared": (layers.sigmoid, layers.identity, losses.squared_error_delta,
                    lambda out, y: jnp.sum((out - y) ** 2) / 2 / len(y)),
        "binary cross-entropy": (layers.relu, layers.sigmoid, losses.cross_entropy_delta,
                                 lambda out, y: -jnp.sum(y * jnp.log(out) + (1 - y)
                                                         * jnp.log(1 - out)) / len(y)),
        "softmax cross-entropy": (layers.relu, losses.softmax, losses.cross_entropy_delta,
                                  lambda out, y: -jnp.sum(y * jnp.log(out)) / len(y)),
    }
    ours, theirs = [], []
    x = RNG.normal(size=(5, 3))
    for hidden, output, delta_of, error in errors.values():
        y = (np.eye(3)[RNG.integers(0, 3, 5)] if output is losses.softmax
             else RNG.uniform(0.1, 0.9, (5, 3)))
        fs = [hidden, hidden, output]
        params = [(RNG.normal(size=(n, m)), RNG.normal(size=m)) for n, m in
                  [(3, 4), (4, 4), (4, 3)]]
        net = [(W, b, f) for (W, b), f in zip(params, fs, strict=True)]
        inputs, zs = layers.forward(x, net)
        for dW, db in layers.backward(net, inputs, zs, delta_of(net, inputs, zs, y)):
            ours += [dW, db]
        names = [named[f] for f in fs]
        E = functools.partial(lambda p, error, names, y: error(jax_forward(x, p, names), y),
                              error=error, names=names, y=y)
        for dW, db in grad(E)(params):
            theirs += [dW, db]
    return ours, theirs


@case("digits_train", "digits_check")
def digits_minibatch():
    """The 64-32-10 digits network at its start, on digits_check's random minibatch.
    (After training, a few entries of dE/dW1 are sums that cancel to 1e-5 of their
    terms; float64's rounding of such a sum alone can exceed a relative 1e-12.)"""
    import digits_check as check

    def E(params):
        (W1, b1), (W2, b2) = params
        z = jax.nn.relu(check.x_batch @ W1 + b1) @ W2 + b2
        return -jnp.mean(jnp.sum(check.y_batch * jax.nn.log_softmax(z, axis=1), axis=1))

    theirs = grad(E)([(W, b) for W, b, _ in check.layers])
    return ([g for pair in check.grads for g in pair],
            [g for pair in theirs for g in pair])


NAMES = {layers.identity: "identity", layers.relu: "relu", layers.sigmoid: "sigmoid"}
JAX_ERRORS = {  # our output delta: the same error in jax.numpy
    losses.squared_error_delta: lambda out, y: jnp.sum((out - y) ** 2) / 2 / len(y),
    losses.cross_entropy_delta: lambda out, y: -jnp.sum(
        y * jnp.log(out) + (1 - y) * jnp.log(1 - out)) / len(y),
}


def loop_and_jax(x, y, net, delta_of):
    """layers.py's gradients of net on (x, y), and JAX's of the same error."""
    inputs, zs = layers.forward(x, net)
    ours = [g for pair in layers.backward(net, inputs, zs, delta_of(net, inputs, zs, y))
            for g in pair]
    names = [NAMES[f] for _, _, f in net]
    error = JAX_ERRORS[delta_of]
    theirs = grad(lambda p: error(jax_forward(x, p, names), y))([(W, b) for W, b, _ in net])
    return ours, [g for pair in theirs for g in pair]


def joined(pairs):
    return [g for ours, _ in pairs for g in ours], [g for _, theirs in pairs for g in theirs]


@case("xor_train", "xor_seeds", "xor_stuck", "cross_entropy_step", "cross_entropy_targets")
def classification_networks():
    """The XOR network from seeds 0 and 5 (xor_seeds.py's hundred side by side are
    these networks, which tests/test_xor.py holds them to), and Mazur's network with a
    bias per unit, each under both errors."""
    import xor_fit
    import xor_train

    nets = [(xor_fit.X_xor, xor_fit.Y_xor, xor_train.init(seed)) for seed in (0, 5)]
    nets.append((sn.x, sn.y, [(sn.W1, np.full(2, sn.b1), layers.sigmoid),
                              (sn.W2, np.full(2, sn.b2), layers.sigmoid)]))
    return joined([loop_and_jax(x, y, net, delta_of) for x, y, net in nets
                   for delta_of in JAX_ERRORS])


@case("depth_vanishing", "depth_symmetry", "depth_gates", "depth_loop")
def depth_networks():
    """The Any depth chapter's eight-layer starts, and the walk-through's 2-2-1 through
    the loop from its own and from a symmetric start, with biases."""
    import depth_vanishing

    pairs = [loop_and_jax(*depth_vanishing.deep_network(start), losses.squared_error_delta)
             for start in depth_vanishing.STARTS]
    symmetric = np.array([[0.34, 0.34], [0.13, 0.13]]), np.array([[0.20], [0.20]])
    for W1, W2 in [(network.W1, network.W2), symmetric]:
        net = [(W1, np.array([0.1, -0.2]), layers.identity),
               (W2, np.array([0.3]), layers.identity)]
        pairs.append(loop_and_jax(network.x, np.array([[network.y]]), net,
                                  losses.squared_error_delta))
    return joined(pairs)


@pytest.mark.parametrize("name", CASES)
def test_gradients_agree_with_jax(name):
    """Ours and JAX's agree to TOLERANCE, and the check can fail: one entry of ours off
    by a relative 1e-11 (its 11th or 12th significant digit, far below any digit a
    page prints) is caught."""
    ours, theirs = CASES[name][0]()
    gap = worst(ours, theirs)
    assert gap <= TOLERANCE, f"{name}: largest relative difference from JAX {gap:.1e}"
    changed = [np.array(a, float) for a in ours]
    big = max(range(len(changed)), key=lambda k: np.abs(changed[k]).max())
    index = np.unravel_index(np.abs(changed[big]).argmax(), changed[big].shape)
    changed[big][index] *= 1 + 1e-11
    assert worst(changed, theirs) > TOLERANCE, f"{name}: a changed gradient went unseen"


def test_every_backward_pass_has_a_case():
    """Every snippet that computes gradients (defines a backward, or runs layers.py's)
    is compared with JAX by some case above."""
    covered = {module for _, covers in CASES.values() for module in covers}
    computing = {path.stem for path in sorted((ROOT / "snippets").glob("*.py"))
                 if re.search(r"^\s*def \w*backward\w*\(|^from layers import .*\bbackward\b",
                              path.read_text(encoding="utf-8"), re.M)}
    assert computing <= covered, f"no JAX case for: {sorted(computing - covered)}"


def test_jax_computes_in_float64_on_the_cpu():
    """As tests/conftest.py sets it up: in float32, no comparison to 1e-12 could hold."""
    assert jnp.ones(1).dtype == np.float64
    assert {device.platform for device in jax.devices()} == {"cpu"}
