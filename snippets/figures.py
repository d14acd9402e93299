"""The site's figures, drawn from the numbers the snippets compute.

Run it to write each figure as NAME.svg into the current folder (or the
folder given as an argument) and print what each one shows. The site's
build draws them with the same functions, in a light and a dark version.
"""

import io
import re
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

from network import W1, W2, backward, error, forward, weights, x, y
from slope import E_of_w5, nudge, secant, tangent
from training import errors, train

# --8<-- [start:backend]
plt.switch_backend("Agg")  # no window: the same output on every machine
# --8<-- [end:backend]

# Deterministic SVG: fixed ids, no timestamp, text drawn as paths.
plt.rcParams.update({"svg.hashsalt": "backprop", "svg.fonttype": "path",
                     "font.size": 11})


def colours(dark):
    """(ink, accent, gradient colour, background) for a light or dark page."""
    if dark:
        return "#e6e6e6", "#7fb2ff", "#ffb38a", "#1e2129"
    return "#1f1f1f", "#1f5fbf", "#b3400f", "#ffffff"


def to_svg(fig):
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", transparent=True, bbox_inches="tight",
                metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()


def arrow(ax, start, end, r, colour):
    """An arrow between two circles of radius r, touching neither."""
    (x0, y0), (x1, y1) = start, end
    length = np.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    ax.annotate("", (x1 - r * ux, y1 - r * uy), (x0 + r * ux, y0 + r * uy),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.4})


def along(ax, start, end, t, text, colour, offset):
    """text written along the edge start -> end, a fraction t of the way and
    offset across it: a label that can only name its own edge."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    across = np.array([-dy, dx]) / np.hypot(dx, dy)  # the edge turned 90°
    cx, cy = np.array([x0 + t * dx, y0 + t * dy]) + offset * across
    angle = np.degrees(np.arctan2(dy, dx))
    ax.text(cx, cy, text, ha="center", va="center", color=colour,
            rotation=angle, rotation_mode="anchor", fontsize=10)


def finish(fig, ax, ink, xlabel, ylabel):
    """Labels, the page's colours, a legend if a curve has a label: done."""
    ax.set_xlabel(xlabel, color=ink)
    ax.set_ylabel(ylabel, color=ink)
    ax.tick_params(colors=ink)
    for side in ax.spines.values():
        side.set_color(ink)
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[1]:
        ax.legend(frameon=False, labelcolor=ink)
    fig.tight_layout()
    return fig


# --8<-- [start:network]
def network_figure(dark=False):
    ink, accent, _, paper = colours(dark)
    at = {"i1": (0, 1.3), "i2": (0, 0), "h1": (2.6, 1.3), "h2": (2.6, 0),
          "ŷ": (5.2, 0.65)}
    w = weights(W1, W2)
    # (from, to, weight, where along the edge its label sits, offset across
    # it): each label is written along its own edge, beside it; the crossing
    # edges are labelled before they cross, on the side away from the other.
    edges = [("i1", "h1", "w1", 0.5, 0.14), ("i2", "h1", "w2", 0.32, -0.14),
             ("i1", "h2", "w3", 0.32, 0.14), ("i2", "h2", "w4", 0.5, -0.14),
             ("h1", "ŷ", "w5", 0.5, 0.14), ("h2", "ŷ", "w6", 0.5, -0.14)]
    r = 0.2  # node radius
    fig, ax = plt.subplots(figsize=(6.4, 2.5))
    for start, end, name, t, offset in edges:
        arrow(ax, at[start], at[end], r, accent)
        along(ax, at[start], at[end], t, f"{name} = {w[name]:.2f}", ink,
              offset)
    for node, (cx, cy) in at.items():
        ax.add_patch(plt.Circle((cx, cy), r, fc="none", ec=ink, lw=1.5))
        ax.text(cx, cy, node, ha="center", va="center", color=ink)
    ax.text(-0.3, 1.3, f"{x[0, 0]:.0f}", ha="right", va="center", color=ink)
    ax.text(-0.3, 0, f"{x[0, 1]:.0f}", ha="right", va="center", color=ink)
    ax.text(5.5, 0.65, f"target y = {y:.0f}", ha="left", va="center",
            color=ink)
    ax.set(xlim=(-0.6, 7.0), ylim=(-0.3, 1.6), aspect="equal")
    ax.axis("off")
    return fig
