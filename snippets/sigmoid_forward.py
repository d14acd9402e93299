"""Forward pass of the sigmoid network: net input z, then sigmoid(z), a unit
at a time."""

from sigmoid_network import W1, W2, b1, b2, error, forward, weights, x, y

z_h, h, z_o, o = forward(x, W1, W2, b1, b2)
(i1, i2), w = x[0], weights(W1, W2)
print(f"z_h1 = i1*w1 + i2*w2 + b1 = {i1:.2f}*{w['w1']:.2f} + "
      f"{i2:.2f}*{w['w2']:.2f}"
      f" + {b1:.2f} = {z_h[0, 0]:.4f}")
print(f"z_h2 = i1*w3 + i2*w4 + b1 = {z_h[0, 1]:.4f}")
print(f"h1 = sigmoid(z_h1) = {h[0, 0]:.9f}")
print(f"h2 = sigmoid(z_h2) = {h[0, 1]:.9f}")
print(f"z_o1 = h1*w5 + h2*w6 + b2 = {z_o[0, 0]:.9f}")
print(f"z_o2 = h1*w7 + h2*w8 + b2 = {z_o[0, 1]:.9f}")
print(f"o1 = sigmoid(z_o1) = {o[0, 0]:.9f}")
print(f"o2 = sigmoid(z_o2) = {o[0, 1]:.9f}")
E1, E2 = (o[0] - y[0]) ** 2 / 2
print(f"E = E1 + E2 = {E1:.9f} + {E2:.9f} = {error(o, y):.9f}")
