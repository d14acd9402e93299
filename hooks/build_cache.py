"""What the build and the tests keep in .cache/, and how (not a hook itself: MkDocs
puts this folder on the path while it loads a hook; pytest's pythonpath has it too).

Every kept result has a key: a hash of what it was made from and of the version of
every program that made it (key). A result is written beside its place and renamed
into it in one step (staged): a build or test running beside this one sees all of
it or none.
"""

import ast
import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
from pathlib import Path

from contract import ROOT

CACHE = ROOT / ".cache"


def version(package):
    """The version of a program that makes a result: "python" (this interpreter),
    "npm:NAME" (a Node package in node_modules) or a Python distribution's name."""
    if package == "python":
        return sys.version
    if package.startswith("npm:"):
        manifest = ROOT / "node_modules" / package.removeprefix("npm:") / "package.json"
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return distribution_version(package)


@functools.cache  # each lookup searches the whole path: a build asks ~100 times
def distribution_version(package):
    return importlib.metadata.version(package)


def key(*inputs, packages=()):
    """A result's key: a hash of its inputs (bytes, text, or a Path: the file's name
    and contents) and of the version of each of packages (see version)."""
    digest = hashlib.sha256()
    for part in [*(f"{p} {version(p)}" for p in sorted(set(packages))), *inputs]:
        if isinstance(part, Path):
            part = part.name.encode() + b"\0" + part.read_bytes()
        elif isinstance(part, str):
            part = part.encode()
        digest.update(len(part).to_bytes(8, "big") + part)  # no two lists hash alike
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def staged(done):
    """A path beside done to write a result into (a file, or a folder the caller
    makes); it becomes done in one rename when the block ends without error. A folder
    that another run has put there first is left as it is: its key says it holds the
    same."""
    done = Path(done)
    done.parent.mkdir(parents=True, exist_ok=True)
    stage = done.with_name(f"{done.name}.{os.getpid()}.partial")
    try:
        yield stage
        try:
            os.replace(stage, done)
        except OSError:
            if not done.is_dir():
                raise
    finally:
        if stage.is_dir():
            shutil.rmtree(stage)
        else:
            stage.unlink(missing_ok=True)


def made_by(script, folders=()):
    """What a script's output depends on: (its file and every module of ours it
    imports, at any depth, each a Path; the programs that run them, for key's
    packages: Python and the distribution of every other module they import). Our
    modules are the files in folders (by default the script's own: a snippet imports
    snippets)."""
    folders = [Path(folder) for folder in folders] or [Path(script).parent]
    files, packages = set(), {"python"}
    todo = [Path(script)]
    while todo:
        path = todo.pop()
        if path in files:
            continue
        files.add(path)
        for module in imported_modules(path.read_text(encoding="utf-8")):
            ours = [folder / f"{module}.py" for folder in folders
                    if (folder / f"{module}.py").exists()]
            if ours:
                todo.append(ours[0])
            else:
                packages |= distributions(module)
    return sorted(files), packages


def packages_of(source):
    """The distributions of every module source imports (none for the standard
    library)."""
    return set().union(*(distributions(module) for module in imported_modules(source)))


def imported_modules(source):
    """The top-level name of every module source imports, at any depth of its code.
    Kept in .cache/imports.json by the source's hash: parsing every snippet on every
    build was a tenth of it."""
    digest = hashlib.sha256(source.encode()).hexdigest()
    kept = imports_kept()
    if digest not in kept:
        kept[digest] = sorted(parsed_imports(source))
        with staged(CACHE / "imports.json") as stage:
            stage.write_text(json.dumps(kept), encoding="utf-8")
    return set(kept[digest])


@functools.cache
def imports_kept():
    path = CACHE / "imports.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def parsed_imports(source):
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names.add(node.module.split(".")[0])
    return names


def distributions(module):
    if module in sys.stdlib_module_names:
        return set()
    if module not in installed():
        # A module another package answers for: ProperDocs serves `import mkdocs...`
        # (MkDocs itself is not installed), so the distribution is the one that holds
        # the module the import really gives.
        try:
            real = importlib.import_module(module).__name__.split(".")[0]
        except ImportError:
            real = None
        if real not in installed():
            raise LookupError(f"no installed package provides the module {module!r}")
        return set(installed()[real])
    return set(installed()[module])


@functools.cache
def installed():
    """{top-level module: [distribution, ...]} of every installed package. Reading it
    (packages_distributions reads every package's list of files) was a tenth of a
    warm build, so it is kept under a key of metadata_folders()."""
    done = CACHE / "installed" / f"{key(chr(10).join(metadata_folders()))}.json"
    if done.exists():
        return json.loads(done.read_text(encoding="utf-8"))
    found = importlib.metadata.packages_distributions()
    with staged(done) as stage:
        stage.write_text(json.dumps(found), encoding="utf-8")
    return found


def metadata_folders():
    """Every installed package, as the metadata folder on the path that says so: its
    place, its name (which holds the version) and when it was written."""
    return sorted(f"{entry.path} {entry.stat().st_mtime_ns}"
                  for place in sys.path if os.path.isdir(place or ".")
                  for entry in os.scandir(place or ".")
                  if entry.name.endswith((".dist-info", ".egg-info")))
