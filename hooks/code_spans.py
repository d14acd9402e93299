"""Code blocks without the spans that give their text no look of its own.

Pygments wraps every token of a code block in a span of its class. Material colours
a name (`n`) with --md-code-hl-name-color, which both palettes set to the code
block's own colour, and gives whitespace (`w`) no rule at all: without those spans
the text has the same colours and font (element screenshots differ only in the
anti-aliasing of a few glyphs, from runs shaped together). They were 29% of the elements of the
notebook page that holds the Real networks chapters (4,770 of 16,497), and every
element is work for the browser and for the axe audit in the tests.
tests/test_code_spans.py holds the palettes to that promise, in the browser.
"""

import re

# A whole span of exactly one of these classes; a token's text holds no "<".
PLAIN = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')
BLOCK = re.compile(r"<code>.*?</code>", re.S)  # a code block (pymdownx.highlight)


def on_page_content(html, page, config, files):
    return BLOCK.sub(lambda block: PLAIN.sub(r"\1", block[0]), html)
