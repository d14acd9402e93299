"""Backpropagation at any depth: one forward and one backward loop for every
network on the site, from the 2-2-1 walk-through to the digits.

A network is a list of layers (W, b, activation). Rows of W are the layer's
inputs, columns its units, so a layer computes a = f(a_prev @ W + b), for one
example (a row) or a batch (one example a row). Later chapters import from
here. Run on its own, it checks the loop against the 2-2-1 network.
"""

import numpy as np


# --8<-- [start:activations]
def identity(z):
    return z


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def relu(z):
    return np.maximum(z, 0.0)


# Each activation with its derivative f'(z), written from f's own output a
# where that is cheaper: sigmoid' = a (1 - a).
DERIVATIVES = {
    identity: lambda z, a: np.ones_like(z),
    sigmoid: lambda z, a: a * (1 - a),
    relu: lambda z, a: (z > 0).astype(float),
}
# --8<-- [end:activations]


# --8<-- [start:forward]
def forward(x, layers):
    """Every layer's input and net input, kept for the backward pass:
    inputs[l] goes into layer l, zs[l] = inputs[l] @ W + b, and the
    network's output is inputs[-1]."""
    inputs, zs = [x], []
    for W, b, f in layers:
        z = inputs[-1] @ W + b
        zs.append(z)
        inputs.append(f(z))
    return inputs, zs
# --8<-- [end:forward]


# --8<-- [start:backward]
def output_delta(layers, inputs, zs, dE_dout):
    """dE/dz of the output layer from dE/dout, the error's gradient with
    respect to the network's output: dE/dout * f'(z), unit by unit."""
    f = layers[-1][2]
    return dE_dout * DERIVATIVES[f](zs[-1], inputs[-1])


def backward(layers, inputs, zs, delta):
    """(dE/dW, dE/db) of every layer, first layer first, from delta, the
    output layer's dE/dz (output_delta, or a loss's own, see losses.py)."""
    grads = []
    for i in reversed(range(len(layers))):
        grads.append((inputs[i].T @ delta, delta.sum(axis=0)))
        if i:  # one layer down: through this layer's W, then f' below it
            W, f_below = layers[i][0], layers[i - 1][2]
            delta = (delta @ W.T) * DERIVATIVES[f_below](zs[i - 1], inputs[i])
    return grads[::-1]
# --8<-- [end:backward]


def step(layers, grads, lr):
    """Plain gradient descent: every layer moves against its gradient."""
    return [(W - lr * dW, b - lr * db, f)
            for (W, b, f), (dW, db) in zip(layers, grads, strict=True)]


# --8<-- [start:check]
if __name__ == "__main__":
    from network import W1, W2, x, y
    from network import backward as backward_221

    # The walk-through's network: two linear layers, no biases.
    net = [(W1, np.zeros(2), identity), (W2, np.zeros(1), identity)]
    inputs, zs = forward(x, net)
    delta = output_delta(net, inputs, zs, inputs[-1] - y)
    (dE_dW1, _), (dE_dW2, _) = backward(net, inputs, zs, delta)
    _, dE_dW2_221, _, dE_dW1_221 = backward_221(x, y, W1, W2)
    print(f"y_hat = {inputs[-1].item():.6f}")
    print(f"dE/dW1 as network.py: {np.allclose(dE_dW1, dE_dW1_221, 0, 0)}")
    print(f"dE/dW2 as network.py: {np.allclose(dE_dW2, dE_dW2_221, 0, 0)}")
# --8<-- [end:check]
