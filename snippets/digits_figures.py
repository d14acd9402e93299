"""The digits chapter's figures: the training curve, the confusion matrix
and the held-out images the network gets wrong.

Run it to write each figure as NAME.svg into the current folder (or the one
given) and print what each shows; the site's build draws them light and dark.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.ticker import PercentFormatter

from digits_data import X_held, labels_held
from digits_train import EPOCHS, predict, trained
from figures import cli, colours, finish


# --8<-- [start:digits_curve]
def digits_curve_figure(dark=False):
    """Loss and accuracy, training and held-out, after every epoch."""
    ink, accent, grad, _ = colours(dark)
    history = np.array(trained()[1])  # rows: epochs 0..30
    epochs = range(EPOCHS + 1)
    fig, (loss, accuracy) = plt.subplots(2, 1, figsize=(6.4, 5.6),
                                         sharex=True)
    for ax, (train, held), label in ((loss, (0, 1), "mean cross-entropy"),
                                     (accuracy, (2, 3), "accuracy")):
        ax.plot(epochs, history[:, train], color=accent, label="training")
        ax.plot(epochs, history[:, held], color=grad, ls="--",
                label="held out")
        finish(fig, ax, ink, "epoch", label)
    loss.set_yscale("log")
    loss.xaxis.label.set_visible(False)  # shared: said once, at the bottom
    accuracy.set_ylim(0.8, 1.0)  # the first epochs' climb from 10% is cut
    accuracy.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    return fig
# --8<-- [end:digits_curve]


def shades(dark):
    """From the page's background to one colour: none of the figure's own."""
    ink, accent, _, paper = colours(dark)
    return (LinearSegmentedColormap.from_list("ink", [paper, ink]),
            LinearSegmentedColormap.from_list("accent", [paper, accent]))


# --8<-- [start:digits_confusion]
def digits_confusion_figure(dark=False):
    """Rows: the digit an image shows; columns: the network's answer."""
    ink, _, _, paper = colours(dark)
    said = predict(trained()[0], X_held)
    counts = np.zeros((10, 10), int)
    np.add.at(counts, (labels_held, said), 1)
    fig, ax = plt.subplots(figsize=(5.2, 4.8))
    ax.pcolormesh(np.arange(11) - 0.5, np.arange(11) - 0.5, counts,
                  cmap=shades(dark)[1], vmin=0)
    for (true, answer), n in np.ndenumerate(counts):
        if n:  # a blank cell: no image there
            strong = n > counts.max() / 2
            ax.text(answer, true, str(n), ha="center", va="center",
                    color=paper if strong else ink, fontsize=10)
    ax.set_xticks(range(10))
    ax.set_yticks(range(10))
    ax.invert_yaxis()  # digit 0 at the top, as a table reads
    ax.set_aspect("equal")
    finish(fig, ax, ink, "the network's answer", "the digit shown")
    ax.grid(False)
    return fig
# --8<-- [end:digits_confusion]


# --8<-- [start:digits_mistakes]
def digits_mistakes_figure(dark=False, per_row=5):
    """Every held-out image the network gets wrong, as its 8 x 8 pixels,
    under it the digit it shows and the network's answer."""
    ink = colours(dark)[0]
    said = predict(trained()[0], X_held)
    wrong = np.flatnonzero(said != labels_held)
    rows = -(-len(wrong) // per_row)
    fig, ax = plt.subplots(figsize=(6.4, 1.6 * rows))
    squares, shade = [], []
    for n, k in enumerate(wrong):
        top, left = 11 * (n // per_row), 10 * (n % per_row)
        # Only the pixels with ink: a blank one is the page itself.
        for (r, c), p in np.ndenumerate(X_held[k].reshape(8, 8)):
            if p:
                x, y = left + c, top + r
                squares.append([(x, y), (x + 1, y), (x + 1, y + 1),
                                (x, y + 1)])
                shade.append(p)
        ax.add_patch(plt.Rectangle((left, top), 8, 8, fc="none", ec=ink,
                                   lw=0.6, alpha=0.5))
        ax.text(left + 4, top + 9.3, f"{labels_held[k]}, said {said[k]}",
                ha="center", va="center", color=ink, fontsize=13)
    ax.add_collection(PolyCollection(squares, array=np.array(shade),
                                     cmap=shades(dark)[0], clim=(0, 1)))
    ax.set(xlim=(-0.5, per_row * 10 - 1.5), ylim=(rows * 11 - 0.5, -0.5),
           aspect="equal")
    ax.axis("off")
    fig.tight_layout()
    return fig
# --8<-- [end:digits_mistakes]


FIGURES = {"digits_curve": digits_curve_figure,
           "digits_confusion": digits_confusion_figure,
           "digits_mistakes": digits_mistakes_figure}

if __name__ == "__main__":
    cli(FIGURES)
