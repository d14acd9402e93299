"""Code blocks without the spans that give their text no look of its own.

Pygments wraps every token of a code block in a span of its class. Material colours
a name (`n`) and a constant keyword (`kc`: True, None) with --md-code-hl-name-color,
which both palettes set to the code block's own colour, and gives whitespace (`w`)
and a string's prefix (`sa`: the f of an f-string) no rule at all: without those
spans the text has the same colours and font (element screenshots differ only in
the anti-aliasing of a few glyphs, from runs shaped together). And it colours every
kind of string token alike, so a run of them side by side (an f-string's text and
its braces) is one span. They were 39% of the elements of the notebook page that
holds the Real networks chapters (6,502 of 16,497), and every element is work for
the browser and for the axe audit in the tests. tests/test_code_spans.py holds the
palettes to that promise, in the browser.
"""

import re

PLAIN = ("n", "kc", "w", "sa")  # drawn as the code around them
STRING = ("s2", "cpf", "l", "s", "s1", "sb", "sc", "si", "ss")  # drawn alike: one colour
# A whole span of exactly one of these classes; a token's text holds no "<".
UNWRAPPED = re.compile(rf'<span class="(?:{"|".join(PLAIN)})">([^<]*)</span>')
RUN = re.compile(rf'(?:<span class="(?:{"|".join(STRING)})">[^<]*</span>){{2,}}')
TEXT = re.compile(r'<span class="([^"]*)">([^<]*)</span>')
CODE = re.compile(r"<code>.*?</code>", re.S)  # a code block's or inline code's text


def on_page_content(html, page, config, files):
    return CODE.sub(lambda code: RUN.sub(joined, UNWRAPPED.sub(r"\1", code[0])), html)


def joined(run):
    """A run of string spans as one span, of the first one's class."""
    tokens = TEXT.findall(run[0])
    return f'<span class="{tokens[0][0]}">{"".join(text for _, text in tokens)}</span>'
