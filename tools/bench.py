"""`make bench`: build time, test-suite time, and per page what a first visit costs.

Bytes are measured in Chromium (every response body, raw and gzip -9) with an
empty cache. "math share" compares each page with the same page without its
math: KaTeX's stylesheets and fonts and the typeset markup (each formula
replaced by its TeX source) are taken out.
"""

import gzip
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from browser import chromium, launch, serve, visit

ROOT = Path(__file__).resolve().parent.parent
KATEX = re.compile(r'<span class="katex(?:-display)?">.*?<annotation encoding="application/'
                   r'x-tex">(.*?)</annotation>.*?</span></span></span>(?:</span>)?', re.S)


def timed(command, **env):
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
    return time.perf_counter() - start


def math_bytes(site, path, sizes):
    """gzip bytes that only the math costs on the page at site/path."""
    katex_assets = sum(g for u, (_, g) in sizes.items() if "/assets/katex/" in u)
    page = site / path
    page = page / "index.html" if page.is_dir() else page
    html = page.read_bytes()
    plain = KATEX.sub(lambda m: m[1], html.decode()).encode()
    return katex_assets + len(gzip.compress(html, 9)) - len(gzip.compress(plain, 9))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", tmp]
        unexecuted = timed(command, EXECUTE_NOTEBOOK="false")
        build = timed(command)
        site = Path(tmp)
        pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                       for p in site.rglob("*.html"))
        server, base = serve(site)
        rows = []
        with sync_playwright() as p:
            browser = launch(p)
            for path in pages:
                seen, page, context = visit(browser, base + path)
                math = math_bytes(site, path, seen.sizes)
                rows.append((path or "/", len(seen.sizes), seen.raw, seen.gzip,
                             seen.gzip / max(seen.gzip - math, 1)))
                context.close()
            browser.close()
        server.shutdown()
    print(f"{'page':<20}{'requests':>9}{'raw KB':>9}{'gzip KB':>9}{'vs no math':>12}")
    for path, count, raw, packed, ratio in rows:
        print(f"{path:<20}{count:>9}{raw / 1024:>9.1f}{packed / 1024:>9.1f}{ratio:>11.2f}x")
    explorer = [ROOT / "docs" / "javascripts" / name for name in ("backprop.js", "explorer.js")]
    explorer.append(ROOT / "docs" / "stylesheets" / "explorer.css")
    packed = sum(len(gzip.compress(path.read_bytes(), 9)) for path in explorer)
    print(f"\nexplorer's own JS + CSS: {packed / 1024:.1f} KB gzip (budget 15 KB)")
    print(f"build (mkdocs build --strict, whole process): {build:.1f} s, of which "
          f"executing the notebook {build - unexecuted:.1f} s")
    tests = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
    print(f"test suite (pytest): {tests:.1f} s")


if __name__ == "__main__":
    if not chromium():
        sys.exit("make bench needs Chromium: apt-get install chromium, or set CHROMIUM")
    main()
