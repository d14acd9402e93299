"""Serve the built site on 127.0.0.1 (or run `mkdocs serve` there) and load its pages
in Debian's Chromium.

Shared by the browser tests and tools/bench.py. Playwright drives the
system Chromium (CHROMIUM, else Debian's headless shell, else its chromium):
`playwright install` would download a browser, which this project never does.
"""

import contextlib
import functools
import gzip
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

# gzip bytes a first visit may cost (tests/test_browser.py holds each page to it; make
# bench reports it): issue #26's target for every page, the notebooks' too, every image
# it shows included.
BUDGET = 130 * 1024


# The explorer's and the "your turn" forms' own scripts and styles, under docs/: their
# gzip bytes together (tests/test_explorer.py holds them to it; make bench reports it).
EXPLORER_FILES = ["javascripts/backprop.js", "javascripts/explorer.js",
                  "stylesheets/explorer.css", "javascripts/your-turn.js",
                  "stylesheets/your-turn.css"]
EXPLORER_BUDGET = 20 * 1024


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Records CSP violations from the first script on, before the page's own.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


# Debian's old headless shell first: the same Blink, version and fonts as its chromium,
# without the browser's windows and UI around each page, so each of a run's hundreds of
# fresh contexts costs less (tests/test_browser.py on 2 cores: 156 s, not 170 s).
BROWSERS = ("chromium-headless-shell", "chromium")
INSTALL = "apt-get install chromium-headless-shell (or set CHROMIUM)"  # when none is found


def chromium():
    """Path of the system Chromium (CHROMIUM, else the first of BROWSERS), or None."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"] if os.path.exists(os.environ["CHROMIUM"]) else None
    return next(filter(None, map(shutil.which, BROWSERS)), None)


class Quiet(SimpleHTTPRequestHandler):
    root = "/"  # the site's path on the server, as in its site_url

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.root):
            return "/nonexistent"  # outside the site: 404, as on GitHub Pages
        return super().translate_path("/" + path.removeprefix(self.root))


def serve(site, root="/"):
    """Serve `site` at path root (e.g. "/repo/", where GitHub Pages puts a project) on a
    free loopback port; returns (server, base URL)."""
    handler = type("Handler", (Quiet,), {"root": root})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}{root}"


@contextlib.contextmanager
def live(folder, timeout=120):
    """`mkdocs serve` of folder/mkdocs.yml as make serve runs it, on a free loopback
    port: yields (its URL, the lines it has logged so far) once its first page answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{probe.getsockname()[1]}"
    server = subprocess.Popen([sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml",
                               "--dev-addr", address],
                              cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
    log = []
    threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
    url = f"http://{address}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(url, timeout=5)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("mkdocs serve did not answer:\n" + "".join(log)) from None
                time.sleep(0.1)
        yield url, log
    finally:
        server.terminate()
        server.wait(timeout=10)


# Chromium builds its address bar's popup, a WebUI page, for every window, so for every
# context a test opens: a third of each visit's CPU, and no part of any page we check.
NO_OMNIBOX = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]


def launch(playwright):
    """Chromium as Playwright starts it, less the address bar's popup. Chromium keeps
    only the last --disable-features it is given, so ours repeats Playwright's."""
    features = playwright_disabled_features(playwright) + NO_OMNIBOX
    return playwright.chromium.launch(executable_path=chromium(),
                                      args=[*ARGS, "--disable-features=" + ",".join(features)])


@functools.cache
def playwright_disabled_features(playwright):
    """The features Playwright disables, read off a browser it launched (Chromium tells
    its command line only with --enable-automation)."""
    probe = playwright.chromium.launch(executable_path=chromium(),
                                       args=[*ARGS, "--enable-automation"])
    try:
        line = probe.new_browser_cdp_session().send("Browser.getBrowserCommandLine")
    finally:
        probe.close()
    return [name for arg in line["arguments"] if arg.startswith("--disable-features=")
            for name in arg.split("=", 1)[1].split(",")]


@dataclass
class Visit:
    """What one first visit, with an empty cache, asked for and got."""
    requests: list = field(default_factory=list)
    sizes: dict = field(default_factory=dict)  # url -> (raw bytes, gzip bytes)
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    csp: list = field(default_factory=list)

    @property
    def raw(self):
        return sum(raw for raw, _ in self.sizes.values())

    @property
    def gzip(self):
        return sum(packed for _, packed in self.sizes.values())


def new_context(browser, viewport=None, scheme=None):
    """A fresh context (an empty cache) that records CSP violations on its pages."""
    context = browser.new_context(viewport=viewport or SIZES["desktop"],
                                  color_scheme=scheme or "light", service_workers="block")
    context.add_init_script(WATCH_CSP)
    return context


def open_page(context, url, wait_until="networkidle", sizes=False):
    """Open url in a new page of context; returns (Visit, the open page).
    sizes: also weigh every response (raw and gzip), which costs most of a visit."""
    page = context.new_page()
    seen = Visit()
    page.on("request", lambda r: seen.requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    page.on("pageerror", lambda e: seen.page_errors.append(str(e)))

    def size(response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            return
        seen.sizes[response.url] = (len(body), len(gzip.compress(body, 9)))

    if sizes:
        page.on("response", size)
    page.goto(url, wait_until=wait_until)
    seen.csp = page.evaluate("window.__csp")
    return seen, page


def visit(browser, url, viewport=None, scheme=None, wait_until="networkidle", sizes=False):
    """A first visit: url in a fresh context; returns (Visit, the open page, its context)."""
    context = new_context(browser, viewport, scheme)
    return *open_page(context, url, wait_until, sizes), context


def reload_as(page, size, scheme):
    """Reload the open page at a size and in a palette. The theme keeps the palette it
    chose in localStorage, which would outlive the colour scheme we ask for: cleared."""
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(SIZES[size])
    # Cleared once the page is gone: cleared while it was open, its palette switch to
    # the new scheme could store a palette again before the reload.
    url, origin = page.url, page.evaluate("location.origin")
    page.goto("about:blank")
    page.context.new_cdp_session(page).send("Storage.clearDataForOrigin", {
        "origin": origin, "storageTypes": "local_storage"})
    page.goto(url, wait_until="load")
    wait_for_palette(page, scheme)


def wait_for_palette(page, scheme):
    """Wait until the open page shows the theme's palette for scheme (light or dark):
    the theme applies it from its script, which may run after "load"."""
    want = {"light": "default", "dark": "slate"}[scheme]
    with contextlib.suppress(PlaywrightTimeout):  # the assert below says what went wrong
        page.wait_for_function("want => document.body.dataset.mdColorScheme === want",
                               arg=want, timeout=10_000)
    theme = page.get_attribute("body", "data-md-color-scheme")
    assert theme == want, (scheme, theme)


def axe_violations(page, impacts=("serious", "critical")):
    """axe-core's WCAG 2.2 AA audit of the open page: ['rule (impact): element: help'].

    axe is served as if from the page's own origin (a route, not the network), so
    the site's Content-Security-Policy loads it like any of the site's scripts."""
    url = page.evaluate("location.origin") + "/__axe-core.js"
    page.route(url, lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.add_script_tag(url=url)
    result = page.evaluate("""tags => axe.run(document, {
        runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})""", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {' '.join(node['target'])}: {v['help']}"
            for v in result["violations"] if v["impact"] in impacts for node in v["nodes"]]
