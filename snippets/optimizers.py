"""Update rules: how a gradient becomes a step. Each rule works on one array
of weights (a layer's W, its b, or the whole W1 of the 2-2-1 network) and
returns the new array with the state the rule keeps between steps; a
training loop applies it to every array in turn. Later chapters import from
here. Run on its own, it takes three steps of each rule on E = w^2 / 2.
"""

import numpy as np


# --8<-- [start:rules]
def gd(w, dE_dw, lr):
    """Plain gradient descent: a step against the gradient."""
    return w - lr * dE_dw


def momentum(w, dE_dw, v, lr, beta=0.9):
    """v, the velocity, adds up the gradients so far, each older one weighed
    down by one more factor beta: steps grow where the gradients keep their
    sign and cancel where they flip."""
    v = beta * v + dE_dw
    return w - lr * v, v


def adam(w, dE_dw, mu, nu, t, lr, beta1=0.9, beta2=0.999):
    """mu and nu: running means of the gradient and of its square, started
    at 0. Step t (from 1) divides each by 1 - beta^t, which undoes that
    start. The step is lr times mu_hat / sqrt(nu_hat): about lr for every
    weight whose gradient keeps its size, however large or small."""
    mu = beta1 * mu + (1 - beta1) * dE_dw
    nu = beta2 * nu + (1 - beta2) * dE_dw ** 2
    mu_hat = mu / (1 - beta1 ** t)
    nu_hat = nu / (1 - beta2 ** t)
    return w - lr * mu_hat / (np.sqrt(nu_hat) + 1e-8), mu, nu
# --8<-- [end:rules]


# --8<-- [start:decay]
def decayed(dE_dw, w, lam):
    """The gradient of E + lam/2 * (sum of the weights squared): the error's
    own gradient plus lam * w. Biases are usually left out."""
    return dE_dw + lam * w
# --8<-- [end:decay]


if __name__ == "__main__":
    # E = w^2 / 2 has dE/dw = w: each rule from w = 1, lr = 0.1.
    w_gd = w_momentum = w_adam = np.array(1.0)
    v = mu = nu = np.array(0.0)
    print("E = w^2 / 2 from w = 1, lr = 0.10: w after each step")
    print("step  gd        momentum  adam")
    for t in (1, 2, 3):
        w_gd = gd(w_gd, w_gd, 0.1)
        w_momentum, v = momentum(w_momentum, w_momentum, v, 0.1)
        w_adam, mu, nu = adam(w_adam, w_adam, mu, nu, t, 0.1)
        print(f"{t:4d}  {w_gd:.6f}  {w_momentum:.6f}  {w_adam:.6f}")
    # Adam's first step with the division by 1 - beta^t left out.
    mu_1, nu_1 = (1 - 0.9) * 1.0, (1 - 0.999) * 1.0 ** 2
    uncorrected = 1.0 - 0.1 * mu_1 / np.sqrt(nu_1)
    print(f"adam's first step without 1 - beta^t: w = {uncorrected:.6f}, "
          f"{(1 - uncorrected) / 0.1:.2f} times lr")
