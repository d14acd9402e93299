"""A 2-2-1 network with sigmoids learns XOR: the general loop of layers.py,
seeded random weights, a bias per unit, all four points in every update,
cross-entropy."""

import numpy as np

from layers import backward, forward, sigmoid, step
from losses import cross_entropy, cross_entropy_delta
from network import show
from xor_fit import X_xor, Y_xor

SEED, LR, EPOCHS = 0, 2.0, 2000


# --8<-- [start:train]
def init(seed):
    """Weights from a standard normal, drawn by NumPy's default generator
    (PCG64) with this seed; every bias starts at 0."""
    rng = np.random.default_rng(seed)
    return [(rng.normal(size=(2, 2)), np.zeros(2), sigmoid),   # 2 -> 2
            (rng.normal(size=(2, 1)), np.zeros(1), sigmoid)]   # 2 -> 1


def train(layers, delta_of, epochs=EPOCHS, lr=LR):
    """The layers before each update and after the last: epochs + 1 of them.
    delta_of is the error's output delta (losses.py)."""
    history = [layers]
    for _ in range(epochs):
        inputs, zs = forward(X_xor, history[-1])
        delta = delta_of(history[-1], inputs, zs, Y_xor)
        history.append(step(history[-1], backward(history[-1], inputs, zs,
                                                  delta), lr))
    return history
# --8<-- [end:train]


def outputs(layers, X=X_xor):
    """The network's output for each row of X, as a flat array."""
    return forward(X, layers)[0][-1][:, 0]


if __name__ == "__main__":
    history = train(init(SEED), cross_entropy_delta)
    (W1, _, _), (W2, _, _) = history[0]
    print(f"seed {SEED}, lr = {LR:.1f}; the weights drawn:")
    print(f"  W1 = {show(W1, 4)}, W2 = {show(W2, 4)}")
    print(f"ln 2 = {np.log(2):.6f}: the cross-entropy of 0.5 at every point")
    print("epoch  E (cross-entropy)  outputs for (0,0) (0,1) (1,0) (1,1)")
    for epoch in (0, 100, 200, 300, 400, 500, 1000, 2000):
        o = outputs(history[epoch])
        print(f"{epoch:5d}  {cross_entropy(o[:, None], Y_xor):.6f}"
              f"           " + "  ".join(f"{v:.4f}" for v in o))
    inputs, _ = forward(X_xor, history[-1])
    print(f"after {EPOCHS} epochs, hidden values h1, h2 and output:")
    for x_n, (h1, h2), (o,) in zip(X_xor, inputs[1], inputs[2], strict=True):
        print(f"  x = ({x_n[0]:.0f}, {x_n[1]:.0f}): h = {h1:.4f}, {h2:.4f}"
              f"  output {o:.4f}")
    (W1, b1, _), (W2, b2, _) = history[-1]
    print(f"W1 = {show(W1, 2)}, b1 = {show(b1, 2)}")
    print(f"W2 = {show(W2, 2)}, b2 = {show(b2, 2)}")
