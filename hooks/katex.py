"""Typeset every formula when the site is built, so no math JavaScript ships.

pymdownx.arithmatex (generic mode) marks the TeX; KaTeX, run once per page by
node, turns it into HTML+MathML. A formula KaTeX rejects fails the build with
the file, the line and the formula. KaTeX's inline style attributes become
classes in one generated stylesheet, so the Content-Security-Policy needs no
'unsafe-inline' for styles. KaTeX's fonts are cut down to the characters the
formulas show, which is most of what the math costs a reader. The notebook
page's math reaches it marked the same way, by hooks/notebook_page.py.
"""

import hashlib
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_cache import CACHE, key, staged
from contract import ROOT, SEARCH_SKIP

KEPT = CACHE / "katex"  # formulas and cut-down fonts from earlier builds
RENDER = Path(__file__).with_name("katex-render.cjs")
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
ASSETS = "assets/katex"
INLINE_CSS = f"{ASSETS}/inline-styles.css"
# How the fonts are cut down (fontTools' subset options). No hinting: a quarter of
# each file, and screens that use it are rare now.
SUBSET = {"flavor": "woff2", "layout_features": ["*"], "hinting": False}

MATH = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)
STYLED_TAG = re.compile(r'<([a-z]+)([^<>]*?) style="([^"]*)"([^<>]*)>')

styles: dict[str, str] = {}  # class name -> declarations, for the whole site
glyphs: set[str] = set()  # every character KaTeX set in any formula of the site


renderer = None


def on_config(config):
    global renderer
    if not (KATEX_DIST / "katex.min.css").exists():
        raise PluginError(f"KaTeX is not installed in {KATEX_DIST}: run `make install`.")
    styles.clear()
    glyphs.clear()
    renderer = Renderer()
    return config


def on_files(files, config):
    """Publish KaTeX's stylesheet and fonts from node_modules under assets/katex/."""
    for path in ["katex.min.css", *sorted(p.relative_to(KATEX_DIST).as_posix()
                                         for p in (KATEX_DIST / "fonts").iterdir())]:
        files.append(File(path, str(KATEX_DIST), config.site_dir, config.use_directory_urls,
                          dest_uri=f"{ASSETS}/{path}"))
    return files


def on_page_content(content, page, config, files):
    found = list(MATH.finditer(content))
    if not found:
        return content
    formulas = [html.unescape(m[2]) for m in found]
    results = renderer([{"tex": tex, "display": m[1] == "div"}
                      for tex, m in zip(formulas, found, strict=True)])
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    failures = [f"{page.file.src_uri}:{line}: {r['error']}\n    {tex.strip()}"
                for tex, line, r in zip(formulas, lines_of(formulas, source), results,
                                        strict=True) if "error" in r]
    if failures:
        raise PluginError("KaTeX cannot typeset:\n" + "\n".join(failures))
    pieces, end = [], 0
    for m, r in zip(found, results, strict=True):
        glyphs.update(r["glyphs"])
        styles.update(r["styles"])
        pieces += [content[end:m.start()], r["page"]]
        end = m.end()
    return "".join(pieces) + content[end:]


def as_published(markup):
    """What a page shows of a formula KaTeX typeset as markup: (the markup, its
    classes' styles, the characters it draws)."""
    used = {}
    return classify(drawn_marked(markup), used), used, "".join(sorted(typeset_text(markup)))


def on_post_build(config):
    rules = "".join(f".{name}{{{important(css)}}}\n" for name, css in sorted(styles.items()))
    out = Path(config.site_dir, INLINE_CSS)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(rules, encoding="utf-8")
    renderer.close()
    fonts = Path(config.site_dir, ASSETS, "fonts")
    # The same glyphs, options and programs: the same subsets.
    done = KEPT / ("fonts-" + key("".join(sorted(glyphs)), repr(sorted(SUBSET.items())),
                                  packages=("npm:katex", "fonttools")))
    if not done.is_dir():
        subset_fonts(fonts, glyphs)
        with staged(done) as stage:
            stage.mkdir()
            for font in fonts.glob("*.woff2"):
                shutil.copy(font, stage / font.name)
    for font in done.glob("*.woff2"):
        shutil.copy(font, fonts / font.name)


def typeset_text(markup):
    """The characters a formula shows (its HTML half; the MathML copy is not drawn)."""
    shown = re.sub(r'<span class="katex-mathml">.*?</math></span>', "", markup, flags=re.S)
    return set(html.unescape(re.sub(r"<[^>]+>", "", shown)))


