"""How big a step: the stability limit, the update rules, weight decay and the
minibatch counts, each derived here independently (plain floats from the
formulas, finite differences) and compared with what the snippets print."""

import math
import re

import numpy as np
import pytest

from conftest import ROOT

i1, i2, y, lr = 2.0, 3.0, 1.0, 0.05
START = (0.34, 0.13, 0.05, 0.07, 0.20, 0.01)  # w1 .. w6


def printed(snippet):
    return (ROOT / "snippets" / f"{snippet}.txt").read_text()


def relative(a, b):
    return abs(a - b) / max(abs(a), abs(b))


def y_hat_of(w):
    a, b, c, d, e, f = w
    return (i1 * a + i2 * b) * e + (i1 * c + i2 * d) * f


def epoch(w, rate, scalar=False):
    """One epoch of gradient descent, weight by weight; scalar: the article's
    update, every first-layer weight moved by delta * (i1 w5 + i2 w6)."""
    a, b, c, d, e, f = w
    p, q = i1 * a + i2 * b, i1 * c + i2 * d
    g = p * e + q * f - y
    if scalar:
        s = g * (i1 * e + i2 * f)
        return (a - rate * s, b - rate * s, c - rate * s, d - rate * s,
                e - rate * g * p, f - rate * g * q)
    return (a - rate * g * e * i1, b - rate * g * e * i2, c - rate * g * f * i1,
            d - rate * g * f * i2, e - rate * g * p, f - rate * g * q)


def walk(rate, epochs, scalar=False):
    """The weights before each epoch and after the last."""
    history = [START]
    for _ in range(epochs):
        history.append(epoch(history[-1], rate, scalar))
    return history


def error(w):
    return (y_hat_of(w) - y) ** 2 / 2


def slopes(w):
    """dy_hat/dw for w1 .. w6: i1 w5, i2 w5, i1 w6, i2 w6, h1, h2."""
    a, b, c, d, e, f = w
    return (i1 * e, i2 * e, i1 * f, i2 * f, i1 * a + i2 * b, i1 * c + i2 * d)


def sharpness(w):
    """|grad y_hat|^2, the six slopes squared and added up."""
    return sum(s * s for s in slopes(w))


def test_the_stability_limit_is_two_over_the_sharpness():
    w = walk(lr, 100)[-1]
    k = sharpness(w)
    text = printed("steps_limit")
    assert f"               = {k:.6f}" in text
    assert f"(1 - 0.05 * {k:.6f})^2 = {(1 - lr * k) ** 2:.6f}" in text
    assert f"stability limit: lr < 2 / {k:.6f} = {2 / k:.6f}" in text
    # The factor is what the error does: E41 / E40 of the plain-float run.
    E = [error(v) for v in walk(lr, 41)]
    assert relative(E[41] / E[40], (1 - lr * k) ** 2) < 1e-6


def test_the_limit_separates_converging_rates_from_the_rest():
    """2% under the limit the error goes to 0; 2% over, it stalls."""
    limit = 2 / sharpness(walk(lr, 100)[-1])
    assert error(walk(0.98 * limit, 3000)[-1]) < 1e-20
    assert error(walk(1.02 * limit, 3000)[-1]) > 1e-4


def test_the_four_rates_as_printed():
    text = printed("steps_limit")
    for rate in (0.10, 0.27):
        end = walk(rate, 2000)[-1]
        assert f"|grad y_hat|^2 = {sharpness(end):.4f}: limit " \
               f"{2 / sharpness(end):.4f}" in text
    cycle = walk(0.28, 2001)
    assert f"from epoch 2000 it alternates: E {error(cycle[2000]):.3e} " \
           f"(y_hat {y_hat_of(cycle[2000]):.4f})" in text
    assert f"then E {error(cycle[2001]):.3e} (y_hat " \
           f"{y_hat_of(cycle[2001]):.4f})" in text
    far = walk(0.60, 6)
    assert error(far[5]) < 1e6 < error(far[6])
    assert f"E6 = {error(far[6]):.1e}, past 1e+06" in text


def test_learnings_factor_settles_at_epoch_25():
    E = [error(w) for w in walk(lr, 30)]
    factor = [None] + [f"{E[t] / E[t - 1]:.4f}" for t in range(1, 31)]
    assert (factor[15], factor[20], factor[25]) == ("0.4108", "0.4069", "0.4064")
    assert all(f != "0.4064" for f in factor[1:25])
    assert set(factor[25:]) == {"0.4064"}
    assert "from epoch 25 on, every factor is 0.4064" in printed("training")


