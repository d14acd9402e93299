"""Every number in a chapter's prose and formulas is one the code computes."""

import pytest

from conftest import ROOT, chapters
from prose_check import MATH, SENTENCE_END, check_page, fails, numbers_in, reader_text


@pytest.mark.parametrize("page", chapters(), ids=lambda p: p.name)
def test_every_number_is_backed_by_code(page):
    failures = check_page(page)
    assert not failures, "\n".join(failures)


def mutations(markdown):
    """(number, what it became, mutated page) for every number a reader reads: its
    last digit bumped, its sign flipped, and its place swapped with the next."""
    found = numbers_in(reader_text(markdown))
    for n in found:
        assert markdown[n.start:n.start + len(n.text)] == n.text  # the very occurrence read
        last = n.start + len(n.text.split("e")[0]) - 1  # the mantissa's last digit
        digit = str((int(markdown[last]) + 1) % 10)
        yield n, digit, markdown[:last] + digit + markdown[last + 1:]
        signed = n.text[0] in "-−+"
        flipped = n.text[1:] if signed else "−" + n.text
        yield n, flipped, markdown[:n.start] + flipped + markdown[n.start + len(n.text):]
    # Swaps of two neighbouring numbers of one sentence that differ, unless both sit
    # in one formula: there the arithmetic rule governs, and a reordered product
    # (2 × 0.34 = 0.34 × 2) or a rearranged quotient can be just as true.
    text = reader_text(markdown)
    formula = [(m.start(), m.end()) for m in MATH.finditer(text)]
    for n, m in zip(found, found[1:], strict=False):
        if (n.value == m.value or SENTENCE_END.search(text, n.start + len(n.text), m.start)
                or any(a <= n.start and m.start < b for a, b in formula)):
            continue
        swapped = (markdown[:n.start] + m.text + markdown[n.start + len(n.text):m.start]
                   + n.text + markdown[m.start + len(m.text):])
        yield n, f"swapped with {m.text}", swapped


@pytest.mark.parametrize("page", chapters(), ids=lambda p: p.name)
def test_changing_any_number_is_caught(page):
    """Mutation check of the checker: every change to a number must fail a rule."""
    markdown = page.read_text(encoding="utf-8")
    survivors = [f"{page.relative_to(ROOT)}:{n.line}: {n.text} -> {change}"
                 for n, change, mutated in mutations(markdown)
                 if not fails(page, mutated)]
    assert not survivors, "changing these numbers goes unnoticed:\n" + "\n".join(survivors)


def test_article_values_are_rejected():
    """The article's h1 = 0.94, a false product and a tenfold learning rate all fail."""
    page = ROOT / "docs" / "forward-pass.md"
    markdown = page.read_text(encoding="utf-8")
    for wrong, expect in [("$h_1 = 0.94$", "0.94"),
                          ("$2 \\times 0.34 + 2 \\times 0.13 = 1.07$", "is false"),
                          ("The learning rate is 0.5 here.", "lr is never 0.5")]:
        failures = check_page(page, markdown + f"\n{wrong}\n")
        assert any(expect in f and "forward-pass.md:" in f for f in failures), (wrong, failures)


@pytest.mark.parametrize("wrong, expect", [
    ("$\\Delta = 0.7829$", "delta is never 0.7829"),  # the sign counts
    ("Here w_5 is 0.02.", "w5 is never 0.02"),  # a binding that ends a sentence
    ("$\\partial E / \\partial w_5 = -0.837703$", None),  # a gradient, not a value of w5
    ("$\\frac{\\partial E}{\\partial h_1} = 0.15658$", "dE/dh1 is never 0.15658"),
    ("The error falls from 0.251759 to 0.306466.", "0.251759 comes before 0.306466"),
    ("$w_5 = 0.20$ and $w_6 = 0.022135$.", "one paragraph binds values from different epochs"),
])
def test_signs_sentence_ends_gradients_order_and_epochs_are_read(wrong, expect):
    page = ROOT / "docs" / "updating-weights.md"
    failures = check_page(page, page.read_text(encoding="utf-8") + f"\n{wrong}\n")
    if expect is None:
        assert not failures, failures
    else:
        assert any(expect in f and "updating-weights.md:" in f for f in failures), failures
