"""The TeX arithmetic reader of tools/prose_check.py, on formulas written for the test."""

import pytest

from prose_check import arithmetic_failures, to_python


@pytest.mark.parametrize("tex, python", [
    ("2 \\times 0.34 + 3 \\times 0.13", "2 * 0.34 + 3 * 0.13"),
    ("\\tfrac{1}{2} (-0.7829)^2", "((1)/(2))*(-0.7829)**2"),
    ("0.05 \\times (-0.7829)", "0.05 * (-0.7829)"),
    ("w_1 + 0.5", None),  # a symbol: not arithmetic
])
def test_tex_becomes_python(tex, python):
    got = to_python(tex)
    assert (got and got.replace(" ", "")) == (python and python.replace(" ", ""))


@pytest.mark.parametrize("formula, holds", [
    ("$2 \\times 0.34 + 3 \\times 0.13 = 1.07$", True),
    ("$2 \\times 0.34 + 3 \\times 0.13 = 1.08$", False),
    ("$0.2171 - 1 = -0.7829$", True),
    ("$0.2171 - 1 = 0.7829$", False),  # the sign counts
    ("$(0.298146 - 0.306466) / 0.01 \\approx -0.832$", True),  # \approx: operands rounded
    ("$(0.298146 - 0.306466) / 0.01 = -0.832$", True),
    ("$1.07 \\times 0.2 = 0.21$", True),  # 0.214, true to the digits shown
    ("$1.07 \\times 0.2 = 0.22$", False),
    ("$1.1 \\times 0.2 = 0.214$", False),  # = : the operands are taken as exact
    ("$1.1 \\times 0.2 \\approx 0.214$", True),  # \\approx: 1.1 may be 1.07 rounded
    # matrices: a product, entry by entry
    ("$\\begin{bmatrix} 2 \\\\ 3 \\end{bmatrix} \\begin{bmatrix} 0.1 & 0.2 \\end{bmatrix}"
     " = \\begin{bmatrix} 0.2 & 0.4 \\\\ 0.3 & 0.6 \\end{bmatrix}$", True),
    ("$\\begin{bmatrix} 2 \\\\ 3 \\end{bmatrix} \\begin{bmatrix} 0.1 & 0.2 \\end{bmatrix}"
     " = \\begin{bmatrix} 0.2 & 0.4 \\\\ 0.3 & 0.7 \\end{bmatrix}$", False),
    # aligned: a row that starts with = continues the row above
    ("$$\n\\begin{aligned}\nx &= 0.5 \\times 0.4 \\\\\n  &= 0.2\n\\end{aligned}\n$$", True),
    ("$$\n\\begin{aligned}\nx &= 0.5 \\times 0.4 \\\\\n  &= 0.3\n\\end{aligned}\n$$", False),
    # separate rows are separate claims
    ("$$\n\\begin{aligned}\na &= 0.5 \\\\\nb &= 0.25 + 0.25\n\\end{aligned}\n$$", True),
])
def test_arithmetic_is_checked(formula, holds):
    failures = arithmetic_failures(formula, "page.md")
    assert (not failures) == holds, failures
