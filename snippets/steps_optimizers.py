"""Momentum and Adam against plain gradient descent: the same network, the
same 256 examples (full batch), the same lr, the same 200 epochs."""

import numpy as np

from batch import batch_backward, batch_error, batch_forward
from network import W1, W2
from optimizers import adam, gd, momentum
from steps_minibatch import best_error, synthetic


# --8<-- [start:compare]
def optimizer_train(rule, X, Y, epochs, lr=0.05):
    """E before each epoch and after the last, with rule "gd", "momentum"
    or "adam" (optimizers.py) applied to W1 and to W2 alike."""
    weights = [W1, W2]
    v = [np.zeros_like(W) for W in weights]   # momentum's velocities
    mu = [np.zeros_like(W) for W in weights]  # adam's running means
    nu = [np.zeros_like(W) for W in weights]
    E = [batch_error(batch_forward(X, *weights)[1], Y)]
    for t in range(1, epochs + 1):
        grads = batch_backward(X, Y, *weights)
        for i, dE_dW in enumerate(grads):
            if rule == "gd":
                weights[i] = gd(weights[i], dE_dW, lr)
            elif rule == "momentum":
                weights[i], v[i] = momentum(weights[i], dE_dW, v[i], lr)
            else:
                weights[i], mu[i], nu[i] = adam(weights[i], dE_dW,
                                                mu[i], nu[i], t, lr)
        E.append(batch_error(batch_forward(X, *weights)[1], Y))
    return E
# --8<-- [end:compare]


RULES = ("gd", "momentum", "adam")

if __name__ == "__main__":
    X_many, Y_many = synthetic()
    E_best = best_error(X_many, Y_many)
    print(f"best E = {E_best:.6f}; lr = 0.05; momentum: beta = 0.90;")
    print("adam: beta1 = 0.90, beta2 = 0.999")
    print("rule      epochs to     E - best E after epochs")
    print("          1.1 best E    10         50         200")
    for rule in RULES:
        E = optimizer_train(rule, X_many, Y_many, 200)
        reached = next(t for t, E_t in enumerate(E) if E_t < 1.1 * E_best)
        print(f"{rule:<8}  {reached:9d}     "
              + "  ".join(f"{E[t] - E_best:.3e}" for t in (10, 50, 200)))
