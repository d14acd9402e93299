"""The 2-2-1 linear network is one linear map, x @ (W1 @ W2); a sigmoid breaks
that."""

import numpy as np

from network import W1, W2, forward, show, x
from training import train

v = W1 @ W2  # (2, 1): the whole network as a single layer
print(f"W1 @ W2 = {show(v, 4)}")
print(f"x @ (W1 @ W2) = {(x @ v).item():.4f}, the network's y_hat = "
      f"{forward(x, W1, W2)[1].item():.4f}")
print("training moves six weights, but the network only ever computes "
      "x @ (W1 @ W2):")
history = train(30)
for epoch in (1, 10, 30):
    W1_, W2_ = history[epoch]
    print(f"  epoch {epoch:2d}: W1 @ W2 = {show(W1_ @ W2_)}")

# Additivity, f(a + b) = f(a) + f(b), holds for any linear map and for no
# sigmoid one.
a, b = x, np.array([[1.0, -1.0]])


def linear(inp):
    return forward(inp, W1, W2)[1].item()


def with_sigmoid(inp):
    """The same weights with a sigmoid on the hidden units."""
    return (1 / (1 + np.exp(-(inp @ W1))) @ W2).item()


for name, f in (("linear", linear), ("sigmoid", with_sigmoid)):
    print(f"{name:<8} f(a) + f(b) = {f(a):.4f} + {f(b):.4f} "
          f"= {f(a) + f(b):.4f};"
          f" f(a + b) = {f(a + b):.4f}")

# With biases each layer is affine, x @ W + b: no longer additive, since
# f(a) + f(b) counts the bias twice, yet two affine layers are still one.
b1, b2 = np.array([[0.1, 0.2]]), 0.3


def affine(inp):
    """The same weights with biases b1 (hidden) and b2 (output), no sigmoid."""
    return ((inp @ W1 + b1) @ W2 + b2).item()


print(f"affine   biases b1 = {show(b1, 1)}, b2 = {b2:.1f}")
print(f"affine   f(a) + f(b) = {affine(a):.4f} + {affine(b):.4f} "
      f"= {affine(a) + affine(b):.4f}; f(a + b) = {affine(a + b):.4f}")
bias = (b1 @ W2).item() + b2  # the one bias of the collapsed map
print(f"affine   f(x) = {affine(x):.4f} = x @ (W1 @ W2) + {bias:.3f} "
      f"= {(x @ v).item() + bias:.4f}")
