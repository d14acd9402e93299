"""The figures of the "Any depth" chapter.

Drawn from depth_vanishing.py's numbers. Run it to write each as NAME.svg
and print what each one shows."""

import matplotlib.pyplot as plt

from depth_vanishing import DEPTH, STARTS, gradient_norms
from figures import cli, colours, finish


# --8<-- [start:depth_gradients]
def depth_gradients_figure(dark=False):
    """‖∂E/∂W‖ per layer, log scale, for the three starts: each its own
    colour, marker and line style, so no colour is needed to tell them
    apart."""
    ink, accent, grad, _ = colours(dark)
    styles = [(accent, "o", "-"), (grad, "s", "--"), (ink, "^", ":")]
    layers = range(1, DEPTH + 1)
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    for start, (colour, marker, line) in zip(STARTS, styles, strict=True):
        ax.semilogy(layers, gradient_norms(start)[1], color=colour,
                    marker=marker, ls=line, ms=5, label=start)
    ax.set_xticks(list(layers))
    return finish(fig, ax, ink, "layer (1: next to the input)",
                  "‖∂E/∂W‖ (log scale)")
# --8<-- [end:depth_gradients]


FIGURES = {"depth_gradients": depth_gradients_figure}

# --8<-- [start:cli]
if __name__ == "__main__":
    cli(FIGURES)
# --8<-- [end:cli]
