"""Draw the figures while the site builds, so no committed image can drift from its code.

Every module of figures (snippets/figures.py, and snippets/<chapter>_figures.py
beside a later chapter's snippets) runs as a reader would run it, `python
snippets/NAME.py --themes` (a fresh process, so `mkdocs serve` always draws the
code as it is now), and each figures/<name>-light.svg and figures/<name>-dark.svg
is published; the chapters show one or the other with Material's #only-light /
#only-dark. Each module's drawings are kept in .cache/figures/ under a key of its
code, of every snippet it imports, and of the versions of Python and of every
package they import (matplotlib's above all): a rebuild redraws only the modules
whose code, or whose drawing library, changed. The modules to redraw start in
on_pre_build, side by side, and draw while the notebooks run (hooks/notebook_run.py
runs them in its on_files, before this hook's): a fresh clone's build waited for
the two one after the other.
"""

import base64
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_cache import CACHE, key, made_by, staged
from contract import FIGURES, ROOT, SNIPPETS

KEPT = CACHE / "figures"


def modules():
    """The modules of figures, by name: figures.py and every snippets/*_figures.py."""
    return ["figures", *sorted(p.stem for p in SNIPPETS.glob("*_figures.py"))]


drawing = {}  # module -> (its folder of drawings, the Future drawing it or None)


def on_pre_build(config):
    drawing.clear()
    # Threads that each wait on one drawing process; keys first, in this thread
    # (build_cache writes its kept imports from the thread that asks).
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    for module in modules():
        done = folder_of(module)
        drawing[module] = done, None if done.is_dir() else pool.submit(draw, module, done)
    pool.shutdown(wait=False)


def on_files(files, config):
    for module in modules():
        for svg in sorted(drawn(module).glob("*.svg")):
            files.append(File.generated(config, f"{FIGURES}/{svg.name}",
                                        content=svg.read_text(encoding="utf-8")))
    return files


def folder_of(module):
    """Where snippets/MODULE.py's drawings are kept, under the key of what draws them."""
    sources, packages = made_by(SNIPPETS / f"{module}.py")
    return KEPT / f"{module}-{key(*sources, packages=packages)}"


def drawn(module):
    """The folder of snippets/MODULE.py's drawings, once drawn (a PluginError of its
    drawing is raised here)."""
    done, future = drawing.get(module) or (folder_of(module), None)
    if future is not None:
        future.result()
    elif not done.is_dir():
        draw(module, done)
    return done


SIZE = re.compile(r'<svg[^>]*? width="([\d.]+)pt" height="([\d.]+)pt"')
IMG = re.compile(r'<img (?![^>]*\bwidth=)([^>]*?)src="([^"]*?' + FIGURES
                 + r'/([\w-]+)\.svg)(#[^"]*)?"([^>]*)>')
# An SVG inside the page (a notebook output that is not one of the site's figures).
INLINE = re.compile(r'<img (?![^>]*\bwidth=)([^>]*?)src="data:image/svg\+xml;base64,([^"]+)"')


def on_page_content(html, page, config, files):
    """Give every figure its width and height, so nothing shifts while it loads, and a
    link to its own file: on a phone, a tap opens it full size to zoom."""
    def linked(m):
        svg = files.get_file_from_path(f"{FIGURES}/{m[3]}.svg")
        size = pixels(svg.content_string) if svg else None
        if not size:
            return m[0]
        # Lazy: the theme hides the other palette's copy, and a hidden lazy image is never
        # fetched, so a first visit loads one copy of each figure, not two.
        return (f'<a class="figure-zoom" href="{m[2]}">'
                f'<img width="{size[0]}" height="{size[1]}" loading="lazy" '
                f'{m[1]}src="{m[2]}{m[4] or ""}"{m[5]}></a>')

    def inline(m):
        size = pixels(base64.b64decode(m[2]).decode("utf-8", "replace"))
        return f'<img width="{size[0]}" height="{size[1]}" {m[0][5:]}' if size else m[0]
    return INLINE.sub(inline, IMG.sub(linked, html))


def pixels(svg):
    """(width, height) in px of an SVG matplotlib wrote (its sizes are in pt), or None."""
    size = SIZE.search(svg)
    return tuple(round(float(v) * 4 / 3) for v in size.groups()) if size else None


def draw(module, done):
    """Run snippets/MODULE.py into a fresh folder, kept as done."""
    script = f"snippets/{module}.py"
    with staged(done) as folder:
        folder.mkdir()
        try:
            subprocess.run([sys.executable, script, "--themes", str(folder)],
                           cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
                           env={**os.environ, "MPLBACKEND": "Agg"})
        except subprocess.CalledProcessError as err:
            raise PluginError(f"{script} failed:\n{err.stderr}") from err
        except subprocess.TimeoutExpired as err:
            raise PluginError(f"{script} still running after 120 s") from err
