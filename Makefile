# Two commands: `make demo` (set up and brief the example) and `make test` (set up and run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench bench-quality bench-speed bench-clean bench-cluster bench-split bench-load clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/storybrief summarize examples/vancouver-2018

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

# Benchmarks (run by hand; DATA is the benchmark data folder, never committed)
DATA ?= ../shared/data
bench: bench-quality bench-speed bench-clean bench-cluster bench-split
bench-quality: $(STAMP)
	$(BIN)/python bench/quality.py $(DATA)
bench-speed: $(STAMP)
	$(BIN)/python bench/speed.py $(DATA)
	$(BIN)/python bench/pipeline.py $(DATA)
bench-clean: $(STAMP)
	$(BIN)/python bench/clean.py $(DATA)
bench-cluster: $(STAMP)
	$(BIN)/python bench/cluster.py $(DATA)
bench-split: $(STAMP)
	$(BIN)/python bench/split.py $(DATA)
bench-load: $(STAMP)
	$(BIN)/python bench/load.py $(DATA)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
