"""The lock files agree with what pyproject.toml and package.json ask for, and an
update the way Dependabot makes one (bump a pin, relock with uv) stays consistent."""

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import ROOT

UV = Path(sys.executable).parent / "uv"


def pins(pyproject):
    """{name: version} for every requirement of the project and its groups."""
    data = tomllib.loads(pyproject.read_text())
    wanted = data["project"]["dependencies"] + [
        r for group in data.get("dependency-groups", {}).values() for r in group]
    found = {}
    for requirement in wanted:
        name, _, version = requirement.partition("==")
        assert version, f"{pyproject.name}: pin {requirement} exactly (==)"
        found[name.lower()] = version
    return found


def lock_problems(folder):
    """What is wrong between folder/pyproject.toml and folder/uv.lock, as sentences."""
    packages = {p["name"]: p for p in tomllib.loads((folder / "uv.lock").read_text())["package"]}
    problems = [f"{name} is pinned at {version} but locked at "
                f"{packages[name]['version'] if name in packages else 'nothing'}"
                for name, version in pins(folder / "pyproject.toml").items()
                if packages.get(name, {}).get("version") != version]
    for name, package in packages.items():
        if "registry" not in package["source"]:
            continue  # the project itself
        files = package.get("wheels", []) + ([package["sdist"]] if "sdist" in package else [])
        if not files or not all(f.get("hash", "").startswith("sha256:") for f in files):
            problems.append(f"uv.lock: {name} has a file without a sha256 hash")
    check = subprocess.run([str(UV), "lock", "--check"], cwd=folder, capture_output=True,
                           text=True, timeout=300)
    if check.returncode:
        problems.append(f"uv lock --check: {check.stderr.strip()}")
    return problems


def test_uv_lock_matches_pyproject():
    problems = lock_problems(ROOT)
    assert not problems, "\n".join(problems) + "\n(run `make lock`)"


def test_an_update_like_dependabots_stays_consistent(tmp_path):
    """Bump one pin in pyproject.toml: the old lock is then caught as stale, and
    relocking with uv (what Dependabot's uv updater runs) makes it consistent again."""
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    pyproject = tmp_path / "pyproject.toml"
    now = pins(pyproject)["pytest-timeout"]
    other = "2.3.1" if now != "2.3.1" else "2.4.0"  # two releases that exist
    pyproject.write_text(pyproject.read_text().replace(f'"pytest-timeout=={now}"',
                                                       f'"pytest-timeout=={other}"'))
    stale = lock_problems(tmp_path)
    assert any(f"pytest-timeout is pinned at {other}" in p for p in stale), stale
    subprocess.run([str(UV), "lock", "--quiet"], cwd=tmp_path, check=True, timeout=300)
    assert not lock_problems(tmp_path)


def test_package_lock_matches_package_json():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"][""]["devDependencies"] == package["devDependencies"], (
        "package-lock.json is stale: run `make lock`")
    for path, entry in lock["packages"].items():
        assert not path or entry.get("integrity"), f"package-lock.json: {path} has no integrity"
