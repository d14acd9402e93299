"""One update of Mazur's eight weights under each error, from the same start
with the same learning rate (the biases kept, as in his post)."""

from cross_entropy_deltas import mazur
from layers import backward, forward
from losses import (
    cross_entropy,
    cross_entropy_delta,
    squared_error,
    squared_error_delta,
)
from sigmoid_network import lr, weights, x, y

inputs, zs = forward(x, mazur)
deltas_of = {"squared error": squared_error_delta,
             "cross-entropy": cross_entropy_delta}
grads, after = {}, {}
for name, delta_of in deltas_of.items():
    (dW1, _), (dW2, _) = backward(mazur, inputs, zs,
                                  delta_of(mazur, inputs, zs, y))
    grads[name] = weights(dW1, dW2)
    moved = [(W - lr * dW, b, f)
             for (W, b, f), dW in zip(mazur, (dW1, dW2), strict=True)]
    after[name] = forward(x, moved)[0][-1]

print("gradients, with the ratio cross-entropy / squared error")
for w in ("w5", "w6", "w7", "w8", "w1", "w2", "w3", "w4"):
    se, ce = grads["squared error"][w], grads["cross-entropy"][w]
    print(f"  {w}: squared error {se:+.9f}, cross-entropy {ce:+.9f}, "
          f"ratio {ce / se:.2f}")
o = inputs[-1]
print(f"one step with lr = {lr:.1f}; the outputs o1, o2 after it")
print(f"  before:               {o[0, 0]:.9f}, {o[0, 1]:.9f}")
for name, out in after.items():
    print(f"  after {name}:  {out[0, 0]:.9f}, {out[0, 1]:.9f}")
print("both errors after it: squared error E, cross-entropy E")
print(f"  before:               {squared_error(o, y):.9f}, "
      f"{cross_entropy(o, y):.9f}")
for name, out in after.items():
    print(f"  after {name}:  {squared_error(out, y):.9f}, "
          f"{cross_entropy(out, y):.9f}")
