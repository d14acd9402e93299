"""The digits chapter against oracles that share no code with it: scikit-learn's data
and its MLPClassifier, a forward pass and the error written out here, and the rules
a learner meets (no scikit-learn: one line; no network needed; the time budget)."""

import re
import subprocess
import sys
import warnings

import numpy as np
import pytest

from conftest import ROOT, Deferred
from golden import snippet_env

# scikit-learn, and the snippets that import it.
datasets, exceptions = Deferred("sklearn.datasets"), Deferred("sklearn.exceptions")
neural_network = Deferred("sklearn.neural_network")
digits_data, digits_train = Deferred("digits_data"), Deferred("digits_train")

SKLEARN_SNIPPETS = sorted(p.stem for p in (ROOT / "snippets").glob("digits_*.py"))


def run_without(module, snippet, before=""):
    """python snippets/SNIPPET.py with `import module` failing as if not installed."""
    code = (f"import runpy, sys; sys.modules[{module!r}] = None; {before}"
            f"sys.path.insert(0, 'snippets'); "
            f"runpy.run_path('snippets/{snippet}.py', run_name='__main__')")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=snippet_env())


@pytest.mark.parametrize("snippet", SKLEARN_SNIPPETS)
def test_without_scikit_learn_one_line_says_how_to_install_it(snippet):
    done = run_without("sklearn", snippet)
    assert done.returncode != 0 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "uv sync --locked --no-default-groups" in lines[0], done.stderr


def test_without_jax_the_autodiff_comparison_says_how_to_install_it():
    done = run_without("jax", "autodiff_jax")
    assert done.returncode != 0 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "uv sync --locked --group frameworks" in lines[0], done.stderr


# Any attempt to open a connection or look up a host fails loudly.
NO_NETWORK = ("import socket\n"
              "def refused(*a, **k): raise OSError('no network at run time')\n"
              "socket.socket.connect = socket.socket.connect_ex = refused\n"
              "socket.getaddrinfo = socket.create_connection = refused\n")


def test_no_snippet_reaches_the_network():
    """The digits come from scikit-learn's own files: with every socket refused, the
    data snippet still prints its expected output."""
    done = run_without("no_such_module", "digits_data", before=f"exec({NO_NETWORK!r}); ")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (ROOT / "snippets" / "digits_data.txt").read_text()


def test_the_data_is_scikit_learns_scaled_and_split_once():
    raw = datasets.load_digits()
    assert raw.data.shape == (1797, 64) and raw.data.min() == 0 and raw.data.max() == 16
    rows = np.concatenate([digits_data.train_rows, digits_data.held_rows])
    assert sorted(rows) == list(range(1797))  # every image once, in one of the two
    assert len(digits_data.train_rows) % digits_train.BATCH == 0  # no small last batch
    assert np.array_equal(digits_data.X_train * 16, raw.data[digits_data.train_rows])
    assert np.array_equal(digits_data.labels_held, raw.target[digits_data.held_rows])
    assert np.array_equal(digits_data.Y_train.argmax(axis=1), digits_data.labels_train)
    assert np.all(digits_data.Y_train.sum(axis=1) == 1)


def plain_probabilities(X, layers):
    """ReLU hidden layer, softmax output, written out apart from layers.py."""
    (W1, b1, _), (W2, b2, _) = layers
    z = np.maximum(X @ W1 + b1, 0) @ W2 + b2
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def test_the_printed_accuracy_is_what_the_trained_network_scores():
    layers, history = digits_train.trained()
    said = plain_probabilities(digits_data.X_held, layers).argmax(axis=1)
    right = int(np.sum(said == datasets.load_digits().target[digits_data.held_rows]))
    text = (ROOT / "snippets" / "digits_train.txt").read_text()
    printed = re.search(r"held-out accuracy: (\d+\.\d+)% \((\d+) of (\d+) right\)", text)
    assert int(printed[2]) == right and int(printed[3]) == len(said)
    assert float(printed[1]) == round(100 * right / len(said), 2)
    mistakes = re.findall(r"(\d)->(\d)", text)
    assert len(mistakes) == len(said) - right


