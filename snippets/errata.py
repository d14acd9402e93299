"""The source article's mistakes: each printed value beside the right one."""

import numpy as np

from gradient_check import finite_differences
from network import (
    W1,
    W2,
    error,
    forward,
    gradients,
    lr,
    show,
    step,
    weights,
    x,
    y,
)
from training import errors, train

# The article's numbers, quoted as it prints them.
ARTICLE = {"h1": "0.94", "h2": "0.29", "y_hat": "0.190", "E": "0.32805",
           "delta": "-0.81"}
ARTICLE_UPDATE = {"w1": "0.356", "w2": "0.154", "w3": "0.05", "w4": "0.08",
                  "w5": "0.238", "w6": "0.021"}
SECOND_PASS = {"h1": "1.02", "h2": "0.39", "y_hat": "0.251"}  # its prose
CODE_SECOND_PASS = {"h1": "1.154", "h2": "0.394", "y_hat": "0.28790",
                    "E": "0.25354"}


# --8<-- [start:scalar]
def article_step(x, y, W1, W2, lr):
    """The article's epoch: np.dot(x, w2) is one number, not the 2x2
    x.T @ W2.T, so all four first-layer weights move by the same amount."""
    h, y_hat = forward(x, W1, W2)
    delta = y_hat - y
    return W1 - lr * delta * np.dot(x[0], W2[:, 0]), W2 - lr * delta * h.T
# --8<-- [end:scalar]


def pass_values(W1, W2):
    h, y_hat = forward(x, W1, W2)
    return {"h1": h[0, 0], "h2": h[0, 1], "y_hat": y_hat.item(),
            "E": error(y_hat, y)}


def row(name, article, *columns):
    shown = "".join(f" {label} {value:.6f}" for label, value in columns)
    print(f"    {name:<6} article {article:<8}{shown}")


def pairing():
    print("(a) the prose pairs inputs with the wrong weights")
    right = {**pass_values(W1, W2), "delta": forward(x, W1, W2)[1].item() - y}
    for name, quoted in ARTICLE.items():
        row(name, quoted, ("right", right[name]))
    (i1, i2), w = x[0], weights(W1, W2)
    # --8<-- [start:pairing]
    h1_article = i1 * w["w1"] + i1 * w["w2"]  # both weights of h1 times i1
    h2_article = i2 * w["w3"] + i2 * w["w4"]  # both weights of h2 times i2
    # --8<-- [end:pairing]
    print(f"    its own formulas: h1 = {i1:.0f}*{w['w1']:.2f} + "
          f"{i1:.0f}*{w['w2']:.2f} = {h1_article:.2f},")
    print(f"                      h2 = {i2:.0f}*{w['w3']:.2f} + "
          f"{i2:.0f}*{w['w4']:.2f} = {h2_article:.2f}")
    print("    its second pass:")
    right_next = pass_values(*step(x, y, W1, W2, lr))
    for name, quoted in SECOND_PASS.items():
        row(name, quoted, ("right", right_next[name]))


def hand_update():
    print("(b) the update by hand, from its own delta and h")
    delta = float(ARTICLE["delta"])
    h = np.array([[float(ARTICLE["h1"]), float(ARTICLE["h2"])]])
    change = lr * delta * (x.T @ W2.T)
    print("    lr*delta * x.T @ W2.T with its delta:")
    print(f"      {show(change, 4)}")
    print("      the article's: [[-0.016, 0], [-0.024, -0.01]]")
    print(f"    w3 change: article 0, own delta {change[0, 1]:.6f}")
    print(f"    w4 change: article -0.01, own delta {change[1, 1]:.6f}")
    print(f"      in full {lr:.2f}*{-delta:.2f}*{x[0, 1]:.0f}*{W2[1, 0]:.2f} "
          f"= {-change[1, 1]:.6f}; the article's is "
          f"{0.01 / -change[1, 1]:.2f} times that")
    w6_change = lr * -delta * h[0, 1]
    print(f"    its w6 change in full: {lr:.2f}*{-delta:.2f}*{h[0, 1]:.2f} "
          f"= {w6_change:.6f}; it writes 0.011")
    own = weights(W1 - change, W2 - lr * delta * h.T)
    right = weights(*step(x, y, W1, W2, lr))
    for name, quoted in ARTICLE_UPDATE.items():
        row(name, quoted, ("own delta", own[name]), ("right", right[name]))


