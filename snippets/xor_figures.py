"""The XOR chapter's figures: the input plane shaded by the network's output
as it learns, the error curve, and the run that squared error leaves stuck.

Run it to write each figure as NAME.svg (see figures.py's cli).
"""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap

from figures import cli, colours, finish
from losses import cross_entropy, cross_entropy_delta, squared_error_delta
from xor_fit import X_xor, Y_xor
from xor_stuck import LAST, STUCK_SEED
from xor_train import SEED, init, outputs, train

SHOWN = (0, 400, 500, 2000)  # epochs of the main run drawn as panels


@cache  # each run once, for the light and the dark copy
def run(seed, delta_of, epochs):
    return train(init(seed), delta_of, epochs=epochs)


# --8<-- [start:plane]
def plane(ax, layers, title, dark):
    """The square around the four points, shaded by the network's output
    (paper colour at 0, accent at 1), its 0.5 line, the points (filled:
    target 1, hollow: target 0) and each point's output."""
    ink, accent, _, paper = colours(dark)
    grid = np.linspace(-0.25, 1.25, 151)
    g1, g2 = np.meshgrid(grid, grid)
    o = outputs(layers, np.column_stack([g1.ravel(), g2.ravel()]))
    shade = LinearSegmentedColormap.from_list("out", [paper, accent])
    image = ax.imshow(o.reshape(g1.shape), origin="lower", cmap=shade,
                      vmin=0, vmax=1, extent=(-0.25, 1.25, -0.25, 1.25))
    ax.contour(g1, g2, o.reshape(g1.shape), levels=[0.5], colors=ink,
               linestyles="--", linewidths=1)
    ones = Y_xor[:, 0] == 1
    ax.scatter(*X_xor[ones].T, s=60, color=ink, zorder=3)
    ax.scatter(*X_xor[~ones].T, s=60, facecolor=paper, edgecolor=ink,
               linewidth=1.5, zorder=3)
    for (i1, i2), value in zip(X_xor, outputs(layers), strict=True):
        ax.text(i1, i2 + 0.12, f"{value:.2f}", ha="center", color=ink,
                fontsize=9, bbox={"fc": paper, "ec": "none", "pad": 1})
    ax.set_title(title, color=ink, fontsize=11)
    ax.set(xticks=[0, 1], yticks=[0, 1], aspect="equal")
    ax.set_xlabel("i1", color=ink, labelpad=0)
    ax.set_ylabel("i2", color=ink, labelpad=0)
    ax.tick_params(colors=ink)
    for side in ax.spines.values():
        side.set_color(ink)
    return image
# --8<-- [end:plane]


def panels(fig, axes, runs, dark):
    """A plane per (layers, title), one shared colour bar for the output."""
    ink = colours(dark)[0]
    for ax, (layers, title) in zip(axes.flat, runs, strict=True):
        image = plane(ax, layers, title, dark)
    bar = fig.colorbar(image, ax=axes, shrink=0.8, ticks=[0, 0.5, 1])
    bar.set_label("network output", color=ink)
    bar.ax.tick_params(colors=ink)
    bar.outline.set_edgecolor(ink)
    return fig


# --8<-- [start:boundary]
def boundary_figure(dark=False):
    """The main run (cross-entropy, seed 0) at the epochs in SHOWN."""
    history = run(SEED, cross_entropy_delta, SHOWN[-1])
    fig, axes = plt.subplots(2, 2, figsize=(6.4, 5.6), layout="constrained")
    runs = [(history[epoch], f"epoch {epoch}") for epoch in SHOWN]
    return panels(fig, axes, runs, dark)
# --8<-- [end:boundary]


# --8<-- [start:error]
def error_figure(dark=False):
    """The main run's cross-entropy at every epoch, and ln 2."""
    ink, accent, grad, _ = colours(dark)
    history = run(SEED, cross_entropy_delta, SHOWN[-1])
    E = [cross_entropy(outputs(layers)[:, None], Y_xor) for layers in history]
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.semilogy(E, color=accent, label="cross-entropy E, seed 0")
    ax.axhline(np.log(2), color=grad, ls="--", lw=1,
               label="ln 2: output 0.5 at every point")
    return finish(fig, ax, ink, "epoch", "error E (log scale)")
# --8<-- [end:error]


# --8<-- [start:stuck]
def stuck_figure(dark=False):
    """Seed 5: squared error at its last epoch; cross-entropy in the same
    region at epoch 1000, then out of it."""
    se = run(STUCK_SEED, squared_error_delta, LAST)
    ce = run(STUCK_SEED, cross_entropy_delta, LAST)
    fig, axes = plt.subplots(1, 3, figsize=(7.6, 3.0), layout="constrained")
    runs = [(se[LAST], f"squared error, epoch {LAST}"),
            (ce[1000], "cross-entropy, epoch 1000"),
            (ce[LAST], f"cross-entropy, epoch {LAST}")]
    return panels(fig, axes, runs, dark)
# --8<-- [end:stuck]


FIGURES = {"xor_boundary": boundary_figure, "xor_error": error_figure,
           "xor_stuck": stuck_figure}

# --8<-- [start:cli]
if __name__ == "__main__":
    cli(FIGURES)
# --8<-- [end:cli]