def test_the_zero_gradients_are_the_ones_the_page_explains():
    """digits_check's minibatch, its gradients written out here apart from layers.py;
    every exactly-zero gradient falls in one of the three groups the page names."""
    rng = np.random.default_rng(2)  # as digits_check.py draws them
    (W1, b1, _), (W2, b2, _) = digits_train.initial_layers(rng)
    rows = rng.choice(len(digits_data.X_train), 32, replace=False)
    x, y = digits_data.X_train[rows], digits_data.Y_train[rows]
    z = x @ W1 + b1
    h = np.maximum(z, 0)
    delta_o = (plain_probabilities(x, [(W1, b1, None), (W2, b2, None)]) - y) / 32
    delta_h = (delta_o @ W2.T) * (z > 0)
    dW1, db1, dW2, db2 = x.T @ delta_h, delta_h.sum(0), h.T @ delta_o, delta_o.sum(0)
    off, blank = (z <= 0).all(axis=0), (x == 0).all(axis=0)
    # Group by group, the zeros counted in the gradients themselves.
    units_off = np.sum(dW1[:, off] == 0) + np.sum(db1[off] == 0) + np.sum(dW2[off] == 0)
    assert units_off == off.sum() * (64 + 1 + 10)  # all of them zero
    pixels_blank = np.sum(dW1[blank][:, ~off] == 0)
    assert pixels_blank == blank.sum() * (~off).sum()
    rest = np.sum(dW1[~blank][:, ~off] == 0)
    others = np.sum(db1[~off] == 0) + np.sum(dW2[~off] == 0) + np.sum(db2 == 0)
    assert others == 0
    text = (ROOT / "snippets" / "digits_check.txt").read_text()
    total = units_off + pixels_blank + rest
    assert f"gradients exactly 0: {total}." in text
    assert f"  {off.sum()} hidden units off in all 32, 64 weights in, bias, 10 out each: " \
           f"{units_off}\n" in text
    assert f"  {blank.sum()} pixels blank in all 32, into the {(~off).sum()} other units: " \
           f"{pixels_blank}\n" in text
    assert f"  a pixel into a unit that is off wherever it is inked: {rest}\n" in text


def mlp(**settings):
    return neural_network.MLPClassifier(hidden_layer_sizes=(32,), activation="relu", solver="sgd",
                         learning_rate="constant", learning_rate_init=digits_train.LR,
                         batch_size=digits_train.BATCH, momentum=0.0,
                         nesterovs_momentum=False, alpha=0.0, **settings)


def quiet_fit(model, X, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", exceptions.ConvergenceWarning)
        return model.fit(X, y)


def test_our_training_is_mlpclassifiers_step_for_step():
    """From one start, through the same minibatches: MLPClassifier's SGD and ours give
    the same weights (to a relative 1e-12) after two epochs."""
    start = digits_train.initial_layers(np.random.default_rng(11))
    ours, _ = digits_train.train(start, rng=None, epochs=2)
    model = mlp(max_iter=1, shuffle=False, warm_start=True, n_iter_no_change=2)
    X, y = digits_data.X_train, digits_data.labels_train
    quiet_fit(model, X[:32], y[:32])
    model.coefs_ = [W.copy() for W, _, _ in start]
    model.intercepts_ = [b.copy() for _, b, _ in start]
    quiet_fit(model.set_params(max_iter=2), X, y)
    for (W, b, _), W_m, b_m in zip(ours, model.coefs_, model.intercepts_, strict=True):
        for a, m in ((W, W_m), (b, b_m)):
            scale = np.maximum(np.abs(a), np.abs(m))
            gap = np.abs(a - m) / np.where(scale > 0, scale, 1)
            assert gap.max() <= 1e-12, gap.max()


def test_ours_is_within_two_points_of_mlpclassifier():
    model = quiet_fit(mlp(max_iter=digits_train.EPOCHS, n_iter_no_change=digits_train.EPOCHS,
                          random_state=1), digits_data.X_train, digits_data.labels_train)
    theirs = model.score(digits_data.X_held, digits_data.labels_held)
    ours = digits_train.trained()[1][-1][3]
    assert abs(ours - theirs) <= 0.02, (ours, theirs)
