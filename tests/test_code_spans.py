"""hooks/code_spans.py unwraps only the code spans that look like the text around them."""

import pytest

from browser import SIZES, visit
from code_spans import on_page_content

STYLE = ["color", "background-color", "font-weight", "font-style", "text-decoration-line",
         "font-family", "font-size"]
# Each class beside a bare span in one code block: the styles on which they differ.
DIFFERENCES = """([classes, style]) => {
    const code = document.querySelector(".highlight code");
    const bare = code.appendChild(document.createElement("span"));
    return classes.map(name => {
        const span = code.appendChild(document.createElement("span"));
        span.className = name;
        span.textContent = bare.textContent = "x";
        const [a, b] = [span, bare].map(s => getComputedStyle(s));
        return style.filter(p => a.getPropertyValue(p) !== b.getPropertyValue(p))
            .map(p => `.${name} ${p}: ${a.getPropertyValue(p)}, bare ${b.getPropertyValue(p)}`);
    }).flat();
}"""


def test_names_and_whitespace_lose_their_spans_in_code_only():
    html = ('<p><span class="n">prose</span></p><pre><code><span class="n">W1</span>'
            '<span class="w"> </span><span class="o">=</span> <span class="nn">numpy</span>'
            '<span class="p">(</span></code></pre><code><span class="n">x</span></code>')
    assert on_page_content(html, None, None, None) == (
        '<p><span class="n">prose</span></p><pre><code>W1 <span class="o">=</span> '
        '<span class="nn">numpy</span><span class="p">(</span></code></pre><code>x</code>')


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_unwrapped_span_looked_like_its_code_block(browser, base, scheme):
    """The promise the hook rests on, in each palette: Material draws a name's and a
    whitespace token's span as it draws the code around them. Fails if a theme
    upgrade gives either class a look of its own: then it must keep its spans."""
    _, page, context = visit(browser, base + "depth/", SIZES["desktop"], scheme,
                             wait_until="load")
    try:
        want = {"light": "default", "dark": "slate"}[scheme]
        page.wait_for_function("want => document.body.dataset.mdColorScheme === want",
                               arg=want)
        assert page.evaluate(DIFFERENCES, [["n", "w"], STYLE]) == []
        # And the check sees a class that has a look of its own (an operator's colour).
        assert page.evaluate(DIFFERENCES, [["o"], STYLE])
    finally:
        context.close()


def test_the_built_code_blocks_hold_no_name_or_whitespace_span(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for span in ('<span class="n">', '<span class="w">'):
            assert span not in html, f"{page.relative_to(site)} still has {span}"
