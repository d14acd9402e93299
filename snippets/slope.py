"""E as a function of w5 alone: its slope at w5 = 0.20 is dE/dw5."""

from network import W1, W2, arrays, error, forward, gradients, weights, x, y


def E_of_w5(w5):
    """The error with w5 changed and every other weight at its start value."""
    w = weights(W1, W2)
    w["w5"] = w5
    return error(forward(x, *arrays(w))[1], y)


w5 = W2[0, 0]
tangent = weights(*gradients(x, y, W1, W2))["w5"]
nudge = 0.01
secant = (E_of_w5(w5 + nudge) - E_of_w5(w5)) / nudge

if __name__ == "__main__":
    print(f"E(w5 = {w5:.2f}) = {E_of_w5(w5):.6f}")
    print(f"tangent: slope dE/dw5 = {tangent:.6f}")
    print(f"secant over the {nudge:.2f} nudge: "
          f"({E_of_w5(w5 + nudge):.6f} - {E_of_w5(w5):.6f}) / {nudge:.2f} "
          f"= {secant:.4f}")
    # E is a parabola in w5: its lowest point is where h1*w5 + h2*w6 = y.
    (h1, h2), = forward(x, W1, W2)[0]
    lowest = (y - h2 * W2[1, 0]) / h1
    print(f"lowest E at w5 = (y - h2*w6) / h1 = {lowest:.4f}")
