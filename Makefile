# Two commands on a fresh machine: `make run` serves the fair on port 8000; `make test` passes the suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export FLASK_APP := service

.PHONY: run worker serve test browser-deps test-sqlite test-pg lint format bench load quality screenshots fixture clean fuzz

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

## run: set up, create the database, load the default fair into an empty one, serve with gunicorn
run: $(VENV)/.runtime
	$(BIN)/flask fair init
	exec $(BIN)/gunicorn --config service/gunicorn_conf.py --bind $(HOST):$(PORT) --workers $(WORKERS) 'service:create_app()'

## worker: rank background pushes from the RQ queue at REDIS_URL (one per core, on any number of machines)
worker: $(VENV)/.runtime
	exec $(BIN)/flask pushes worker

## test: lint, then the whole suite on SQLite (and on PostgreSQL with `make test-pg`)
test: $(VENV)/.dev browser-deps lint test-sqlite

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work offline).
browser-deps:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } || \
	  echo "Chromium is not installed and cannot be installed here: the browser tests will be skipped."

test-sqlite: $(VENV)/.dev
	$(BIN)/python -m pytest

test-pg: $(VENV)/.dev
	TEST_DATABASE_URL=$(PG_TEST_URL) $(BIN)/python -m pytest -m "not browser"

## fuzz: Schemathesis against the OpenAPI document, long (the suite runs a short seeded pass)
fuzz: $(VENV)/.dev
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-400} $(BIN)/python -m pytest -q tests/test_contract_fuzz.py

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## bench: ranking speed in-process against a naive baseline, then over HTTP under gunicorn; JSON on stdout
bench: $(VENV)/.dev
	$(BIN)/python bench/bench_matching.py
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || true
	$(BIN)/python bench/bench_http.py

## load: the livestream burst on PostgreSQL (LOAD_DATABASE_URL): concurrent distinct rankings, a replace load
## in the middle; req/s, p50/p99, errors, and every answer from exactly one data version
load: $(VENV)/.dev
	$(BIN)/python bench/load.py $(LOAD_ARGS)

## quality: NDCG@10 and MRR of the engine and two baselines on real postings (bench/data) and generated profiles
quality: $(VENV)/.dev
	$(BIN)/python bench/quality.py

## screenshots: the seekers' page at phone and desktop widths, into docs/screenshots/ (needs Chromium)
screenshots: $(VENV)/.dev
	$(BIN)/python -m tests.browser.screenshots

## fixture: regenerate fixtures/qixing-2023.json from its seeded generator
fixture: $(VENV)/.runtime
	$(BIN)/python fixtures/generate_qixing.py

clean:
	rm -rf $(VENV) instance .pytest_cache .ruff_cache