# --8<-- [end:network]


# --8<-- [start:graph]
def graph_figure(dark=False):
    """Every unit and weight with its forward value (ink) and, under it, the
    gradient the backward pass computes for it (gradient colour)."""
    ink, accent, grad, paper = colours(dark)
    h, y_hat = forward(x, W1, W2)
    delta, dE_dW2, dE_dh, dE_dW1 = backward(x, y, W1, W2)
    w, dE_dw = weights(W1, W2), weights(dE_dW1, dE_dW2)
    units = {  # name: (centre, half width, forward value, gradient)
        "i1": ((0, 2.4), 0.5, f"i1 = {x[0, 0]:.0f}", ""),
        "i2": ((0, 0), 0.5, f"i2 = {x[0, 1]:.0f}", ""),
        "h1": ((4.0, 2.4), 1.2, f"h1 = {h[0, 0]:.2f}",
               f"∂E/∂h1 = {dE_dh[0, 0]:.5f}"),
        "h2": ((4.0, 0), 1.2, f"h2 = {h[0, 1]:.2f}",
               f"∂E/∂h2 = {dE_dh[0, 1]:.6f}"),
        "ŷ": ((8.0, 1.2), 1.35, f"ŷ = {y_hat.item():.4f}",
              f"Δ = ∂E/∂ŷ = {delta.item():.4f}"),
        "E": ((11.3, 1.2), 1.05, f"E = {error(y_hat, y):.6f}", "∂E/∂E = 1"),
    }
    # (from, to, weight, where along the edge its label sits): the crossing
    # edges carry their labels near their start, away from the crossing.
    edges = [("i1", "h1", "w1", 0.5), ("i2", "h1", "w2", 0.3),
             ("i1", "h2", "w3", 0.3), ("i2", "h2", "w4", 0.5),
             ("h1", "ŷ", "w5", 0.5), ("h2", "ŷ", "w6", 0.5),
             ("ŷ", "E", None, 0.5)]
    fig, ax = plt.subplots(figsize=(13, 3.9))
    plain = {"fc": paper, "ec": "none", "pad": 0.2}
    for start, end, name, t in edges:
        (x0, y0), a0 = units[start][:2]
        (x1, y1), a1 = units[end][:2]
        arrow(ax, (x0 + a0, y0), (x1 - a1, y1), 0.02, accent)
        if name:
            cx, cy = x0 + a0 + t * (x1 - a1 - x0 - a0), y0 + t * (y1 - y0)
            ax.text(cx, cy + 0.16, f"{name} = {w[name]:.2f}", ha="center",
                    va="center", color=ink, bbox=plain)
            ax.text(cx, cy - 0.16, f"∂E/∂{name} = {dE_dw[name]:.4f}",
                    ha="center", va="center", color=grad, bbox=plain)
    for (cx, cy), half, value, gradient in units.values():
        tall = 0.42 if gradient else 0.25
        ax.add_patch(plt.Rectangle((cx - half, cy - tall), 2 * half, 2 * tall,
                                   fc=paper, ec=ink, lw=1.2))
        ax.text(cx, cy + (0.17 if gradient else 0), value, ha="center",
                va="center", color=ink)
        if gradient:
            ax.text(cx, cy - 0.17, gradient, ha="center", va="center",
                    color=grad)
    ax.annotate("forward pass: values", (12.2, -0.75), (8.2, -0.75),
                color=ink, va="center",
                arrowprops={"arrowstyle": "-|>", "color": ink})
    ax.annotate("backward pass: gradients", (-0.5, -0.75), (3.5, -0.75),
                color=grad, va="center", ha="right",
                arrowprops={"arrowstyle": "-|>", "color": grad})
    ax.set(xlim=(-0.6, 12.4), ylim=(-1.0, 2.9), aspect="equal")
    ax.axis("off")
    return fig
# --8<-- [end:graph]


