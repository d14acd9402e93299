"""Stages 3 and 4: the gradient flows back to h1, h2, then into w1..w4."""

from network import W1, W2, forward, weights, x, y

h, y_hat = forward(x, W1, W2)
(i1, i2), = x
w = weights(W1, W2)
delta = y_hat.item() - y

# Stage 3: h1 reaches y_hat only through w5, h2 only through w6.
dE_dh1, dE_dh2 = delta * w["w5"], delta * w["w6"]
print(f"dE/dh1 = delta * w5 = {delta:.4f} * {w['w5']:.2f} = {dE_dh1:.6f}")
print(f"dE/dh2 = delta * w6 = {delta:.4f} * {w['w6']:.2f} = {dE_dh2:.6f}")

# Stage 4: (what came in on the edge) * (gradient at the unit it feeds).
edges = {"w1": (i1, "i1", dE_dh1, "dE/dh1"),
         "w2": (i2, "i2", dE_dh1, "dE/dh1"),
         "w3": (i1, "i1", dE_dh2, "dE/dh2"),
         "w4": (i2, "i2", dE_dh2, "dE/dh2")}
for name, (i, i_name, dE_dh, dh_name) in edges.items():
    print(f"dE/d{name} = {i_name} * {dh_name} = "
          f"{i:.0f} * {dE_dh:.6f} = {i * dE_dh:.6f}")
