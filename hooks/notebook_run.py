"""Execute each notebook before its page is written, with a time limit per cell.

A cell that raises or runs too long stops the build with the snippet file and
line it came from (each code cell's metadata names its snippet), in plain text:
no traceback is ever published, and no build hangs. The page is written from the
executed copy (hooks/notebook_page.py), which mkdocs-jupyter also publishes as the
download. Each notebook runs in a fresh kernel of its own. Executed copies are kept
in .cache/notebook/ under a key of the notebook and of the versions of Python, the
kernel and every package its cells import: an unchanged notebook is not run again.
"""

import json
import os
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from build_cache import CACHE, key, packages_of, staged
from contract import ROOT
from walkthrough import NOTEBOOKS

KEPT = CACHE / "notebook"  # executed copies, by content
TIMEOUT = 60  # seconds per cell; each takes well under one
RUNNERS = ("python", "ipykernel", "nbclient", "nbformat")  # besides what the cells import
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def on_files(files, config):
    pages = {name: files.get_file_from_path(name) for name in NOTEBOOKS}
    runs = {name: kept_copy(name, page.abs_src_path, config)
            for name, page in pages.items() if page is not None}
    # The notebooks not kept run side by side, each in its own kernel (a process):
    # keys first, in this thread (build_cache writes what it keeps from the thread
    # that asks).
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for future in [pool.submit(run, done, text) for done, text in runs.values()
                       if not done.exists()]:
            future.result()  # a cell's PluginError stops the build here
    for name, (done, _) in runs.items():
        pages[name].abs_src_path = str(done)
    return files


def kept_copy(name, source, config):
    """(where docs/NAME's executed copy is kept, the text to run if it is not)."""
    # Its links name the local site (metadata "site_url"): the copy published names this
    # build's site_url, so a downloaded notebook links to the site it came from.
    text = Path(source).read_text(encoding="utf-8")
    local = json.loads(text)["metadata"].get("site_url")
    if local:
        text = text.replace(local, config["site_url"] or local)
    packages = set(RUNNERS).union(*(packages_of("".join(cell["source"]))
                                    for cell in json.loads(text)["cells"]
                                    if cell["cell_type"] == "code"))
    # The same cells run by the same programs: the same outputs. Same file name:
    # mkdocs-jupyter picks its pages by name.
    return KEPT / key(text, packages=packages) / name, text


def run(done, text):
    """Execute text, kept as done."""
    with tempfile.TemporaryDirectory(prefix="notebook-") as folder:
        copy = Path(folder) / done.name  # run where no other file is
        copy.write_text(text, encoding="utf-8")
        with staged(done.parent) as stage:
            stage.mkdir()
            execute(copy, stage / done.name)


def execute(source, executed, timeout=TIMEOUT, root=ROOT):
    """Run source top to bottom in a fresh kernel; write the executed copy to executed."""
    notebook = nbformat.read(source, as_version=4)
    # No timestamps in the cells' metadata: the same notebook gives the same file, so
    # the download and every check keyed on the site's files stay the same.
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            record_timing=False,
                            resources={"metadata": {"path": str(source.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            try:
                client.execute_cell(cell, index)
            except CellTimeoutError as err:
                raise PluginError(f"{where(cell, root, source.name)}: still running after "
                                  f"{timeout} s (notebook cell {index})") from err
            except (CellExecutionError, DeadKernelError) as err:
                trace = ANSI.sub("", getattr(err, "traceback", "") or str(err))
                raise PluginError(f"{where(cell, root, source.name, trace)}: "
                                  f"{getattr(err, 'ename', type(err).__name__)}: "
                                  f"{ANSI.sub('', str(getattr(err, 'evalue', err)))}\n{trace}"
                                  ) from err
    nbformat.write(notebook, executed)


def where(cell, root, notebook, trace=""):
    """snippets/NAME.py:LINE for the line of the cell the traceback points at."""
    name = cell.metadata.get("snippet")
    if not name:
        return f"{notebook} (a cell from no snippet)"
    path = f"snippets/{name}.py"
    lines = re.findall(r"Cell In\[\d+\], line (\d+)", trace)
    if lines:
        wanted = cell.source.splitlines()[int(lines[-1]) - 1].strip()
        source = (root / path).read_text(encoding="utf-8").splitlines()
        found = [k for k, line in enumerate(source, start=1) if line.strip() == wanted]
        if found:
            return f"{path}:{found[0]}"
    return path
