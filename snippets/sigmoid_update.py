"""One update of all eight weights from the old ones, then the error again."""

from sigmoid_network import (
    W1,
    W2,
    b1,
    b2,
    error,
    forward,
    lr,
    step,
    weights,
    x,
    y,
)

# the biases kept, as in the post
W1_new, W2_new, _, _ = step(x, y, W1, W2, b1, b2, lr)
for name, value in weights(W1_new, W2_new).items():
    print(f"{name} = {value:.9f}")
before = error(forward(x, W1, W2, b1, b2)[3], y)
after = error(forward(x, W1_new, W2_new, b1, b2)[3], y)
print(f"E: {before:.9f} -> {after:.9f}")
w4 = weights(W1_new, W2_new)["w4"]
print(f"w4: the post 0.29950229; ours {w4:.9f}")  # the post's eight decimals
