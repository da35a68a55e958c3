# presslens: two commands. `make run` builds the report on the teaching corpus;
# `make test` runs every check. Both create the virtual environment when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
export PRESSLENS_PROGRESS ?= 0

.PHONY: run test lab bench lint teaching realism clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/presslens report --corpus corpus/teaching --out reports/teaching

test: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks tools
	sh tools/ensure_chromium.sh
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:randomly

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks

lab: $(DEVSTAMP)
	$(BIN)/jupyter lab notebooks

bench: $(DEVSTAMP)
	$(BIN)/python benchmarks/run_all.py

# Regenerate the committed teaching corpus (a test checks it matches).
teaching: $(STAMP)
	$(BIN)/presslens simulate --n 1500 --seed 2024 --out corpus/teaching

realism: $(STAMP)
	$(BIN)/python -m presslens.simulate.realism corpus/teaching

clean:
	rm -rf $(VENV) reports .pytest_cache
