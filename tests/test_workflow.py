"""The publishing workflow passes two independent linters, offline."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

ACTIONLINT = ROOT / "node_modules" / "@tktco" / "node-actionlint" / "bin" / "node-actionlint.js"
ZIZMOR = Path(sys.executable).parent / "zizmor"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BROKEN = """on: push
jobs:
  a:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo ${{ github.event.pull_request.title }} ${{ github.nope }}
"""


def zizmor(folder):
    # With a token and no network zizmor stops auditing, so never pass one.
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN")}
    return subprocess.run([str(ZIZMOR), "--offline", "--persona", "pedantic", "--no-progress",
                           str(folder)], cwd=ROOT, capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory):
    """actionlint's findings, one run over our workflows and a broken one (each run
    starts its WebAssembly afresh): {workflow file name: its output lines}."""
    bad = tmp_path_factory.mktemp("broken") / "bad.yml"
    bad.write_text(BROKEN)
    files = "{" + ",".join(str(path) for path in [*WORKFLOWS, bad]) + "}"  # its one glob
    done = subprocess.run([shutil.which("node") or "node", str(ACTIONLINT), files],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert f"Checking {len(WORKFLOWS) + 1} workflow file(s)" in done.stdout, done.stdout
    return {path.name: [line for line in done.stdout.splitlines() if path.name in line]
            for path in [*WORKFLOWS, bad]}


def test_zizmor_pedantic_finds_nothing():
    done = zizmor(ROOT / ".github")
    assert done.returncode == 0 and "No findings" in done.stdout + done.stderr, (
        done.stdout + done.stderr)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(workflow, actionlint):
    assert not actionlint[workflow.name], "\n".join(actionlint[workflow.name])


def test_both_linters_catch_a_broken_workflow(tmp_path, actionlint):
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(BROKEN)
    found = zizmor(tmp_path / ".github")
    assert found.returncode != 0 and "excessive-permissions" in found.stdout, found.stdout
    assert any("potentially untrusted" in line for line in actionlint["bad.yml"])


def test_workflow_runs_the_readme_commands():
    """CI cannot pass what a fresh clone fails: it runs .ci/run (make test) and make build."""
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    assert "run: bash .ci/run" in text and "run: make build" in text
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()


def test_node_comes_from_one_file():
    """.nvmrc names the Node.js LTS; the workflow installs it from there, the README says so."""
    version = (ROOT / ".nvmrc").read_text().strip()
    assert version in {"22", "24"}, f".nvmrc: {version} is not a supported LTS"
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text()
    assert "node-version-file: .nvmrc" in text
    assert f"`.nvmrc` names ({version}" in (ROOT / "README.md").read_text()
