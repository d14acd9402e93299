"""Where each figure of the published example comes from: three runs."""

from sigmoid_network import backward, forward, step, train


# --8<-- [start:variant]
def step_with_new_W2(x, y, W1, W2, b1, b2, lr):
    """The slip: the hidden deltas use the output weights after the update."""
    g = backward(x, y, W1, W2, b1, b2)
    W2_new = W2 - lr * g["dE_dW2"]
    h = forward(x, W1, W2, b1, b2)[1]
    # W2_new where W2 belongs
    delta_h = (g["delta_o"] @ W2_new.T) * h * (1 - h)
    return W1 - lr * x.T @ delta_h, W2_new, b1, b2
# --8<-- [end:variant]


# The post's figures, quoted as printed: (what, after how many updates, value).
POST = [("E", 1, "0.291027924"), ("E", 10_000, "0.0000351085"),
        ("o1", 10_000, "0.015912196"), ("o2", 10_000, "0.984065734")]


def value(history, name, epochs):
    E, o = history[epochs]
    return E if name == "E" else o[int(name[1]) - 1]


if __name__ == "__main__":
    right, slip = train(step, 10_000), train(step_with_new_W2, 10_000)
    for name, epochs, quoted in POST:
        digits = len(quoted) - 2  # as many decimals as the post prints
        found = {"right": value(right, name, epochs),
                 "slip": value(slip, name, epochs),
                 "one fewer": value(right, name, epochs - 1)}
        same = [label for label, v in found.items()
                if f"{v:.{digits}f}" == quoted]
        updates = f"{epochs:,} update{'s' * (epochs > 1)}"
        print(f"{name} after {updates}: post {quoted}")
        print(f"{name:<3}" + "  ".join(f"{label} {v:.{digits}f}"
                                       for label, v in found.items()))
        verdict = " and ".join(same) or "none of these"
        print(f"   the post's figure is {verdict}")
