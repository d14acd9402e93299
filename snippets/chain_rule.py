"""Cross-check: each first-layer gradient as one chain-rule product."""

from network import W1, W2, forward, gradients, weights, x, y

h, y_hat = forward(x, W1, W2)
delta = y_hat.item() - y
(i1, i2), = x
w = weights(W1, W2)
staged = weights(*gradients(x, y, W1, W2))
# Each weight's path: the input it scales, the weight out of its hidden unit.
paths = {"w1": (i1, "i1", "w5"), "w2": (i2, "i2", "w5"),
         "w3": (i1, "i1", "w6"), "w4": (i2, "i2", "w6")}
for name, (i, i_name, w_out) in paths.items():
    chain = delta * w[w_out] * i
    print(f"dE/d{name} = delta * {w_out} * {i_name} = "
          f"{delta:.4f} * {w[w_out]:.2f} * {i:.0f} = {chain:.6f}")
    print(f"       staged: {staged[name]:.6f}")
