"""The figures of "How big a step" and "Momentum, Adam and weight decay",
drawn from their snippets. Run it to write each as NAME.svg and print what
each one shows."""

import matplotlib.pyplot as plt

from figures import cli, colours, finish
from steps_limit import RATES, run
from steps_minibatch import best_error, synthetic
from steps_optimizers import RULES, optimizer_train

plt.switch_backend("Agg")  # no window: the same output on every machine
STYLES = ("-", "--", ":", "-.")  # each curve its own line, not colour alone


def palette(dark):
    """Four curve colours, each readable on the page's background."""
    ink, accent, grad, _ = colours(dark)
    return (accent, grad, ink, "#8fd694" if dark else "#2e7d32")


# --8<-- [start:rates]
def steps_rates_figure(dark=False, epochs=100):
    """E over epochs at each rate of steps_limit.py. Below 1e-20 a curve
    stops (rounding decides the rest), above 1e+06 run() stops it."""
    ink = colours(dark)[0]
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    for rate, colour, style in zip(RATES, palette(dark), STYLES, strict=True):
        E = [E_t for E_t in run(rate, epochs)[0] if E_t > 1e-20]
        ax.semilogy(E, color=colour, ls=style, label=f"lr = {rate:.3f}")
    ax.set_ylim(1e-21, 1e15)
    return finish(fig, ax, ink, "epoch", "error E (log scale)")
# --8<-- [end:rates]


# --8<-- [start:optimizers]
def steps_optimizers_figure(dark=False, epochs=200):
    """How far each rule's E is above the best, over 200 epochs."""
    ink = colours(dark)[0]
    X, Y = synthetic()
    E_best = best_error(X, Y)
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    for rule, colour, style in zip(RULES, palette(dark)[:3], STYLES[:3],
                                   strict=True):
        E = optimizer_train(rule, X, Y, epochs)
        ax.semilogy([E_t - E_best for E_t in E], color=colour, ls=style,
                    label=rule)
    return finish(fig, ax, ink, "epoch", "E - best E (log scale)")
# --8<-- [end:optimizers]


FIGURES = {"steps_rates": steps_rates_figure,
           "steps_optimizers": steps_optimizers_figure}

if __name__ == "__main__":
    cli(FIGURES)
