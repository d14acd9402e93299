"""Print uv's pin from uv.lock as a hash-checked pip requirement.

    python3 tools/uv_requirement.py > .venv/uv-requirement.txt

make install bootstraps uv with pip --require-hashes from this line, so uv
itself comes from the same lock, at the version Dependabot last moved it to.
Standard library only: it runs before anything is installed.
"""

import tomllib
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "uv.lock"

package = next(p for p in tomllib.loads(LOCK.read_text())["package"] if p["name"] == "uv")
hashes = " ".join(f"--hash={wheel['hash']}" for wheel in package["wheels"])
print(f"uv=={package['version']} {hashes}")
