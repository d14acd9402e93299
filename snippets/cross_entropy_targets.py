"""Why Mazur's targets are 0.01 and 0.99, and why cross-entropy needs no such
care: the pull each error gives a sigmoid output near its end."""

import numpy as np

from cross_entropy_deltas import mazur
from layers import backward, forward, step
from losses import (
    cross_entropy,
    cross_entropy_delta,
    squared_error_delta,
)
from sigmoid_network import lr, x, y

# A sigmoid output ever further at the wrong end, where the target is 0.
print("target 0     output delta: squared error  cross-entropy")
print("             (o - 0) o (1 - o)             o - 0")
for o in (0.5, 0.9, 0.99, 0.999):
    print(f"  o = {o:.3f}  {o * o * (1 - o):29.6f}  {o:13.6f}")
# sigmoid(z) = 0.99 at a finite z; 1 only as z grows without bound.
print(f"sigmoid reaches 0.99 at z = ln 99 = {np.log(99):.6f}, "
      f"its slope there {0.99 * 0.01:.4f}")
print(f"cross-entropy at o = y = [0.01, 0.99]: {cross_entropy(y, y):.9f}"
      " (its least value)")

print(f"targets 0 and 1, every weight and bias trained, lr = {lr:.1f}:")
print("updates  largest |o - y|: squared error  cross-entropy")
y01 = np.array([[0.0, 1.0]])
gaps = {}
for name, delta_of in (("squared error", squared_error_delta),
                       ("cross-entropy", cross_entropy_delta)):
    layers = mazur
    for epoch in range(1001):
        inputs, zs = forward(x, layers)
        gaps[name, epoch] = np.abs(inputs[-1] - y01).max()
        delta = delta_of(layers, inputs, zs, y01)
        layers = step(layers, backward(layers, inputs, zs, delta), lr)
for epoch in (10, 100, 1000):
    print(f"{epoch:7d}  {gaps['squared error', epoch]:29.6f}"
          f"  {gaps['cross-entropy', epoch]:13.6f}")
