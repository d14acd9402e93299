"""The strict build passes, every formula is typeset, every page and figure is there."""

import re
import shutil
from html import unescape

import pytest

import csp
import katex
import search_index
import templates
from conftest import RAW_TEX, ROOT, article, built_pages, figures, minimal_build, nav, strict_build

# Every Markdown chapter in the nav, as built.
PAGES = [f"{path}index.html" for src, path in zip(nav(), built_pages(), strict=False)
         if src.endswith(".md")]


def visible_text(html):
    """The page minus markup, code, and KaTeX's MathML copy of the TeX (for screen readers)."""
    html = re.sub(r'<span class="katex-mathml">.*?</math></span>', "", html, flags=re.S)
    html = re.sub(r"<(script|style|code|pre)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_strict_build_passes(build):
    code, output, _ = build
    assert code == 0, f"mkdocs build --strict failed:\n{output}"


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_raw_tex(site, page):
    html = (site / page).read_text(encoding="utf-8")
    leftover = RAW_TEX.search(visible_text(html))
    assert not leftover, f"{page}: raw TeX {leftover[0]!r} visible to the reader"
    assert 'class="arithmatex"' not in html, f"{page}: a formula was not typeset"


def test_figures_are_built_for_both_themes(site):
    for name in figures():
        for theme in ("light", "dark"):
            svg = site / "figures" / f"{name}-{theme}.svg"
            assert svg.stat().st_size > 1000, f"{svg.name} is missing or empty"


ALIGNED = "$$\n\\begin{aligned}\na &= %s\n\\end{aligned}\n$$\n"


@pytest.mark.parametrize("page, line", [
    ("# Bad\n\nFine $x$.\n\n$$\n\\foo{x}\n$$\n", 6),
    # the error is in the second of two formulas that open alike
    ("# Bad\n\n" + ALIGNED % "1" + "\n" + ALIGNED % "\\foo{x}", 10),
])
def test_unknown_macro_fails_the_build(tmp_path, page, line):
    """A formula KaTeX rejects stops the build and names the file and its line."""
    done = minimal_build(tmp_path, {"index.md": page}, theme={"name": "material"},
                         hooks=[katex.__file__, csp.__file__],
                         markdown_extensions=[{"pymdownx.arithmatex": {"generic": True}}])
    assert done.returncode != 0, "a formula with an unknown macro built without error"
    assert f"index.md:{line}:" in done.stderr and "\\foo" in done.stderr, done.stderr


def test_a_hook_out_of_order_fails_the_build(tmp_path):
    """hooks/search_index.py reads what hooks/katex.py writes: listed before it, the
    build stops at once, naming the hook out of place (hooks/contract.py)."""
    done = minimal_build(tmp_path, {"index.md": "# Page\n\n$x$\n"},
                         hooks=[search_index.__file__, katex.__file__],
                         markdown_extensions=[{"pymdownx.arithmatex": {"generic": True}}])
    assert done.returncode != 0, "search_index.py before katex.py built without error"
    assert ("mkdocs.yml lists hooks/search_index.py before hooks/katex.py: move it after"
            in done.stderr), done.stderr


def test_every_page_has_a_strict_content_security_policy(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        charset = html.find("<meta charset=")
        policy_at = html.find('http-equiv="Content-Security-Policy"')
        assert 0 <= charset < 1024, f"{page.name}: charset not in the first 1024 bytes"
        assert charset < policy_at < html.find("<script"), f"{page.name}: policy misplaced"
        policy = re.search(r'Content-Security-Policy" content="([^"]*)"', html)[1]
        assert policy.startswith("default-src 'none';") and "unsafe-inline" not in policy
        for directive in ("object-src 'none'", "base-uri 'self'", "form-action 'none'"):
            assert directive in policy, f"{page.name}: {directive} missing"


def test_every_reviewed_inline_block_is_still_used(site):
    """An allowance no page needs any more is a hole: drop it from csp-allowed.toml."""
    used = {csp.listed_as(body) for page in site.rglob("*.html")
            for _, _, body in csp.INLINE.findall(page.read_text(encoding="utf-8"))}
    unused = {h: where for h, (_, where) in csp.reviewed().items() if h not in used}
    assert not unused, f"csp-allowed.toml allows blocks no page has: {unused}"


@pytest.mark.parametrize("smuggled", ["<script>alert('hi')</script>",
                                      "<style>body { color: red }</style>"])
def test_an_unreviewed_inline_block_fails_the_build(tmp_path, smuggled):
    """Only the inline blocks hooks/csp-allowed.toml lists may run: a new one stops the
    build, naming the page and how the block starts."""
    done = minimal_build(tmp_path, {"index.md": f"# Page\n\n{smuggled}\n"},
                         theme={"name": "material", "font": False},
                         hooks=[csp.__file__])
    assert done.returncode != 0, "an unlisted inline block was allowed"
    kind = smuggled[1:smuggled.index(">")]
    assert f"index.md: an inline <{kind}> that csp-allowed.toml does not list" in done.stderr
    assert smuggled[len(kind) + 2:][:10] in done.stderr, done.stderr


def test_cut_down_fonts_keep_every_character_the_formulas_show(site):
    """The KaTeX fonts are subset at build time; no formula may lose a glyph to it."""
    from fontTools.ttLib import TTFont

    covered = set()
    for font in (site / "assets" / "katex" / "fonts").glob("*.woff2"):
        covered |= {chr(code) for code in TTFont(font).getBestCmap()}
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for formula in re.findall(r'<span class="katex-html" aria-hidden="true">(.*?)'
                                  r'</span></span>(?=</span>|</div>|\s)', html, flags=re.S):
            # Read as a browser does: KaTeX writes a formula's "<" as "&lt;".
            shown = set(unescape(re.sub(r"<[^>]+>", "", formula))) - set(" \n\u200b")
            missing = {c for c in shown if c not in covered and not c.isspace()}
            assert not missing, f"{page.relative_to(site)}: no glyph for {sorted(missing)}"


def test_an_edited_snippet_reaches_the_page_and_the_notebook_in_one_rebuild(site, tmp_path):
    """The build's caches (figures, formulas, pages, the executed notebook) never serve
    an old result: after a snippet edit, one rebuild shows the new output everywhere.
    The copy starts with the caches the session's build (`site`) just filled. Its
    executed notebooks are this clone's own, kept by content: the edited notebook runs
    once, and a later run finds its copy under the edited notebook's key, never under
    the old one's (which lacks the marker)."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(  # the sources and .cache/
        ".venv*", ".git", "node_modules", "site", "test-artifacts", "__pycache__", "pycache",
        ".*_cache"))
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.rmtree(copy / ".cache" / "notebook")
    (copy / ".cache" / "notebook").symlink_to(ROOT / ".cache" / "notebook")
    assert any((copy / ".cache" / "notebook").iterdir()), "no warm cache to be fooled by"
    marker = "printed after the edit"
    for suffix, line in ((".py", f'print("{marker}")\n'), (".txt", f"{marker}\n")):
        path = copy / "snippets" / f"error{suffix}"
        path.write_text(path.read_text() + line)
    done = strict_build(copy, tmp_path / "after")
    assert done.returncode == 0, done.stderr
    assert marker in (tmp_path / "after" / "error" / "index.html").read_text()
    notebook = (tmp_path / "after" / "walkthrough" / "index.html").read_text()
    assert notebook.count(marker) >= 2, "the notebook page shows the new code and its output"


def test_an_edited_template_is_compiled_afresh(tmp_path, monkeypatch):
    """hooks/templates.py keeps compiled templates between builds: a kept copy is never
    used for a template whose source changed."""
    import jinja2

    monkeypatch.setattr(templates, "CACHE", tmp_path / "cache")
    source = tmp_path / "main.html"

    def rendered():
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path))
        return templates.on_env(env, None, None).get_template("main.html").render()

    source.write_text("before the edit")
    assert rendered() == "before the edit" and any((tmp_path / "cache").iterdir())
    source.write_text("after the edit")
    assert rendered() == "after the edit"


def test_every_figure_has_its_size_and_opens_full_size(site):
    """width and height on every image, so nothing shifts while it loads; each figure a
    link to its own file, to open full size on a phone."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for img in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'\bwidth="\d+"', img) and re.search(r'\bheight="\d+"', img), (
                f"{page.relative_to(site)}: {img[:120]}")
        for src in re.findall(r'<img\b[^>]*\bsrc="([^"]*figures/[^"#]+)', html):
            assert f'<a class="figure-zoom" href="{src}"><img ' in html, (
                f"{page.relative_to(site)}: {src} is not a link to itself")


def test_headings_go_down_one_level_at_a_time(site):
    """One h1 a page, and no level skipped on the way down (h2 then h4): a screen
    reader's outline of the page is its table of contents."""
    for page in site.rglob("*.html"):
        levels = [int(n) for n in re.findall(r"<h([1-6])\b",
                                             article(page.read_text(encoding="utf-8")))]
        where = page.relative_to(site)
        assert levels.count(1) == 1 and levels[0] == 1, f"{where}: headings {levels}"
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False)
                 if b > a + 1]
        assert not jumps, f"{where}: a heading level skipped: {jumps}"


