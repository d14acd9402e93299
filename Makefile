# Two commands for a fresh clone: `make serve` and `make test`.
# Both install what is missing from the lock files first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install serve build test golden lock lint bench screenshots notebook notebook-file clean

help:  ## this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16

install: $(VENV)/.installed node_modules/.installed  ## .venv and node_modules from the lock files

$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: install notebook-file  ## build, then serve on http://127.0.0.1:8000 and rebuild on change
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: install notebook-file  ## the static site in site/ (SITE_URL: the published address, if any)
	rm -rf site.partial
	$(if $(strip $(SITE_URL)),,env -u SITE_URL) $(PY) -m mkdocs build --strict -d site.partial
	rm -rf site && mv site.partial site  # a failed build leaves the last good site/

test: install  ## the whole suite: snippets, numbers, build, links, browser
	$(PY) -m pytest

notebook-file: install  ## regenerate docs/walkthrough.ipynb from the snippets
	$(PY) tools/notebook.py

notebook: notebook-file  ## open the walk-through in Jupyter, on this .venv's kernel
	$(VENV)/bin/jupyter notebook --ServerApp.ip=127.0.0.1 \
		$(if $(filter 0,$(shell id -u)),--allow-root) docs/walkthrough.ipynb

golden: install  ## rewrite snippets/*.txt after an intended change; review the diff
	$(PY) tools/golden.py --update

bench: install  ## build and test times, and what each page costs a first visit
	$(PY) tools/bench.py

screenshots: install  ## every page, desktop and phone, light and dark, in test-artifacts/
	$(PY) tools/screenshots.py

lint: install  ## ruff check (also part of make test)
	$(PY) -m ruff check .

lock:  ## recompile requirements.lock after editing pyproject.toml
	$(PY) -m uv pip compile pyproject.toml --universal --generate-hashes \
		--python-version 3.11.5 -o requirements.lock --quiet
	npm install --package-lock-only --ignore-scripts --no-audit --no-fund

clean:  ## remove what builds and tests leave behind
	rm -rf site test-artifacts .pytest_cache
