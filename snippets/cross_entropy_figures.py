"""The cross-entropy chapter's figure: the output delta each error gives a
sigmoid output whose target is 0, as the output moves towards 1.

Run it to write the figure as NAME.svg (see figures.py's cli).
"""

import matplotlib.pyplot as plt
import numpy as np

from figures import cli, colours, finish


# --8<-- [start:delta_curves]
def delta_curves_figure(dark=False):
    """delta = dE/dz for target 0: (o - 0) o (1 - o) against o - 0."""
    ink, accent, grad, _ = colours(dark)
    o = np.linspace(0, 1, 201)
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.plot(o, o * o * (1 - o), color=accent,
            label="squared error: (o − 0) o (1 − o)")
    ax.plot(o, o, color=grad, ls="--", label="cross-entropy: o − 0")
    ax.plot([0.99, 0.99], [0.99 * 0.99 * 0.01, 0.99], "o", ms=4, color=ink,
            label="o = 0.99: 0.0098 against 0.99")
    return finish(fig, ax, ink, "output o (target 0)", "output delta")
# --8<-- [end:delta_curves]


FIGURES = {"delta_curves": delta_curves_figure}

# --8<-- [start:cli]
if __name__ == "__main__":
    cli(FIGURES)
# --8<-- [end:cli]
