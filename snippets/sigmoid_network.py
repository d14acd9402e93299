"""The 2-2-2 network with sigmoid units and biases: the example of Matt Mazur's
"A Step by Step Backpropagation Example", in this site's matrix form.

Sigmoid chapters import from here, as the first chapters import network.py.
Run on its own, it prints the starting point.
"""

import numpy as np

# --8<-- [start:data]
x = np.array([[0.05, 0.10]])  # [[i1, i2]]
y = np.array([[0.01, 0.99]])  # targets of the outputs o1, o2
lr = 0.5

# Rows: a layer's inputs. Columns: the units they feed (Mazur's numbering).
W1 = np.array([[0.15, 0.25],   # [[w1, w3],   i1 into h1, h2
               [0.20, 0.30]])  #  [w2, w4]]   i2 into h1, h2
W2 = np.array([[0.40, 0.50],   # [[w5, w7],   h1 into o1, o2
               [0.45, 0.55]])  #  [w6, w8]]   h2 into o1, o2
b1, b2 = 0.35, 0.60  # one bias per layer, shared by its two units
# --8<-- [end:data]


# --8<-- [start:forward]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def forward(x, W1, W2, b1, b2):
    """Net inputs z and outputs of both layers: sigmoid(in @ W + b)."""
    z_h = x @ W1 + b1
    h = sigmoid(z_h)
    z_o = h @ W2 + b2
    o = sigmoid(z_o)
    return z_h, h, z_o, o


def error(o, y):
    """E = sum over the outputs of (o - y)^2 / 2."""
    return (np.sum((o - y) ** 2) / 2).item()
# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(x, y, W1, W2, b1, b2):
    """Every gradient, from the error back: the linear rule, plus sigmoid'."""
    _, h, _, o = forward(x, W1, W2, b1, b2)
    delta_o = (o - y) * o * (1 - o)  # dE/dz_o: sigmoid'(z) = o (1 - o)  (1, 2)
    dE_dW2 = h.T @ delta_o           # input.T @ upstream              (2, 2)
    dE_dh = delta_o @ W2.T           # each h feeds both outputs: sum  (1, 2)
    delta_h = dE_dh * h * (1 - h)    # dE/dz_h                         (1, 2)
    dE_dW1 = x.T @ delta_h           # input.T @ upstream              (2, 2)
    dE_db2, dE_db1 = delta_o.sum(), delta_h.sum()  # a bias feeds every unit
    return {"delta_o": delta_o, "dE_dW2": dE_dW2, "dE_dh": dE_dh,
            "delta_h": delta_h, "dE_dW1": dE_dW1, "dE_db1": dE_db1,
            "dE_db2": dE_db2}
# --8<-- [end:backward]


# --8<-- [start:step]
def step(x, y, W1, W2, b1, b2, lr, biases=False):
    """One update from the old weights; the biases move only if asked (Mazur's
    example keeps them fixed)."""
    g = backward(x, y, W1, W2, b1, b2)
    if biases:
        b1, b2 = b1 - lr * g["dE_db1"], b2 - lr * g["dE_db2"]
    return W1 - lr * g["dE_dW1"], W2 - lr * g["dE_dW2"], b1, b2
# --8<-- [end:step]


def train(update, epochs):
    """(E, outputs) before the first update and after each of epochs updates,
    where update(x, y, W1, W2, b1, b2, lr) returns the new (W1, W2, b1, b2)."""
    params = (W1, W2, b1, b2)
    history = []
    for _ in range(epochs + 1):
        o = forward(x, *params)[3]
        history.append((error(o, y), o[0]))
        params = update(x, y, *params, lr)
    return history


def weights(W1, W2):
    """The matrices as Mazur's named weights w1..w8."""
    (w1, w3), (w2, w4) = W1
    (w5, w7), (w6, w8) = W2
    return {"w1": w1, "w2": w2, "w3": w3, "w4": w4,
            "w5": w5, "w6": w6, "w7": w7, "w8": w8}


def arrays(w):
    """The inverse of weights(): named weights back to (W1, W2)."""
    return (np.array([[w["w1"], w["w3"]], [w["w2"], w["w4"]]]),
            np.array([[w["w5"], w["w7"]], [w["w6"], w["w8"]]]))


if __name__ == "__main__":
    print(f"x = [[{x[0, 0]:.2f}, {x[0, 1]:.2f}]]  (i1, i2)")
    print(f"y = [[{y[0, 0]:.2f}, {y[0, 1]:.2f}]]  (targets of o1, o2)")
    for name, value in weights(W1, W2).items():
        print(f"{name} = {value:.2f}")
    print(f"b1 = {b1:.2f}, b2 = {b2:.2f}, lr = {lr:.1f}")
