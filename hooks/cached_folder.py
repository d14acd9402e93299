"""A folder of results kept in .cache/ all at once (used by figure_files.py and katex.py;
not a hook itself: MkDocs puts this folder on the path while it loads a hook)."""

import os
import shutil
from pathlib import Path


def keep(folder, done, pattern="*"):
    """Copy folder's files that match pattern into the cache folder done, in one rename:
    a build running beside this one sees all of them or none."""
    staged = Path(f"{done}.{os.getpid()}")
    staged.mkdir(parents=True)
    for file in Path(folder).glob(pattern):
        shutil.copy(file, staged / file.name)
    try:
        staged.rename(done)
    except OSError:
        shutil.rmtree(staged)  # the other build got there first, with the same files
