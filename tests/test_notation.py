"""One name per symbol: every symbol in a formula is defined on the Notation page."""

import re

import pytest

from conftest import DOCS, chapters
from prose_check import MATH, reader_text

# Commands that are operators, layout or decoration, not symbols of our own.
LAYOUT = {"partial", "times", "cdot", "frac", "tfrac", "dfrac", "quad", "qquad", "approx",
          "leftarrow", "top", "dots", "big", "Big", "left", "right", "hat", "mathbf", "text",
          "begin", "end", "sum", "in", "odot", "boldsymbol", "sqrt"}


def symbols(tex):
    """Symbols in a formula: x, w_1, \\mathbf{x}_a, \\hat{y}, \\Delta, \\delta_{o1}, ..."""
    tex = re.sub(r"\\(text|begin|end)\{[^{}]*\}", " ", tex)
    found = set()
    for m in re.finditer(r"\\(mathbf|hat|boldsymbol)\{(\\?\w+)\}(_\{?\w+\}?)?"
                         r"|\\([A-Za-z]+)(_\{?\w+\}?)?"
                         r"|(?<![A-Za-z\\])([A-Za-z])(?![A-Za-z])(_\{?\w*\}?)?", tex):
        if m[1]:
            found.add(f"\\{m[1]}{{{m[2]}}}" + (m[3] or "").replace("{", "").replace("}", ""))
        elif m[4] and m[4] not in LAYOUT:
            found.add(f"\\{m[4]}" + (m[5] or "").replace("{", "").replace("}", ""))
        elif m[6]:
            found.add(m[6] + (m[7] or "").replace("{", "").replace("}", "").rstrip("_"))
    return found


def defined():
    """Symbols in the first column of the Notation page's table."""
    found = set()
    for line in (DOCS / "notation.md").read_text().splitlines():
        if line.startswith("| $"):
            for m in MATH.finditer(line.split("|")[1]):
                found |= symbols(m[1] or m[2])
    return found


DEFINED = defined()


def test_notation_table_defines_the_core_symbols():
    assert {"w_1", "w_6", "W_1", "W_2", "\\mathbf{x}", "\\hat{y}", "\\Delta",
            "\\eta", "E", "h_1"} <= DEFINED, sorted(DEFINED)


@pytest.mark.parametrize("page", chapters(), ids=lambda p: p.name)
def test_every_symbol_is_defined(page):
    text = reader_text(page.read_text(encoding="utf-8"))
    unknown = []
    for m in MATH.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        unknown += [f"{page.name}:{line}: {s}" for s in sorted(symbols(m[1] or m[2]) - DEFINED)]
    assert not unknown, "symbols not on the Notation page:\n" + "\n".join(unknown)


def test_an_undefined_symbol_is_reported():
    assert symbols("z_9 = \\theta w_1") - DEFINED == {"z_9", "\\theta"}
