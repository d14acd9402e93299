"""The 2-2-1 network built from Values: one backward(), all six gradients."""

from autodiff import gradients_of
from network import W1, W2, gradients, weights, x, y


# --8<-- [start:network]
def linear_error(w):
    """E of the 2-2-1 network for named weights w, unit by unit."""
    (i1, i2), = x
    h1 = i1 * w["w1"] + i2 * w["w2"]
    h2 = i1 * w["w3"] + i2 * w["w4"]
    y_hat = h1 * w["w5"] + h2 * w["w6"]
    return (y_hat - y) ** 2 * 0.5
# --8<-- [end:network]


if __name__ == "__main__":
    staged = weights(*gradients(x, y, W1, W2))
    for name, grad in gradients_of(linear_error, weights(W1, W2)).items():
        print(f"dE/d{name}: autodiff {grad:+.6f}  staged {staged[name]:+.6f}")
