"""Passes kept between runs (a pytest plugin; conftest.py takes its hooks): a test
that passed is not run again while nothing it could read has changed. CI=true
runs every test.

What a test could read has one key (state): the name and bytes of every file of
the repository that git does not ignore (committed or not), every installed
package (metadata_folders), node_modules' lock, Python's version, and the
browser the tests drive (its path, size and time). Any change to any of it and
every test runs again; tests with finer keys of their own (the pages' browser
visits, the snippets' outputs) then keep what those say. A pass is kept only if
the state is the same when the run ends as when it began: a file edited while
the tests ran keeps nothing.
"""

import os
import subprocess
import sys

import pytest

from browser import chromium
from build_cache import key, metadata_folders, staged

KEPT = "kept"  # the user property of a test not run again
STATE = pytest.StashKey[str]()
PASSED = pytest.StashKey[list]()
SETUP_PASSED = pytest.StashKey[bool]()


def state(root):
    """The key of everything under root and around it a test could read, or None
    outside a git work tree (then nothing is kept)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard"], cwd=root, capture_output=True,
                                check=True, timeout=60).stdout.decode()
    except (OSError, subprocess.SubprocessError):
        return None
    parts = []
    for name in sorted(set(listed.split("\0")) - {""}):
        path = root / name
        parts += [name, path.read_bytes() if path.is_file() else b"\0gone"]
    npm = root / "node_modules" / ".package-lock.json"
    browser = chromium()
    if browser:
        found = os.stat(browser)
        parts.append(f"{browser} {found.st_size} {found.st_mtime_ns}")
    return key(*parts, *metadata_folders(), npm.read_bytes() if npm.exists() else b"",
               sys.version)


def kept(root, now, nodeid):
    return root / ".cache" / "passed" / now / key(nodeid)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CI"):
        return
    now = state(config.rootpath)
    if now is None:
        return
    config.stash[STATE], config.stash[PASSED] = now, []
    for item in items:
        if kept(config.rootpath, now, item.nodeid).exists():
            # Neither its fixtures (a build, a browser) nor the test itself run.
            item.setup = item.runtest = lambda: None
            item.user_properties.append((KEPT, True))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if STATE in item.config.stash and (KEPT, True) not in item.user_properties:
        if report.when == "setup":
            item.stash[SETUP_PASSED] = report.passed
        elif report.when == "call" and report.passed and item.stash.get(SETUP_PASSED, False):
            item.config.stash[PASSED].append(item.nodeid)  # a skip or xfail is not kept
        elif report.when == "teardown" and not report.passed:
            item.config.stash[PASSED] = [n for n in item.config.stash[PASSED] if n != item.nodeid]
    return report


def pytest_sessionfinish(session):
    config = session.config
    if STATE not in config.stash or state(config.rootpath) != config.stash[STATE]:
        return
    for nodeid in config.stash[PASSED]:
        with staged(kept(config.rootpath, config.stash[STATE], nodeid)) as stage:
            stage.touch()


def pytest_terminal_summary(terminalreporter):
    kept = sum((KEPT, True) in report.user_properties
               for report in terminalreporter.stats.get("passed", []))
    if kept:
        terminalreporter.write_line(
            f"{kept} tests not run again: no file of the repository, installed package or "
            f"browser has changed since they passed (.cache/passed; CI=true runs all)")
