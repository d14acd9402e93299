"""Shared fixtures: paths, the chapters, and one strict build of the site per run."""

import fcntl
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import properdocs.replacement  # noqa: F401
import pytest

# Hooks and plugins import mkdocs.*; under `properdocs build` that is ProperDocs (the
# line above is how it aliases the package), and MkDocs itself is not installed.
# JAX, the frameworks group's test oracle, in float64 on the CPU (and no probing for
# accelerators): it reads both when it is first imported, after this file.
os.environ["JAX_ENABLE_X64"] = "1"
os.environ["JAX_PLATFORMS"] = "cpu"

# A test that passed is not run again while nothing has changed; pytester tests that.
pytest_plugins = ["kept_passes", "pytester"]
ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

EMBED = re.compile(r'^\s*--8<--\s+"([^"]+)"', re.M)
# TeX a reader must never see: a formula that was not typeset.
RAW_TEX = re.compile(r"\$\$|\\\(|\\\[|\\begin|\\frac|\\partial|\\times")


class Deferred:
    """The module `name`, imported at the first use of one of its names, not when pytest
    collects the file that names it: each worker collects every file, and importing
    JAX and scikit-learn there cost each worker 6 s of a fresh clone's run."""

    def __init__(self, name):
        self.name = name

    def __getattr__(self, attr):
        if attr.startswith("_"):  # pytest looking for fixtures and marks: none here
            raise AttributeError(attr)
        import importlib

        return getattr(importlib.import_module(self.name), attr)


def chapters():
    return sorted(DOCS.rglob("*.md"))


def figures():
    """Every figure the build draws, {name: function}, from every module of figures
    (hooks/figure_files.py modules()); a name drawn by two modules is an error."""
    import importlib

    from figure_files import modules

    found = {}
    for module in modules():
        for name, draw in importlib.import_module(module).FIGURES.items():
            assert name not in found, f"figure {name!r} is drawn by two modules"
            found[name] = draw
    return found


def mkdocs_config():
    """mkdocs.yml as a dict, its YAML read as MkDocs reads it (!ENV tags included)."""
    import yaml
    from properdocs.utils.yaml import get_yaml_loader

    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=get_yaml_loader())


def nav():
    """The source files in mkdocs.yml's nav, in order, its sections flattened."""
    def files(entries):
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            yield from files(value) if isinstance(value, list) else [value]
    return list(files(mkdocs_config()["nav"]))


def built_pages():
    """The URL path of every page the site builds from the nav, plus the 404 page."""
    return ["" if src == "index.md" else src.rsplit(".", 1)[0] + "/" for src in nav()] + [
        "404.html"]


SITE_URL = "https://example.github.io/backprop/"  # the session's build is published here


def article(html):
    """The page's own content: from its <article> to the end of it."""
    return html[html.index("<article"):html.index("</article>")]


def embeds(page):
    """(line number, target) for every snippet include on a page."""
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m[1]) for m in EMBED.finditer(text)]


@pytest.fixture(scope="session")
def build(tmp_path_factory, worker_id):
    """`mkdocs build --strict` into a temporary folder: (returncode, output, site).
    Once per run: the first pytest-xdist worker to get here builds, under a lock,
    and the others read its result (the build is deterministic)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # this run's folder, above each worker's own
    site, result = shared / "site", shared / "site.json"
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            done = strict_build(ROOT, site)
            result.write_text(json.dumps([done.returncode, done.stdout + done.stderr]))
    code, output = json.loads(result.read_text())
    return code, output, site


@pytest.fixture(scope="session")
def site(build):
    code, output, site = build
    if code:
        pytest.fail(f"mkdocs build --strict failed:\n{output}", pytrace=False)
    return site


def minimal_site(tmp_path, pages, **config):
    """A site of a few pages (`{name under docs/: text}`) with only the settings a test
    names, in tmp_path: its mkdocs.yml. Material unless a test names another theme:
    ProperDocs ships no theme of its own."""
    import yaml

    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in pages.items():
        (docs / name).write_text(text)
    config = {"site_name": "test", "docs_dir": str(docs),
              "theme": {"name": "material", "font": False}, **config}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return tmp_path / "mkdocs.yml"


def minimal_build(tmp_path, pages, **config):
    """`mkdocs build` of a minimal_site: the finished process. Failure-mode tests use it,
    so each costs a second, not a whole build of the site."""
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "-f",
                           str(minimal_site(tmp_path, pages, **config)),
                           "-d", str(tmp_path / "site")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def strict_build(repo, site):
    """`mkdocs build --strict` of a repository folder, as the workflow builds it (a
    published address in SITE_URL): the finished process."""
    return subprocess.run([sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml",
                           "--strict", "-d", str(site)],
                          cwd=repo, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SITE_URL": SITE_URL})


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (Debian's, through Playwright)."""
    from browser import INSTALL, chromium, launch

    if not chromium():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: no Chromium: {INSTALL}", pytrace=False)
        pytest.skip(f"no Chromium here: {INSTALL} to run the browser tests")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chrome = launch(p)
        yield chrome
        chrome.close()


@pytest.fixture(scope="session")
def base(site):
    """The built site served on a free loopback port: its base URL."""
    from urllib.parse import urlsplit

    from browser import serve

    server, url = serve(site, urlsplit(SITE_URL).path)  # where the build says it lives
    yield url
    server.shutdown()


def pytest_terminal_summary(terminalreporter):
    kept = sum(("reused", True) in report.user_properties
               for report in terminalreporter.stats.get("passed", []))
    if kept:
        terminalreporter.write_line(
            f"{kept} browser visits not repeated: their page, the site's assets and the "
            f"checks are unchanged since they passed (.cache/browser; CI=true repeats all)")


def pytest_collection_modifyitems(items):
    """The tests that need no build of the site first. pytest-xdist hands each worker
    one run of this list: one worker builds the site at once while the other runs
    these, where both used to wait out the build (28 s of a fresh clone's run)."""
    items.sort(key=lambda item: "build" in getattr(item, "fixturenames", ()))