def test_repository_link_asks_no_api(tmp_path):
    """With repo_url set, the theme's link to the repository and the edit link are there,
    without the data-md-component that fetches stars and forks from the GitHub API."""
    done = minimal_build(tmp_path, {"index.md": "# Page\n"}, repo_url="https://github.com/o/r",
                         edit_uri="edit/main/docs/",
                         theme={"name": "material", "font": False,
                                "custom_dir": str(ROOT / "overrides"),
                                "features": ["content.action.edit"]})
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "index.html").read_text()
    assert 'href="https://github.com/o/r"' in html
    assert 'href="https://github.com/o/r/edit/main/docs/index.md"' in html
    assert 'data-md-component="source"' not in html


def test_search_index_holds_prose_not_code_or_tex(site):
    """Every page loads the whole index: code blocks and TeX sources stay out of it."""
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    text = " ".join(d["text"] for d in docs)
    assert "<pre>" not in text and "def forward" not in text, "code blocks in the index"
    assert "\\begin{" not in text and "\\mathbf" not in text, "TeX sources in the index"
    assert "\u200b" not in text, "KaTeX's drawn copies in the index (their zero-width spaces)"
    assert "finite difference" in text, "the prose is missing from the index"


def test_search_index_holds_each_sections_title_and_lead(site):
    """Each section by its title and first paragraph: the chapters' headings all there,
    no second paragraph (the full text of every chapter was 36 KB gzip of each first
    visit)."""
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    long = [d["location"] for d in docs if d["text"].count("<p>") > 1]
    assert not long, f"sections indexed past their first paragraph: {long[:5]}"
    titles = {d["title"] for d in docs}
    for page in ("depth", "xor", "digits"):
        html = (site / page / "index.html").read_text()
        for heading in re.findall(r'<h2 id="[^"]+">(.*?)<a class="headerlink"', html):
            assert re.sub(r"<[^>]+>", "", heading).strip() in titles, (page, heading)


def search_sections(html):
    """What Material's search plugin reads from html: (id, title, text) per section."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title), "".join(s.text)) for s in parser.data]


def test_search_plugin_reads_the_shortcut_as_it_reads_the_page(site):
    """hooks/search_index.py hands Material's search plugin each page with its code
    blocks taken out and its formulas as plain text, to spare its HTML parser; the
    plugin's own parser must read the same sections from either."""
    saved = 0
    for page in sorted(site.rglob("*.html")):
        content = article(page.read_text(encoding="utf-8"))
        shortened = search_index.as_read(content)
        saved += len(content) - len(shortened)
        assert search_sections(shortened) == search_sections(content), page
    assert saved > 100_000, "the shortcut no longer finds the code blocks and formulas"
