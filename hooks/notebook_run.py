"""Execute the walk-through notebook before it is rendered, with a time limit per cell.

A cell that raises or runs too long stops the build with the snippet file and
line it came from (each code cell's metadata names its snippet), in plain text:
no traceback is ever published, and no build hangs. mkdocs-jupyter then renders
the executed copy (its own `execute` stays off).
"""

import os
import re
import tempfile
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "walkthrough.ipynb"
TIMEOUT = 60  # seconds per cell; each takes well under one
ANSI = re.compile(r"\x1b\[[0-9;]*m")

executed_dir = tempfile.TemporaryDirectory(prefix="notebook-")


def on_files(files, config):
    if os.environ.get("EXECUTE_NOTEBOOK", "true") == "false":
        return files  # the build renders it unexecuted (tests that only break a link)
    page = files.get_file_from_path(NOTEBOOK)
    if page is not None:
        page.abs_src_path = str(execute(Path(page.abs_src_path), Path(executed_dir.name)))
    return files


def execute(source, folder, timeout=TIMEOUT, root=ROOT):
    """Run source top to bottom in a fresh kernel; write and return the executed copy."""
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(source.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            try:
                client.execute_cell(cell, index)
            except CellTimeoutError as err:
                raise PluginError(f"{where(cell, root)}: still running after {timeout} s "
                                  f"(notebook cell {index})") from err
            except (CellExecutionError, DeadKernelError) as err:
                trace = ANSI.sub("", getattr(err, "traceback", "") or str(err))
                raise PluginError(f"{where(cell, root, trace)}: "
                                  f"{getattr(err, 'ename', type(err).__name__)}: "
                                  f"{ANSI.sub('', str(getattr(err, 'evalue', err)))}\n{trace}"
                                  ) from err
    executed = folder / source.name
    nbformat.write(notebook, executed)
    return executed


def where(cell, root, trace=""):
    """snippets/NAME.py:LINE for the line of the cell the traceback points at."""
    name = cell.metadata.get("snippet")
    if not name:
        return f"{NOTEBOOK} (a cell from no snippet)"
    path = f"snippets/{name}.py"
    lines = re.findall(r"Cell In\[\d+\], line (\d+)", trace)
    if lines:
        wanted = cell.source.splitlines()[int(lines[-1]) - 1].strip()
        source = (root / path).read_text(encoding="utf-8").splitlines()
        found = [k for k, line in enumerate(source, start=1) if line.strip() == wanted]
        if found:
            return f"{path}:{found[0]}"
    return path
