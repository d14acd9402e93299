"""The notebooks are the snippets, in order: fresh, and printing what they print."""

import json
import re
from pathlib import Path

import nbformat
import pytest
from mkdocs.exceptions import PluginError

import notebook_page
import notebook_run
import walkthrough
from conftest import DOCS, ROOT, SITE_URL, article, embeds, minimal_build
from walkthrough import NOTEBOOKS


def stem(name):
    return name.removesuffix(".ipynb")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_what_the_snippets_make(name):
    assert walkthrough.path(name).read_text(encoding="utf-8") == walkthrough.text(name), (
        f"docs/{name} is stale: run `make notebook-file`")


def test_every_notebook_is_a_page_in_the_nav():
    """mkdocs.yml lists each notebook hooks/walkthrough.py writes in its nav and in
    mkdocs-jupyter's include, which makes it a page."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    include = re.search(r"^ +include: \[(.*)\]", config, re.M)[1]
    assert all(f": {name}\n" in config and f'"{name}"' in include for name in NOTEBOOKS)


@pytest.fixture(scope="module", params=NOTEBOOKS)
def executed(request, site):
    """A notebook as the build ran it top to bottom in a fresh kernel of this
    environment, offline (hooks/notebook_run.py; its copy is the site's download)."""
    name = request.param
    return nbformat.read(site / stem(name) / name, as_version=4)


@pytest.fixture(scope="module")
def every_cell(site):
    return [cell for name in NOTEBOOKS
            for cell in nbformat.read(site / stem(name) / name, as_version=4).cells]


def test_every_snippet_is_in_a_notebook(every_cell):
    """Every file under snippets/ is a cell, unless LEFT_OUT names it with a reason."""
    shown = {cell.metadata.get("snippet") for cell in every_cell}
    on_disk = {path.stem for path in (ROOT / "snippets").glob("*.py")}
    missing = on_disk - shown - set(walkthrough.LEFT_OUT)
    assert not missing, f"snippets missing from the notebook: {sorted(missing)}"
    assert not set(walkthrough.LEFT_OUT) & shown, "LEFT_OUT names a snippet the notebook has"


def test_each_snippet_is_told_under_a_chapter_that_shows_it():
    """STORY files each snippet under a chapter; that chapter must embed it (whole or a
    section), so the notebook's "Chapter:" link leads to where the code is explained."""
    for title, page, _, entries in walkthrough.STORY + walkthrough.REAL:
        shown = {Path(t.split(":")[0]).stem for _, t in embeds(DOCS / f"{page}.md")}
        told = {entry if isinstance(entry, str) else entry[0] for entry in entries}
        assert told <= shown, (f"STORY puts {sorted(told - shown)} under {title!r}, but "
                               f"docs/{page}.md does not embed them")


def test_cells_print_the_expected_outputs(executed):
    for cell in executed.cells:
        if not cell.metadata.get("compare"):
            continue
        name = cell.metadata["snippet"]
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        expected = (ROOT / "snippets" / f"{name}.txt").read_text(encoding="utf-8")
        assert printed == expected, f"notebook cell of snippets/{name}.py printed:\n{printed}"


def test_error_curve_is_shown(every_cell):
    figure = next(c for c in every_cell if c.metadata.get("figure") == "error_curve")
    html = "".join(o.get("data", {}).get("text/html", "") for o in figure.outputs)
    assert '<img src="data:image/svg+xml;base64,' in html
    assert 'alt="error E (log scale) against epoch, 31 points, from 0.306466' in html


def test_the_walkthrough_page_shows_the_sites_figure(site):
    page = (site / "walkthrough" / "index.html").read_text(encoding="utf-8")
    # The cell's output is byte for byte the site's figure: the page shows the site's file.
    assert 'src="../figures/error_curve-light.svg#only-light"' in page


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_site_has_the_notebook_and_its_download(site, name):
    page = (site / stem(name) / "index.html").read_text(encoding="utf-8")
    assert "cdnjs" not in page
    downloaded = json.loads((site / stem(name) / name).read_text())
    cells = json.loads(walkthrough.text(name))["cells"]
    for got, made in zip(downloaded["cells"], cells, strict=True):
        # The same cells, linking to the site they were downloaded from.
        assert "".join(got["source"]) == "".join(made["source"]).replace(walkthrough.SITE,
                                                                         SITE_URL)
    assert any(c.get("outputs") for c in downloaded["cells"]), "download it run, outputs shown"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_downloaded_notebook_links_to_the_published_site(site, name):
    """Relative links break once the file leaves the site: every link is absolute."""
    downloaded = (site / stem(name) / name).read_text()
    # Links are in the Markdown cells; code such as DERIVATIVES[f](z, a) is no link.
    prose = "".join("".join(cell["source"]) for cell in json.loads(downloaded)["cells"]
                    if cell["cell_type"] == "markdown")
    links = re.findall(r"\]\(([^)]+)\)", prose)
    assert f"{SITE_URL}data/" in links and f"{SITE_URL}{stem(name)}/{name}" in links
    assert all(link.startswith(SITE_URL) for link in links), links
    assert walkthrough.SITE not in downloaded


def test_cells_read_as_notebook_code(executed):
    """No module furniture in a cell: docstring, __main__ guard, noqa. (ruff lints the
    notebook too, unused imports included: tests/test_lint.py.)"""
    for cell in executed.cells:
        if cell.cell_type == "code" and cell.metadata.get("snippet"):
            where = f"cell of snippets/{cell.metadata['snippet']}.py"
            assert not cell.source.startswith('"""'), f"{where}: a docstring first"
            assert "__main__" not in cell.source and "noqa" not in cell.source, where


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_notebook_page_is_written_like_a_chapter(site, name):
    """Material's code blocks, no JupyterLab markup or inline styles, one block per cell."""
    content = article((site / stem(name) / "index.html").read_text(encoding="utf-8"))
    assert "<style" not in content and "jp-" not in content and "<script" not in content
    snippet_cells = [c for c in json.loads(walkthrough.text(name))["cells"]
                     if c["metadata"].get("snippet")]
    titles = re.findall(r'<span class="filename">snippets/(\w+)\.py</span>', content)
    assert titles == [c["metadata"]["snippet"] for c in snippet_cells]
    assert 'href="../data/"' in content and SITE_URL not in content


def notebook_of(tmp_path, source, name="broken"):
    """A one-cell notebook whose cell is snippets/NAME.py, as hooks/walkthrough.py makes them."""
    (tmp_path / "snippets").mkdir(exist_ok=True)
    (tmp_path / "snippets" / f"{name}.py").write_text(source)
    cell = walkthrough.code(source, snippet=name, compare=True)
    path = tmp_path / "walkthrough.ipynb"
    path.write_text(json.dumps({"cells": [{"id": "cell-00", **cell}], "nbformat": 4,
                                "nbformat_minor": 5, "metadata": {}}))
    return path


def test_a_raising_cell_names_its_snippet_file_and_line(tmp_path):
    source = notebook_of(tmp_path, "x = 1\ny = 2\nraise ValueError('boom in a cell')\n")
    with pytest.raises(PluginError) as caught:
        notebook_run.execute(source, tmp_path / "executed.ipynb", root=tmp_path)
    message = str(caught.value)
    assert message.startswith("snippets/broken.py:3: ValueError: boom in a cell"), message
    assert "\x1b[" not in message


def test_a_hanging_cell_stops_within_the_limit(tmp_path):
    source = notebook_of(tmp_path, "import time\n\ntime.sleep(60)\n", name="hanging")
    with pytest.raises(PluginError, match=r"snippets/hanging.py: still running after 1 s"):
        notebook_run.execute(source, tmp_path / "executed.ipynb", timeout=1, root=tmp_path)


def test_a_failing_cell_fails_the_build(tmp_path):
    """The hook in a minimal site: the build stops, names the snippet, publishes nothing."""
    (tmp_path / "docs").mkdir()
    notebook_of(tmp_path / "docs", "raise ValueError('boom in a cell')\n")
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "broken.py").write_text("raise ValueError('boom in a cell')\n")
    done = minimal_build(tmp_path, {}, strict=True,
                         plugins=[{"mkdocs-jupyter": {"include": ["walkthrough.ipynb"]}}],
                         hooks=[notebook_run.__file__])
    assert done.returncode != 0 and "snippets/broken.py" in done.stderr, done.stderr
    assert "boom in a cell" in done.stderr
    assert not (tmp_path / "site" / "walkthrough" / "index.html").exists()


