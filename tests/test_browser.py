"""Every page in a real browser: offline-clean, error-free, typeset, light and dark.

Runs against the built site served on 127.0.0.1 in Debian's Chromium. Without
Chromium the tests skip with a message, except under CI, where they fail.
Screenshots for a person to look at: `make screenshots` (tools/screenshots.py).
"""

import pytest

from browser import serve, visit
from conftest import RAW_TEX, built_pages

BUDGET = 150 * 1024  # gzip bytes per page, first visit
NOTEBOOK_BUDGET = 130 * 1024  # the notebook page: all the code, lighter everything else
PAGES = built_pages()
CSP_META = ('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
            'img-src \'self\' data:">')


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "index")
def test_page_is_clean(browser, base, path):
    seen, page, context = visit(browser, base + path)
    try:
        outside = [u for u in seen.requests if not u.startswith(base) and
                   not u.startswith("data:")]
        assert not outside, f"{path or 'index'} requested outside hosts: {outside}"
        assert not seen.page_errors, f"{path}: page errors {seen.page_errors}"
        assert not seen.console_errors, f"{path}: console errors {seen.console_errors}"
        assert not seen.csp, f"{path}: CSP violations {seen.csp}"
        text = page.inner_text("article")
        assert not RAW_TEX.search(text), f"{path}: raw TeX visible: {RAW_TEX.search(text)[0]}"
        # Each image the page shows loads (lazy ones made eager); the other palette's hidden
        # copies are never fetched, and test_links holds their files to existing.
        broken = page.evaluate("""async () => {
            const bad = [];
            for (const img of document.images) {
                if (!img.getClientRects().length) continue;
                img.loading = "eager";
                await img.decode().catch(() => bad.push(img.src));
            }
            return bad;
        }""")
        assert not broken, f"{path}: images that did not load: {broken}"
        budget = NOTEBOOK_BUDGET if path == "walkthrough/" else BUDGET
        assert seen.gzip <= budget, (
            f"{path}: {seen.gzip} gzip bytes on first visit, budget {budget}")
    finally:
        context.close()


def test_dark_mode_toggles(browser, base):
    seen, page, context = visit(browser, base + "learnings/")
    try:
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        assert page.locator("img[src*='error_curve-light.svg']").is_visible()
        fetched = [u for u in seen.requests if "/figures/" in u]
        assert not [u for u in fetched if "-dark.svg" in u], f"hidden copies fetched: {fetched}"
        page.locator("label[for='__palette_1']").first.click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        assert page.locator("img[src*='error_curve-dark.svg']").is_visible()
        assert not page.locator("img[src*='error_curve-light.svg']").is_visible()
    finally:
        context.close()


def test_search_finds_gradient_offline(browser, base):
    seen, page, context = visit(browser, base)
    try:
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("gradient")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert page.locator(".md-search-result__item").count() > 0
        assert all(u.startswith(base) for u in seen.requests)
    finally:
        context.close()


def test_matrix_brackets_stretch(browser, base):
    """KaTeX's own fonts stretch a 2x2 matrix's brackets, with or without a system math font."""
    seen, page, context = visit(browser, base + "data/")
    try:
        page.evaluate("document.fonts.ready")
        ratio = page.evaluate("""() => {
            const open = document.querySelector('.katex-display .mopen .delimsizing');
            const letter = document.querySelector('.katex-display .mord.mathnormal');
            return open.getBoundingClientRect().height / letter.getBoundingClientRect().height;
        }""")
        assert ratio > 1.8, f"a matrix bracket is only {ratio:.2f} times a letter's height"
        assert page.evaluate("document.fonts.check('1em KaTeX_Size3')")
    finally:
        context.close()


def test_an_outside_request_is_caught(browser, base, tmp_path):
    """The checks above can fail: a page that asks another host is blocked and named."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html><head>' + CSP_META + '</head><body>'
        '<img src="https://cdn.example.invalid/pixel.png" alt=""></body></html>')
    server, url = serve(tmp_path)
    try:
        seen, page, context = visit(browser, url)
        context.close()
        assert any("cdn.example.invalid" in v for v in seen.csp), seen.csp
    finally:
        server.shutdown()


SIDEWAYS = "document.documentElement.scrollWidth - innerWidth"  # > 0: the page scrolls sideways


def test_no_page_scrolls_sideways_on_a_phone(browser, base):
    """At 390 px nothing makes a whole page scroll sideways (a wide formula or table
    scrolls inside its own box); the check sees a page that does."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        wide = []
        for path in PAGES:
            page.goto(base + path, wait_until="load")
            if page.evaluate(SIDEWAYS) > 0:
                wide.append(f"{path or 'index'}: {page.evaluate(SIDEWAYS)} px too wide")
        assert not wide, "pages that scroll sideways on a phone:\n" + "\n".join(wide)
        page.evaluate("""() => { const block = document.createElement("div");
            block.style.width = "1200px"; block.textContent = "wide";
            document.querySelector("article").append(block); }""")
        assert page.evaluate(SIDEWAYS) > 0, "a 1200 px block went unnoticed"
    finally:
        context.close()
