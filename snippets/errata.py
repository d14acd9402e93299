"""The source article's mistakes, each recomputed beside the right value."""

import numpy as np
from gradient_check import finite_differences
from network import W1, error, forward, gradients, lr, step, w2, weights, x, y

(i1, i2), ((w1, w3), (w2_, w4)), (w5, w6) = x, W1, w2
h, y_hat = forward(x, W1, w2)
delta = y_hat - y

# --8<-- [start:pairing]
h1_article = i1 * w1 + i1 * w2_  # both weights of h1 times i1
h2_article = i2 * w3 + i2 * w4  # both weights of h2 times i2
y_hat_article = 0.94 * w5 + 0.29 * w6  # with the h the article printed
# --8<-- [end:pairing]
print("(a) forward pass in the prose")
print(f"    h1: article 2*0.34 + 2*0.13 = {h1_article:.2f}; right {h[0]:.4f}")
print(f"    h2: article 0.29 (3*0.05 + 3*0.07 is {h2_article:.2f}); right {h[1]:.4f}")
print(f"    y_hat: article 0.190 (0.94*0.20 + 0.29*0.01 = {y_hat_article:.4f}); right {y_hat:.4f}")
print(f"    E: article {error(0.190, y):.5f}; right {error(y_hat, y):.6f}")
print(f"    delta: article {0.190 - y:.2f}; right {delta:.4f}")

w5_article, w6_article = w2 - lr * (0.190 - y) * np.array([0.94, 0.29])
print(f"    its w5, w6 update from these: {w5_article:.5f}, {w6_article:.6f};"
      f" article 0.238, 0.021")
h_second = [2 * 0.356 + 2 * 0.154, 3 * 0.05 + 3 * 0.08]  # the same pairing again
print(f"    its second pass: h = [{h_second[0]:.2f}, {h_second[1]:.2f}],"
      f" y_hat = {h_second[0] * 0.238 + h_second[1] * 0.021:.5f}; article 0.251")

print("(b) the first-layer update written by hand, with the article's delta -0.81")
change = lr * (0.190 - y) * np.outer(x, w2)
print(f"    lr*delta*outer(x, w2) = [[{change[0, 0]:.4f}, {change[0, 1]:.4f}],"
      f" [{change[1, 0]:.4f}, {change[1, 1]:.4f}]]; article [[-0.016, 0], [-0.024, -0.01]]")
print(f"    the w4 entry in full: 0.05*0.81*3*0.01 = {-change[1, 1]:.6f}")
print(f"    w3 = {w3 - change[0, 1]:.6f}, w4 = {w4 - change[1, 1]:.6f}; article 0.05, 0.08")

print("(c) the code's first-layer update: np.dot(x, w2) where outer(x, w2) belongs")
# --8<-- [start:scalar]
scalar = np.dot(x, w2)  # 2*0.20 + 3*0.01: one number, not a 2x2 matrix
W1_scalar = W1 - lr * delta * scalar  # all four weights move by the same amount
# --8<-- [end:scalar]
W1_new, w2_new = step(x, y, W1, w2, lr)
print(f"    np.dot(x, w2) = {scalar:.2f}: every first-layer weight grows by"
      f" {-lr * delta * scalar:.6f}")
for label, first in [("scalar", W1_scalar), ("outer ", W1_new)]:
    h_next, y_hat_next = forward(x, first, w2_new)
    print(f"    {label}: W1 = [[{first[0, 0]:.6f}, {first[0, 1]:.6f}],"
          f" [{first[1, 0]:.6f}, {first[1, 1]:.6f}]]")
    print(f"            second pass h = [{h_next[0]:.6f}, {h_next[1]:.6f}],"
          f" y_hat = {y_hat_next:.6f}, E = {error(y_hat_next, y):.6f}")

print("    finite differences against the scalar version's gradient:")
claimed = weights(delta * scalar * np.ones((2, 2)), gradients(x, y, W1, w2)[1])
for name, slope in finite_differences(W1, w2).items():
    if abs(claimed[name] - slope) > 1e-8:
        print(f"    dE/d{name}: scalar {claimed[name]:+.6f}, finite difference"
              f" {slope:+.6f}: rejected")

print("    and yet the error falls with either update:")
W1_s, w2_s, W1_o, w2_o = W1, w2, W1, w2
for epoch in range(1, 31):
    h_s, y_hat_s = forward(x, W1_s, w2_s)
    d = y_hat_s - y
    W1_s, w2_s = W1_s - lr * d * np.dot(x, w2_s), w2_s - lr * d * h_s  # the article's code
    W1_o, w2_o = step(x, y, W1_o, w2_o, lr)
    if epoch in (1, 10, 30):
        print(f"    epoch {epoch:2d}: E scalar {error(forward(x, W1_s, w2_s)[1], y):.3e},"
              f" E outer {error(forward(x, W1_o, w2_o)[1], y):.3e}")
