"""The site's two figures, drawn from the numbers in network.py and training.py.

Run it to write network.svg and error_curve.svg into the current folder (or
the folder given as an argument) and print what each one shows. The site's
build draws them with the same functions, in a light and a dark version.
"""

import io
import sys
from pathlib import Path

import matplotlib

# --8<-- [start:backend]
matplotlib.use("Agg")  # no window: the same output on every machine
# --8<-- [end:backend]
import matplotlib.pyplot as plt  # noqa: E402

from network import W1, w2, weights, x, y  # noqa: E402
from training import train  # noqa: E402

# Deterministic SVG: fixed ids, no timestamp, text drawn as paths.
plt.rcParams.update({"svg.hashsalt": "backprop", "svg.fonttype": "path", "font.size": 11})


def colours(dark):
    return ("#e6e6e6", "#7fb2ff") if dark else ("#1f1f1f", "#1f5fbf")


def to_svg(fig):
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", transparent=True, bbox_inches="tight",
                metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


# --8<-- [start:network]
def network_figure(dark=False):
    ink, accent = colours(dark)
    at = {"i1": (0, 1), "i2": (0, 0), "h1": (1.6, 1), "h2": (1.6, 0), "ŷ": (3.2, 0.5)}
    w = weights(W1, w2)
    # (from, to, weight, where along the edge its label sits, label above or below)
    edges = [("i1", "h1", "w1", 0.5, 1), ("i2", "h1", "w2", 0.25, 1),
             ("i1", "h2", "w3", 0.25, -1), ("i2", "h2", "w4", 0.5, -1),
             ("h1", "ŷ", "w5", 0.5, 1), ("h2", "ŷ", "w6", 0.5, -1)]
    r = 0.16  # node radius
    fig, ax = plt.subplots(figsize=(6.4, 2.9))
    for start, end, name, t, side in edges:
        (x0, y0), (x1, y1) = at[start], at[end]
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        ax.annotate("", (x1 - r * ux, y1 - r * uy), (x0 + r * ux, y0 + r * uy),
                    arrowprops={"arrowstyle": "-|>", "color": accent, "lw": 1.4})
        ax.text(x0 + t * (x1 - x0), y0 + t * (y1 - y0) + side * 0.1, f"{name} = {w[name]:.2f}",
                ha="center", va="center", color=ink,
                bbox={"fc": "#1e2129" if dark else "white", "ec": "none", "pad": 0.5})
    for node, (cx, cy) in at.items():
        ax.add_patch(plt.Circle((cx, cy), r, fc="none", ec=ink, lw=1.5))
        ax.text(cx, cy, node, ha="center", va="center", color=ink)
    ax.text(-0.25, 1, f"{x[0]:.0f}", ha="right", va="center", color=ink)
    ax.text(-0.25, 0, f"{x[1]:.0f}", ha="right", va="center", color=ink)
    ax.text(3.45, 0.5, f"target y = {y:.0f}", ha="left", va="center", color=ink)
    ax.set(xlim=(-0.5, 4.5), ylim=(-0.3, 1.3), aspect="equal")
    ax.axis("off")
    return fig
# --8<-- [end:network]


# --8<-- [start:error_curve]
def error_curve_figure(dark=False, epochs=30):
    ink, accent = colours(dark)
    errors = train(epochs)
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.plot(range(epochs + 1), errors, marker="o", ms=3, color=accent)
    ax.set_xlabel("epoch", color=ink)
    ax.set_ylabel("error E", color=ink)
    ax.tick_params(colors=ink)
    for side in ax.spines.values():
        side.set_color(ink)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
# --8<-- [end:error_curve]


# --8<-- [start:cli]
# Every figure, for the site build and for the command line below.
FIGURES = {"network": network_figure, "error_curve": error_curve_figure}


def describe(fig):
    """What a reader sees in a figure: its labels, or its curve's ends."""
    ax = fig.axes[0]
    if ax.texts:
        return ", ".join(t.get_text() for t in ax.texts if t.get_text())
    E = ax.lines[0].get_ydata()
    return (f"{ax.get_ylabel()} against {ax.get_xlabel()}, {len(E)} points, "
            f"from {E[0]:.6f} to {E[-1]:.3e}")


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for name, draw in FIGURES.items():
        fig = draw()
        print(f"{name}.svg: {describe(fig)}")
        (folder / f"{name}.svg").write_text(to_svg(fig), encoding="utf-8")
# --8<-- [end:cli]
