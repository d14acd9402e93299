"""One run that squared error leaves stuck, seed 5: where it sits, and why it
barely moves; cross-entropy from the same start gets out."""

import numpy as np

from layers import backward, forward
from losses import cross_entropy_delta, squared_error, squared_error_delta
from xor_fit import X_xor, Y_xor
from xor_seeds import CHECKS
from xor_train import init, outputs, train

STUCK_SEED, LAST = 5, CHECKS[-1]
ONWARD = 60_000  # epochs to train on past the chapter's last check


def first_layer_gradient(layers, delta_of):
    """The largest |dE/dW1| of layers under an error (its output delta)."""
    inputs, zs = forward(X_xor, layers)
    delta = delta_of(layers, inputs, zs, Y_xor)
    return np.abs(backward(layers, inputs, zs, delta)[0][0]).max()


if __name__ == "__main__":
    se = train(init(STUCK_SEED), squared_error_delta, epochs=LAST)
    E = [squared_error(outputs(layers)[:, None], Y_xor) for layers in se]
    print(f"seed {STUCK_SEED}, squared error")
    print("epoch  E         outputs                      "
          "max |dE/dW1|  max |W1|")
    for epoch in (1000, 2000, LAST):
        print(f"{epoch:5d}  {E[epoch]:.6f}  "
              + " ".join(f"{v:.4f}" for v in outputs(se[epoch]))
              + f"  {first_layer_gradient(se[epoch], squared_error_delta):.2e}"
              f"      {np.abs(se[epoch][0][0]).max():.2f}")
    falls = bool(np.all(np.diff(E) < 0))
    print(f"E falls at every epoch: {falls}; "
          f"at the last by {E[-2] - E[-1]:.1e}")
    print(f"E with three outputs equal (1/3 each), the fourth right: "
          f"{1 / 12:.6f}")
    # Trained on from epoch LAST: slow is not stuck.
    on = train(se[LAST], squared_error_delta, epochs=ONWARD - LAST)
    below = LAST + next(k for k, layers in enumerate(on)
                        if squared_error(outputs(layers)[:, None], Y_xor)
                        < 1 / 12)
    learned = LAST + next(k for k, layers in enumerate(on) if np.all(
        np.abs(outputs(layers) - Y_xor[:, 0]) < 0.5))
    print(f"trained on: E below {1 / 12:.6f} from epoch {below}, every "
          f"output on its")
    print(f"  target's side of 0.5 from epoch {learned}")
    inputs, zs = forward(X_xor, se[LAST])
    print(f"epoch {LAST}: hidden values h and their slopes h (1 - h)")
    for x_n, h in zip(X_xor, inputs[1], strict=True):
        print(f"  x = ({x_n[0]:.0f}, {x_n[1]:.0f})  h = {h[0]:.4f}, {h[1]:.4f}"
              f"  slopes {h[0] * (1 - h[0]):.1e}, {h[1] * (1 - h[1]):.1e}")
    ratio = (first_layer_gradient(se[LAST], cross_entropy_delta)
             / first_layer_gradient(se[LAST], squared_error_delta))
    print(f"the same weights under cross-entropy: max |dE/dW1| {ratio:.0f} "
          "times larger")
    ce = train(init(STUCK_SEED), cross_entropy_delta, epochs=LAST)
    out = next(epoch for epoch, layers in enumerate(ce)
               if np.all(np.abs(outputs(layers) - Y_xor[:, 0]) < 0.5))
    print(f"seed {STUCK_SEED}, cross-entropy")
    for epoch in (1000, out, LAST):
        print(f"{epoch:5d}  outputs "
              + " ".join(f"{v:.4f}" for v in outputs(ce[epoch])))
    print(f"every output on its target's side of 0.5 from epoch {out}")
