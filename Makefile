# Two commands for a fresh clone: `make run` plays the bundled story, `make test` runs
# the whole suite headless. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test check lint snapshots clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(PY) -m loosstory

test: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

check: $(VENV)/.installed
	$(PY) -m loosstory check content

lint: $(VENV)/.installed
	$(PY) -m ruff check loosstory tests bench tools

clean:
	rm -rf $(VENV) build dist .pytest_cache

# Benchmarks (not part of `make test`): `make bench`, or `make bench BENCH_ARGS=--quick`,
# or one figure: `make bench BENCH_ARGS=startup`. See bench/README.md (needs Debian's chromium).
.PHONY: bench
bench: $(VENV)/.installed
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py $(BENCH_ARGS)

# The interface's translations: refresh loosstory/i18n/*.ts from the code (new strings come
# in unfinished; translate them in pyside6-linguist or the XML, then commit the .ts).
# The .qm are built from the .ts by the install, the wheel and the bundle, never committed.
.PHONY: i18n
i18n: $(VENV)/.installed
	$(PY) tools/i18n.py update
