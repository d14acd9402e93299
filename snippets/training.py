"""Keep training: repeat the epoch and watch the error fall by a steady
factor."""

from network import W1, W2, error, forward, lr, step, x, y


def train(epochs, W1=W1, W2=W2, update=step):
    """The weights before each epoch and after the last: epochs + 1 pairs
    (W1, W2).

    update is one epoch's rule: gradient descent (step) unless told otherwise.
    """
    history = [(W1, W2)]
    for _ in range(epochs):
        history.append(update(x, y, *history[-1], lr))
    return history


def errors(history):
    """E for each pair of weights in a training history."""
    return [error(forward(x, W1, W2)[1], y) for W1, W2 in history]


if __name__ == "__main__":
    history = train(30)
    E = errors(history)
    print("epoch  E          E / E of the epoch before")
    factors = [""] + [f"{E[t] / E[t - 1]:.4f}" for t in range(1, 31)]
    for epoch in [0, 1, 2, 3, 5, 10, 15, 20, 25, 30]:
        print(f"{epoch:5d}  {E[epoch]:.3e}  {factors[epoch]}")
    # The first epoch from which every factor, to four decimals, is the last.
    settled = min(t for t in range(1, 31) if set(factors[t:]) == {factors[30]})
    print(f"from epoch {settled} on, every factor is {factors[30]}")
    y_hat = forward(x, *history[30])[1].item()
    print(f"after 30 epochs: y_hat = {y_hat:.6f}, "
          f"short of y = {y:.0f} by {y - y_hat:.1e}")
