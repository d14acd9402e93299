"""`make bench`: build times against a bare Material build, in one run; the test
suite's time; per page what a first visit costs; the explorer's size.

Bytes are measured in Chromium (every response body, raw and gzip -9) with an
empty cache. "math share" compares each page with the same page without its
math: KaTeX's stylesheets and fonts and the typeset markup (each formula
replaced by its TeX source) are taken out.
"""

import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from browser import budget, chromium, launch, live, serve, visit

ROOT = Path(__file__).resolve().parent.parent
KATEX = re.compile(r'<span class="katex(?:-display)?">.*?<annotation encoding="application/'
                   r'x-tex">(.*?)</annotation>.*?</span></span></span>(?:</span>)?', re.S)


def timed(command, **env):
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env={**os.environ, **env})
    return time.perf_counter() - start


def math_bytes(site, path, sizes):
    """gzip bytes that only the math costs on the page at site/path."""
    katex_assets = sum(g for u, (_, g) in sizes.items() if "/assets/katex/" in u)
    page = site / path
    page = page / "index.html" if page.is_dir() else page
    html = page.read_bytes()
    plain = KATEX.sub(lambda m: m[1], html.decode()).encode()
    return katex_assets + len(gzip.compress(html, 9)) - len(gzip.compress(plain, 9))


def median_of(runs, command, **env):
    return statistics.median(timed(command, **env) for _ in range(runs))


def bare_material(tmp):
    """A site of one chapter and Material, nothing else: what MkDocs itself costs."""
    docs = Path(tmp, "bare", "docs")
    docs.mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "backpropagation.md", docs / "index.md")
    (docs.parent / "mkdocs.yml").write_text("site_name: bare\ntheme:\n  name: material\n"
                                            "  font: false\n")
    return [sys.executable, "-m", "properdocs", "build", "-q", "-f",
            str(docs.parent / "mkdocs.yml"), "-d", str(Path(tmp, "bare-site"))]


def edited(path, text, command):
    """Time one build after appending text to path (restored afterwards)."""
    before = path.read_text(encoding="utf-8")
    try:
        path.write_text(before + text, encoding="utf-8")
        return timed(command)
    finally:
        path.write_text(before, encoding="utf-8")


def served_after_edit(path, url, word):
    """`mkdocs serve` as make serve runs it; append word to path once it is up: seconds
    until url shows it (MkDocs polls for changes every 0.5 s, then waits 0.1 s), and the
    rebuild's own time as MkDocs logs it ("Documentation built in ...")."""
    before = path.read_text(encoding="utf-8")
    with live(ROOT) as (base, log):

        def shown(text):
            try:
                return text in urllib.request.urlopen(base + url, timeout=5).read().decode()
            except OSError:
                return False

        try:
            time.sleep(1)  # let the watcher settle after the first build
            builds = len([line for line in log if "Documentation built in" in line])
            start = time.perf_counter()
            path.write_text(before + f"\n{word}\n", encoding="utf-8")
            while not shown(word):
                time.sleep(0.02)
            seen = time.perf_counter() - start
        finally:
            path.write_text(before, encoding="utf-8")
    rebuilt = [line for line in log if "Documentation built in" in line][builds:]
    return seen, float(re.search(r"built in ([\d.]+)", rebuilt[0])[1])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", "--strict",
                   "-d", tmp + "/site"]
        bare = median_of(3, bare_material(tmp))
        timed(command)  # warm the caches in .cache/
        build = median_of(3, command)
        prose = edited(ROOT / "docs" / "error.md", "\nOne more word.\n", command)
        latency, rebuild = served_after_edit(ROOT / "docs" / "error.md", "error/", "Onemoreword")
        snippet = edited(ROOT / "snippets" / "error.py", "\n# one more comment\n", command)
        timed(command)  # back to the cached state
        site = Path(tmp, "site")
        pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                       for p in site.rglob("*.html"))
        server, base = serve(site)
        rows = []
        with sync_playwright() as p:
            browser = launch(p)
            for path in pages:
                seen, page, context = visit(browser, base + path, sizes=True)
                math = math_bytes(site, path, seen.sizes)
                rows.append((path or "/", len(seen.sizes), seen.raw, seen.gzip,
                             seen.gzip / max(seen.gzip - math, 1)))
                context.close()
            browser.close()
        server.shutdown()
    print(f"{'page':<24}{'requests':>9}{'raw KB':>9}{'gzip KB':>9}{'budget':>8}"
          f"{'vs no math':>12}")
    for path, count, raw, packed, ratio in rows:
        print(f"{path:<24}{count:>9}{raw / 1024:>9.1f}{packed / 1024:>9.1f}"
              f"{budget(path.lstrip('/')) / 1024:>8.0f}{ratio:>11.2f}x")
    explorer = [ROOT / "docs" / "javascripts" / name for name in ("backprop.js", "explorer.js")]
    explorer.append(ROOT / "docs" / "stylesheets" / "explorer.css")
    packed = sum(len(gzip.compress(path.read_bytes(), 9)) for path in explorer)
    print(f"\nexplorer's own JS + CSS: {packed / 1024:.1f} KB gzip (budget 15 KB)")
    print("\nbuilds, whole process, same machine and run (median of 3 where marked):")
    print(f"  bare Material, one chapter (3): {bare:5.1f} s   1.0x")
    print(f"  warm build, nothing changed (3): {build:5.1f} s  {build / bare:4.1f}x (target 3x)")
    print(f"  after a one-word prose edit:    {prose:5.1f} s  {prose / bare:4.1f}x")
    print(f"  the same edit under make serve: {rebuild:5.1f} s  {rebuild / bare:4.1f}x (target 2x;"
          f" MkDocs' own rebuild time; on the page {latency:.1f} s after saving)")
    print(f"  after a snippet edit:           {snippet:5.1f} s  {snippet / bare:4.1f}x "
          f"(re-executes the notebook)")
    tests = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
    print(f"test suite, warm (pytest, {os.cpu_count()} workers): {tests:.1f} s (target 45 s)")


if __name__ == "__main__":
    if not chromium():
        sys.exit("make bench needs Chromium: apt-get install chromium, or set CHROMIUM")
    main()
