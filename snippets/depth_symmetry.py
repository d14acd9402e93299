"""Why networks start from random weights.

The walk-through's network started symmetric (w1 = w3, w2 = w4, w5 = w6)
stays symmetric, and started at zero learns nothing but the output bias."""

import numpy as np

from layers import backward, forward, identity, output_delta, step
from network import lr, show, x, y

EPOCHS = 1000


def gradients(net):
    inputs, zs = forward(x, net)
    return backward(net, inputs, zs, output_delta(net, inputs, zs,
                                                  inputs[-1] - y))


def train(net, biases, epochs=EPOCHS):
    """The layers before each epoch and after the last: epochs + 1 lists.
    Without biases (the walk-through has none) they stay at 0."""
    history = [net]
    for _ in range(epochs):
        grads = gradients(history[-1])
        if not biases:
            grads = [(dE_dW, 0 * dE_db) for dE_dW, dE_db in grads]
        history.append(step(history[-1], grads, lr))
    return history


# --8<-- [start:symmetric]
# Both hidden units start as the walk-through's first one: w3 = w1 = 0.34,
# w4 = w2 = 0.13, w6 = w5 = 0.20. No biases, as in the walk-through.
W1_sym = np.array([[0.34, 0.34],
                   [0.13, 0.13]])
W2_sym = np.array([[0.20],
                   [0.20]])
history = train([(W1_sym, np.zeros(2), identity),
                 (W2_sym, np.zeros(1), identity)], biases=False)
(dE_dW1, _), (dE_dW2, _) = gradients(history[0])
print(f"epoch 0: dE/dW1 = {show(dE_dW1)}")
print(f"         dE/dW2 = {show(dE_dW2)}")
print(f"{'epoch':>5}" + "".join(f"{name:>12}" for name in
                                ("w1 = w3", "w2 = w4", "w5 = w6", "y_hat")))
for epoch in [0, 1, 2, 10, 100, EPOCHS]:
    (W1_, _, _), (W2_, _, _) = history[epoch]
    y_hat = forward(x, history[epoch])[0][-1].item()
    print(f"{epoch:5d}" + "".join(f"{v:12.6f}" for v in
                                  (W1_[0, 0], W1_[1, 0], W2_[0, 0]))
          + f"{y_hat:12.6f}")
equal = all(np.array_equal(W1_[:, 0], W1_[:, 1])
            and W2_[0, 0] == W2_[1, 0] for (W1_, _, _), (W2_, _, _) in history)
print(f"w1 == w3, w2 == w4 and w5 == w6, bit for bit, from epoch 0 to "
      f"{EPOCHS}: {equal}")
# --8<-- [end:symmetric]

# --8<-- [start:zero]
for biases in (False, True):
    # Every weight 0; with biases, per-unit ones, also from 0 and trained.
    net = [(np.zeros((2, 2)), np.zeros(2), identity),
           (np.zeros((2, 1)), np.zeros(1), identity)]
    (dE_dW1, dE_db1), (dE_dW2, dE_db2) = gradients(net)
    (W1_, _, _), (W2_, _, _) = (last := train(net, biases)[-1])
    print(f"all zero, {'per-unit biases' if biases else 'no biases'}:")
    print(f"  largest |dE/dW1|, |dE/dW2|, |dE/db1|: "
          f"{np.abs(dE_dW1).max():.6f}, {np.abs(dE_dW2).max():.6f}, "
          f"{np.abs(dE_db1).max():.6f}")
    if biases:
        print(f"  dE/db2 = {dE_db2[0]:.6f}")
    still = not (W1_.any() or W2_.any())
    print(f"  after {EPOCHS} epochs every weight is still 0: {still}; "
          f"y_hat = {forward(x, last)[0][-1].item():.6f}")
# --8<-- [end:zero]
