"""The notebook is the snippets, in order: fresh, and printing what they print."""

import json
import re

import nbformat
import pytest
from mkdocs.exceptions import PluginError

import notebook as walkthrough
import notebook_run
from conftest import ROOT, SITE_URL, article, minimal_build


def test_notebook_is_what_the_snippets_make():
    assert walkthrough.NOTEBOOK.read_text(encoding="utf-8") == walkthrough.text(), (
        "docs/walkthrough.ipynb is stale: run `make notebook-file`")


@pytest.fixture(scope="module")
def executed(site):
    """The notebook as the build ran it top to bottom in a fresh kernel of this
    environment, offline (hooks/notebook_run.py; its copy is the site's download)."""
    return nbformat.read(site / "walkthrough" / "walkthrough.ipynb", as_version=4)


def test_every_snippet_is_in_the_notebook(executed):
    """Every file under snippets/ is a cell, unless LEFT_OUT names it with a reason."""
    shown = {cell.metadata.get("snippet") for cell in executed.cells}
    on_disk = {path.stem for path in (ROOT / "snippets").glob("*.py")}
    missing = on_disk - shown - set(walkthrough.LEFT_OUT)
    assert not missing, f"snippets missing from the notebook: {sorted(missing)}"
    assert not set(walkthrough.LEFT_OUT) & shown, "LEFT_OUT names a snippet the notebook has"


def test_cells_print_the_expected_outputs(executed):
    for cell in executed.cells:
        if not cell.metadata.get("compare"):
            continue
        name = cell.metadata["snippet"]
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        expected = (ROOT / "snippets" / f"{name}.txt").read_text(encoding="utf-8")
        assert printed == expected, f"notebook cell of snippets/{name}.py printed:\n{printed}"


def test_error_curve_is_shown(executed):
    figure = next(c for c in executed.cells if c.metadata.get("figure") == "error_curve")
    html = "".join(o.get("data", {}).get("text/html", "") for o in figure.outputs)
    assert '<img src="data:image/svg+xml;base64,' in html
    assert 'alt="error E (log scale) against epoch, 31 points, from 0.306466' in html


def test_the_site_has_the_notebook_and_its_download(site):
    page = (site / "walkthrough" / "index.html").read_text(encoding="utf-8")
    # The cell's output is byte for byte the site's figure: the page shows the site's file.
    assert 'src="../figures/error_curve-light.svg#only-light"' in page
    assert "cdnjs" not in page
    downloaded = json.loads((site / "walkthrough" / "walkthrough.ipynb").read_text())
    cells = json.loads(walkthrough.text())["cells"]
    for got, made in zip(downloaded["cells"], cells, strict=True):
        # The same cells, linking to the site they were downloaded from.
        assert "".join(got["source"]) == "".join(made["source"]).replace(walkthrough.SITE,
                                                                         SITE_URL)
    assert any(c.get("outputs") for c in downloaded["cells"]), "download it run, outputs shown"


def test_the_downloaded_notebook_links_to_the_published_site(site):
    """Relative links break once the file leaves the site: every link is absolute."""
    downloaded = (site / "walkthrough" / "walkthrough.ipynb").read_text()
    # Links are Markdown: in a code cell, `DERIVATIVES[f](z, a)` is a call, not a link.
    prose = "".join("".join(cell["source"]) for cell in json.loads(downloaded)["cells"]
                    if cell["cell_type"] == "markdown")
    links = re.findall(r"\]\(([^)]+)\)", prose)
    assert f"{SITE_URL}data/" in links and f"{SITE_URL}walkthrough/walkthrough.ipynb" in links
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


def test_the_notebook_page_is_written_like_a_chapter(site):
    """Material's code blocks, no JupyterLab markup or inline styles, one block per cell."""
    content = article((site / "walkthrough" / "index.html").read_text(encoding="utf-8"))
    assert "<style" not in content and "jp-" not in content and "<script" not in content
    snippet_cells = [c for c in json.loads(walkthrough.text())["cells"]
                     if c["metadata"].get("snippet")]
    titles = re.findall(r'<span class="filename">snippets/(\w+)\.py</span>', content)
    assert titles == [c["metadata"]["snippet"] for c in snippet_cells]
    assert 'href="../data/"' in content and SITE_URL not in content


def notebook_of(tmp_path, source, name="broken"):
    """A one-cell notebook whose cell is snippets/NAME.py, as tools/notebook.py makes them."""
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
        notebook_run.execute(source, tmp_path, root=tmp_path)
    message = str(caught.value)
    assert message.startswith("snippets/broken.py:3: ValueError: boom in a cell"), message
    assert "\x1b[" not in message


def test_a_hanging_cell_stops_within_the_limit(tmp_path):
    source = notebook_of(tmp_path, "import time\n\ntime.sleep(60)\n", name="hanging")
    with pytest.raises(PluginError, match=r"snippets/hanging.py: still running after 1 s"):
        notebook_run.execute(source, tmp_path, timeout=1, root=tmp_path)


def test_a_failing_cell_fails_the_build(tmp_path):
    """The hook in a minimal site: the build stops, names the snippet, publishes nothing."""
    (tmp_path / "docs").mkdir()
    notebook_of(tmp_path / "docs", "raise ValueError('boom in a cell')\n")
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "broken.py").write_text("raise ValueError('boom in a cell')\n")
    done = minimal_build(tmp_path, {}, strict=True,
                         plugins=[{"mkdocs-jupyter": {"include": ["walkthrough.ipynb"]}}],
                         hooks=[str(ROOT / "hooks" / "notebook_run.py")])
    assert done.returncode != 0 and "snippets/broken.py" in done.stderr, done.stderr
    assert "boom in a cell" in done.stderr
    assert not (tmp_path / "site" / "walkthrough" / "index.html").exists()
