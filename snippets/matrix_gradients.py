"""The six partial derivatives as two arrays shaped like the weights."""

from network import W1, gradients, w2, x, y

dW1, dw2 = gradients(x, y, W1, w2)
print(f"dE/dw2 = delta * h           shape {dw2.shape}: "
      f"[{dw2[0]:.6f}, {dw2[1]:.6f}]")
print(f"dE/dW1 = delta * outer(x, w2) shape {dW1.shape}:")
for row in dW1:
    print(f"  [{row[0]:.6f}, {row[1]:.6f}]")
