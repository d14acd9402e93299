# Two commands for a fresh clone: `make serve` and `make test`.
# Both install what is missing from the lock files first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PORT ?= 8000
# make notebook opens docs/$(NB).ipynb
NB ?= walkthrough
# Bytecode of every module imported, .venv's too, kept in .cache/ and not beside the
# sources: uv installs none, and compiling the imports afresh cost ~1.7 s per build.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache
# nbconvert (under mkdocs-jupyter) otherwise loads every installed exporter at import,
# only to list them in a help text: 0.3 s of each build.
export NBCONVERT_DISABLE_CONFIG_EXPORTERS := 1

.PHONY: help install port-free serve build test golden lock lock-upgrade lint bench screenshots notebook notebook-file clean

help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16

install: $(VENV)/.installed node_modules/.installed  ## .venv and node_modules from the lock files

# uv from uv.lock (pip, hash-checked), then everything else from uv.lock (uv,
# hash-checked; --locked fails if uv.lock and pyproject.toml disagree).
$(VENV)/.installed: uv.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PYTHON) tools/uv_requirement.py > $(VENV)/uv-requirement.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r $(VENV)/uv-requirement.txt
	$(UV) sync --locked --inexact --quiet
	touch $@

node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# No notebook-file step before serve or build: hooks/notebook_file.py writes them in each build.
serve: port-free install  ## build, serve on http://127.0.0.1:8000 (or PORT=N), rebuild on change
	$(PY) -m properdocs serve -f mkdocs.yml --dev-addr 127.0.0.1:$(PORT)

port-free:  # before anything is built: a busy port is one line, not a traceback
	@$(PYTHON) tools/port_free.py $(PORT)

build: install  ## the static site in site/ (SITE_URL: the published address, if any)
	rm -rf site.partial
	$(if $(strip $(SITE_URL)),,env -u SITE_URL) $(PY) -m properdocs build -f mkdocs.yml --strict -d site.partial
	rm -rf site && mv site.partial site  # a failed build leaves the last good site/

test: install  ## the whole suite: snippets, numbers, build, links, browser
	$(PY) -m pytest

notebook-file: install  ## regenerate the notebooks under docs/ from the snippets
	$(PY) hooks/walkthrough.py

# Its own environment: the Jupyter server stack in .venv slowed every build (its
# jsonschema format checkers cost ~3 s of imports), and `uv sync --inexact` kept it.
notebook: notebook-file  ## open the walk-through in Jupyter (NB=real-networks: the other one)
	UV_PROJECT_ENVIRONMENT=.venv-notebook $(UV) sync --locked --quiet --no-default-groups \
		--group notebook
	.venv-notebook/bin/jupyter notebook --ServerApp.ip=127.0.0.1 \
		$(if $(filter 0,$(shell id -u)),--allow-root) docs/$(NB).ipynb

golden: install  ## rewrite snippets/*.txt after an intended change; review the diff
	$(PY) tools/golden.py --update

bench: install  ## times and page weights against their targets (FRESH_CLONE=1: .ci/run too)
	$(PY) tools/bench.py $(if $(FRESH_CLONE),--fresh-clone)

screenshots: install  ## every page, desktop and phone, light and dark, in test-artifacts/
	$(PY) tools/screenshots.py

lint: install  ## ruff check (also part of make test)
	$(PY) -m ruff check .

lock:  ## relock after editing pyproject.toml or package.json (pins move only as asked)
	$(UV) lock
	npm install --package-lock-only --ignore-scripts --no-audit --no-fund

lock-upgrade:  ## move every package, transitive ones too, to its newest allowed version
	$(UV) lock --upgrade
	npm update --package-lock-only --ignore-scripts --no-audit --no-fund

clean:  ## remove what builds and tests leave behind
	rm -rf site test-artifacts .pytest_cache
