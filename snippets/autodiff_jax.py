"""The sigmoid network's ten gradients from JAX, a framework's autograd,
beside our engine's. JAX is the tests' oracle, not part of a learner's
install: without it, this prints the command that adds it."""

from autodiff import gradients_of
from autodiff_sigmoid import sigmoid_error
from sigmoid_network import W1, W2, b1, b2, weights, x, y

try:
    import jax
except ImportError:  # a one-line answer, not a traceback
    raise SystemExit("this page's comparison needs JAX: "
                     "uv sync --locked --group frameworks") from None

jax.config.update("jax_enable_x64", True)  # float64, as our engine
jax.config.update("jax_platforms", "cpu")


# --8<-- [start:network]
def jax_error(w):
    """E of the sigmoid 2-2-2 network, as sigmoid_error, in JAX's terms."""
    (i1, i2), (y1, y2) = x[0], y[0]
    h1 = jax.nn.sigmoid(i1 * w["w1"] + i2 * w["w2"] + w["b1"])
    h2 = jax.nn.sigmoid(i1 * w["w3"] + i2 * w["w4"] + w["b1"])
    o1 = jax.nn.sigmoid(h1 * w["w5"] + h2 * w["w6"] + w["b2"])
    o2 = jax.nn.sigmoid(h1 * w["w7"] + h2 * w["w8"] + w["b2"])
    return (o1 - y1) ** 2 * 0.5 + (o2 - y2) ** 2 * 0.5


start = {**weights(W1, W2), "b1": b1, "b2": b2}
by_jax = jax.grad(jax_error)(start)  # every dE/dw at once, by name
# --8<-- [end:network]


if __name__ == "__main__":
    by_engine = gradients_of(sigmoid_error, start)
    gap = 0.0  # the largest relative difference, |a - b| / max(|a|, |b|)
    for name, ours in by_engine.items():
        theirs = float(by_jax[name])
        print(f"dE/d{name}: engine {ours:+.12f}  JAX {theirs:+.12f}")
        gap = max(gap, abs(ours - theirs) / max(abs(ours), abs(theirs)))
    print(f"largest relative difference: {gap:.1e} "
          f"(the same floats, to the last bit: {gap == 0})")
