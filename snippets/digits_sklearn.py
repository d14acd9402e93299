"""scikit-learn's MLPClassifier, a peer no one here wrote, on the same split
with the same settings: its held-out accuracy beside ours, then both from one
start through the same minibatches."""

import warnings

import numpy as np

from digits_data import X_held, X_train, labels_held, labels_train
from digits_train import (
    BATCH,
    EPOCHS,
    LR,
    SIZES,
    initial_layers,
    train,
    trained,
)


# --8<-- [start:mlp]
def mlp(seed, shuffle=True, warm_start=False):
    """MLPClassifier set as our network: one ReLU layer of 32, softmax out,
    plain minibatch SGD (no momentum), no weight penalty (alpha=0), and all
    the epochs asked for (n_iter_no_change: never stop early)."""
    # Imported here, once digits_data has checked scikit-learn is there.
    from sklearn.neural_network import MLPClassifier

    return MLPClassifier(
        hidden_layer_sizes=SIZES[1:-1], activation="relu", solver="sgd",
        learning_rate="constant", learning_rate_init=LR, batch_size=BATCH,
        max_iter=EPOCHS, momentum=0.0, nesterovs_momentum=False, alpha=0.0,
        n_iter_no_change=EPOCHS, shuffle=shuffle, random_state=seed,
        warm_start=warm_start)


def fit(model, X, labels):
    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():  # "max_iter reached": as we asked
        warnings.simplefilter("ignore", ConvergenceWarning)
        return model.fit(X, labels)
# --8<-- [end:mlp]


# --8<-- [start:same_start]
def from_our_start(layers):
    """MLPClassifier started at our layers' weights (warm_start: fit goes
    on from coefs_ and intercepts_), the rows in their stored order."""
    model = mlp(seed=0, shuffle=False, warm_start=True)
    fit(model.set_params(max_iter=1), X_train[:BATCH], labels_train[:BATCH])
    model.coefs_ = [W.copy() for W, _, _ in layers]  # its W: rows in, too
    model.intercepts_ = [b.copy() for _, b, _ in layers]
    return fit(model.set_params(max_iter=EPOCHS), X_train, labels_train)
# --8<-- [end:same_start]


if __name__ == "__main__":
    ours = trained()[1][-1][3]
    theirs = fit(mlp(seed=1), X_train, labels_train).score(X_held,
                                                           labels_held)
    gap = abs(ours - theirs) * 100
    print("held-out accuracy after 30 epochs, ours from default_rng(1), "
          "MLPClassifier")
    print("from random_state=1 (its own generator, so another start):")
    print(f"  ours {ours:.2%}, MLPClassifier {theirs:.2%}: "
          f"a gap of {gap:.2f} percentage points")
    print(f"  (within 2: {gap <= 2})")
    start = initial_layers(np.random.default_rng(3))
    layers, history = train(start, rng=None)
    model = from_our_start(start)
    difference = max(np.max(np.abs(p - q)) for (W, b, _), W_m, b_m in
                     zip(layers, model.coefs_, model.intercepts_, strict=True)
                     for p, q in ((W, W_m), (b, b_m)))
    print("from one start, default_rng(3), the same minibatches in order:")
    print(f"  ours {history[-1][3]:.2%}, "
          f"MLPClassifier {model.score(X_held, labels_held):.2%}, "
          f"largest weight difference {difference:.1e}")
