"""Render a page's Markdown once for what it is made of, not on every build.

Python-Markdown with Pygments over every code block was a fifth of a warm build,
and `mkdocs serve` renders every page again after any edit. A page's render
(its HTML, table of contents, title, anchors and links to other pages' anchors)
is kept in .cache/pages/ under a key of everything it is made from: the page's
Markdown after every hook has changed it, its place, every file of the site and
its address (links are resolved against them), the Markdown settings, each file
the page embeds with `--8<--`, and the versions of Python and of the programs
that render. A render that logged a warning is never kept, so a broken link
fails every strict build, not only the first. A page whose embeds cannot all be
named (an embed nested in an embedded file) is rendered every time.
Listed last in mkdocs.yml: it takes over the render after every other hook's
on_page_markdown.
"""

import contextlib
import functools
import json
import logging
import re
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from build_cache import CACHE, key, staged

KEPT = CACHE / "pages"
PROGRAMS = ("python", "properdocs", "markdown", "pymdown-extensions", "pygments")
MARK = "8<-"  # pymdownx.snippets' marker, with any number of dashes either side
EMBED = re.compile(r'^[ \t]*-+8<-+[ \t]+"([^"\n]+)"[ \t]*$', re.M)
SECTION = re.compile(r"-+8<-+[ \t]+\[[ \t]*(?:start|end)[ \t]*:[^\]\n]*\]")  # a part's ends


made_of_site = ""  # what every page's render is keyed on besides its own, once a build


def on_nav(nav, config, files):
    """The settings and the site's files, which no page changes: keyed once a build,
    after every hook's on_files and before the first page is rendered."""
    global made_of_site
    settings = repr((config["markdown_extensions"], config["mdx_configs"],
                     config["validation"], config["use_directory_urls"]))
    site = "\n".join(f"{f.src_uri} {f.url}" for f in sorted(files, key=lambda f: f.src_uri))
    made_of_site = key(settings, site)
    return nav


def on_page_markdown(markdown, page, config, files):
    page.render = functools.partial(render, page)
    return markdown


def embedded(markdown, config):
    """The files the page's `--8<-- "path[:section]"` lines embed, each found as
    pymdownx.snippets finds it (in the first of its base paths that has it), or None
    when the page embeds in any other way, or a file it embeds embeds more."""
    names = EMBED.findall(markdown)
    options = config["mdx_configs"].get("pymdownx.snippets", {})
    if (markdown.count(MARK) != len(names) or options.get("auto_append")
            or any(".." in name for name in names)):
        return None
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else bases
    paths = set()
    for name in names:
        found = [Path(base, name.split(":")[0]) for base in bases
                 if Path(base, name.split(":")[0]).is_file()]
        if not found or MARK in SECTION.sub("", found[0].read_text(encoding="utf-8")):
            return None
        paths.add(found[0])
    return sorted(paths)


def render(page, config, files):
    paths = embedded(page.markdown, config)
    if paths is None:
        return Page.render(page, config, files)
    made_of = key(page.markdown, page.file.src_uri, page.url, made_of_site,
                  *(str(p) for p in paths), *paths, packages=PROGRAMS)
    done = KEPT / f"{made_of}.json"
    if done.exists():
        return restore(page, files, json.loads(done.read_text(encoding="utf-8")))
    with warnings() as logged:
        Page.render(page, config, files)
    if not logged:
        with staged(done) as stage:
            stage.write_text(json.dumps(kept(page)), encoding="utf-8")


@contextlib.contextmanager
def warnings():
    """The warnings logged inside the block (ProperDocs counts those of its own logger,
    which does not pass them on, for --strict)."""
    logged = []
    catch = logging.Handler(logging.WARNING)
    catch.emit = logged.append
    loggers = [logging.getLogger("properdocs"), logging.getLogger()]
    for logger in loggers:
        logger.addHandler(catch)
    try:
        yield logged
    finally:
        for logger in loggers:
            logger.removeHandler(catch)


def tokens(links):
    """A table of contents as the tokens get_toc reads."""
    return [{"name": a.title, "id": a.id, "level": a.level, "children": tokens(a.children)}
            for a in links]


def kept(page):
    return {"content": page.content, "toc": tokens(page.toc), "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids),
            "links": {f.src_uri: links for f, links in page.links_to_anchors.items()}}


def restore(page, files, result):
    page.content = result["content"]
    page.toc = get_toc(result["toc"])
    page._title_from_render = result["title"]
    page.present_anchor_ids = set(result["anchors"])
    page.links_to_anchors = {files.get_file_from_path(uri): links
                             for uri, links in result["links"].items()}
