"""Make the notebook page a chapter: Material's code blocks, KaTeX math, nothing else.

mkdocs-jupyter renders a notebook in JupyterLab's markup: half a megabyte of
inline <style> inside the article, its own code colours, CDN loaders for MathJax
and mermaid, prompts and copy widgets. This hook keeps what it rendered (the
markdown cells' HTML, the highlighted code, the outputs) and writes each cell
again as the chapters show theirs: code in Material's `.highlight` block titled
with its snippet's file, text output in a block titled "Output", math marked as
pymdownx.arithmatex marks it (hooks/katex.py, listed after this hook, typesets
it). A cell in a shape this hook does not know stops the build, naming the cell:
after a mkdocs-jupyter update, read its markup again rather than publish half a
page. Links to the site (absolute in the notebook, for its readers) become
relative here. The page stays out of the search index, whose every word each
page loads.
"""

import base64
import html
import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

CELL = re.compile(r'<div class="jp-Cell jp-(Markdown|Code)Cell jp-Notebook-cell[^"]*" '
                  r'id="cell-id=([\w-]+)">')
END = "</div> <!-- jp-Notebook -->"
MARKDOWN = re.compile(r'data-mime-type="text/markdown">\n?(.*?)\n</div>', re.S)
CODE = re.compile(r'<div class="highlight-ipynb hl-python"><pre><span></span>(.*?)</pre>', re.S)
OUTPUT = re.compile(r'<div class="[^"]*jp-OutputArea-output[^"]*" data-mime-type="([^"]+)"'
                    r'[^>]*>\n?(.*?)\n</div>', re.S)
TEXT = re.compile(r"<pre>(.*?)</pre>", re.S)
ANCHOR = re.compile(r'<a class="anchor-link" href="(#[^"]+)">¶</a>')
DOLLARS = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)
SVG_IMG = re.compile(r'<img alt="([^"]*)" src="(data:image/svg\+xml;base64,([^"]+))"\s*/?>')


def on_page_content(content, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    # Out of the search index: its cells are the chapters' snippets, and its text (two
    # fifths of the index) was loaded by every page of the site.
    page.meta["search"] = {"exclude": True}
    cells = json.loads(Path(page.file.abs_src_path).read_text(encoding="utf-8"))["cells"]
    snippets = {cell["id"]: cell["metadata"].get("snippet") for cell in cells}
    body = "\n".join(cell_html(kind, name, snippets, chunk, page.file.src_uri, files)
                     for kind, name, chunk in split(content, page.file.src_uri))
    return body.replace(f'href="{config["site_url"]}', 'href="../')


def split(content, where):
    """(Markdown or Code, cell id, its markup) for each cell, in order."""
    starts = list(CELL.finditer(content))
    end = content.find(END)
    if not starts or end < 0:
        raise PluginError(f"{where}: no notebook cells in mkdocs-jupyter's output")
    for m, after in zip(starts, [*starts[1:], None], strict=True):
        yield m[1], m[2], content[m.end():after.start() if after else end]


def cell_html(kind, cell_id, snippets, chunk, where, files):
    if kind == "Markdown":
        found = MARKDOWN.search(chunk)
        if not found:
            raise PluginError(f"{where}: {cell_id}: a markdown cell without its rendered text")
        text = ANCHOR.sub(r'<a class="headerlink" href="\1" title="Permanent link">¶</a>',
                          found[1])
        return DOLLARS.sub(arithmatex, text)
    found = CODE.search(chunk)
    if not found:
        raise PluginError(f"{where}: {cell_id}: a code cell without its highlighted code")
    name = snippets.get(cell_id)
    parts = [block(f"snippets/{name}.py" if name else "notebook cell", found[1])]
    for mime, output in OUTPUT.findall(chunk):
        if mime == "text/plain" and (text := TEXT.search(output)):
            parts.append(block("Output", text[1]))
        elif mime == "text/html" and (img := SVG_IMG.fullmatch(output.strip())):
            parts.append(f"<p>{figure(img, files)}</p>")
        else:
            raise PluginError(f"{where}: {cell_id}: an output this page does not show "
                              f"({mime}): {output[:60]!r}")
    return "\n".join(parts)


def block(title, code):
    """A code block as pymdownx.highlight writes one, titled like the chapters' blocks."""
    return (f'<div class="highlight"><span class="filename">{html.escape(title)}</span>'
            f"<pre><span></span><code>{code}</code></pre></div>")


def figure(img, files):
    """An inline SVG output. When it is, byte for byte, a figure the site draws, the
    site's file in both themes (the browser loads only the one shown); else the output
    itself. hooks/figure_files.py, later in the list, sizes either."""
    svg = base64.b64decode(img[3])
    for site_figure in files:
        name = site_figure.src_uri
        if name.startswith("figures/") and name.endswith("-light.svg") and (
                site_figure.content_bytes == svg):
            dark = name.replace("-light.svg", "-dark.svg")
            return (f'<img alt="{img[1]}" src="../{name}#only-light">'
                    f'<img alt="{img[1]}" src="../{dark}#only-dark">')
    return img[0]


def arithmatex(m):
    """$$...$$ or $...$ as pymdownx.arithmatex would have marked it."""
    return (f'<div class="arithmatex">\\[{m[1]}\\]</div>' if m[1] is not None
            else f'<span class="arithmatex">\\({m[2]}\\)</span>')
