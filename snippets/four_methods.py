"""Four independent ways to the same six gradients of the 2-2-1 network."""

from autodiff import gradients_of
from autodiff_linear import linear_error
from gradient_check import finite_differences
from network import W1, W2, forward, gradients, weights, x, y

(i1, i2), ((h1, h2),) = x[0], forward(x, W1, W2)[0]
y_hat = forward(x, W1, W2)[1]
w, delta = weights(W1, W2), y_hat.item() - y
methods = {
    # one product per path
    "chain rule": {"w1": delta * w["w5"] * i1, "w2": delta * w["w5"] * i2,
                   "w3": delta * w["w6"] * i1, "w4": delta * w["w6"] * i2,
                   "w5": delta * h1, "w6": delta * h2},
    "layer rule": weights(*gradients(x, y, W1, W2)),
    "autodiff": gradients_of(linear_error, w),
    "finite diff.": finite_differences(W1, W2),
}
print("dE/dw " + "".join(f"{method:>14}" for method in methods))
for name in w:
    print(f"{name:<6}"
          + "".join(f"{grads[name]:>14.6f}" for grads in methods.values()))
gap = max(abs(a[name] - b[name])
          for a in methods.values() for b in methods.values() for name in w)
print(f"largest disagreement between any two: {gap:.0e} "
      f"(below 1e-9: {gap < 1e-9})")
