"""The loop of layers.py on the site's other two networks.

The three-layer exercise of the Backpropagation page, and Mazur's 2-2-2
network with each unit its own bias."""

import numpy as np

import network
import sigmoid_network as mazur
import three_layers as exercise
from layers import backward, forward, identity, output_delta, sigmoid
from network import show


def loop_gradients(x, y, net):
    """Every layer's (dE/dW, dE/db) for E = sum of (out - y)^2 / 2."""
    inputs, zs = forward(x, net)
    delta = output_delta(net, inputs, zs, inputs[-1] - y)  # dE/dout * f'
    return backward(net, inputs, zs, delta)


# --8<-- [start:exercise]
# Three linear layers, no biases (zeros): 2-2-2-1.
net = [(W, np.zeros(W.shape[1]), identity)
       for W in (network.W1, exercise.W2, exercise.W3)]
print("The three-layer exercise, 2-2-2-1:")
for k, (dE_dW, _) in enumerate(loop_gradients(network.x, network.y, net), 1):
    print(f"dE/dW{k} = {show(dE_dW)}")
# --8<-- [end:exercise]

# --8<-- [start:mazur]
# Mazur's layers share one bias per layer; here each unit gets its own,
# both set to his value, so the forward pass is his.
net = [(mazur.W1, np.full(2, mazur.b1), sigmoid),
       (mazur.W2, np.full(2, mazur.b2), sigmoid)]
print("Mazur's 2-2-2 network, sigmoid, one bias per unit:")
grads = loop_gradients(mazur.x, mazur.y, net)
for k, (dE_dW, _) in enumerate(grads, 1):
    print(f"dE/dW{k} = {show(dE_dW, 9)}")
for k, (_, dE_db) in enumerate(grads, 1):
    print(f"dE/db{k} = {show(dE_db, 9)}, summed {dE_db.sum():.9f}")
# --8<-- [end:mazur]