# --8<-- [start:slope]
def slope_figure(dark=False):
    ink, accent, grad, _ = colours(dark)
    w5 = W2[0, 0]
    grid = np.linspace(-0.2, 1.6, 181)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(grid, [E_of_w5(v) for v in grid], color=accent,
            label="E as w5 alone changes")
    near = np.array([w5 - 0.35, w5 + 0.35])
    ax.plot(near, E_of_w5(w5) + tangent * (near - w5), color=grad, ls="--",
            label=f"tangent at w5 = {w5:.2f}: slope {tangent:.6f}")
    ax.plot([w5, w5 + nudge], [E_of_w5(w5), E_of_w5(w5 + nudge)], "o", ms=4,
            color=ink, label=f"secant over +{nudge:.2f}: slope {secant:.4f}")
    return finish(fig, ax, ink, "w5", "error E")
# --8<-- [end:slope]


# --8<-- [start:error_curve]
def error_curve_figure(dark=False, epochs=30):
    ink, accent, _, _ = colours(dark)
    E = errors(train(epochs))
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.semilogy(range(epochs + 1), E, marker="o", ms=3, color=accent)
    return finish(fig, ax, ink, "epoch", "error E (log scale)")
# --8<-- [end:error_curve]


# --8<-- [start:sigmoid_network]
def sigmoid_network_figure(dark=False):
    """Mazur's 2-2-2 network: which weight joins which units; the biases."""
    import sigmoid_network as sn
    ink, accent, _, paper = colours(dark)
    at = {"i1": (0, 1.3), "i2": (0, 0), "h1": (2.6, 1.3), "h2": (2.6, 0),
          "o1": (5.2, 1.3), "o2": (5.2, 0)}
    w = sn.weights(sn.W1, sn.W2)
    # (from, to, weight, where along the edge its label sits, offset across
    # it), as in network_figure.
    edges = [("i1", "h1", "w1", 0.5, 0.14), ("i2", "h1", "w2", 0.32, -0.14),
             ("i1", "h2", "w3", 0.32, 0.14), ("i2", "h2", "w4", 0.5, -0.14),
             ("h1", "o1", "w5", 0.5, 0.14), ("h2", "o1", "w6", 0.32, -0.14),
             ("h1", "o2", "w7", 0.32, 0.14), ("h2", "o2", "w8", 0.5, -0.14)]
    r = 0.2
    fig, ax = plt.subplots(figsize=(7.2, 3.4))
    for start, end, name, t, offset in edges:
        arrow(ax, at[start], at[end], r, accent)
        along(ax, at[start], at[end], t, f"{name} = {w[name]:.2f}", ink,
              offset)
    for bias, value, (bx, units) in (("b1", sn.b1, (1.3, ("h1", "h2"))),
                                     ("b2", sn.b2, (3.9, ("o1", "o2")))):
        ax.text(bx, 2.1, f"{bias} = {value:.2f}", ha="center", va="center",
                color=ink,
                bbox={"fc": paper, "ec": ink, "boxstyle": "round,pad=0.3"})
        for unit in units:
            ax.annotate("", at[unit], (bx, 1.97), arrowprops={
                "arrowstyle": "-|>", "color": ink, "ls": "--", "lw": 0.8,
                "shrinkB": 14, "alpha": 0.6})
    for node, (cx, cy) in at.items():
        ax.add_patch(plt.Circle((cx, cy), r, fc=paper, ec=ink, lw=1.5))
        ax.text(cx, cy, node, ha="center", va="center", color=ink)
    for k, (row, cy) in enumerate(((0, 1.3), (1, 0))):
        ax.text(-0.3, cy, f"{sn.x[0, row]:.2f}", ha="right", va="center",
                color=ink)
        ax.text(5.5, cy, f"target {sn.y[0, k]:.2f}", ha="left", va="center",
                color=ink)
    ax.text(2.6, -0.55, "hidden: sigmoid", ha="center", color=ink)
    ax.text(5.2, -0.55, "output: sigmoid", ha="center", color=ink)
    ax.set(xlim=(-0.9, 7.0), ylim=(-0.7, 2.4), aspect="equal")
    ax.axis("off")
    return fig
# --8<-- [end:sigmoid_network]


