"""Keep training: repeat the epoch and print the error as it falls."""

from network import W1, error, forward, lr, step, w2, x, y


def train(epochs, W1=W1, w2=w2, update=step):
    """Errors before each update, epochs + 1 values: E[0] is the untrained error.

    update is one epoch's rule: gradient descent (step) unless told otherwise.
    """
    errors = []
    for _ in range(epochs + 1):
        errors.append(error(forward(x, W1, w2)[1], y))
        W1, w2 = update(x, y, W1, w2, lr)
    return errors


if __name__ == "__main__":
    errors = train(30)
    print("epoch  E")
    for epoch in [0, 1, 2, 3, 5, 10, 15, 20, 30]:
        print(f"{epoch:5d}  {errors[epoch]:.3e}")
