"""hooks/page_cache.py keeps each page's render: a kept one is used only when nothing
it was made from changed, it gives the page the build would have rendered, and a
broken link fails every strict build, not only the first."""

import uuid

import page_cache
from conftest import minimal_build

PAGES = {
    "index.md": "# Home {unique}\n\n## First part\n\nSee [the other](other.md#its-part).\n\n"
                '```python\n--8<-- "part.py"\n```\n',
    "other.md": "# Other\n\n## Its part\n\n[Back](index.md#first-part)\n",
}


def built(tmp_path, pages, part, **config):
    """A strict minimal build with pymdownx.snippets (base: tmp_path, where part.py is)
    and page_cache: (finished process, the home page's HTML)."""
    (tmp_path / "part.py").write_text(part)
    done = minimal_build(tmp_path, pages, strict=True, hooks=[page_cache.__file__],
                         markdown_extensions=["toc", {"pymdownx.snippets": {
                             "base_path": [str(tmp_path)], "check_paths": True}}], **config)
    home = tmp_path / "site" / "index.html"
    return done, home.read_text() if home.exists() else None


def test_a_kept_render_is_the_render_and_an_edited_embed_is_rendered_again(tmp_path):
    pages = {name: text.replace("{unique}", uuid.uuid4().hex) for name, text in PAGES.items()}
    done, fresh = built(tmp_path, pages, "before = 1\n")
    assert done.returncode == 0, done.stderr
    site = {p.relative_to(tmp_path / "site"): p.read_bytes()
            for p in (tmp_path / "site").rglob("*") if p.is_file() and p.suffix != ".gz"}
    done, again = built(tmp_path, pages, "before = 1\n")
    assert done.returncode == 0, done.stderr
    for path, content in site.items():
        assert (tmp_path / "site" / path).read_bytes() == content, f"{path} differs when kept"
    assert "before" in again
    done, edited = built(tmp_path, pages, "after = 2\n")
    assert done.returncode == 0, done.stderr
    assert "after" in edited and "before" not in edited, "an old render of an edited embed"


def test_a_broken_link_fails_every_strict_build(tmp_path):
    """Whether the page's render was kept or not: a link to a missing anchor is checked
    after the render, and a render that warned (a missing page) is never kept."""
    pages = {"index.md": f"# Home {uuid.uuid4().hex}\n\n[There](other.md#no-such-part)\n\n"
                         "[Gone](missing.md)\n",
             "other.md": "# Other\n\n## Its part\n"}
    for build in ("first", "second"):
        done, _ = built(tmp_path, pages, "x = 1\n", validation={"anchors": "warn"})
        assert done.returncode != 0, f"the {build} build passed"
        for broken in ("'#no-such-part'", "missing.md"):
            assert broken in done.stderr, f"the {build} build: {broken} not named"


def test_a_page_is_rendered_again_when_a_page_it_links_to_goes(tmp_path):
    """The site's files are in every page's key: the same page, once its link's target
    is gone, is rendered again and the strict build names the broken link."""
    pages = {"index.md": f"# Home {uuid.uuid4().hex}\n\n[There](other.md)\n",
             "other.md": "# Other\n"}
    done, _ = built(tmp_path, pages, "x = 1\n")
    assert done.returncode == 0, done.stderr
    (tmp_path / "docs" / "other.md").unlink()
    done, _ = built(tmp_path, {"index.md": pages["index.md"]}, "x = 1\n")
    assert done.returncode != 0 and "other.md" in done.stderr, done.stderr
