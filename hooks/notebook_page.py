"""Make the notebook page like the chapters: no CDN loaders, math marked for KaTeX.

mkdocs-jupyter leaves a notebook's math as $...$ for MathJax and adds MathJax
and mermaid loaders that point at CDNs. This hook drops the loaders and marks
the math of markdown cells as pymdownx.arithmatex would, so hooks/katex.py
(listed after it in mkdocs.yml) typesets it like any chapter's. The page stays
out of the search index, whose every word each page loads.
"""

import re

MARKDOWN_CELL = re.compile(
    r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^>]*>)(.*?)(</div>)', re.S)
DOLLARS = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", re.S)
CDN_LOADERS = re.compile(
    r'<script src="(?:https?://[^"]*)?">\s*</script>'
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r"|<script type=\"module\">(?:(?!</script>).)*mermaid.*?</script>", re.S)


def on_page_content(content, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    # Out of the search index: its cells are the chapters' snippets, and its text (two
    # fifths of the index) was loaded by every page of the site.
    page.meta["search"] = {"exclude": True}
    return MARKDOWN_CELL.sub(lambda m: m[1] + DOLLARS.sub(arithmatex, m[2]) + m[3],
                             CDN_LOADERS.sub("", content))


def arithmatex(m):
    """$$...$$ or $...$ as pymdownx.arithmatex would have marked it."""
    return (f'<div class="arithmatex">\\[{m[1]}\\]</div>' if m[1] is not None
            else f'<span class="arithmatex">\\({m[2]}\\)</span>')