def subset_fonts(folder, characters):
    """Keep only the glyphs the site uses in each KaTeX woff2 font (a browser that
    reads woff2 never asks for the .woff or .ttf fallbacks, left whole)."""
    from fontTools import subset  # here: a build that finds its fonts cut never needs it

    options = subset.Options(**SUBSET)
    unicodes = sorted(ord(c) for c in characters if not c.isspace())
    for font_file in sorted(folder.glob("*.woff2")):
        font = subset.load_font(str(font_file), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        subset.save_font(font, str(font_file), options)


class Renderer:
    """One node process for the whole build; each formula is rendered once, ever: the
    results, as the page shows them (as_published), are kept in .cache/ by KaTeX's
    version, this file and contract.py (which publish them), TeX and display mode."""

    def __init__(self):
        self.process = None
        made_by = key(Path(__file__), Path(__file__).with_name("contract.py"),
                      packages=("npm:katex",))
        self.path = KEPT / f"formulas-{made_by}.json"
        self.cache = json.loads(self.path.read_text()) if self.path.exists() else {}
        self.dirty = False

    def __call__(self, items):
        keys = [f"{int(i['display'])}{i['tex']}" for i in items]
        missing = [(key, item) for key, item in zip(keys, items, strict=True)
                   if key not in self.cache]
        fresh = {}
        if missing:
            for (key, _), result in zip(missing, self.node([i for _, i in missing]),
                                        strict=True):
                if "html" in result:
                    result["page"], result["styles"], result["glyphs"] = as_published(
                        result.pop("html"))
                fresh[key] = result
                if "page" in result:  # an error is reported each time, never kept
                    self.cache[key] = result
                    self.dirty = True
        return [self.cache.get(key) or fresh[key] for key in keys]

    def node(self, items):
        try:
            if self.process is None:
                self.process = subprocess.Popen(["node", str(RENDER)], stdin=subprocess.PIPE,
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                                text=True)
            self.process.stdin.write(json.dumps(items) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
            return json.loads(line)
        except (OSError, ValueError) as err:
            stderr = self.process.stderr.read() if self.process else ""
            raise PluginError(f"KaTeX renderer failed: {err}\n{stderr}") from err

    def close(self):
        if self.process:
            self.process.stdin.close()
            self.process.wait(timeout=10)
            self.process = None
        if self.dirty:
            with staged(self.path) as stage:
                stage.write_text(json.dumps(self.cache), encoding="utf-8")
            self.dirty = False


def lines_of(formulas, source):
    """The source line of each formula, found in order: a second formula that opens like
    the first (two `\\begin{aligned}` blocks) is looked for after the first."""
    lines, cursor = [], 0
    for tex in formulas:
        first = tex.strip().splitlines()[0]
        at = source.find(first, cursor)
        lines.append(source.count("\n", 0, at) + 1 if at >= 0 else 1)
        cursor = at + len(first) if at >= 0 else cursor
    return lines


def drawn_marked(markup):
    """KaTeX's drawn copy of a formula (its katex-html span, the last inside span.katex)
    between comments that tell hooks/search_index.py to leave it out of the index: the
    MathML copy already gives the formula's text, once and without layout glyphs."""
    start = markup.index('<span class="katex-html"')
    end = len(markup) - len("</span>") * (2 if markup.startswith('<span class="katex-display"')
                                          else 1)
    return (markup[:start] + SEARCH_SKIP[0] + markup[start:end] + SEARCH_SKIP[1]
            + markup[end:])


def classify(markup, used):
    """Move each style attribute into a class, named in used; inline styles outrank CSS,
    hence !important."""
    def swap(m):
        tag, before, css, after = m.groups()
        name = "k" + hashlib.sha256(css.encode()).hexdigest()[:8]
        used[name] = css
        attrs = before + after
        if ' class="' in attrs:
            merged = attrs.replace(' class="', ' class="' + name + " ", 1)
            return f"<{tag}{merged}>"
        closing = "/" if attrs.endswith("/") else ""
        return f'<{tag}{attrs.removesuffix("/")} class="{name}"{closing}>'
    return STYLED_TAG.sub(swap, markup)


def important(css):
    return "".join(f"{d.strip()} !important;" for d in css.split(";") if d.strip())
