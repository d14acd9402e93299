"""tests/kept_passes.py on a repository of its own (pytester runs pytest in it): a
pass is kept until any file git sees, or a package, changes; a failure, a skip and
a run whose files changed under it keep nothing; CI=true runs everything."""

import subprocess

import pytest

TESTS = """
import pathlib

import pytest


def ran(name):
    with open("ran.log", "a") as log:  # ignored by git: no input of any test
        log.write(name + "\\n")


def test_reads_data():
    ran("data")
    assert pathlib.Path("data.txt").read_text() == "1"


def test_fails():
    ran("fails")
    assert False


def test_skips():
    ran("skips")
    pytest.skip("not here")


def test_edits_a_file():
    ran("edits")
    if pathlib.Path("edit.flag").exists():
        pathlib.Path("notes.md").write_text("edited while the tests ran")
"""


@pytest.fixture
def repo(pytester, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    pytester.makeconftest('pytest_plugins = ["kept_passes"]')
    pytester.makepyfile(test_repo=TESTS)
    (pytester.path / "data.txt").write_text("1")
    (pytester.path / "notes.md").write_text("notes")
    (pytester.path / ".gitignore").write_text(".cache/\nran.log\n__pycache__/\n")
    subprocess.run(["git", "init", "-q"], cwd=pytester.path, check=True)
    subprocess.run(["git", "add", "."], cwd=pytester.path, check=True)
    return pytester


def runs(repo):
    """Which tests ran in one more run of the suite."""
    log = repo.path / "ran.log"
    log.unlink(missing_ok=True)
    repo.runpytest("-p", "no:cacheprovider", "-p", "no:xdist")
    return sorted(log.read_text().split()) if log.exists() else []


def test_a_pass_is_kept_until_any_file_changes(repo):
    assert runs(repo) == ["data", "edits", "fails", "skips"]
    assert runs(repo) == ["fails", "skips"], "a pass ran again with nothing changed"
    (repo.path / "notes.md").write_text("a file no test names")
    assert runs(repo) == ["data", "edits", "fails", "skips"], "a committed file changed"
    assert runs(repo) == ["fails", "skips"]
    (repo.path / "new.py").write_text("# not committed, not ignored")
    assert runs(repo) == ["data", "edits", "fails", "skips"], "a new file appeared"
    (repo.path / "ran.log").write_text("")  # an ignored file: no test's input
    assert runs(repo) == ["fails", "skips"]


def test_a_run_whose_files_changed_under_it_keeps_nothing(repo):
    (repo.path / "edit.flag").write_text("")
    assert runs(repo) == ["data", "edits", "fails", "skips"]
    (repo.path / "notes.md").write_text("notes")  # the files as that run found them
    assert runs(repo) == ["data", "edits", "fails", "skips"], "kept from a run that changed it"


def test_ci_runs_every_test(repo, monkeypatch):
    runs(repo)
    monkeypatch.setenv("CI", "true")
    assert runs(repo) == ["data", "edits", "fails", "skips"]


def test_an_installed_package_is_an_input(repo, monkeypatch):
    import kept_passes

    runs(repo)
    monkeypatch.setattr(kept_passes, "metadata_folders", lambda: ["numpy-9.9.dist-info 0"])
    assert runs(repo) == ["data", "edits", "fails", "skips"]
