"""Execute the walk-through notebook before it is rendered, with a time limit per cell.

A cell that raises or runs too long stops the build with the snippet file and
line it came from (each code cell's metadata names its snippet), in plain text:
no traceback is ever published, and no build hangs. mkdocs-jupyter then renders
the executed copy (its own `execute` stays off). Executed copies are kept in
.cache/notebook/ under a hash of the notebook (and of Python, numpy, matplotlib
and ipykernel's versions): an unchanged notebook is not run again.
"""

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "notebook"  # executed copies, by content
NOTEBOOK = "walkthrough.ipynb"
TIMEOUT = 60  # seconds per cell; each takes well under one
RENDERERS = ("mkdocs-jupyter", "nbconvert", "jupytext", "pygments", "mistune")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

executed_dir = tempfile.TemporaryDirectory(prefix="notebook-")


def on_config(config):
    """mkdocs-jupyter keeps each rendered notebook in its cache_dir under a hash of the
    notebook and its own options, not of the packages that render it: one folder per
    set of their versions, so an update renders afresh. And one per site_url: each
    build deletes what its folder holds for other notebooks, and the tests build for
    a published address while `make serve` builds for 127.0.0.1."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin and plugin.config["cache"]:
        key = f"{versions(RENDERERS)} {config['site_url']}"
        folder = hashlib.sha256(key.encode()).hexdigest()[:16]
        plugin.config["cache_dir"] = str(ROOT / ".cache" / "mkdocs-jupyter" / folder)
    return config


def on_files(files, config):
    page = files.get_file_from_path(NOTEBOOK)
    if page is None:
        return files
    # The notebook as the snippets make it now (tools/notebook.py writes it only if it
    # changed), so an edited snippet reaches the page in the same rebuild. Loaded afresh
    # each build, in this process: `mkdocs serve` picks up an edit to it too.
    generator = Path(config.config_file_path).parent / "tools" / "notebook.py"
    if generator.exists():
        spec = importlib.util.spec_from_file_location("notebook_generator", generator)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.write()
    if os.environ.get("EXECUTE_NOTEBOOK", "true") == "false":
        return files  # the build renders it unexecuted (tests that only break a link)
    # Its links name the local site (metadata "site_url"): the copy published names this
    # build's site_url, so a downloaded notebook links to the site it came from.
    text = Path(page.abs_src_path).read_text(encoding="utf-8")
    local = json.loads(text)["metadata"].get("site_url")
    if local:
        text = text.replace(local, config["site_url"] or local)
    source = Path(executed_dir.name) / "source" / NOTEBOOK
    source.parent.mkdir(exist_ok=True)
    source.write_text(text, encoding="utf-8")
    key = hashlib.sha256(text.encode() + sys.version.encode()
                         + versions(("numpy", "matplotlib", "ipykernel")).encode())
    # The same cells: the same outputs. Same file name: mkdocs-jupyter picks its pages
    # by name.
    done = CACHE / key.hexdigest()[:16] / source.name
    if not done.exists():
        executed = execute(source, Path(executed_dir.name))
        done.parent.mkdir(parents=True, exist_ok=True)
        staged = shutil.copy(executed, f"{done}.{os.getpid()}")
        os.replace(staged, done)  # atomic, for builds running side by side
    page.abs_src_path = str(done)
    return files


def versions(packages):
    return " ".join(importlib.metadata.version(p) for p in packages)


def execute(source, folder, timeout=TIMEOUT, root=ROOT):
    """Run source top to bottom in a fresh kernel; write and return the executed copy."""
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
