"""Every internal link and anchor in the built site resolves, 404 page included."""

from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from conftest import SITE_URL, minimal_build, mkdocs_config


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append((self.getpos()[0], attrs[key]))


def parse(path):
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site, root="/"):
    """Links that name no file or no anchor; root: the site's path on its server."""
    pages = {p: parse(p) for p in site.rglob("*.html")}
    problems = []
    for page, found in pages.items():
        for line, link in found.links:
            url = urlsplit(link)
            if url.scheme or url.netloc or link.startswith(("mailto:", "data:")):
                continue  # not a page of ours; test_browser proves nothing is fetched
            if url.path.startswith("/"):
                target = site / unquote(url.path).removeprefix(root)
            else:
                target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site)}:{line}"
            if not target.exists():
                problems.append(f"{where}: {link} -> no such file")
            elif url.fragment and target.suffix == ".html":
                ids = pages.get(target.resolve(), pages.get(target)) or parse(target)
                if unquote(url.fragment) not in ids.ids:
                    problems.append(f"{where}: {link} -> no anchor #{url.fragment}")
    return problems


def test_every_internal_link_resolves(site):
    assert (site / "404.html").exists()
    problems = broken_links(site, urlsplit(SITE_URL).path)
    assert not problems, "broken links in the built site:\n" + "\n".join(problems)


@pytest.mark.parametrize("damage", ["missing.md", "errata.md#no-such-anchor"])
def test_a_broken_link_fails_the_build(tmp_path, damage):
    """The site's own validation settings, strict, stop a broken page link or anchor:
    on a two-page site, so the test costs a second, not a whole build."""
    done = minimal_build(tmp_path, {"errata.md": "# Errata\n\n## (a) Inputs paired\n",
                                    "error.md": f"# Error\n\nSee [this]({damage}).\n"},
                         strict=True, validation=mkdocs_config()["validation"])
    assert done.returncode != 0, "a broken link built without error"
    assert "error.md" in done.stderr and damage.split("#")[-1] in done.stderr, done.stderr