# --8<-- [start:bias_curve]
def bias_curve_figure(dark=False, epochs=10_000):
    """E over 10,000 updates of the sigmoid network, biases fixed, trained."""
    from functools import partial

    import sigmoid_network as sn

    ink, accent, grad, _ = colours(dark)
    fixed = [E for E, _ in sn.train(sn.step, epochs)]
    moving = [E for E, _ in sn.train(partial(sn.step, biases=True), epochs)]
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.semilogy(fixed, color=accent, label="biases fixed (the post)")
    ax.semilogy(moving, color=grad, ls="--", label="biases trained")
    return finish(fig, ax, ink, "epoch", "error E (log scale)")
# --8<-- [end:bias_curve]


# --8<-- [start:batch_curve]
def batch_curve_figure(dark=False, epochs=200):
    """E, the mean over the four examples, training on all of them at once."""
    from batch import batch_train

    ink, accent, _, _ = colours(dark)
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.semilogy(batch_train(epochs), color=accent)
    return finish(fig, ax, ink, "epoch", "batch error E (log scale)")
# --8<-- [end:batch_curve]


# --8<-- [start:describe]
def describe(fig):
    """What a reader sees in a figure: its labels, or its curves and ends;
    panel by panel, each after its title, when it has several."""
    panels = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    if len(panels) > 1:
        return "; ".join(f"{ax.get_title()}: {panel(ax)}" for ax in panels)
    return panel(panels[0])


def panel(ax):
    """One panel's labels; or, with no labels, its shading's range; or its
    first curve's ends (and its top, when that lies between them, since a
    hump's ends say nothing of it) and its legend."""
    if not ax.lines:
        labels = [t.get_text() for t in ax.texts if t.get_text()]
        if not labels and ax.images:  # a shaded picture and nothing written
            shade = ax.images[0].get_array()
            labels = [f"shaded from {shade.min():.4f} to {shade.max():.4f}"]
        return ", ".join(labels)
    x_values, curve = ax.lines[0].get_xdata(), ax.lines[0].get_ydata()
    ends = f"from {curve[0]:.6f} to {curve[-1]:.3e}"
    top = int(np.argmax(curve))
    if 0 < top < len(curve) - 1:
        ends += f", highest {curve[top]:.6f} at {x_values[top]:.3f}"
    legend = ax.get_legend()
    labels = [t.get_text() for t in legend.get_texts()] if legend else []
    return "; ".join([f"{ax.get_ylabel()} against {ax.get_xlabel()}, "
                      f"{len(curve)} points, {ends}", *labels])
# --8<-- [end:describe]


# --8<-- [start:cli]
# Every figure, for the site build and for the command line below.
FIGURES = {"network": network_figure, "graph": graph_figure,
           "slope": slope_figure, "error_curve": error_curve_figure,
           "sigmoid_network": sigmoid_network_figure,
           "bias_curve": bias_curve_figure, "batch_curve": batch_curve_figure}


def wrapped(text, width=79):
    """text in lines of at most width, broken only between its items."""
    lines = [""]
    for item in re.split(r"(?<=[,;]) ", text):
        if lines[-1] and len(lines[-1]) + 1 + len(item) > width:
            lines.append("   ")  # a continued line starts indented
        lines[-1] += f" {item}" if lines[-1] else item
    return "\n".join(lines)


def cli(figures):
    """python snippets/NAME.py [FOLDER]: NAME.svg for each figure; with
    --themes (the site's build), NAME-light.svg and NAME-dark.svg. Every
    module of figures (figures.py, snippets/*_figures.py) ends with it."""
    themes = "--themes" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--themes"]
    folder = Path(args[0] if args else ".")
    for name, draw in figures.items():
        fig = draw()
        print(wrapped(f"{name}.svg: {describe(fig)}"))
        if themes:
            (folder / f"{name}-light.svg").write_text(to_svg(fig), "utf-8")
            fig = draw(dark=True)
            (folder / f"{name}-dark.svg").write_text(to_svg(fig), "utf-8")
        else:
            (folder / f"{name}.svg").write_text(to_svg(fig), "utf-8")


if __name__ == "__main__":
    cli(FIGURES)
# --8<-- [end:cli]
