"""Three gates, add, multiply and max, on nodes of the site's networks.

Add passes the upstream gradient on unchanged, multiply sends each input the
other input's value times it, max sends it to the larger input only."""

import numpy as np

from depth_vanishing import deep_network
from layers import backward, forward, identity, output_delta
from network import W1, W2, x, y


def loop(x_in, y_in, net):
    """The loop's inputs, net inputs and (dE/dW, dE/db) of every layer."""
    inputs, zs = forward(x_in, net)
    delta = output_delta(net, inputs, zs, inputs[-1] - y_in)
    return inputs, zs, backward(net, inputs, zs, delta)


# The walk-through: y_hat = p1 + p2, where p1 = h1 * w5 and p2 = h2 * w6.
net = [(W1, np.zeros(2), identity), (W2, np.zeros(1), identity)]
inputs, _, grads = loop(x, y, net)
(h1, h2), w5 = inputs[1][0], W2[0, 0]
dE_dy_hat = inputs[-1].item() - y
print("add: y_hat = p1 + p2, with p1 = h1 * w5 and p2 = h2 * w6")
dE_dp1 = dE_dp2 = dE_dy_hat  # local derivatives 1 and 1
print(f"  dE/dy_hat = {dE_dy_hat:.6f}, "
      f"so dE/dp1 = dE/dp2 = {dE_dp1:.6f}")
print(f"multiply: p1 = h1 * w5 = {h1:.6f} * {w5:.6f}")
print(f"  dE/dw5 = dE/dp1 * h1 = {dE_dp1 * h1:.6f}")
print(f"  dE/dh1 = dE/dp1 * w5 = {dE_dp1 * w5:.6f}")
# With zero biases, dE/db1 is the hidden layer's delta, dE/dh.
(_, dE_dh), (dE_dW2, _) = grads
print(f"  the loop: dE/dw5 = {dE_dW2[0, 0]:.6f}, dE/dh1 = {dE_dh[0]:.6f}")

# --8<-- [start:max]
# ReLU is max(z, 0). Layer 1 of the "ReLU, He" network of depth_vanishing.py.
x_deep, y_deep, deep = deep_network("ReLU, He")
inputs, zs, grads = loop(x_deep, y_deep, deep)
z, delta = zs[0][0], grads[0][1]  # delta = dE/dz = dE/db for one example
dE_da = grads[1][1] @ deep[1][0].T  # what arrives at a = max(z, 0)
print('max: a = max(z, 0), layer 1 of the "ReLU, He" network')
for k in sorted([np.flatnonzero(z > 0)[0], np.flatnonzero(z < 0)[0]]):
    winner = "z" if z[k] > 0 else "0"
    dE_dz = delta[k] + 0.0  # + 0.0: a zero without a sign
    print(f"  unit {k + 1}: z = {z[k]:+.6f}, {winner} wins; "
          f"dE/da = {dE_da[k]:+.6f}, dE/dz = {dE_dz:+.6f}")
dead = z < 0
print(f"  units with z < 0: {dead.sum()} of {len(z)}; every weight into them "
      f"gets 0: {not grads[0][0][:, dead].any()}")
# --8<-- [end:max]
