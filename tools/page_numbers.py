"""The numbers the explorer and the "your turn" forms work with, from the snippets.

`python tools/page_numbers.py` (snippets/ importable: hooks/page_numbers_json.py
runs it so while the site builds) prints them as JSON: each network's starting
values, the explorer's presets, and for each exercise the true value and the
value of each known slip, every one computed here from network.py and
sigmoid_network.py, so a changed weight or learning rate there changes the page.
"""

import json
import math

import network
import sigmoid_network
from steps_limit import grad_y_hat_squared
from training import train

EPOCHS = {"linear": 30, "sigmoid": 10_000}  # the Learnings page's run, Mazur's run
PRESET_EPOCHS = 100
SOLVED_AFTER = 2000  # epochs at network.lr: the error is at rounding level by then


def linear_start():
    (i1, i2), = network.x
    return {"i1": i1, "i2": i2, "y": network.y,
            **network.weights(network.W1, network.W2),
            "lr": network.lr, "epochs": EPOCHS["linear"]}


def sigmoid_start():
    s = sigmoid_network
    (i1, i2), (y1, y2) = s.x[0], s.y[0]
    return {"i1": i1, "i2": i2, "y1": y1, "y2": y2, **s.weights(s.W1, s.W2),
            "b1": s.b1, "b2": s.b2, "lr": s.lr, "epochs": EPOCHS["sigmoid"]}


def stability_limit():
    """The largest learning rate that still converges near the solution training
    reaches: there the error shrinks by (1 - lr |g|^2)^2 per epoch, where g is
    y_hat's gradient with respect to the six weights, so it stops shrinking at
    lr = 2 / |g|^2."""
    return 2 / grad_y_hat_squared(*train(SOLVED_AFTER)[-1])


def presets(limit):
    """Each preset's changes to the walk-through's numbers (the linear network).
    The learning rates are the limit rounded down and up to two decimals, and the
    limit doubled, rounded up to one: tests/test_explorer.py checks what each shows."""
    w = network.weights(network.W1, network.W2)
    epochs = {"epochs": PRESET_EPOCHS}
    return {
        "inside": {"lr": math.floor(100 * limit) / 100, **epochs},
        "outside": {"lr": math.ceil(100 * limit) / 100, **epochs},
        "far": {"lr": math.ceil(20 * limit) / 10, **epochs},
        "symmetric": {"w3": w["w1"], "w4": w["w2"], "w6": w["w5"]},
        "zero": dict.fromkeys(w, 0.0),
        "w6_zero": {"w6": 0.0},
    }


