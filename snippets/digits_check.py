"""The digits network's backward pass against finite differences, on one
random minibatch, every weight and bias, as a relative error."""

import numpy as np

from digits_data import X_train, Y_train
from digits_train import BATCH, initial_layers
from layers import backward, forward
from losses import cross_entropy_delta, softmax_cross_entropy

# --8<-- [start:check]
rng = np.random.default_rng(2)  # a fresh start and a random minibatch
layers = initial_layers(rng)
rows = rng.choice(len(X_train), BATCH, replace=False)
x_batch, y_batch = X_train[rows], Y_train[rows]

inputs, zs = forward(x_batch, layers)
delta = cross_entropy_delta(layers, inputs, zs, y_batch)
grads = backward(layers, inputs, zs, delta)  # [(dE_dW, dE_db)] per layer


def minibatch_error():
    return softmax_cross_entropy(forward(x_batch, layers)[0][-1], y_batch)


def largest_relative_error(eps):
    """max |a - f| / max(|a|, |f|) over every weight and bias, a from the
    backward pass, f the central difference; 0 where both are 0."""
    worst = 0.0
    for (W, b, _), pair in zip(layers, grads, strict=True):
        for p, analytic in zip((W, b), pair, strict=True):
            for i in np.ndindex(p.shape):
                saved = p[i]
                p[i] = saved + eps
                up = minibatch_error()
                p[i] = saved - eps
                down = minibatch_error()
                p[i] = saved
                slope = (up - down) / (2 * eps)
                scale = max(abs(slope), abs(analytic[i]))
                if scale:
                    worst = max(worst, abs(slope - analytic[i]) / scale)
    return worst
# --8<-- [end:check]


if __name__ == "__main__":
    count = sum(W.size + b.size for W, b, _ in layers)
    zero = sum(np.sum(g == 0) for pair in grads for g in pair)
    print(f"minibatch of {len(rows)} training images; "
          f"{count} weights and biases")
    print(f"gradients exactly 0: {zero}. Each sums input times delta over "
          f"the {len(rows)} images,")
    print("and a ReLU unit off (z <= 0) for an image has output 0 and "
          "delta 0 there:")
    on, ink = zs[0] > 0, x_batch > 0  # image by hidden unit, by pixel
    off, blank = ~on.any(axis=0), ~ink.any(axis=0)
    n_in, n_out = layers[0][0].shape[0], layers[1][0].shape[1]
    print(f"  {off.sum()} hidden units off in all {len(rows)}, {n_in} "
          f"weights in, bias, {n_out} out each: "
          f"{off.sum() * (n_in + 1 + n_out)}")
    print(f"  {blank.sum()} pixels blank in all {len(rows)}, into the "
          f"{(~off).sum()} other units: {(blank[:, None] & ~off).sum()}")
    never_both = (ink.T.astype(int) @ on) == 0  # pixel j into unit k
    print(f"  a pixel into a unit that is off wherever it is inked: "
          f"{(never_both & ~blank[:, None] & ~off).sum()}")
    print("    eps  largest relative error")
    for eps in (1e-2, 1e-4, 1e-6):
        print(f"{eps:7.0e}  {largest_relative_error(eps):.1e}")