def test_errata_scalar_update_moves_y_hat_further():
    """k of each update after 30 epochs: the right one |grad y_hat|^2, the
    scalar one grad y_hat dotted with its own direction."""
    right, scalar = walk(lr, 30)[-1], walk(lr, 30, scalar=True)[-1]
    k_right = sharpness(right)
    s = slopes(scalar)
    k_scalar = sum(s[:4]) * (i1 * scalar[4] + i2 * scalar[5]) + s[4] ** 2 + s[5] ** 2
    assert k_scalar > k_right
    text = printed("errata")
    assert f"k right {k_right:.4f}, scalar {k_scalar:.4f}" in text
    assert f"right {(1 - lr * k_right) ** 2:.4f}, scalar " \
           f"{(1 - lr * k_scalar) ** 2:.4f}" in text


# --- the update rules, against plain-float versions --------------------------

def gradient(w):
    """dE/dw of E = (w1 - 3)^2 / 2 + 10 (w2 + 1)^2 / 2: two weights, two
    scales, so Adam's per-weight scaling shows."""
    return [w[0] - 3.0, 10.0 * (w[1] + 1.0)]


def adam_by_hand(steps, rate, beta1=0.9, beta2=0.999):
    w, mu, nu, path = [0.5, 0.5], [0.0, 0.0], [0.0, 0.0], []
    for t in range(1, steps + 1):
        g = gradient(w)
        for j in range(2):
            mu[j] = beta1 * mu[j] + (1 - beta1) * g[j]
            nu[j] = beta2 * nu[j] + (1 - beta2) * g[j] ** 2
            mu_hat = mu[j] / (1 - beta1 ** t)
            nu_hat = nu[j] / (1 - beta2 ** t)
            w[j] -= rate * mu_hat / (math.sqrt(nu_hat) + 1e-8)
        path.append(list(w))
    return path


def test_adam_matches_the_formulas():
    from optimizers import adam

    w, mu, nu = np.array([0.5, 0.5]), np.zeros(2), np.zeros(2)
    for t, want in enumerate(adam_by_hand(20, 0.1), start=1):
        w, mu, nu = adam(w, np.array(gradient(w)), mu, nu, t, 0.1)
        assert max(relative(a, b) for a, b in zip(w, want, strict=True)) < 1e-12, t


def test_momentum_matches_the_formulas():
    from optimizers import momentum

    by_hand, v_hand = [0.5, 0.5], [0.0, 0.0]
    w, v = np.array([0.5, 0.5]), np.zeros(2)
    for t in range(20):
        g = gradient(by_hand)
        v_hand = [0.9 * v_hand[j] + g[j] for j in range(2)]
        by_hand = [by_hand[j] - 0.01 * v_hand[j] for j in range(2)]
        w, v = momentum(w, np.array(gradient(w)), v, 0.01)
        assert max(relative(a, b) for a, b in zip(w, by_hand, strict=True)) < 1e-12, t


def test_optimizers_output_is_the_hand_steps():
    """E = w^2 / 2 from w = 1, lr = 0.1: three steps of each rule."""
    gd, mom, v = [1.0], [1.0], 0.0
    for _ in range(3):
        gd.append(gd[-1] - 0.1 * gd[-1])
        v = 0.9 * v + mom[-1]
        mom.append(mom[-1] - 0.1 * v)
    w_adam, mu, nu, adam_path = 1.0, 0.0, 0.0, []
    for t in (1, 2, 3):
        mu = 0.9 * mu + 0.1 * w_adam
        nu = 0.999 * nu + 0.001 * w_adam ** 2
        w_adam -= 0.1 * (mu / (1 - 0.9 ** t)) / (math.sqrt(nu / (1 - 0.999 ** t)) + 1e-8)
        adam_path.append(w_adam)
    text = printed("optimizers")
    for t in (1, 2, 3):
        assert f"{t:4d}  {gd[t]:.6f}  {mom[t]:.6f}  {adam_path[t - 1]:.6f}" in text
    uncorrected = 1 - 0.1 * 0.1 / math.sqrt(0.001)  # mu = 0.1, nu = 0.001, no division
    assert f"without 1 - beta^t: w = {uncorrected:.6f}" in text


# --- weight decay ---------------------------------------------------------------

def test_weight_decay_gradient_is_the_finite_difference():
    from steps_decay import decayed_gradients

    lam = 0.01

    def decayed_error(w):
        return error(w) + lam / 2 * sum(v * v for v in w)

    for w in (START, walk(lr, 5)[-1]):  # the start, and weights on the way
        W1 = np.array([[w[0], w[2]], [w[1], w[3]]])
        W2 = np.array([[w[4]], [w[5]]])
        dE_dW1, dE_dW2 = decayed_gradients(np.array([[i1, i2]]), y, W1, W2, lam)
        analytic = (dE_dW1[0, 0], dE_dW1[1, 0], dE_dW1[0, 1], dE_dW1[1, 1],
                    dE_dW2[0, 0], dE_dW2[1, 0])
        for j in range(6):
            up, down = list(w), list(w)
            up[j] += 1e-6
            down[j] -= 1e-6
            slope = (decayed_error(up) - decayed_error(down)) / 2e-6
            assert relative(analytic[j], slope) < 1e-7, f"w{j + 1}"


