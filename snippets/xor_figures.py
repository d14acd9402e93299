"""The XOR chapter's figures: the input plane shaded by the network's output
as it learns, the error curve, and the run that squared error leaves stuck.

Run it to write each figure as NAME.svg (see figures.py's cli).
"""

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LinearSegmentedColormap

from figures import cli, colours
from losses import cross_entropy, cross_entropy_delta, squared_error_delta
from xor_fit import X_xor, Y_xor
from xor_stuck import LAST, STUCK_SEED
from xor_train import SEED, init, outputs, train

SHOWN = (0, 400, 500, 2000)  # epochs of the main run drawn as panels


@cache  # each run once, for the light and the dark copy
def run(seed, delta_of, epochs):
    return train(init(seed), delta_of, epochs=epochs)


# --8<-- [start:plane]
def plane(ax, layers, title, dark, labels=True):
    """The square around the four points, shaded by the network's output
    (paper colour at 0, accent at 1), its 0.5 line, the points (filled:
    target 1, hollow: target 0) and, if labels, each point's output."""
    ink, accent, _, paper = colours(dark)
    grid = np.linspace(-0.25, 1.25, 61)
    g1, g2 = np.meshgrid(grid, grid)
    o = outputs(layers, np.column_stack([g1.ravel(), g2.ravel()]))
    shade = LinearSegmentedColormap.from_list("out", [paper, accent])
    # interpolation="none": the SVG keeps the grid's own pixels, in place,
    # where a picture resampled to the figure's size would outweigh the page.
    image = ax.imshow(o.reshape(g1.shape), origin="lower", cmap=shade,
                      vmin=0, vmax=1, extent=(-0.25, 1.25, -0.25, 1.25),
                      interpolation="none")
    ax.contour(g1, g2, o.reshape(g1.shape), levels=[0.5], colors=ink,
               linestyles="--", linewidths=1)
    ones = Y_xor[:, 0] == 1
    ax.scatter(*X_xor[ones].T, s=60, color=ink, zorder=3)
    ax.scatter(*X_xor[~ones].T, s=60, facecolor=paper, edgecolor=ink,
               linewidth=1.5, zorder=3)
    for (i1, i2), value in zip(X_xor, outputs(layers), strict=True):
        if labels:
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


def shaded(fig, axes, runs, dark, labels=True):
    """A plane per (layers, title), one shared colour bar for the output."""
    ink = colours(dark)[0]
    for ax, (layers, title) in zip(axes, runs, strict=True):
        image = plane(ax, layers, title, dark, labels)
    for ax in axes[1:]:  # the first panel's i2 axis serves the row
        ax.set_ylabel("")
        ax.set_yticklabels([])
    bar = fig.colorbar(image, ax=axes, shrink=0.8, ticks=[0, 0.5, 1])
    bar.set_label("network output", color=ink)
    bar.ax.tick_params(colors=ink)
    bar.outline.set_edgecolor(ink)


# --8<-- [start:learning]
def learning_figure(dark=False):
    """The main run (cross-entropy, seed 0): the plane at the epochs in
    SHOWN, and below it the error at every epoch, those epochs marked."""
    ink, accent, grad, _ = colours(dark)
    history = run(SEED, cross_entropy_delta, SHOWN[-1])
    fig = plt.figure(figsize=(7.6, 5.2), layout="constrained")
    top, bottom = fig.subfigures(2, 1, height_ratios=[1, 1.15])
    shaded(top, top.subplots(1, len(SHOWN)),
           [(history[epoch], f"epoch {epoch}") for epoch in SHOWN], dark,
           labels=False)  # the outputs are printed; the picture is enough
    ax = bottom.subplots()
    E = [cross_entropy(outputs(layers)[:, None], Y_xor) for layers in history]
    every = range(0, len(E), 10)  # a point each 10 epochs: lighter, the same
    ax.semilogy(every, [E[k] for k in every], color=accent,
                label="cross-entropy E")
    ax.axhline(np.log(2), color=grad, ls="--", lw=1,
               label="ln 2: output 0.5 at every point")
    ax.plot(SHOWN, [E[k] for k in SHOWN], "o", ms=5, color=ink,
            label="the epochs drawn above")
    ax.minorticks_off()  # a tick for each power of ten is enough
    ax.set_title("error at every epoch", color=ink, fontsize=11)
    ax.set_xlabel("epoch", color=ink)
    ax.set_ylabel("error E (log scale)", color=ink)
    ax.tick_params(colors=ink)
    for side in ax.spines.values():
        side.set_color(ink)
    ax.grid(alpha=0.3)
    ax.legend(frameon=False, labelcolor=ink)  # finish() would undo the layout
    return fig
# --8<-- [end:learning]


# --8<-- [start:stuck]
def stuck_figure(dark=False):
    """Seed 5: squared error at its last epoch; cross-entropy in the same
    region at epoch 1000, then out of it."""
    se = run(STUCK_SEED, squared_error_delta, LAST)
    ce = run(STUCK_SEED, cross_entropy_delta, LAST)
    fig, axes = plt.subplots(1, 3, figsize=(7.6, 3.0), layout="constrained")
    shaded(fig, axes, [(se[LAST], f"squared error, epoch {LAST}"),
                       (ce[1000], "cross-entropy, epoch 1000"),
                       (ce[LAST], f"cross-entropy, epoch {LAST}")], dark)
    return fig
# --8<-- [end:stuck]


FIGURES = {"xor_learning": learning_figure, "xor_stuck": stuck_figure}

# --8<-- [start:cli]
if __name__ == "__main__":
    cli(FIGURES)
# --8<-- [end:cli]
