"""Every snippet runs and prints exactly its expected output; every snippet is on a page."""

import difflib
import os
import re
import sys
from pathlib import Path

import pytest

from build_cache import CACHE, key, made_by, staged
from conftest import DOCS, ROOT, chapters, embeds, figures
from golden import SNIPPETS, expected, run, scripts


def printed(script, cwd):
    """What script prints. Kept in .cache/snippets/ under a key of its code, of every
    snippet it imports, of the other files beside them (data a snippet may read) and
    of the packages they import: a warm `make test` runs only the snippets whose
    inputs changed (the training runs cost seconds). Under CI every one runs."""
    sources, packages = made_by(script)
    data = sorted(p for p in SNIPPETS.iterdir() if p.is_file() and p.suffix not in (".py", ".txt"))
    kept = CACHE / "snippets" / f"{script.stem}-{key(*sources, *data, packages=packages)}.txt"
    if kept.exists() and not os.environ.get("CI"):
        return kept.read_text(encoding="utf-8")
    output = run(script, cwd=cwd)
    with staged(kept) as stage:
        stage.write_text(output, encoding="utf-8")
    return output


@pytest.mark.parametrize("script", scripts(), ids=lambda p: p.name)
def test_output_matches_expected(script, tmp_path):
    golden = expected(script)
    assert golden.exists(), f"{golden.relative_to(ROOT)} is missing: run `make golden`"
    want = golden.read_text(encoding="utf-8")
    got = printed(script, cwd=tmp_path)
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                            str(golden.relative_to(ROOT)), "printed now"))
        pytest.fail(f"{script.relative_to(ROOT)} no longer prints "
                    f"{golden.relative_to(ROOT)}:\n{diff}", pytrace=False)


