"""Every page in a real browser, light and dark, desktop and phone: offline-clean,
error-free, typeset, within budget, nothing cut off, and accessible (axe-core).

Runs against the built site served on 127.0.0.1 in Debian's Chromium. Without
Chromium the tests skip with a message, except under CI, where they fail.
Screenshots for a person to look at: `make screenshots` (tools/screenshots.py).
"""

import os
import re
import time

import pytest

from browser import AXE, BUDGET, SIZES, axe_violations, serve, visit
from build_cache import CACHE, key, made_by
from conftest import RAW_TEX, built_pages

SIDEWAYS = "document.documentElement.scrollWidth - innerWidth"  # > 0: the page scrolls sideways
WIDE_CODE = """Array.from(document.querySelectorAll("pre > code"))
    .filter(code => code.scrollWidth > code.clientWidth)
    .map(code => `${code.scrollWidth} px in ${code.clientWidth}: `
                 + code.textContent.slice(0, 50))"""
# Navigation landmarks a screen reader lists with no name to tell them apart.
UNNAMED_LANDMARKS = """Array.from(document.querySelectorAll("nav"))
    .filter(nav => !nav.getAttribute("aria-label") && !nav.getAttribute("aria-labelledby")
                   && nav.getAttribute("role") !== "none")
    .map(nav => nav.className)"""
# Boxes wider than their column that a reader cannot reach by keyboard (tab index) or
# cannot see are scrollable (the shadow of docs/stylesheets/site.css).
SILENT_SCROLL = """Array.from(document.querySelectorAll(
        ".katex-display, .md-typeset__scrollwrap, pre > code"))
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .filter(box => box.tabIndex < 0
                   || !getComputedStyle(box).backgroundImage.includes("radial-gradient"))
    .map(box => `${box.className || box.tagName}: ${box.textContent.slice(0, 40)}`)"""
PAGES = built_pages()
CSP_META = ('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
            'img-src \'self\' data:">')


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "index")
def test_page(browser, base, path, scheme, size, verdicts, record_property):
    """A first visit to every page, light and dark, desktop and phone: nothing asked
    of another host, no error, no raw TeX, every shown image loaded, within budget,
    nothing wider than its box, every navigation landmark named, and axe-core's
    WCAG 2.2 AA audit clean."""
    passed = verdicts(path, scheme, size)
    if passed and passed.exists():
        record_property("reused", True)
        return
    first = (scheme, size) == ("light", "desktop")  # every request made: wait for all
    seen, page, context = visit(browser, base + path, SIZES[size], scheme,
                                wait_until="networkidle" if first else "load",
                                sizes=first)
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
        if first:
            weighed(page, seen)
            assert seen.gzip <= BUDGET, (
                f"{path}: {seen.gzip} gzip bytes on first visit, budget {BUDGET}")
        assert page.evaluate(SIDEWAYS) <= 0, f"{path}: the page scrolls sideways"
        if size == "desktop":
            wide = page.evaluate(WIDE_CODE)
            assert not wide, f"{path}: code blocks that scroll sideways: {wide}"
        else:
            silent = page.evaluate(SILENT_SCROLL)
            assert not silent, f"{path}: boxes that scroll sideways unseen or unfocusable: {silent}"
        unnamed = page.evaluate(UNNAMED_LANDMARKS)
        assert not unnamed, f"{path}: landmarks without a name: {unnamed}"
        found = axe_violations(page)
        assert not found, f"{path or 'index'} ({scheme}, {size}):\n" + "\n".join(found)
        if passed:
            passed.parent.mkdir(parents=True, exist_ok=True)
            passed.touch()
    finally:
        context.close()


SHOWN = """Array.from(document.images).filter(img => img.getClientRects().length)
    .map(img => img.currentSrc)"""


