"""Every number in a chapter's prose and formulas is one the code computes."""

import pytest

from conftest import ROOT, chapters
from prose import check_page, numbers_in, reader_text, symbol_values

BINDINGS = symbol_values()


@pytest.mark.parametrize("page", chapters(), ids=lambda p: p.name)
def test_every_number_is_backed_by_code(page):
    failures = check_page(page, bindings=BINDINGS)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("page", chapters(), ids=lambda p: p.name)
def test_changing_any_number_is_caught(page):
    """Mutation check of the checker: bump the last digit of each number in turn."""
    markdown = page.read_text(encoding="utf-8")
    text = reader_text(markdown)
    survivors = []
    for n in numbers_in(text):
        assert markdown[n.start:n.start + len(n.text)] == n.text  # the very occurrence read
        last = n.start + len(n.text.split("e")[0]) - 1  # the mantissa's last digit
        digit = str((int(markdown[last]) + 1) % 10)
        mutated = markdown[:last] + digit + markdown[last + 1:]
        if not check_page(page, mutated, BINDINGS):
            survivors.append(f"{page.relative_to(ROOT)}:{n.line}: {n.text} -> "
                             f"{mutated[n.start:n.start + len(n.text)]}")
    assert not survivors, "changing these numbers goes unnoticed:\n" + "\n".join(survivors)


def test_article_values_are_rejected():
    """The article's h1 = 0.94, a false product and a tenfold learning rate all fail."""
    page = ROOT / "docs" / "forward-pass.md"
    markdown = page.read_text(encoding="utf-8")
    for wrong, expect in [("$h_1 = 0.94$", "0.94"),
                          ("$2 \\times 0.34 + 2 \\times 0.13 = 1.07$", "is false"),
                          ("The learning rate is 0.5 here.", "lr is never 0.5")]:
        failures = check_page(page, markdown + f"\n{wrong}\n", BINDINGS)
        assert any(expect in f and "forward-pass.md:" in f for f in failures), (wrong, failures)
