"""The dependency groups say who needs what: the snippets run on the project's own
dependencies alone, and the frameworks group's JAX is a float64 oracle on the CPU."""

import ast
import math
import sys
import tomllib
from importlib.metadata import packages_distributions

from conftest import ROOT

SNIPPETS = ROOT / "snippets"


def project_dependencies():
    """The distributions `uv sync --no-default-groups` installs by name, normalised."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return {r.partition("==")[0].lower() for r in data["project"]["dependencies"]}


def guarded(tree):
    """Import nodes inside a `try` whose handler catches ImportError: optional ones."""
    nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError",
                                                                "ModuleNotFoundError")
                for h in node.handlers):
            nodes |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return nodes


def imported(path, optional=False):
    """Top-level module names a file imports, wherever the import stands: the ones it
    needs, or (optional=True) the ones it tries and does without."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip, names = guarded(tree), set()
    for node in ast.walk(tree):
        if (id(node) in skip) != optional:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names.add(node.module.partition(".")[0])
    return names


def test_snippets_import_only_the_project_dependencies():
    """A learner's `uv sync --no-default-groups` must run every snippet: each import is
    the standard library, another snippet, or a package of `[project] dependencies`
    (not the site's, the tests' or the frameworks' groups, not a transitive one)."""
    allowed, owners = project_dependencies(), packages_distributions()
    wrong = []
    for path in sorted(SNIPPETS.glob("*.py")):
        for name in sorted(imported(path)):
            if name in sys.stdlib_module_names or (SNIPPETS / f"{name}.py").exists():
                continue
            found = {d.lower() for d in owners.get(name, [])}
            if not found & allowed:
                wrong.append(f"snippets/{path.name}: import {name} "
                             f"({', '.join(sorted(found)) or 'not installed'})")
    assert not wrong, "\n".join(wrong) + "\n(add it to [project] dependencies, or don't)"


def test_a_snippet_tries_only_the_frameworks_group():
    """A snippet may try a package a learner's install lacks only if it is the
    frameworks group's (the Autodiff page's JAX lines) and it says what adds it; a
    learner's own package may be tried, to say in one line what installs it."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    frameworks = {r.partition("==")[0].lower() for r in data["dependency-groups"]["frameworks"]}
    owners = packages_distributions()
    for path in sorted(SNIPPETS.glob("*.py")):
        for name in sorted(imported(path, optional=True)):
            found = {d.lower() for d in owners.get(name, [])}
            if found & project_dependencies():
                continue  # a learner's own package, tried to say what installs it
            assert found & frameworks, f"snippets/{path.name} tries {name}, not a framework"
            assert "--group frameworks" in path.read_text(encoding="utf-8"), (
                f"snippets/{path.name} does not say how to install {name}")


def test_the_oracle_is_jax_in_float64_on_the_cpu():
    """JAX's derivative of the sigmoid at 0.7 against s(1 - s) from plain floats: in
    float64 they agree to rounding; in float32, JAX's default, they differ by 7e-8."""
    import jax  # here, not at the top: the other tests' workers skip its import
    z = 0.7
    s = 1 / (1 + math.exp(-z))
    by_hand = s * (1 - s)
    by_jax = float(jax.grad(lambda t: 1 / (1 + jax.numpy.exp(-t)))(z))
    assert abs(by_jax - by_hand) / max(abs(by_jax), abs(by_hand)) < 1e-14
    assert {device.platform for device in jax.devices()} == {"cpu"}