def linear_exercises():
    """h1, y_hat, E, Delta, dE/dw5, dE/dw1 and w5 after the update, each with
    the slips a reader is known to make, every slip its own wrong formula."""
    x, y, W1, W2, lr = network.x, network.y, network.W1, network.W2, network.lr
    (i1, i2), w = x[0], network.weights(W1, W2)
    h, y_hat_row = network.forward(x, W1, W2)
    (h1, h2), y_hat = h[0], y_hat_row.item()
    delta, dE_dW2, _, dE_dW1 = network.backward(x, y, W1, W2)
    delta = delta.item()
    grads = network.weights(dE_dW1, dE_dW2)
    new = network.weights(*network.step(x, y, W1, W2, lr))
    h1_paired = i1 * w["w1"] + i1 * w["w2"]  # the article's prose: i1 into both
    h2_paired = i2 * w["w3"] + i2 * w["w4"]
    return {
        "h1": (h1, {
            "pairing": (h1_paired, "You multiplied both of h1's weights by i1, as the "
                        "source article's prose does: w2 brings in i2."),
            "row": (i1 * w["w1"] + i2 * w["w3"], "You read W1 along a row: w3 feeds "
                    "h2, not h1; h1 takes w1 and w2, the first column."),
        }),
        "y_hat": (y_hat, {
            "pairing": (h1_paired * w["w5"] + h2_paired * w["w6"], "Your h1 and h2 "
                        "come from the source article's pairing, both of a hidden "
                        "unit's weights times one input."),
            "swap": (h1 * w["w6"] + h2 * w["w5"], "You swapped w5 and w6: w5 carries "
                     "h1, w6 carries h2."),
        }),
        "E": (network.error(y_hat_row, y), {
            "half": ((y_hat - y) ** 2, "You dropped the ½ in front of the square."),
            "no_square": ((y_hat - y) / 2, "You halved the difference but did not "
                          "square it."),
        }),
        "delta": (delta, {
            "sign": (y - y_hat, "Wrong sign: Δ is the prediction minus the target, "
                     "ŷ − y."),
            "half": (2 * delta, "That is the slope of the square without its ½: "
                     "the ½ in E cancels the 2."),
        }),
        "dE_dw5": (grads["w5"], {
            "sign": (-grads["w5"], "Wrong sign: Δ is ŷ − y, not y − ŷ."),
            "half": (2 * grads["w5"], "Twice the gradient: the ½ in E cancels the 2 "
                     "that comes down from the square."),
            "other_input": (delta * h2, "That is w6's gradient: w5 carries h1, so its "
                            "local derivative is h1."),
        }),
        "dE_dw1": (grads["w1"], {
            "new_w5": (delta * new["w5"] * i1, "You used w5 after its update in "
                       "dE/dh1: every gradient comes from the old weights."),
            "sign": (-grads["w1"], "Wrong sign: Δ is ŷ − y, not y − ŷ."),
            "other_input": (delta * w["w5"] * i2, "That is w2's gradient: w1 carries "
                            "i1, so its local derivative is i1."),
        }),
        "w5_next": (new["w5"], {
            "sign": (w["w5"] + lr * grads["w5"], "Wrong direction: the update "
                     "subtracts the learning rate times the gradient."),
            "no_lr": (w["w5"] - grads["w5"], "You left out the learning rate: the "
                      "step is the gradient times η."),
            "half": (w["w5"] - lr * 2 * grads["w5"], "Your gradient is twice the "
                     "right one: the ½ in E cancels the 2 of the square."),
        }),
    }


def sigmoid_exercises():
    """Mazur's out_o1 and dE/dw5, with their slips."""
    s = sigmoid_network
    _, h, z_o, o = s.forward(s.x, s.W1, s.W2, s.b1, s.b2)
    (h1, _), (o1, _), (y1, _) = h[0], o[0], s.y[0]
    dE_dw5 = s.backward(s.x, s.y, s.W1, s.W2, s.b1, s.b2)["dE_dW2"][0, 0]
    return {
        "out_o1": (o1, {
            "no_sigmoid": (z_o[0, 0], "That is o1's net input: the sigmoid of it is "
                           "the output."),
            "no_bias": (s.sigmoid(z_o[0, 0] - s.b2), "You left out the bias b2 of the "
                        "output layer."),
        }),
        "mazur_dE_dw5": (dE_dw5, {
            "no_sigma_prime": ((o1 - y1) * h1, "You forgot the sigmoid's slope "
                               "o1 (1 − o1) between the error and the net input."),
            "sign": (-dE_dw5, "Wrong sign: the error's slope is o1 − y1, output "
                     "minus target."),
            "half": (2 * dE_dw5, "Twice the gradient: the ½ in E cancels the 2 "
                     "that comes down from the square."),
        }),
    }


def exercises():
    """{name: {"value": v, "slips": {id: [value, sentence]}}}. Any two of an
    exercise's values are more than 10 % apart, so no answer typed to two
    significant digits or more can match two of them."""
    found = {}
    for name, (value, slips) in {**linear_exercises(), **sigmoid_exercises()}.items():
        values = [value, *(v for v, _ in slips.values())]
        for a in values:
            for b in values:
                if a is not b and abs(a - b) <= 0.1 * max(abs(a), abs(b)):
                    raise ValueError(f"{name}: a slip too close to another value: {a}, {b}")
        found[name] = {"value": float(value),
                       "slips": {k: [float(v), says] for k, (v, says) in slips.items()}}
    return found


def numbers():
    limit = stability_limit()
    return {"networks": {"linear": linear_start(), "sigmoid": sigmoid_start()},
            "limit": limit, "presets": presets(limit), "exercises": exercises()}


if __name__ == "__main__":
    print(json.dumps(numbers(), default=float))