def weighed(page, seen, timeout=10):
    """Wait until every image the page shows is weighed: the lazy ones load after
    "networkidle", and each response is weighed by its own event, which came too late
    for the budget (a figure was missing from the sum: 119 KB, not 127, for depth/)."""
    shown = {url.split("#")[0] for url in page.evaluate(SHOWN) if not url.startswith("data:")}
    deadline = time.monotonic() + timeout
    while shown - seen.sizes.keys() and time.monotonic() < deadline:
        page.wait_for_timeout(50)  # lets Playwright deliver the response events
    assert not shown - seen.sizes.keys(), f"never weighed: {shown - seen.sizes.keys()}"


@pytest.fixture(scope="session")
def verdicts(site, browser, request):
    """Where a pass of test_page is kept: .cache/browser/<key>, the key (build_cache)
    of all it depends on: the page's HTML, every other file of the site but the pages,
    every check (checks_of), axe-core, Chromium's version, palette and size. Each
    visit costs seconds and seventy make a run: a warm `make test` re-checks only
    what changed, and says how many passes it kept. Under CI (and in any fresh clone)
    every page is visited."""
    assets = [part for file in sorted(site.rglob("*"))
              if file.is_file() and file.suffix != ".html" and "sitemap" not in file.name
              for part in (file.relative_to(site).as_posix(), file.read_bytes())]
    checks, programs = checks_of(request.config)
    shared = key(*checks, AXE, *assets, f"Chromium {browser.version}", packages=programs)

    def where(path, scheme, size):
        page = site / (path if path.endswith(".html") else path + "index.html")
        return CACHE / "browser" / key(shared, path, scheme, size, page.read_bytes())

    return (lambda *_: None) if os.environ.get("CI") else where


def checks_of(config):
    """The checks a kept verdict of test_page stands for: (this file and every module
    of ours it imports, at any depth, from pytest's pythonpath: tests/conftest.py,
    tools/browser.py and the rest; the packages they import, Playwright's included)."""
    files, programs = made_by(__file__, config.getini("pythonpath"))
    return files, programs | {"playwright"}  # conftest's importorskip is no import statement


def test_a_kept_verdict_stands_for_every_check(request):
    """Change any check and every kept pass is void: conftest's RAW_TEX, the harness in
    tools/browser.py, this file, and the Playwright that drives them."""
    files, programs = checks_of(request.config)
    names = {path.name for path in files}
    assert {"test_browser.py", "conftest.py", "browser.py"} <= names, names
    assert "playwright" in programs, programs


def test_the_checks_see_what_they_look_for(browser, base):
    """Each check above fails on a page made to fail it: a grey-on-white paragraph
    (axe: color-contrast, serious), a 1200 px block on a phone, a wide formula no key
    reaches, a long code line."""
    seen, page, context = visit(browser, base + "data/", SIZES["phone"], "light",
                                wait_until="load")
    try:
        page.evaluate("""() => document.querySelectorAll(".md-typeset p")
            .forEach(p => { p.style.color = "#aaa"; })""")
        assert any(f.startswith("color-contrast (serious)") for f in axe_violations(page))
        page.evaluate("""() => { const block = document.createElement("div");
            block.style.width = "1200px"; block.textContent = "wide";
            document.querySelector("article").append(block); }""")
        assert page.evaluate(SIDEWAYS) > 0, "a 1200 px block went unnoticed"
        page.evaluate("""() => { const box = document.createElement("div");
            box.className = "katex-display"; box.style.whiteSpace = "nowrap";
            box.append("x ".repeat(300));
            document.querySelector("article").append(box); }""")
        assert page.evaluate(SILENT_SCROLL), "a wide formula out of the tab order went unseen"
        page.set_viewport_size(SIZES["desktop"])
        page.evaluate("""() => document.querySelector("pre > code").textContent +=
            "x".repeat(90)""")
        assert page.evaluate(WIDE_CODE), "a 90-character line went unnoticed"
    finally:
        context.close()


def test_dark_mode_toggles(browser, base):
    seen, page, context = visit(browser, base + "learnings/", wait_until="load")
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


SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$")


