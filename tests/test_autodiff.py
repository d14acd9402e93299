"""The autodiff engine against hand-derived gradients and finite differences, on both
networks and at seeded random points; the batch code's gradients and shape errors."""

import numpy as np
import pytest

import autodiff
import batch
import network
import sigmoid_network as sn
from autodiff import Value, gradients_of
from autodiff_linear import linear_error
from autodiff_sigmoid import sigmoid_error
from test_gradients import NAMES
from test_gradients import finite_difference as linear_finite_difference
from test_sigmoid import START as SIGMOID_START
from test_sigmoid import finite_difference as sigmoid_finite_difference

RNG = np.random.default_rng(2)
LINEAR_POINTS = [[0.34, 0.13, 0.05, 0.07, 0.20, 0.01]] + RNG.uniform(-1, 1, (4, 6)).tolist()
SIGMOID_POINTS = [SIGMOID_START] + [dict(zip(SIGMOID_START, row, strict=True))
                                    for row in RNG.uniform(-1, 1, (4, 10)).tolist()]


def linear_gaps(w):
    """|autodiff - finite difference| and |autodiff - network.gradients| per weight."""
    found = gradients_of(linear_error, dict(zip(NAMES, w, strict=True)))
    W1, W2 = np.array([[w[0], w[2]], [w[1], w[3]]]), np.array([[w[4]], [w[5]]])
    staged = network.weights(*network.gradients(network.x, network.y, W1, W2))
    return {name: max(abs(found[name] - linear_finite_difference(w, k)),
                      abs(found[name] - staged[name])) for k, name in enumerate(NAMES)}


def sigmoid_gaps(p):
    found = gradients_of(sigmoid_error, p)
    g = sn.backward(sn.x, sn.y, *sn.arrays(p), p["b1"], p["b2"])
    staged = {**sn.weights(g["dE_dW1"], g["dE_dW2"]), "b1": g["dE_db1"], "b2": g["dE_db2"]}
    return {name: max(abs(found[name] - sigmoid_finite_difference(p, name)),
                      abs(found[name] - staged[name])) for name in p}


@pytest.mark.parametrize("w", LINEAR_POINTS, ids=[f"point{k}" for k in range(5)])
def test_engine_on_the_linear_network(w):
    wrong = {name: gap for name, gap in linear_gaps(w).items() if gap > 1e-8}
    assert not wrong, f"autodiff disagrees on the 2-2-1 network: {wrong}"


@pytest.mark.parametrize("p", SIGMOID_POINTS, ids=[f"point{k}" for k in range(5)])
def test_engine_on_the_sigmoid_network(p):
    wrong = {name: gap for name, gap in sigmoid_gaps(p).items() if gap > 1e-8}
    assert not wrong, f"autodiff disagrees on the sigmoid network: {wrong}"


def test_a_wrong_local_derivative_is_caught(monkeypatch):
    """Give the sigmoid the slope s instead of s (1 - s): the comparison must fail."""
    def sigmoid(self):
        s = 1 / (1 + np.exp(-self.data))
        return Value(s, ((self, s),))

    monkeypatch.setattr(autodiff.Value, "sigmoid", sigmoid)
    assert max(sigmoid_gaps(SIGMOID_START).values()) > 1e-3


def test_a_wrong_product_rule_is_caught(monkeypatch):
    """d(ab)/da = b; claim a instead, and the linear network's check fails."""
    def mul(self, other):
        other = autodiff.lift(other)
        return Value(self.data * other.data, ((self, self.data), (other, self.data)))

    monkeypatch.setattr(autodiff.Value, "__mul__", mul)
    monkeypatch.setattr(autodiff.Value, "__rmul__", mul)
    assert max(linear_gaps(LINEAR_POINTS[0]).values()) > 1e-3


def test_batch_gradient_matches_finite_differences():
    dE_dW1, dE_dW2 = batch.batch_backward(network.X, network.Y, network.W1, network.W2)
    analytic = network.weights(dE_dW1, dE_dW2)
    eps = 1e-6
    for name in NAMES:
        up, down = network.weights(network.W1, network.W2), network.weights(network.W1,
                                                                            network.W2)
        up[name] += eps
        down[name] -= eps
        slope = (batch.batch_error(batch.batch_forward(network.X, *network.arrays(up))[1],
                                   network.Y)
                 - batch.batch_error(batch.batch_forward(network.X, *network.arrays(down))[1],
                                     network.Y)) / (2 * eps)
        assert abs(analytic[name] - slope) < 1e-8, (name, analytic[name], slope)


def test_batch_of_one_is_the_walk_through():
    one = batch.batch_backward(network.X[:1], network.Y[:1], network.W1, network.W2)
    seed = network.gradients(network.x, network.y, network.W1, network.W2)
    assert all(np.allclose(a, b, rtol=0, atol=1e-15) for a, b in zip(one, seed, strict=True))


@pytest.mark.parametrize("X, Y, message", [
    (np.array([2.0, 3.0]), network.Y[:1], r"X has shape \(2,\): expected \(N, 2\)"),
    (network.X.T, network.Y, r"X has shape \(2, 4\): expected \(N, 2\)"),
    (network.X, network.Y.T, r"Y has shape \(1, 4\): expected \(4, 1\)"),
])
def test_a_wrongly_shaped_batch_is_named(X, Y, message):
    with pytest.raises(ValueError, match=message):
        batch.batch_backward(X, Y, network.W1, network.W2)
