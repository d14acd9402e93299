"""The sigmoid network's gradients against central finite differences."""

from sigmoid_network import (
    W1,
    W2,
    arrays,
    b1,
    b2,
    backward,
    error,
    forward,
    weights,
    x,
    y,
)


def E_at(w, c1, c2):
    """E for named weights w and biases c1, c2: the forward pass alone."""
    return error(forward(x, *arrays(w), c1, c2)[3], y)


def finite_differences(W1, W2, b1, b2, eps=1e-6):
    """dE/dw for w1..w8, then dE/db1 and dE/db2."""
    slopes = {}
    for name in weights(W1, W2):
        up, down = weights(W1, W2), weights(W1, W2)
        up[name] += eps
        down[name] -= eps
        slopes[name] = (E_at(up, b1, b2) - E_at(down, b1, b2)) / (2 * eps)
    w = weights(W1, W2)
    slopes["b1"] = (E_at(w, b1 + eps, b2) - E_at(w, b1 - eps, b2)) / (2 * eps)
    slopes["b2"] = (E_at(w, b1, b2 + eps) - E_at(w, b1, b2 - eps)) / (2 * eps)
    return slopes


if __name__ == "__main__":
    g = backward(x, y, W1, W2, b1, b2)
    analytic = {**weights(g["dE_dW1"], g["dE_dW2"]),
                "b1": g["dE_db1"], "b2": g["dE_db2"]}
    for name, slope in finite_differences(W1, W2, b1, b2).items():
        verdict = "agree" if abs(analytic[name] - slope) < 1e-9 else "DISAGREE"
        print(f"dE/d{name}: backprop {analytic[name]:+.9f}  "
              f"finite difference {slope:+.9f}  {verdict}")
