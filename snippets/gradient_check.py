"""Check gradients() against central finite differences, weight by weight.

(E(w + eps) - E(w - eps)) / (2 eps) needs only the forward pass, so it is an
independent second opinion on the chain rule.
"""

from network import W1, arrays, error, forward, gradients, w2, weights, x, y


# --8<-- [start:check]
def finite_differences(W1, w2, eps=1e-6):
    """dE/dw for each named weight, from the forward pass alone."""
    slopes = {}
    for name in weights(W1, w2):
        up, down = weights(W1, w2), weights(W1, w2)
        up[name] += eps
        down[name] -= eps
        E_up = error(forward(x, *arrays(up))[1], y)
        E_down = error(forward(x, *arrays(down))[1], y)
        slopes[name] = (E_up - E_down) / (2 * eps)
    return slopes
# --8<-- [end:check]


if __name__ == "__main__":
    analytic = weights(*gradients(x, y, W1, w2))
    for name, slope in finite_differences(W1, w2).items():
        verdict = "agree" if abs(analytic[name] - slope) < 1e-8 else "DISAGREE"
        print(f"dE/d{name}: chain rule {analytic[name]:+.6f}  "
              f"finite difference {slope:+.6f}  {verdict}")
