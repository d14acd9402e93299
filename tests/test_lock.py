"""The lock files agree with what pyproject.toml and package.json ask for."""

import json
import re
import tomllib

from conftest import ROOT

ENTRY = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)(.*?)(?=^\S|\Z)", re.M | re.S)


def normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def locked():
    """{package: (version, block)} from requirements.lock."""
    text = (ROOT / "requirements.lock").read_text()
    return {normal(m[1]): (m[2], m[3]) for m in ENTRY.finditer(text)}


def test_every_direct_dependency_is_locked_at_its_pin():
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    lock = locked()
    for requirement in wanted:
        name, _, version = requirement.partition("==")
        assert version, f"pyproject.toml: pin {requirement} exactly (==)"
        assert normal(name) in lock, f"{name} is in pyproject.toml but not requirements.lock"
        assert lock[normal(name)][0] == version, (
            f"{name}: pyproject.toml pins {version}, requirements.lock has {lock[normal(name)][0]}"
            " (run `make lock`)")
    direct = {name for name, (_, block) in lock.items() if "(pyproject.toml)" in block}
    asked = {normal(r.partition("==")[0]) for r in wanted}
    assert direct == asked, f"lock compiled from another pyproject.toml: {direct ^ asked}"


def test_every_locked_package_has_a_hash():
    for name, (version, block) in locked().items():
        assert "--hash=sha256:" in block, f"requirements.lock: {name}=={version} has no hash"


def test_package_lock_matches_package_json():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"][""]["devDependencies"] == package["devDependencies"], (
        "package-lock.json is stale: run `make lock`")
    for path, entry in lock["packages"].items():
        assert not path or entry.get("integrity"), f"package-lock.json: {path} has no integrity"
