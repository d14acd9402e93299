"""Softmax with cross-entropy: Mazur's two output net inputs read as the
scores of two classes, the second one right. The output delta is p - y."""

import numpy as np

from cross_entropy_deltas import mazur
from layers import forward, identity
from losses import cross_entropy_delta, softmax, softmax_cross_entropy
from sigmoid_network import x

# The output layer without its sigmoid, then softmax over the row: softmax
# is no elementwise activation, so it follows the loop, not inside it.
scores = [mazur[0], (*mazur[1][:2], identity)]
inputs, zs = forward(x, scores)
inputs[-1] = p = softmax(zs[-1])
y_class = np.array([[0.0, 1.0]])  # one-hot: the second class
E = softmax_cross_entropy(p, y_class)
print("z_o = " + ", ".join(f"{v:.9f}" for v in zs[-1][0]))
print("p = softmax(z_o) = " + ", ".join(f"{v:.6f}" for v in p[0]))
print(f"E = -ln p2 = {E:.6f}")

# The long way: dE/dp, then softmax's Jacobian dp_k/dz_j = p_k (1[k=j] - p_j).
dE_dp = 0.0 - y_class / p  # 0.0 - : no "-0" for the class not chosen
J = np.diag(p[0]) - np.outer(p[0], p[0])
print("dE/dp = " + ", ".join(f"{v:.6f}" for v in dE_dp[0]))
print("dE/dz = dE/dp @ J = "
      + ", ".join(f"{v:+.6f}" for v in (dE_dp @ J)[0]))
print("p - y             = "
      + ", ".join(f"{v:+.6f}" for v in
                  cross_entropy_delta(scores, inputs, zs, y_class)[0]))
# Two classes: softmax's p2 is the sigmoid of the difference of the scores.
z1, z2 = zs[-1][0]
print(f"sigmoid(z2 - z1) = sigmoid({z2 - z1:.9f}) = "
      f"{1 / (1 + np.exp(-(z2 - z1))):.6f}")
