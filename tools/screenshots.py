"""`make screenshots`: every page at desktop and phone width, light and dark, for a
person to look at, in test-artifacts/screenshots/. Builds the site first.

    python tools/screenshots.py [PAGE ...]   # e.g. backpropagation/ explorer/
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from browser import INSTALL, SIZES, chromium, launch, serve

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-artifacts" / "screenshots"


def main(only):
    with tempfile.TemporaryDirectory() as site:
        subprocess.run([sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml",
                        "--strict", "-q", "-d", site],
                       cwd=ROOT, check=True)
        pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                       for p in Path(site).rglob("*.html"))
        server, base = serve(site)
        SHOTS.mkdir(parents=True, exist_ok=True)
        if not only:  # a page renamed or gone leaves no old picture behind
            for old in SHOTS.glob("*.png"):
                old.unlink()
        with sync_playwright() as p:
            browser = launch(p)
            for size, viewport in SIZES.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport=viewport, color_scheme=scheme)
                    page = context.new_page()
                    for path in pages:
                        if only and path not in only:
                            continue
                        page.goto(base + path, wait_until="load")
                        page.evaluate("document.fonts.ready")
                        name = (path.strip("/") or "index").replace(".html", "")
                        page.screenshot(path=SHOTS / f"{name}-{size}-{scheme}.png",
                                        full_page=True)
                    context.close()
            browser.close()
        server.shutdown()
    print(f"screenshots in {SHOTS.relative_to(ROOT)}/")


if __name__ == "__main__":
    if not chromium():
        sys.exit(f"make screenshots needs Chromium: {INSTALL}")
    main(sys.argv[1:])
