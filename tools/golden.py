"""Run the snippets the way a reader does, and keep their expected outputs.

Each snippets/NAME.py prints to stdout; snippets/NAME.txt holds what it must
print. `python tools/golden.py --update` (make golden) rewrites the .txt
files after an intended change.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
TIMEOUT = 60  # seconds; each snippet takes well under one


def scripts():
    return sorted(SNIPPETS.glob("*.py"))


def expected(script):
    return script.with_suffix(".txt")


def snippet_env():
    """A snippet's environment: no window for figures; bytecode in .cache/, as the
    Makefile keeps it, never in snippets/__pycache__."""
    env = {**os.environ, "MPLBACKEND": "Agg",
           "PYTHONPYCACHEPREFIX": str(ROOT / ".cache" / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(script, cwd, root=ROOT, timeout=TIMEOUT):
    """stdout of `python snippets/NAME.py`, or AssertionError with its stderr."""
    rel = script.relative_to(root).as_posix()
    try:
        done = subprocess.run([sys.executable, str(script)], cwd=cwd, capture_output=True,
                              text=True, timeout=timeout,
                              env=snippet_env())
    except subprocess.TimeoutExpired as err:
        stderr = err.stderr.decode() if isinstance(err.stderr, bytes) else err.stderr or ""
        raise AssertionError(f"{rel}: still running after {timeout} s\n{stderr}") from err
    if done.returncode:
        raise AssertionError(f"{rel}: exited {done.returncode}\n{done.stderr}")
    return done.stdout


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for script in scripts():
            expected(script).write_text(run(script, tmp), encoding="utf-8")
            print(f"wrote {expected(script).relative_to(ROOT)}")
