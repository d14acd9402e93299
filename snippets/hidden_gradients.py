"""dE/dw1..dE/dw4: the chain rule through the hidden unit each weight feeds."""

from network import W1, forward, w2, x, y

h, y_hat = forward(x, W1, w2)
delta = y_hat - y
value = {"i1": x[0], "i2": x[1], "w5": w2[0], "w6": w2[1]}
# Each first-layer weight: the input it scales, and the weight out of its hidden unit.
path = {"w1": ("i1", "w5"), "w2": ("i2", "w5"), "w3": ("i1", "w6"), "w4": ("i2", "w6")}
for name, (i, w_out) in path.items():
    grad = delta * value[w_out] * value[i]
    print(f"dE/d{name} = delta * {w_out} * {i} = "
          f"{delta:.4f} * {value[w_out]:.2f} * {value[i]:.0f} = {grad:.6f}")
