"""Nudge one weight at a time by +0.01 and watch the error move.

x and y are fixed by the data, so the weights are the only knobs.
"""

from network import W1, W2, arrays, error, forward, weights, x, y

nudge = 0.01
E = error(forward(x, W1, W2)[1], y)
print(f"E with the starting weights: {E:.6f}")
for name in weights(W1, W2):
    w = weights(W1, W2)
    w[name] += nudge
    E_new = error(forward(x, *arrays(w))[1], y)
    print(f"{name} + {nudge:.2f}: E = {E_new:.6f}  (change {E_new - E:+.6f})")
