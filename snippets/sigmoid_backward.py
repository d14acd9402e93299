"""Backpropagation through the sigmoid network, stage by stage."""

from sigmoid_network import W1, W2, b1, b2, backward, forward, weights, x, y

_, h, _, o = forward(x, W1, W2, b1, b2)
g = backward(x, y, W1, W2, b1, b2)
w, (i1, i2) = weights(W1, W2), x[0]
delta_o, dE_dh, delta_h = g["delta_o"][0], g["dE_dh"][0], g["delta_h"][0]

print("1. output units: delta_o = (o - y) * o * (1 - o)")
for k in range(2):
    print(f"   delta_o{k + 1} = {o[0, k] - y[0, k]:.9f} * "
          f"{o[0, k] * (1 - o[0, k]):.9f}"
          f" = {delta_o[k]:.9f}")
print("2. output layer: dE/dW2 = h.T @ delta_o")
for name, value in weights(W1, g["dE_dW2"]).items():
    if name in ("w5", "w6", "w7", "w8"):
        print(f"   dE/d{name} = {value:.9f}")
print("3. hidden units: dE/dh = delta_o @ W2.T, a sum over both outputs")
for j, (w_o1, w_o2) in enumerate([("w5", "w7"), ("w6", "w8")]):
    sign = "-" if delta_o[1] < 0 else "+"
    print(f"   dE/dh{j + 1} = delta_o1*{w_o1} + delta_o2*{w_o2}")
    print(f"          = {delta_o[0]:.9f}*{w[w_o1]:.2f} "
          f"{sign} {abs(delta_o[1]):.9f}*{w[w_o2]:.2f} = {dE_dh[j]:.9f}")
for j in range(2):
    print(f"   delta_h{j + 1} = dE/dh{j + 1} * h{j + 1} * (1 - h{j + 1}) "
          f"= {delta_h[j]:.9f}")
print("4. first layer: dE/dW1 = x.T @ delta_h")
for name, value in weights(g["dE_dW1"], W2).items():
    if name in ("w1", "w2", "w3", "w4"):
        print(f"   dE/d{name} = {value:.9f}")