def test_search_finds_gradient_offline(browser, base):
    """Search costs nothing until it is opened (hooks/search_on_open.py): the page loads
    neither the index nor the worker; the first opening loads both, and finds."""
    seen, page, context = visit(browser, base)
    try:
        assert not [u for u in seen.requests if SEARCH_FILES.search(u)], seen.requests
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("gradient")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert page.locator(".md-search-result__item").count() > 0
        assert len({u for u in seen.requests if SEARCH_FILES.search(u)}) == 2, seen.requests
        assert all(u.startswith(base) for u in seen.requests)
        assert not seen.page_errors and not seen.console_errors
    finally:
        context.close()


@pytest.mark.parametrize("query", ["?q=sigmoid", "?h=gradient"])
def test_search_links_still_work(browser, base, query):
    """A link that opens search with a query (?q=), and one from a search result that
    marks the words found (?h=, search.highlight), load the index themselves."""
    seen, page, context = visit(browser, base + "depth/" + query)
    try:
        found = ".md-search-result__item" if query.startswith("?q") else "mark[data-md-highlight]"
        page.wait_for_selector(found, state="attached", timeout=10_000)
        assert not seen.page_errors and not seen.console_errors
    finally:
        context.close()


def test_matrix_brackets_stretch(browser, base):
    """KaTeX's own fonts stretch a 2x2 matrix's brackets, with or without a system math font."""
    seen, page, context = visit(browser, base + "data/", wait_until="load")
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


def test_the_browser_spends_nothing_on_its_own_ui(browser, base):
    """tools/browser.py turns off the address bar's popup, a WebUI page Chromium builds
    for every window (so for every context): only the page; no search worker either,
    until search is opened (hooks/search_on_open.py)."""
    seen, page, context = visit(browser, base + "data/", wait_until="load")
    try:
        targets = browser.new_browser_cdp_session().send("Target.getTargets")["targetInfos"]
        assert sorted(t["type"] for t in targets) == ["page"], targets
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


def test_the_first_tab_offers_a_way_past_the_navigation(browser, base):
    """Keyboard readers skip the header and the nav: the first Tab lands on a visible
    "Skip to content" link to the page's first heading; every link tabbed through on
    the way shows a focus ring."""
    seen, page, context = visit(browser, base + "backpropagation/", wait_until="load")
    try:
        page.keyboard.press("Tab")
        link = page.evaluate("""() => { const a = document.activeElement;
            return [a.className, a.textContent.trim(), a.getAttribute("href"),
                    a.getBoundingClientRect().height > 0]; }""")
        assert "md-skip" in link[0] and link[1] == "Skip to content" and link[3], link
        assert page.locator(f"h1{link[2]}").count() == 1, f"{link[2]} is not the page's h1"
        # Every link on the way into the article shows where the keyboard is.
        for _ in range(40):
            page.keyboard.press("Tab")
            focus = page.evaluate("""() => { const a = document.activeElement;
                const s = getComputedStyle(a); return [a.tagName, a.textContent.trim(),
                s.outlineStyle, parseFloat(s.outlineWidth), !!a.closest("article")]; }""")
            if focus[0] == "A":
                assert focus[2] != "none" and focus[3] >= 1, f"no focus ring: {focus}"
            if focus[4]:
                break
        assert focus[4], "40 tabs and still not in the article"
    finally:
        context.close()


def test_reduced_motion_stills_the_theme(browser, base):
    """Material animates its header title; a reader who asks for less motion gets none."""
    durations = {}
    for motion in ("no-preference", "reduce"):
        context = browser.new_context(reduced_motion=motion)
        page = context.new_page()
        page.goto(base + "data/", wait_until="load")
        durations[motion] = page.evaluate("""getComputedStyle(
            document.querySelector(".md-header__topic")).transitionDuration""")
        context.close()
    assert durations["no-preference"] != "0s", durations  # the check can see motion
    assert set(durations["reduce"].split(", ")) == {"0s"}, durations
