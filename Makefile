# Apiframe Python SDK: set-up, code generation and checks. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
SPEC ?= openapi/openapi.json
SPEC_SOURCE ?=

.DEFAULT_GOAL := help
.PHONY: help install demo sync-spec generate check-generated redis-server chromium test test-quick lint typecheck check bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

DEV := $(VENV)/.dev-installed

$(DEV): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(PY)  ## create .venv and install the SDK with its dev extras
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(DEV)

demo: $(PY)  ## the main job on a fresh machine: image, video and music from the embedded sandbox into ./demo-output
	$(PY) -m pip install --quiet -e ".[cli]"
	rm -rf demo-output
	$(VENV)/bin/apiframe --sandbox --sandbox-job-seconds 5 batch examples/demo.jsonl --out demo-output --concurrency 3
	@echo "open demo-output/index.html to see the results"

sync-spec: $(PY)  ## copy the spec into openapi/ (SPEC_SOURCE=path-or-url; default ../shared, else production)
	$(PY) scripts/sync_spec.py $(SPEC_SOURCE)

openapi/openapi.json:
	$(MAKE) sync-spec

generate: $(DEV) $(SPEC)  ## regenerate generated/ from the spec (SPEC=path)
	$(PY) scripts/generate.py --spec $(SPEC)

GENERATED_PATHS := generated openapi apiframe/resources/_generated.py apiframe/types.pyi

check-generated: generate  ## fail when generated/, the facade's generated methods or the locks differ from the spec's
	git diff --exit-code -- $(GENERATED_PATHS)
	@test -z "$$(git status --porcelain --untracked-files=all -- $(GENERATED_PATHS))" || \
		{ git status --porcelain --untracked-files=all -- $(GENERATED_PATHS); echo "untracked generated files"; exit 1; }

redis-server:  ## the Redis server the push tests start on a free port (apt-get when missing)
	@command -v redis-server >/dev/null 2>&1 || { \
		if [ "$$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq redis-server; fi; }

chromium:  ## the headless browser the gallery tests drive (Debian's chromium; apt-get when missing)
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; }

# Eight workers on two cores: the suite spends much of its time waiting on servers, subprocesses and
# sandbox jobs, so more workers than cores keep both busy (measured on an idle 2-core machine after
# the CPU cuts of 2026-12-06, 1,782 tests: 106 s with 6 workers, 85 s with 8, 89 s with 10; before
# them 137 s with 4, 105 s with 6, 104 s with 8).
# --dist worksteal hands each worker a block of the tests; each block starts with its share of the
# tests marked slow (tests/suite_order.py), so no long test is left running alone at the end.
TEST_WORKERS ?= 8
# pytest rewrites the asserts of every test module when it imports it: seconds of CPU in each xdist
# worker (the plugins' packages are no longer rewritten: pyproject.toml's addopts). It keeps
# the result in __pycache__ unless PYTHONDONTWRITEBYTECODE is set (as CI sets it), so the test runs
# unset it: the first run writes the cache, later runs read it. On a fresh clone tests/warm_caches.py
# writes them first, in two processes, so the eight workers do not each compile everything.
TEST_ENV := env -u PYTHONDONTWRITEBYTECODE

test: $(DEV) $(SPEC) redis-server chromium  ## the whole suite, under 2 minutes on 2 cores (installs the dev extras, redis-server and chromium first if needed)
	$(TEST_ENV) $(PY) tests/warm_caches.py
	$(TEST_ENV) $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

test-quick: $(DEV) $(SPEC)  ## the unit tests only (no servers, a few seconds): for the edit-test loop
	$(TEST_ENV) $(PY) -m pytest tests/unit -n 2 -q

lint: $(DEV)  ## ruff on the hand-written code
	$(PY) -m ruff check apiframe scripts tests examples bench
	$(PY) -m ruff format --check apiframe scripts tests examples bench

typecheck: $(DEV)  ## mypy --strict and pyright on apiframe/, examples and type tests
	$(PY) -m mypy
	$(PY) -m pyright

bench: $(DEV)  ## run the benchmarks and the large reliability profile; writes bench/results.md
	$(PY) bench/run.py

check: lint typecheck test  ## everything CI checks after check-generated

clean:  ## remove caches (keeps .venv)
	rm -rf .mypy_cache .ruff_cache .pytest_cache build dist
