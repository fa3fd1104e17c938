# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[embeddings,dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/corroborate report examples/

test: $(STAMP) browser
	$(BIN)/python -m pytest

browser:
	./scripts/install-chromium

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/comparison.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
