"""The notebook is the snippets, in order: fresh, and printing what they print."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

import notebook as walkthrough
from conftest import ROOT, repo_copy, strict_build


def test_notebook_is_what_the_snippets_make():
    assert walkthrough.NOTEBOOK.read_text(encoding="utf-8") == walkthrough.text(), (
        "docs/walkthrough.ipynb is stale: run `make notebook-file`")


@pytest.fixture(scope="module")
def executed():
    """The notebook run top to bottom in a fresh kernel of this environment, offline."""
    notebook = nbformat.reads(walkthrough.text(), as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "docs")}}).execute()
    return notebook


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
    assert "data:image/svg+xml;base64," in page, "the error curve is not on the notebook page"
    assert 'class="katex"' in page and "cdnjs" not in page
    downloaded = json.loads((site / "walkthrough" / "walkthrough.ipynb").read_text())
    assert downloaded == json.loads(walkthrough.text())


def test_a_failing_cell_fails_the_build(tmp_path):
    """allow_errors: false: a traceback is never published."""
    copy = repo_copy(tmp_path)
    notebook = json.loads((copy / "docs" / "walkthrough.ipynb").read_text())
    notebook["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {},
                              "outputs": [], "source": ["raise ValueError('boom in a cell')"]})
    (copy / "docs" / "walkthrough.ipynb").write_text(json.dumps(notebook))
    done = strict_build(copy, tmp_path / "site")
    assert done.returncode != 0 and "boom in a cell" in done.stdout + done.stderr
    assert not (tmp_path / "site" / "walkthrough" / "index.html").exists()
