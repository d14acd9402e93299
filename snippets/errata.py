"""The source article's mistakes: each value it prints, beside the right one."""

import numpy as np

from gradient_check import finite_differences
from network import W1, error, forward, gradients, lr, step, w2, weights, x, y
from training import train

# The article's numbers, quoted as it prints them.
ARTICLE = {"h1": "0.94", "h2": "0.29", "y_hat": "0.190", "E": "0.32805", "delta": "-0.81",
           "w5": "0.238", "w6": "0.021", "w3": "0.05", "w4": "0.08"}
SECOND_PASS = {"h1": "1.02", "h2": "0.39", "y_hat": "0.251"}  # its prose
CODE_SECOND_PASS = {"h1": "1.154", "h2": "0.394", "y_hat": "0.28790", "E": "0.25354"}

h, y_hat = forward(x, W1, w2)
delta = y_hat - y
W1_new, w2_new = step(x, y, W1, w2, lr)
h_new, y_hat_new = forward(x, W1_new, w2_new)
right = {"h1": h[0], "h2": h[1], "y_hat": y_hat, "E": error(y_hat, y), "delta": delta,
         **weights(W1_new, w2_new)}
right_next = {"h1": h_new[0], "h2": h_new[1], "y_hat": y_hat_new, "E": error(y_hat_new, y)}


def row(name, article, value):
    print(f"    {name:<6} article {article:<8} right {value:.6f}")


print("(a) the prose pairs inputs with the wrong weights")
for name in ["h1", "h2", "y_hat", "E", "delta", "w5", "w6"]:
    row(name, ARTICLE[name], right[name])
print("    its second pass:")
for name, quoted in SECOND_PASS.items():
    row(name, quoted, right_next[name])
(i1, i2), ((w1, w3), (w2_, w4)), (w5, w6) = x, W1, w2
# --8<-- [start:pairing]
h1_article = i1 * w1 + i1 * w2_  # both weights of h1 times i1
h2_article = i2 * w3 + i2 * w4  # both weights of h2 times i2
# --8<-- [end:pairing]
print(f"    its own formulas: 2*0.34 + 2*0.13 = {h1_article:.2f}, "
      f"3*0.05 + 3*0.07 = {h2_article:.2f}, 0.94*0.20 + 0.29*0.01 = {0.94 * w5 + 0.29 * w6:.4f}")

print("(b) the hand-written first-layer update")
change = lr * float(ARTICLE["delta"]) * np.outer(x, w2)  # with the article's delta
print(f"    lr*delta*outer(x, w2) with its delta: [[{change[0, 0]:.4f}, {change[0, 1]:.4f}],"
      f" [{change[1, 0]:.4f}, {change[1, 1]:.4f}]]; article [[-0.016, 0], [-0.024, -0.01]]")
print(f"    its w4 entry in full: 0.05*0.81*3*0.01 = {-change[1, 1]:.6f}")
for name in ["w3", "w4"]:
    row(name, ARTICLE[name], right[name])
print(f"    with its delta: w3 = {w3 - change[0, 1]:.6f}, w4 = {w4 - change[1, 1]:.6f}")

print("(c) the code's first-layer update: np.dot(x, w2) where outer(x, w2) belongs")
# --8<-- [start:scalar]
def article_step(x, y, W1, w2, lr):
    """The article's epoch: np.dot(x, w2) is one number, not the 2x2 outer(x, w2),
    so all four first-layer weights move by the same amount."""
    h, y_hat = forward(x, W1, w2)
    delta = y_hat - y
    return W1 - lr * delta * np.dot(x, w2), w2 - lr * delta * h
# --8<-- [end:scalar]


scalar = np.dot(x, w2)  # 2*0.20 + 3*0.01
print(f"    np.dot(x, w2) = {scalar:.2f}: each first-layer weight grows by"
      f" {-lr * delta * scalar:.6f}")
h_s, y_hat_s = forward(x, *article_step(x, y, W1, w2, lr))
scalar_next = {"h1": h_s[0], "h2": h_s[1], "y_hat": y_hat_s, "E": error(y_hat_s, y)}
print("    its second pass (code):")
for name, quoted in CODE_SECOND_PASS.items():
    print(f"    {name:<6} code {quoted:<8} in full {scalar_next[name]:.6f}"
          f"  right {right_next[name]:.6f}")

print("    finite differences against the scalar version's gradient:")
claimed = weights(delta * scalar * np.ones((2, 2)), gradients(x, y, W1, w2)[1])
for name, slope in finite_differences(W1, w2).items():
    if abs(claimed[name] - slope) > 1e-8:
        print(f"    dE/d{name}: scalar {claimed[name]:+.6f}, finite difference"
              f" {slope:+.6f}: rejected")

print("    and yet the error falls with either update:")
E_scalar, E_outer = train(30, update=article_step), train(30)
for epoch in (1, 10, 30):
    print(f"    epoch {epoch:2d}: E scalar {E_scalar[epoch]:.3e}, E outer {E_outer[epoch]:.3e}")
