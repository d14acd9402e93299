"""The sigmoid 2-2-2 network from Values: one backward(), ten gradients."""

from autodiff import gradients_of
from sigmoid_network import W1, W2, b1, b2, backward, weights, x, y


# --8<-- [start:network]
def sigmoid_error(w):
    """E of the sigmoid 2-2-2 network for named weights and biases w."""
    (i1, i2), (y1, y2) = x[0], y[0]
    h1 = (i1 * w["w1"] + i2 * w["w2"] + w["b1"]).sigmoid()
    h2 = (i1 * w["w3"] + i2 * w["w4"] + w["b1"]).sigmoid()
    o1 = (h1 * w["w5"] + h2 * w["w6"] + w["b2"]).sigmoid()
    o2 = (h1 * w["w7"] + h2 * w["w8"] + w["b2"]).sigmoid()
    return (o1 - y1) ** 2 * 0.5 + (o2 - y2) ** 2 * 0.5
# --8<-- [end:network]


if __name__ == "__main__":
    g = backward(x, y, W1, W2, b1, b2)
    staged = {**weights(g["dE_dW1"], g["dE_dW2"]),
              "b1": g["dE_db1"], "b2": g["dE_db2"]}
    start = {**weights(W1, W2), "b1": b1, "b2": b2}
    for name, grad in gradients_of(sigmoid_error, start).items():
        print(f"dE/d{name}: autodiff {grad:+.9f}  staged {staged[name]:+.9f}")
