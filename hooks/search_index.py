"""Keep the search index to the words a reader searches for: every page loads all of it.

Out of the index (Material skips any element marked data-search-exclude): code
blocks, which are the snippets and their printed numbers (the chapters' prose
names what matters in them), and each formula's TeX source (its MathML text
stays). KaTeX's drawn copy of a formula stays too: Material's skip list compares
tags by name, so a marked <span> is let go at its first nested </span>.
"""

MARKS = {
    '<div class="highlight">': '<div class="highlight" data-search-exclude>',
    '<annotation encoding="application/x-tex">':
        '<annotation encoding="application/x-tex" data-search-exclude>',
}


def on_page_content(content, page, config, files):
    for plain, marked in MARKS.items():
        content = content.replace(plain, marked)
    return content