def scalar_update():
    print("(c) the code's first-layer update: np.dot(x, w2) where x.T @ W2.T"
          " belongs")
    delta = forward(x, W1, W2)[1].item() - y
    scalar = np.dot(x[0], W2[:, 0])
    print(f"    np.dot(x, w2) = {x[0, 0]:.0f}*{W2[0, 0]:.2f} + "
          f"{x[0, 1]:.0f}*{W2[1, 0]:.2f} = {scalar:.2f}:")
    print(f"    each first-layer weight grows by {-lr * delta * scalar:.6f}")
    code_next = pass_values(*article_step(x, y, W1, W2, lr))
    right_next = pass_values(*step(x, y, W1, W2, lr))
    print("    its second pass (code):")
    for name, quoted in CODE_SECOND_PASS.items():
        print(f"    {name:<6} code {quoted:<8} in full {code_next[name]:.6f}"
              f"  right {right_next[name]:.6f}")
    print("    finite differences against the scalar version's gradient:")
    claimed = weights(delta * scalar * np.ones((2, 2)),
                      gradients(x, y, W1, W2)[1])
    for name, slope in finite_differences(W1, W2).items():
        if abs(claimed[name] - slope) > 1e-8:
            print(f"    dE/d{name}: scalar {claimed[name]:+.6f}, "
                  f"finite difference {slope:+.6f}: rejected")
    print("    and yet the error falls with either update:")
    E_scalar = errors(train(30, update=article_step))
    E_right = errors(train(30))
    for epoch in (1, 10, 30):
        print(f"    epoch {epoch:2d}: E scalar {E_scalar[epoch]:.3e}, "
              f"E right {E_right[epoch]:.3e}")
    descent_and_speed()


def y_hat_speed(W1, W2, scalar):
    """k: one epoch moves y_hat by about -lr * delta * k, the dot product of
    y_hat's gradient with the update's direction (per unit of delta)."""
    h, dy_hat_dW1 = forward(x, W1, W2)[0], x.T @ W2.T
    moved_W1 = np.dot(x[0], W2[:, 0]) if scalar else dy_hat_dW1
    return (np.sum(dy_hat_dW1 * moved_W1) + np.sum(h ** 2)).item()


def descent_and_speed():
    """Why the scalar update converges faster: its step goes downhill (a
    positive dot product with the true gradient), and near the end it moves
    y_hat further per epoch than the gradient's step does."""
    scalar_run, right_run = train(30, update=article_step), train(30)
    cosines = []
    for W1_, W2_ in scalar_run[:-1]:
        h, y_hat = forward(x, W1_, W2_)
        delta = y_hat.item() - y
        true = np.concatenate([g.ravel() for g in gradients(x, y, W1_, W2_)])
        claimed = np.concatenate([
            np.full(4, delta * np.dot(x[0], W2_[:, 0])), delta * h[0]])
        cosines.append(true @ claimed
                       / np.linalg.norm(true) / np.linalg.norm(claimed))
    print(f"    why: at every epoch its step goes downhill, at a cosine of "
          f"{min(cosines):.2f}")
    print("    or more with the true gradient; and after 30 epochs y_hat "
          "moves")
    k_right = y_hat_speed(*right_run[-1], scalar=False)
    k_scalar = y_hat_speed(*scalar_run[-1], scalar=True)
    print(f"    by lr*delta*k an epoch, k right {k_right:.4f}, scalar "
          f"{k_scalar:.4f}: E shrinks")
    print(f"    by (1 - lr k)^2, right {(1 - lr * k_right) ** 2:.4f}, scalar "
          f"{(1 - lr * k_scalar) ** 2:.4f}, an epoch")


if __name__ == "__main__":
    pairing()
    hand_update()
    scalar_update()
