"""Keep the search index to the words a reader searches for: a first search loads all of it.

Out of the index (Material skips any element marked data-search-exclude): code
blocks, which are the snippets and their printed numbers (the chapters' prose
names what matters in them), and each formula's TeX source. Each formula's text
is indexed once, from its MathML: KaTeX's drawn copy, which hooks/katex.py puts
between search-skip comments (contract.SEARCH_SKIP), is taken out of the page
while Material's search plugin reads it and put back before the page is written.
hooks/katex.py must come first in mkdocs.yml (checked). (A data-search-exclude
on it would not do: Material's skip list compares tags by name, so a marked
<span> is let go at its first nested </span>.) The search plugin's parse of the
drawn copies was also a third of a warm build; for the same reason it is given
code blocks removed and formulas as plain text, which it reads to the same index
(tests/test_build.py holds that, with the plugin's own parser).

Each section is then indexed by its title and its first paragraph, the lead that
says what the section is about (on_post_build, after the plugin wrote the index):
with the full text of two dozen chapters the index was 36 KB gzip of every page's
first visit, with the leads 12 KB, and a search still finds every section by the
words of its heading and its opening.
"""

import json
import re
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

from contract import SEARCH_SKIP, check_order

MARKS = {
    '<div class="highlight">': '<div class="highlight" data-search-exclude>',
    '<annotation encoding="application/x-tex">':
        '<annotation encoding="application/x-tex" data-search-exclude>',
}
SKIPPED = re.compile(f"{re.escape(SEARCH_SKIP[0])}.*?{re.escape(SEARCH_SKIP[1])}", re.S)
# What the search plugin would skip or read as plain text anyway, given to it that
# way: its HTML parser, tag by tag, was the largest part of a rebuild.
CODE = re.compile(r'<div class="highlight" data-search-exclude>.*?</pre></div>', re.S)
MATHML = re.compile(r"<math [^>]*>(.*?)<annotation [^>]*>.*?</annotation>.*?</math>", re.S)
TEXT = re.compile(r">([^<]+)<")
LEAD = re.compile(r"\s*(<p>.*?</p>)", re.S)  # a section's first paragraph
whole = {}  # page.url -> its content while the search plugin reads the shortened one


def on_config(config):
    check_order(config)  # after katex.py, whose marks it reads


def on_page_content(content, page, config, files):
    for plain, marked in MARKS.items():
        content = content.replace(plain, marked)
    return content


def text_of(formula):
    """A formula's MathML as the search plugin reads it: its text, where a piece that
    is only spacing (KaTeX's thin space, say) counts as one space."""
    pieces = TEXT.findall(">" + formula[1] + "<")
    return "".join(" " if piece.isspace() else piece for piece in pieces)


def as_read(content):
    """content without its code blocks, its formulas as text: what the plugin reads."""
    return MATHML.sub(text_of, CODE.sub("", content))


@event_priority(100)  # before Material's search plugin (priority 0) reads page.content
def _shorten(context, page, config, nav):
    whole[page.url] = page.content
    page.content = as_read(SKIPPED.sub("", page.content))
    return context


@event_priority(-100)  # after it, before the page's template is rendered
def _restore(context, page, config, nav):
    page.content = whole.pop(page.url).replace(SEARCH_SKIP[0], "").replace(SEARCH_SKIP[1], "")
    return context


on_page_context = CombinedEvent(_shorten, _restore)


def on_post_build(config):
    """Every section of the written index cut to its title and first paragraph."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        lead = LEAD.match(doc["text"])
        doc["text"] = lead[1] if lead else ""
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
