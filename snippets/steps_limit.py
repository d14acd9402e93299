"""How big a step: near the solution every epoch multiplies the error by
(1 - lr |grad y_hat|^2)^2, so a rate above 2 / |grad y_hat|^2 cannot
converge there."""

import numpy as np

from network import W1, W2, error, forward, lr, step, x, y


# --8<-- [start:factor]
def grad_y_hat_squared(W1, W2):
    """|grad y_hat|^2, the sum over the six weights of (dy_hat/dw)^2:
    dy_hat/dw5 = h1, dy_hat/dw6 = h2, and dy_hat/dW1 = x.T @ W2.T."""
    h = forward(x, W1, W2)[0]
    return (np.sum(h ** 2) + np.sum((x.T @ W2.T) ** 2)).item()


def factor(rate, W1, W2):
    """What one epoch multiplies E by, near a solution at (W1, W2)."""
    return (1 - rate * grad_y_hat_squared(W1, W2)) ** 2
# --8<-- [end:factor]


# --8<-- [start:run]
def run(rate, epochs, ceiling=1e6):
    """E before each epoch and after the last, and the last weights. Stops
    once E passes ceiling: past it, the run only grows until it overflows."""
    W1_, W2_ = W1, W2
    E = [error(forward(x, W1_, W2_)[1], y)]
    for _ in range(epochs):
        W1_, W2_ = step(x, y, W1_, W2_, rate)
        E.append(error(forward(x, W1_, W2_)[1], y))
        if E[-1] > ceiling:
            break
    return E, (W1_, W2_)
# --8<-- [end:run]


RATES = (0.10, 0.27, 0.28, 0.60)  # well inside, just in, just out, far out

if __name__ == "__main__":
    E_walk, end = run(lr, 100)  # converged, to the last digit printed
    (w5,), (w6,) = end[1]
    h = forward(x, *end)[0]
    k = grad_y_hat_squared(*end)
    # Seven decimals: the sum of their squares, as printed, is k below to
    # its six.
    print(f"after 100 epochs at lr = {lr:.2f}: h1 = {h[0, 0]:.7f}, "
          f"h2 = {h[0, 1]:.7f},")
    print(f"    w5 = {w5:.7f}, w6 = {w6:.7f}")
    print("|grad y_hat|^2 = h1^2 + h2^2 + (i1^2 + i2^2)(w5^2 + w6^2)")
    print(f"               = {k:.6f}")
    print(f"factor per epoch: (1 - {lr:.2f} * {k:.6f})^2 = "
          f"{factor(lr, *end):.6f}")
    print(f"measured: E40 / E39 = {E_walk[40] / E_walk[39]:.6f}")
    print(f"stability limit: lr < 2 / {k:.6f} = {2 / k:.6f}")
    k0 = grad_y_hat_squared(W1, W2)
    print(f"at the start: |grad y_hat|^2 = {k0:.6f}, "
          f"(1 - {lr:.2f} * {k0:.4f})^2 = {factor(lr, W1, W2):.4f},")
    print(f"    measured E1 / E0 = {E_walk[1] / E_walk[0]:.4f}")
    for rate in RATES:
        E, end = run(rate, 2000)
        print(f"lr {rate:.3f}, {rate / (2 / k):.3f} of the limit: "
              + ", ".join(f"E{t} {E[t]:.3e}" for t in (1, 10, 20)
                          if t < len(E)))
        if len(E) < 2001:
            print(f"    E{len(E) - 1} = {E[-1]:.1e}, past 1e+06: "
                  f"it diverges")
        elif E[-1] < 1e-30:  # the last epoch still far above rounding
            t = max(t for t, E_t in enumerate(E) if E_t > 1e-20)
            k_end = grad_y_hat_squared(*end)
            print(f"    converges to where |grad y_hat|^2 = {k_end:.4f}: "
                  f"limit {2 / k_end:.4f},")
            print(f"    factor (1 - {rate:.3f} * {k_end:.4f})^2 = "
                  f"{factor(rate, *end):.4f}, measured E{t} / E{t - 1} = "
                  f"{E[t] / E[t - 1]:.4f}")
        else:  # two epochs more: the two errors it alternates between
            y_hat = forward(x, *end)[1].item()
            after = step(x, y, *end, rate)
            y_hat_next = forward(x, *after)[1].item()
            print(f"    from epoch 2000 it alternates: E {E[-1]:.3e} "
                  f"(y_hat {y_hat:.4f}),")
            print(f"    then E {(y_hat_next - y) ** 2 / 2:.3e} (y_hat "
                  f"{y_hat_next:.4f}), and back")
