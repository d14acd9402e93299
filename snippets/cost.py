"""Why backprop is cheap: the multiplications for every gradient, counted."""


def costs(sizes, activations=False):
    """Weights, and multiplications for one example through layers of these
    sizes (e.g. [2, 2, 1]): forward, backward, finite differences. Linear
    layers, or with activations: an f on every hidden unit (the output
    layer stays linear), as in the Any depth chapter."""
    layers = list(zip(sizes[:-1], sizes[1:], strict=True))  # (n in, m out)
    hidden = sum(m for n, m in layers[:-1])  # units with an f, if any
    weights = sum(n * m for n, m in layers)
    forward = weights  # (1 x n) @ (n x m): each weight multiplies once
    # dE/dW = in.T @ upstream, (n x 1) @ (1 x m), for every layer; and
    # dE/din = upstream @ W.T for every layer but the first: no one
    # needs the gradient of the data. With activations, that dE/din is
    # then multiplied by f'(z) unit by unit: one more per hidden unit.
    backward = weights + sum(n * m for n, m in layers[1:])
    backward += hidden * activations
    finite = weights * 2 * forward  # two forward passes per weight
    # Numbers the forward pass must keep for the backward pass: every
    # layer's input row (dE/dW needs it), not only the last one; with
    # activations, every hidden unit's net input z too (f'(z) needs it).
    kept = sum(n for n, m in layers) + hidden * activations
    return weights, forward, backward, finite, kept


print(f"{'network':<11}{'weights':>8}{'forward':>9}{'backward':>9}"
      f"{'finite diff.':>14}{'kept':>6}")
for name, sizes, f in [("2-2-1", [2, 2, 1], False),
                       ("784-100-10", [784, 100, 10], False),
                       ("8 x 32", [32] * 9, False),  # eight layers of 32
                       ("8 x 32, f", [32] * 9, True)]:  # and activations
    n_weights, n_forward, n_backward, n_finite, kept = costs(sizes, f)
    print(f"{name:<11}{n_weights:>8}{n_forward:>9}{n_backward:>9}"
          f"{n_finite:>14}{kept:>6}")
    print(f"{'':<11}backward / forward = {n_backward / n_forward:.2f}")
    print(f"{'':<11}finite differences / (forward + backward) = "
          f"{n_finite / (n_forward + n_backward):.1f}")
