"""Write each notebook's page as a chapter is written: Markdown, which MkDocs renders
with the site's own extensions; and tell every chapter which notebook holds its cells.

mkdocs-jupyter makes each notebook under docs/ (walkthrough.NOTEBOOKS) a page and
publishes the executed copy (hooks/notebook_run.py) as its download; its own
rendering, JupyterLab's markup with half a megabyte of inline <style> and CDN
loaders for MathJax and mermaid, is not used. This hook gives MkDocs the executed
notebook as Markdown instead: each markdown cell as it is, each code cell a block
titled with its snippet's file, its printed output a block titled "Output", a figure
the site draws as the site's file in both themes. So the page gets the chapters'
markup from the chapters' extensions: Material's code blocks, headings with
permalinks, formulas marked by pymdownx.arithmatex for hooks/katex.py. A cell or an
output of a shape this hook does not know stops the build, naming the cell. Links to
the site (absolute in the notebook, for its readers) become relative. The page stays
out of the search index, whose every word each page loads. A chapter's page gets
page.meta["notebook"]: the page, file and heading of the notebook that tells its
cells, which overrides/main.html links under the chapter.
"""

import base64
import re
from html.parser import HTMLParser

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import walkthrough
from contract import FIGURES
from walkthrough import NOTEBOOKS

BACKTICKS = re.compile(r"`{3,}")  # in a cell's code or output: the fence must be longer


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri not in NOTEBOOKS:
        page.meta["notebook"] = notebook_of(page.file.src_uri)
        return markdown
    # mkdocs-jupyter gave this page a render method of its own (nbconvert's); without
    # it, MkDocs renders the Markdown below as it renders every chapter.
    vars(page).pop("render", None)
    if getattr(page.render, "__func__", None) is not Page.render:
        raise PluginError(f"{page.file.src_uri}: mkdocs-jupyter renders this page in a way "
                          f"hooks/notebook_page.py does not know how to undo")
    # Out of the search index: its cells are the chapters' snippets, and its text (two
    # fifths of the index) was loaded by every page of the site.
    page.meta["search"] = {"exclude": True}
    notebook = nbformat.read(page.file.abs_src_path, as_version=4)
    return "\n\n".join(cell_markdown(cell, files, page.file.src_uri)
                       for cell in notebook.cells) + "\n"


def notebook_of(src_uri):
    """{page, file, title} of the notebook that tells the cells of the chapter
    docs/SRC_URI; the walk-through's for a page no notebook tells (the overview, the
    explorer, the reference pages)."""
    name = ([book for book, _ in walkthrough.told(src_uri.removesuffix(".md"))]
            or NOTEBOOKS)[0]
    stem = name.removesuffix(".ipynb")
    return {"page": f"{stem}/", "file": f"{stem}/{name}", "title": walkthrough.BOOKS[name][0]}


def on_page_content(html, page, config, files):
    if page.file.src_uri not in NOTEBOOKS:
        return html
    root = get_relative_url(".", page.url).rstrip("/") + "/"
    return html.replace(f'href="{config["site_url"]}', f'href="{root}')


def cell_markdown(cell, files, notebook):
    """One cell as the chapters' Markdown shows it; PluginError for any other shape."""
    name = cell.metadata.get("snippet")
    where = f"{notebook}: {cell.get('id')}" + (f" (snippets/{name}.py)" if name else "")
    if cell.cell_type == "markdown":
        return cell.source
    if cell.cell_type != "code":
        raise PluginError(f"{where}: a {cell.cell_type} cell, which this page does not show")
    parts = [fenced(cell.source, "python", f"snippets/{name}.py" if name else "notebook cell")]
    for output in cell.outputs:
        data = output.get("data", {})
        if output.output_type == "stream" and output.name == "stdout":
            parts.append(fenced(output.text, "text", "Output"))
        elif output.output_type in ("execute_result", "display_data") and "text/html" in data:
            parts.append(figure(image(data["text/html"], where), files))
        elif output.output_type == "execute_result" and set(data) == {"text/plain"}:
            parts.append(fenced(data["text/plain"], "text", "Output"))
        else:
            shown = output.get("name") or ", ".join(data) or output.get("ename", "")
            raise PluginError(f"{where}: an output this page does not show "
                              f"({output.output_type} {shown})")
    return "\n\n".join(parts)


def fenced(text, language, title):
    """A fenced code block titled like the chapters' blocks."""
    fence = "`" * max([3, *(len(run) + 1 for run in BACKTICKS.findall(text))])
    return f'{fence} {language} title="{title}"\n{text.rstrip(chr(10))}\n{fence}'


class Tags(HTMLParser):
    """Every tag, comment and piece of text of an HTML fragment, in order."""

    def __init__(self, fragment):
        super().__init__()
        self.found = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self.found.append(("/" + tag, {}))

    def handle_data(self, data):
        if data.strip():
            self.found.append(("text", {"text": data}))

    def handle_comment(self, data):
        self.found.append(("comment", {}))


def image(fragment, where):
    """(alt text, SVG source) of an HTML output that is one inline SVG image with its
    alt text, the only HTML output this page shows."""
    found = Tags(fragment).found
    prefix = "data:image/svg+xml;base64,"
    if len(found) == 1 and found[0][0] == "img":
        attrs = found[0][1]
        if attrs.get("alt") and (attrs.get("src") or "").startswith(prefix):
            return attrs["alt"], base64.b64decode(attrs["src"].removeprefix(prefix))
    raise PluginError(f"{where}: an HTML output this page does not show (only an SVG "
                      f"image with alt text): {fragment[:60]!r}")


def figure(picture, files):
    """An SVG output as a Markdown image. When it is, byte for byte, a figure the site
    draws: the site's file in both themes (the browser loads only the one shown), as
    the chapters show it; else the output itself. hooks/figure_files.py sizes either."""
    alt, svg = picture
    alt = " ".join(alt.split()).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    for site_figure in files:
        light = site_figure.src_uri
        if light.startswith(f"{FIGURES}/") and light.endswith("-light.svg") and (
                site_figure.content_bytes == svg):
            dark = light.removesuffix("-light.svg") + "-dark.svg"
            return f"![{alt}]({light}#only-light)\n![{alt}]({dark}#only-dark)"
    return f"![{alt}](data:image/svg+xml;base64,{base64.b64encode(svg).decode()})"