def test_a_kept_output_stands_only_for_unchanged_inputs(tmp_path, monkeypatch):
    """printed runs a snippet again when it, or a snippet it imports, changes, and
    every time under CI; else it gives the output kept from the last run."""
    folder = tmp_path / "snippets"
    folder.mkdir()
    (folder / "base.py").write_text("lr = 0.05\n")
    (folder / "step.py").write_text("from base import lr\n\nprint(lr)\n")
    runs = []
    this = sys.modules[__name__]
    monkeypatch.setattr(this, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(this, "SNIPPETS", folder)
    monkeypatch.setattr(this, "run", lambda script, cwd: runs.append(script.name) or "0.05\n")
    monkeypatch.delenv("CI", raising=False)
    for _ in range(2):
        assert printed(folder / "step.py", tmp_path) == "0.05\n"
    assert runs == ["step.py"], "an unchanged snippet ran again"
    (folder / "base.py").write_text("lr = 0.5\n")
    printed(folder / "step.py", tmp_path)
    assert len(runs) == 2, "a snippet it imports changed, and the old output was kept"
    monkeypatch.setenv("CI", "true")
    printed(folder / "step.py", tmp_path)
    assert len(runs) == 3, "under CI every snippet runs"


def test_every_expected_output_has_a_snippet():
    orphans = [t.relative_to(ROOT) for t in SNIPPETS.glob("*.txt")
               if not t.with_suffix(".py").exists()]
    assert not orphans, f"expected outputs without a snippet: {orphans}"


def test_every_snippet_and_output_is_on_a_page():
    shown = {target.split(":")[0] for page in chapters() for _, target in embeds(page)}
    for script in scripts():
        for path in (script, expected(script)):
            rel = path.relative_to(ROOT).as_posix()
            assert rel in shown, f"{rel} is not embedded in any page under docs/"


def test_every_embed_points_at_something():
    for page in chapters():
        for line, target in embeds(page):
            path, _, section = target.partition(":")
            where = f"{page.relative_to(ROOT)}:{line}"
            assert (ROOT / path).is_file(), f"{where}: embeds {path}, which does not exist"
            if section:
                text = (ROOT / path).read_text(encoding="utf-8")
                assert f"[start:{section}]" in text and f"[end:{section}]" in text, (
                    f"{where}: {path} has no section '{section}'")


def test_a_failing_snippet_shows_its_stderr(tmp_path):
    broken = tmp_path / "snippets" / "broken.py"
    broken.parent.mkdir()
    broken.write_text("print('half')\nraise ValueError('weights went missing')\n")
    with pytest.raises(AssertionError, match="weights went missing") as caught:
        run(broken, cwd=tmp_path, root=tmp_path)
    assert "snippets/broken.py: exited 1" in str(caught.value)


def test_a_hanging_snippet_times_out(tmp_path):
    hanging = tmp_path / "snippets" / "hanging.py"
    hanging.parent.mkdir()
    hanging.write_text("import time\ntime.sleep(30)\n")
    with pytest.raises(AssertionError, match=r"snippets/hanging.py: still running after 1 s"):
        run(hanging, cwd=tmp_path, root=tmp_path, timeout=1)


def test_readme_lists_every_snippet_and_figure():
    """The README's chapter table names every file under snippets/ and every figure."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("Chapter by chapter:"):]
    names = [s.stem for s in scripts()] + list(figures())
    missing = [name for name in names if f"`{name}`" not in table]
    assert not missing, f"README.md's chapter table does not name: {missing}"


def readme_chapters():
    """The README's chapter table: {chapter file: (snippet names, figure names)}. A
    snippet is a bare name in backticks (`network`); a path in backticks is a note."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("Chapter by chapter:"):].split("\n\n")[1]
    rows = {}
    for line in table.splitlines()[2:]:  # below the header and its rule
        chapter, snippets, figures_ = (re.findall(r"`([^`]+)`", cell)
                                       for cell in line.strip().strip("|").split("|"))
        rows[chapter[0]] = ({n for n in snippets if re.fullmatch(r"\w+", n)}, set(figures_))
    return rows


def test_readme_table_is_what_each_chapter_shows():
    """Each row of the README's chapter table against its chapter, both ways: every
    snippet a row names is embedded there (whole or a section), every snippet the
    chapter embeds whole (its code or its output) is in the row, and the row's
    figures are those the chapter shows. Every chapter that embeds or shows one has
    a row; every row names a chapter."""
    rows = readme_chapters()
    for page in chapters():
        name = page.relative_to(DOCS).as_posix()
        targets = [target for _, target in embeds(page)]
        shown = {Path(t.split(":")[0]).stem for t in targets}
        whole = {Path(t).stem for t in targets if ":" not in t}
        drawn = set(re.findall(r"figures/([\w-]+)-light\.svg", page.read_text(encoding="utf-8")))
        assert name in rows or not (shown or drawn), (
            f"README.md's chapter table has no row for {name}")
        snippets, figures_ = rows.pop(name, (set(), set()))
        assert snippets <= shown, f"README.md: {name} embeds no {sorted(snippets - shown)}"
        assert whole <= snippets, f"README.md: {name}'s row leaves out {sorted(whole - snippets)}"
        assert figures_ == drawn, f"README.md: {name} shows figures {sorted(drawn)}, " \
                                  f"its row names {sorted(figures_)}"
    assert not rows, f"README.md's chapter table has rows for no chapter: {sorted(rows)}"


@pytest.mark.parametrize("script", scripts(), ids=lambda p: p.name)
def test_no_output_shows_nan_or_infinity(script):
    text = expected(script).read_text(encoding="utf-8")
    bad = re.search(r"(?i)(?<![a-z])(nan|inf|infinity)(?![a-z])", text)
    assert not bad, f"{expected(script).relative_to(ROOT)} prints {bad[0]!r}"


WIDTH = 79  # characters a code block shows at 1280 px (snippets/ruff.toml holds the code)


@pytest.mark.parametrize("script", scripts(), ids=lambda p: p.name)
def test_output_lines_fit_a_code_block(script):
    """Printed lines fit the page's code block, as the code does (ruff, E501)."""
    lines = expected(script).read_text(encoding="utf-8").splitlines()
    wide = [f"{expected(script).name}:{n}: {len(line)} characters"
            for n, line in enumerate(lines, start=1) if len(line) > WIDTH]
    assert not wide, "\n".join(wide)


def test_code_lines_fit_a_code_block():
    """The snippets' own lines too; ruff's E501 forgives a line that is long only
    because of a trailing `# noqa`, which the page shows all the same."""
    wide = [f"{path.relative_to(ROOT)}:{n}: {len(line)} characters"
            for path in sorted((ROOT / "snippets").glob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if len(line) > WIDTH]
    assert not wide, "\n".join(wide)
