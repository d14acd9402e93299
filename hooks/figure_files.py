"""Draw the figures while the site builds, so no committed image can drift from its code.

Runs `python snippets/figures.py --themes` as a reader would run it (a fresh
process, so `mkdocs serve` always draws the code as it is now) and publishes
each figures/<name>-light.svg and figures/<name>-dark.svg; the chapters show
one or the other with Material's #only-light / #only-dark.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent


def on_files(files, config):
    with tempfile.TemporaryDirectory() as folder:
        try:
            subprocess.run([sys.executable, "snippets/figures.py", "--themes", folder],
                           cwd=ROOT, capture_output=True, text=True, check=True, timeout=120,
                           env={**os.environ, "MPLBACKEND": "Agg"})
        except subprocess.CalledProcessError as err:
            raise PluginError(f"snippets/figures.py failed:\n{err.stderr}") from err
        except subprocess.TimeoutExpired as err:
            raise PluginError("snippets/figures.py still running after 120 s") from err
        for svg in sorted(Path(folder).glob("*.svg")):
            files.append(File.generated(config, f"figures/{svg.name}",
                                        content=svg.read_text(encoding="utf-8")))
    return files
