"""hooks/code_spans.py unwraps only the code spans that look like the text around them,
and joins only string spans, which all look alike."""

import pytest

from browser import SIZES, visit, wait_for_palette
from code_spans import PLAIN, STRING, on_page_content

STYLE = ["color", "background-color", "font-weight", "font-style", "text-decoration-line",
         "font-family", "font-size"]
# Each class beside a span of the reference class (none: a bare span) in one code
# block: the styles on which they differ.
DIFFERENCES = """([classes, reference, style]) => {
    const code = document.querySelector(".highlight code");
    const other = code.appendChild(document.createElement("span"));
    other.className = reference;
    return classes.map(name => {
        const span = code.appendChild(document.createElement("span"));
        span.className = name;
        span.textContent = other.textContent = "x";
        const [a, b] = [span, other].map(s => getComputedStyle(s));
        return style.filter(p => a.getPropertyValue(p) !== b.getPropertyValue(p))
            .map(p => `.${name} ${p}: ${a.getPropertyValue(p)}, ` +
                      `${reference || "bare"} ${b.getPropertyValue(p)}`);
    }).flat();
}"""


def test_names_and_whitespace_lose_their_spans_in_code_only():
    html = ('<p><span class="n">prose</span></p><pre><code><span class="n">W1</span>'
            '<span class="w"> </span><span class="o">=</span> <span class="nn">numpy</span>'
            '<span class="p">(</span><span class="kc">None</span></code></pre>'
            '<code><span class="n">x</span></code>')
    assert on_page_content(html, None, None, None) == (
        '<p><span class="n">prose</span></p><pre><code>W1 <span class="o">=</span> '
        '<span class="nn">numpy</span><span class="p">(</span>None</code></pre>'
        '<code>x</code>')


def test_string_tokens_side_by_side_become_one_span():
    html = ('<pre><code><span class="nb">print</span><span class="p">(</span>'
            '<span class="sa">f</span><span class="s2">&quot;h = </span>'
            '<span class="si">{</span><span class="n">h</span><span class="si">:.4f}</span>'
            '<span class="s2">&quot;</span><span class="p">)</span>'
            '<span class="s1">&#39;a&#39;</span><span class="mi">1</span></code></pre>')
    assert on_page_content(html, None, None, None) == (
        '<pre><code><span class="nb">print</span><span class="p">(</span>'
        'f<span class="s2">&quot;h = {</span>h<span class="si">:.4f}&quot;</span>'
        '<span class="p">)</span><span class="s1">&#39;a&#39;</span>'
        '<span class="mi">1</span></code></pre>')


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_unwrapped_span_looked_like_its_code_block(browser, base, scheme):
    """The promise the hook rests on, in each palette: Material draws the spans it
    unwraps as it draws the code around them, and every string class alike. Fails if
    a theme upgrade (or site.css) gives one a look of its own: then it must keep its
    spans."""
    _, page, context = visit(browser, base + "depth/", SIZES["desktop"], scheme,
                             wait_until="load")
    try:
        wait_for_palette(page, scheme)
        assert page.evaluate(DIFFERENCES, [list(PLAIN), "", STYLE]) == []
        assert page.evaluate(DIFFERENCES, [list(STRING[1:]), STRING[0], STYLE]) == []
        # And the check sees a class that has a look of its own (an operator's colour,
        # a docstring's beside a string's).
        assert page.evaluate(DIFFERENCES, [["o"], "", STYLE])
        assert page.evaluate(DIFFERENCES, [["sd"], STRING[0], STYLE])
    finally:
        context.close()


def test_the_built_code_blocks_hold_no_plain_span(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for name in PLAIN:
            assert f'<span class="{name}">' not in html, (
                f"{page.relative_to(site)} still has a span of class {name}")