# --- minibatches ----------------------------------------------------------------

def test_multiplications_counted_by_hand():
    """One step on B rows: H = X W1 is B*2 outputs of 2 products each, then
    Y_hat = H W2 (B outputs, 2 each); delta = (Y_hat - Y) / B (B); H.T delta
    (2 outputs, B each); delta W2.T (B*2 outputs, 1 each); X.T dE_dH (4
    outputs, B each); the update, lr times 6 gradients."""
    from steps_minibatch import multiplications

    for B in (1, 8, 32, 256):
        by_hand = 4 * B + 2 * B + B + 2 * B + 2 * B + 4 * B + 6
        assert multiplications(B) == by_hand == 15 * B + 6
        row = re.search(rf"^ +{B} +{256 // B} +([\d,]+)", printed("steps_minibatch"), re.M)
        assert row and int(row[1].replace(",", "")) == 256 // B * by_hand
    # An epoch: 14 multiplications an example in the products, 1 in the division,
    # and 6 an update, 256 / B updates.
    full, single = 256 * 15 + 6, 256 * (15 + 6)
    text = printed("steps_minibatch")
    assert f"an epoch at any B: {256 * 14:,d} in the products, 256 in the division" in text
    assert f"B = 1 does {single:,d},\n    {single / full:.2f} times the full batch's " \
           f"{full:,d}\n" in text


def data():
    """The chapter's set, drawn as its page says: numpy's default generator
    seeded with 24, uniform inputs, then normal noise; as plain floats."""
    rng = np.random.default_rng(24)
    X = rng.uniform(0.0, 3.0, size=(256, 2)).tolist()
    noise = rng.standard_normal(256).tolist()
    return X, [0.2 * a + 0.2 * b + 0.05 * n for (a, b), n in zip(X, noise, strict=True)]


def best_by_hand():
    """The least-squares fit's mean error, from the 2x2 normal equations
    (X^T X) w = X^T Y."""
    X, Y = data()
    saa = sum(a * a for a, _ in X)
    sab = sum(a * b for a, b in X)
    sbb = sum(b * b for _, b in X)
    say = sum(a * t for (a, _), t in zip(X, Y, strict=True))
    sby = sum(b * t for (_, b), t in zip(X, Y, strict=True))
    det = saa * sbb - sab * sab
    u, v = (sbb * say - sab * sby) / det, (saa * sby - sab * say) / det
    return sum((u * a + v * b - t) ** 2 for (a, b), t in zip(X, Y, strict=True)) / 256 / 2


def test_best_error_is_the_least_squares_fit():
    from steps_minibatch import best_error, synthetic

    best = best_by_hand()
    assert f"the best any weights reach: E = {best:.6f}" in printed("steps_minibatch")
    assert relative(best_error(*synthetic()), best) < 1e-10


@pytest.mark.parametrize("B", [256, 8])
def test_minibatch_training_by_hand(B):
    """Epochs to the goal and the error after 200 epochs, trained here weight by
    weight on each minibatch's mean error, in the order numpy's generator
    seeded with 1 shuffles the rows."""
    X, Y = data()
    rng = np.random.default_rng(1)

    def mean_error(w):
        return sum((y_hat_at(w, a, b) - t) ** 2 for (a, b), t in zip(X, Y, strict=True)) / 512

    def y_hat_at(w, a, b):
        return (a * w[0] + b * w[1]) * w[4] + (a * w[2] + b * w[3]) * w[5]

    w, E = list(START), [mean_error(START)]
    for _ in range(200):
        order = rng.permutation(256).tolist()
        for first in range(0, 256, B):
            rows = order[first:first + B]
            grad = [0.0] * 6
            for n in rows:
                (a, b), t = X[n], Y[n]
                p, q = a * w[0] + b * w[1], a * w[2] + b * w[3]
                g = (p * w[4] + q * w[5] - t) / len(rows)
                for j, s in enumerate((a * w[4], b * w[4], a * w[5], b * w[5], p, q)):
                    grad[j] += g * s
            w = [wj - lr * gj for wj, gj in zip(w, grad, strict=True)]
        E.append(mean_error(w))
    line = next(line for line in printed("steps_minibatch").splitlines()
                if re.match(rf"^ +{B} +{256 // B} ", line))
    reached, goal = int(line.split()[3]), 1.1 * best_by_hand()
    assert E[reached] < goal <= min(E[:reached])
    assert line.split()[-1] == f"{E[200]:.6f}"
