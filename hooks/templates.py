"""Compile the theme's templates once, not on every build.

Jinja compiles each of Material's ~40 templates to Python on every build (a
serve rebuild makes a new environment too): about a fifth of a warm build. The
compiled code is kept in .cache/jinja/, by Jinja's version; Jinja checks each
template's source checksum before it uses a kept copy, so an edited override
is compiled afresh.
"""

from pathlib import Path

import jinja2

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "jinja" / jinja2.__version__


def on_env(env, config, files):
    CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(CACHE))
    return env
