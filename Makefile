# Every target sets up what it needs: a virtual environment in .venv and node_modules,
# each installed once and reused until pyproject.toml or package-lock.json changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all generate check validate test lint typecheck bench bench-smoke goldens clean

# Each toolchain the tests need (Go, Rust, the JVM, browsers, client generators) has its own
# fragment in mk/: it installs that toolchain once into .tools/ (or its own cache) and adds
# its stamp to TEST_DEPS, so a new toolchain never edits this file.
TEST_DEPS :=
-include mk/*.mk

all: generate

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q codegen
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## generate: regenerate everything under generated/ from spec/
generate: $(STAMP)
	$(BIN)/codegen generate

## check: fail when generated/ is stale
check: $(STAMP)
	$(BIN)/codegen check

validate: $(STAMP)
	$(BIN)/codegen validate spec

## test: the whole suite (what CI runs)
test: $(STAMP) node_modules/.installed $(TEST_DEPS)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check codegen tests
	$(BIN)/mypy

## goldens: rewrite the expected trees of the golden tests from the current templates
goldens: $(STAMP)
	$(BIN)/python -m tests.goldens

## bench: the benchmark at every size, peers included (results in bench/results/)
bench: $(STAMP) node_modules/.installed
	$(BIN)/python -m bench.run --sizes 100,1000,10000,50000 --peers

## bench-smoke: the benchmark at the smallest size, without peers (what CI runs)
bench-smoke: $(STAMP) node_modules/.installed
	$(BIN)/python -m bench.run --sizes 100

clean:
	rm -rf $(VENV) node_modules .tools .pytest_cache .mypy_cache .ruff_cache