@pytest.mark.parametrize("cell, shape", [
    (nbformat.v4.new_code_cell("import sys", outputs=[
        nbformat.v4.new_output("stream", name="stderr", text="a warning")]),
     "an output this page does not show (stream stderr)"),
    (nbformat.v4.new_code_cell("HTML(table)", outputs=[nbformat.v4.new_output(
        "execute_result", {"text/html": "<table><tr><td>1</td></tr></table>"})]),
     "an HTML output this page does not show"),
    (nbformat.v4.new_code_cell("plot()", outputs=[nbformat.v4.new_output(
        "display_data", {"image/png": "iVBORw0KGgo="})]),
     "an output this page does not show (display_data image/png)"),
    (nbformat.v4.new_raw_cell("raw text"), "a raw cell, which this page does not show"),
])
def test_a_cell_the_page_cannot_show_stops_the_build_naming_it(cell, shape):
    """hooks/notebook_page.py writes the cells and outputs it knows; any other shape
    stops the build, naming the cell and its snippet, rather than publish half a page."""
    cell.id, cell.metadata["snippet"] = "cell-07", "forward_pass"
    with pytest.raises(PluginError) as caught:
        notebook_page.cell_markdown(cell, files=[], notebook="walkthrough.ipynb")
    assert str(caught.value).startswith(
        f"walkthrough.ipynb: cell-07 (snippets/forward_pass.py): {shape}"), caught.value


@pytest.mark.parametrize("chapter, notebook", [("forward-pass", "walkthrough"),
                                               ("sigmoid", "walkthrough"),
                                               ("depth", "real-networks"),
                                               ("autodiff", "real-networks"),
                                               ("explorer", "walkthrough")])
def test_each_chapter_links_the_notebook_that_holds_its_cells(site, chapter, notebook):
    page = (site / chapter / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<p class="notebook-link">.*?</p>', page, re.S)[0]
    assert f'href="../{notebook}/"' in link and f'href="../{notebook}/{notebook}.ipynb"' in link
