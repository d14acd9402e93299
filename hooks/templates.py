"""Compile the theme's templates once, not on every build.

Jinja compiles each of Material's ~40 templates to Python on every build (a
serve rebuild makes a new environment too): about a fifth of a warm build. The
compiled code is kept in .cache/jinja/, under a key of the versions of Python and
Jinja; Jinja checks each template's source checksum before it uses a kept copy, so
an edited override is compiled afresh.
"""

import jinja2

import build_cache

CACHE = build_cache.CACHE / "jinja" / build_cache.key(packages=("python", "jinja2"))


def on_env(env, config, files):
    CACHE.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(CACHE))
    return env
