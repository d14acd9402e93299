"""`make bench`: the fast loop's figures in one run, each against its target, with a
bare Material build of one chapter, timed in the same run, as the yardstick (x).

    make bench                 # builds, an edit under make serve, make tests, page weights
    make bench FRESH_CLONE=1   # and a fresh clone's .ci/run (minutes: opt-in)

Times are whole processes, as a person runs them: wall-clock seconds (what the
targets are about) and CPU seconds of every process a command ran, which others'
load on a shared machine hardly moves; each also as a ratio to the bare build.
Bytes are what Chromium receives on a first visit with an empty cache (every
response body, raw and gzip -9), images the page shows included: lazy ones are
made eager, as if the reader scrolled to the end; light and dark are each weighed,
and the heavier counts.
"math share" compares each page with the same page without its math: KaTeX's
stylesheets and fonts and the typeset markup (each formula replaced by its TeX
source) are taken out.
"""

import argparse
import gzip
import os
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

from playwright.sync_api import sync_playwright

from browser import (
    BUDGET,
    EXPLORER_BUDGET,
    EXPLORER_FILES,
    INSTALL,
    chromium,
    launch,
    live,
    serve,
    visit,
)
from golden import snippet_env

ROOT = Path(__file__).resolve().parent.parent
KATEX = re.compile(r'<span class="katex(?:-display)?">.*?<annotation encoding="application/'
                   r'x-tex">(.*?)</annotation>.*?</span></span></span>(?:</span>)?', re.S)
# Every image the page shows, loaded: what a reader who scrolls to the end has fetched.
EVERY_IMAGE = """async () => {
    for (const img of document.images) {
        if (!img.getClientRects().length) continue;  // the other palette's copy
        img.loading = "eager";
        await img.decode().catch(() => {});
    }
}"""


class Took(NamedTuple):
    wall: float  # seconds on the clock: what a person waits
    cpu: float | None  # CPU seconds of every process it ran: what others' load hardly moves


def cpu_of_children():
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(command, check=True, cwd=ROOT, env=None):
    """What command took; with check=False, (Took, its exit status)."""
    start, cpu = time.perf_counter(), cpu_of_children()
    done = subprocess.run(command, cwd=cwd, check=check, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
    took = Took(time.perf_counter() - start, cpu_of_children() - cpu)
    return took if check else (took, done.returncode)


def make(target):
    return ["make", "--no-print-directory", target]


def median_of(runs, command):
    runs = [timed(command) for _ in range(runs)]
    return Took(*(statistics.median(column) for column in zip(*runs, strict=True)))


def bare_material(tmp):
    """A site of one chapter and Material, nothing else: what the generator itself costs."""
    docs = Path(tmp, "bare", "docs")
    docs.mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "backpropagation.md", docs / "index.md")
    (docs.parent / "mkdocs.yml").write_text("site_name: bare\ntheme:\n  name: material\n"
                                            "  font: false\n")
    return [sys.executable, "-m", "properdocs", "build", "-q", "-f",
            str(docs.parent / "mkdocs.yml"), "-d", str(Path(tmp, "bare-site"))]


def edited(path, text, command, check=True):
    """Time one run of command after appending text to path (restored afterwards)."""
    before = path.read_text(encoding="utf-8")
    try:
        path.write_text(before + text, encoding="utf-8")
        return timed(command, check)
    finally:
        path.write_text(before, encoding="utf-8")


def served_after_edit(path, url, word):
    """`properdocs serve` as make serve runs it; append word to path once it is up:
    seconds until url shows it (the watcher polls every 0.5 s, then waits 0.1 s), and
    the rebuild's own time as logged ("Documentation built in ...")."""
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


def math_bytes(site, path, sizes):
    """gzip bytes that only the math costs on the page at site/path."""
    katex_assets = sum(g for u, (_, g) in sizes.items() if "/assets/katex/" in u)
    page = site / path
    page = page / "index.html" if page.is_dir() else page
    html = page.read_bytes()
    plain = KATEX.sub(lambda m: m[1], html.decode()).encode()
    return katex_assets + len(gzip.compress(html, 9)) - len(gzip.compress(plain, 9))


def first_visit(browser, url, scheme):
    """A first visit's responses, {url: (raw, gzip)}, every image it shows loaded."""
    seen, page, context = visit(browser, url, scheme=scheme, sizes=True)
    page.evaluate(EVERY_IMAGE)
    page.wait_for_load_state("networkidle")
    context.close()
    return seen.sizes


def page_weights(site):
    """(path, requests, raw, gzip, math ratio, scheme) per page: the heavier scheme."""
    pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                   for p in site.rglob("*.html"))
    server, base = serve(site)
    rows = []
    with sync_playwright() as p:
        browser = launch(p)
        for path in pages:
            weighed = {s: first_visit(browser, base + path, s) for s in ("light", "dark")}
            scheme = max(weighed, key=lambda s: sum(g for _, g in weighed[s].values()))
            sizes = weighed[scheme]
            packed = sum(g for _, g in sizes.values())
            rows.append((path or "/", len(sizes), sum(r for r, _ in sizes.values()), packed,
                         packed / max(packed - math_bytes(site, path, sizes), 1), scheme))
        browser.close()
    server.shutdown()
    return rows


