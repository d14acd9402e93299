"""Softmax with cross-entropy: Mazur's two output net inputs read as the
scores of two classes, the second one right. The output delta is o - y."""

import numpy as np

from cross_entropy_deltas import mazur
from layers import forward, identity
from losses import cross_entropy_delta, softmax, softmax_cross_entropy
from sigmoid_network import x

# The output layer without its sigmoid, then softmax over the row: softmax
# is no elementwise activation, so it follows the loop, not inside it.
scores = [mazur[0], (*mazur[1][:2], identity)]
inputs, zs = forward(x, scores)
inputs[-1] = o = softmax(zs[-1])
y_class = np.array([[0.0, 1.0]])  # one-hot: the second class
E = softmax_cross_entropy(o, y_class)
print("z_o = " + ", ".join(f"{v:.9f}" for v in zs[-1][0]))
print("o = softmax(z_o) = " + ", ".join(f"{v:.6f}" for v in o[0]))
print(f"E = -ln o2 = {E:.6f}")

# The long way: dE/do, then softmax's slopes do_k/dz_j: o_k (1 - o_k) for
# j = k, -o_k o_j for the others, as one matrix.
dE_do = 0.0 - y_class / o  # 0.0 - : no "-0" for the class not chosen
J = np.diag(o[0]) - np.outer(o[0], o[0])
print("dE/do = " + ", ".join(f"{v:.6f}" for v in dE_do[0]))
print("dE/dz = dE/do @ J = "
      + ", ".join(f"{v:+.6f}" for v in (dE_do @ J)[0]))
print("o - y             = "
      + ", ".join(f"{v:+.6f}" for v in
                  cross_entropy_delta(scores, inputs, zs, y_class)[0]))
# Two classes: softmax's o2 is the sigmoid of the difference of the scores.
z1, z2 = zs[-1][0]
print(f"sigmoid(z2 - z1) = sigmoid({z2 - z1:.9f}) = "
      f"{1 / (1 + np.exp(-(z2 - z1))):.6f}")
