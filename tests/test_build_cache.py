"""What the build keeps in .cache/ is found again only when nothing it was made from
changed: its inputs, and the programs that made it (hooks/build_cache.py)."""

import pytest

import build_cache
import figure_files


def bumped(package):
    """build_cache.version, with package one release further."""
    real = build_cache.version
    return lambda name: real(name) + (".post1" if name == package else "")


def test_a_new_matplotlib_redraws_the_figures(tmp_path, monkeypatch):
    """Drawings kept from an older matplotlib are never published (a Dependabot bump
    of matplotlib changes its SVGs)."""
    drawn = []
    monkeypatch.setattr(figure_files, "KEPT", tmp_path)
    monkeypatch.setattr(figure_files, "draw", lambda module, done: (drawn.append(module),
                                                                    done.mkdir()))
    figure_files.drawn("figures")
    figure_files.drawn("figures")
    assert drawn == ["figures"], "unchanged code and matplotlib, and drawn again"
    monkeypatch.setattr(build_cache, "version", bumped("matplotlib"))
    figure_files.drawn("figures")
    assert drawn == ["figures", "figures"], "a new matplotlib, and the old drawings kept"


def test_a_figure_module_is_keyed_on_the_snippets_it_imports():
    files, packages = build_cache.made_by(build_cache.ROOT / "snippets" / "figures.py")
    names = {path.name for path in files}
    # figures.py imports training.py, which imports network.py; batch.py inside a function
    assert {"figures.py", "training.py", "network.py", "batch.py"} <= names, names
    assert {"python", "matplotlib", "numpy"} <= packages, packages


def test_a_key_changes_with_each_input_and_package(tmp_path, monkeypatch):
    source = tmp_path / "a.py"
    source.write_text("x = 1\n")
    first = build_cache.key(source, "text", packages=("numpy",))
    assert build_cache.key(source, "text", packages=("numpy",)) == first
    assert build_cache.key(source, "other", packages=("numpy",)) != first
    assert build_cache.key(source, "te", "xt", packages=("numpy",)) != first
    source.write_text("x = 2\n")
    assert build_cache.key(source, "text", packages=("numpy",)) != first
    source.write_text("x = 1\n")
    monkeypatch.setattr(build_cache, "version", bumped("numpy"))
    assert build_cache.key(source, "text", packages=("numpy",)) != first


def test_a_result_is_there_whole_or_not_at_all(tmp_path):
    """staged: a block that fails leaves nothing behind; a folder another run put in
    place first is kept as it is."""
    done = tmp_path / "kept" / "result"
    with pytest.raises(RuntimeError), build_cache.staged(done) as stage:
        stage.write_text("half")
        raise RuntimeError("interrupted")
    assert not done.exists() and not list(done.parent.iterdir())
    done.mkdir()
    (done / "first.svg").write_text("first")
    with build_cache.staged(done) as stage:
        stage.mkdir()
        (stage / "second.svg").write_text("second")
    assert [p.name for p in done.iterdir()] == ["first.svg"]
    assert not list(tmp_path.glob("kept/*.partial"))


def test_imports_are_read_again_from_an_edited_source(tmp_path, monkeypatch):
    """imported_modules keeps what it parsed by the source's hash: an edited source
    (an import added inside a function) is parsed again, a kept one read back."""
    monkeypatch.setattr(build_cache, "CACHE", tmp_path)
    build_cache.imports_kept.cache_clear()
    try:
        before, after = "import numpy\n", "import numpy\n\ndef f():\n    import scipy.linalg\n"
        assert build_cache.imported_modules(before) == {"numpy"}
        assert build_cache.imported_modules(after) == {"numpy", "scipy"}
        build_cache.imports_kept.cache_clear()  # as a new build reads them
        assert build_cache.imported_modules(before) == {"numpy"}
        assert build_cache.imported_modules(after) == {"numpy", "scipy"}
    finally:
        build_cache.imports_kept.cache_clear()


def test_the_kept_list_of_installed_packages_is_the_real_one():
    import importlib.metadata

    real = importlib.metadata.packages_distributions()
    assert build_cache.installed() == {module: list(dists) for module, dists in real.items()}


def test_kept_formulas_are_published_by_the_code_that_kept_them(tmp_path, monkeypatch):
    """Each formula is kept as the page shows it (classes for its styles, search marks),
    so an edit to hooks/katex.py or hooks/contract.py, or a new KaTeX, keeps none."""
    import shutil
    from pathlib import Path

    import katex

    monkeypatch.setattr(katex, "KEPT", tmp_path / "kept")
    first, hooks = katex.Renderer().path, Path(katex.__file__).parent
    assert katex.Renderer().path == first, "the same code and KaTeX, and kept apart"
    for edited in ("katex.py", "contract.py"):
        copies = tmp_path / edited.removesuffix(".py")
        copies.mkdir()
        for name in ("katex.py", "contract.py"):
            shutil.copy(hooks / name, copies / name)
        with open(copies / edited, "a") as source:
            source.write("# edited\n")
        monkeypatch.setattr(katex, "__file__", str(copies / "katex.py"))
        assert katex.Renderer().path != first, f"{edited} edited, and its formulas kept"
    monkeypatch.undo()
    monkeypatch.setattr(katex, "KEPT", tmp_path / "kept")
    monkeypatch.setattr(build_cache, "version", bumped("npm:katex"))
    assert katex.Renderer().path != first, "a new KaTeX, and the old formulas kept"