def fresh_ci_run(tmp):
    """A fresh clone of the last commit, then `bash .ci/run` in it, as CI runs it (the
    machine's uv and npm caches as they are): (seconds, exit status). Its output is
    kept in test-artifacts/ci-run.log."""
    clone = Path(tmp, "clone")
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    log = ROOT / "test-artifacts" / "ci-run.log"
    log.parent.mkdir(exist_ok=True)
    script = f"bash .ci/run > {shlex.quote(str(log))} 2>&1"
    return timed(["sh", "-c", script], check=False, cwd=clone, env={**os.environ, "CI": "true"})


def verdict(value, target):
    return "ok" if value <= target else "OVER"


def main(fresh_clone):
    load_before = os.getloadavg()[1]
    with tempfile.TemporaryDirectory() as tmp:
        bare = median_of(3, bare_material(tmp))
        timed(make("build"))  # warm the caches in .cache/
        build = median_of(3, make("build"))
        prose = edited(ROOT / "docs" / "error.md", "\nOne more word.\n", make("build"))
        latency, rebuild = served_after_edit(ROOT / "docs" / "error.md", "error/", "Onemoreword")
        snippet = edited(ROOT / "snippets" / "error.py", "\n# one more comment\n",
                         make("build"))
        timed(make("build"))  # back to the cached state: site/ as committed
        rows = page_weights(ROOT / "site")
        # The digits chapter's training, as a learner runs it (its budget: 10 s).
        digits = timed([sys.executable, "snippets/digits_train.py"], env=snippet_env())
        tests_first, _ = timed(make("test"), check=False)  # timed even when a test fails
        tests_warm, failed = timed(make("test"), check=False)
        # The edit loop: the kept passes stand for nothing once a file changes, and the
        # finer keys (each page's browser visits, each snippet's output) keep the rest.
        tests_prose, prose_failed = edited(ROOT / "docs" / "error.md", "\nOne more word.\n",
                                           make("test"), check=False)
        ci = fresh_ci_run(tmp) if fresh_clone else None

    print(f"{'page':<24}{'requests':>9}{'raw KB':>9}{'gzip KB':>9}{'target':>8}"
          f"{'vs no math':>12}  scheme")
    for path, count, raw, packed, ratio, scheme in rows:
        print(f"{path:<24}{count:>9}{raw / 1024:>9.1f}{packed / 1024:>9.1f}"
              f"{BUDGET / 1024:>8.0f}{ratio:>11.2f}x  {scheme:<6}"
              f"{verdict(packed, BUDGET)}")
    heaviest = max(rows, key=lambda row: row[3])
    print(f"heaviest first visit, images included: {heaviest[0]} {heaviest[3] / 1024:.1f} KB "
          f"gzip (target {BUDGET / 1024:.0f} KB): {verdict(heaviest[3], BUDGET)}")
    packed = sum(len(gzip.compress((ROOT / "docs" / name).read_bytes(), 9))
                 for name in EXPLORER_FILES)
    print(f"explorer's and exercises' own JS + CSS: {packed / 1024:.1f} KB gzip "
          f"(budget {EXPLORER_BUDGET / 1024:.0f} KB)")

    print(f"\none run, {os.cpu_count()} cores, load average {load_before:.1f} at the start and "
          f"{os.getloadavg()[1]:.1f} at the end (5 min; above {os.cpu_count()}, others share the "
          "cores and the CPU columns say more)\nwhole processes; x = times the bare build:")
    print(f"  {'':<38}{'wall s':>8}{'x':>7}{'CPU s':>8}{'x':>7}")

    def line(what, took, limit=None, label="", note=""):
        goal = f"  target {label}: {verdict(took.wall, limit)}" if limit else ""
        cpu = f"{took.cpu:8.1f}{took.cpu / bare.cpu:6.1f}x" if took.cpu is not None else " " * 15
        print(f"  {what:<38}{took.wall:8.1f}{took.wall / bare.wall:6.1f}x{cpu}{goal}{note}")

    line("bare Material build, one chapter (3)", bare)
    line("warm make build, nothing changed (3)", build, 2 * bare.wall, "2x")
    line("make build after a prose edit", prose)
    line("prose edit under make serve, on page", Took(latency, None), 1.5, "1.5 s",
         f"  (its rebuild {rebuild:.1f} s)")
    line("make build after a snippet edit", snippet, note="  (re-runs the notebook)")
    line("python snippets/digits_train.py", digits, 10, "10 s")
    line("make test, first run here", tests_first)
    line("make test, warm (the run after it)", tests_warm, 45, "45 s",
         "  (it FAILED: see make test)" if failed else "")
    line("make test after a prose edit", tests_prose,
         note="  (it FAILED: see make test)" if prose_failed else "")
    if ci is None:
        print("  fresh clone's .ci/run: not run (make bench FRESH_CLONE=1; target 240 s)")
    else:
        line("fresh clone's .ci/run (last commit)", ci[0], 240, "240 s",
             "  (it FAILED: test-artifacts/ci-run.log)" if ci[1] else "")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh-clone", action="store_true",
                        help="also time .ci/run in a fresh clone of the last commit")
    if not chromium():
        sys.exit(f"make bench needs Chromium: {INSTALL}")
    main(parser.parse_args().fresh_clone)
