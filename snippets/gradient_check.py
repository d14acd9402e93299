"""Check the backward pass against central finite differences, weight by
weight.

(E(w + eps) - E(w - eps)) / (2 eps) needs only the forward pass, so it is an
independent second opinion on the chain rule.
"""

from network import (
    W1,
    W2,
    arrays,
    backward,
    error,
    forward,
    gradients,
    weights,
    x,
    y,
)


# --8<-- [start:check]
def finite_differences(W1, W2, eps=1e-6):
    """dE/dw for each named weight, from the forward pass alone."""
    slopes = {}
    for name in weights(W1, W2):
        up, down = weights(W1, W2), weights(W1, W2)
        up[name] += eps
        down[name] -= eps
        E_up = error(forward(x, *arrays(up))[1], y)
        E_down = error(forward(x, *arrays(down))[1], y)
        slopes[name] = (E_up - E_down) / (2 * eps)
    return slopes


def hidden_slopes(W1, W2, eps=1e-6):
    """dE/dh1, dE/dh2: nudge one hidden value, finish the forward pass."""
    h = forward(x, W1, W2)[0]
    slopes = []
    for j in range(h.shape[1]):
        up, down = h.copy(), h.copy()
        up[0, j] += eps
        down[0, j] -= eps
        slopes.append((error(up @ W2, y) - error(down @ W2, y)) / (2 * eps))
    return slopes
# --8<-- [end:check]


if __name__ == "__main__":
    analytic = weights(*gradients(x, y, W1, W2))
    for name, slope in finite_differences(W1, W2).items():
        verdict = "agree" if abs(analytic[name] - slope) < 1e-8 else "DISAGREE"
        print(f"dE/d{name}: backprop {analytic[name]:+.6f}  "
              f"finite difference {slope:+.6f}  {verdict}")
    dE_dh = backward(x, y, W1, W2)[2][0]
    for j, slope in enumerate(hidden_slopes(W1, W2)):
        verdict = "agree" if abs(dE_dh[j] - slope) < 1e-8 else "DISAGREE"
        print(f"dE/dh{j + 1}: backprop {dE_dh[j]:+.6f}  "
              f"finite difference {slope:+.6f}  {verdict}")
