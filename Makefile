# presslens: two commands. `make run` builds the report on the teaching corpus;
# `make test` runs every check. Both create the virtual environment when needed and
# write nothing outside this folder (caches, temporary files and Jupyter's runtime files
# go under .venv/), so they work for any user, root or not.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
HERE := $(CURDIR)
LOCAL := $(HERE)/$(VENV)/local
export PRESSLENS_PROGRESS ?= 0
export PIP_NO_CACHE_DIR := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export MPLCONFIGDIR := $(LOCAL)/matplotlib
export IPYTHONDIR := $(LOCAL)/ipython
export JUPYTER_RUNTIME_DIR := $(LOCAL)/jupyter-runtime
export JUPYTER_DATA_DIR := $(LOCAL)/jupyter-data
export XDG_CACHE_HOME := $(LOCAL)/cache
export XDG_CONFIG_HOME := $(LOCAL)/config
export XDG_DATA_HOME := $(LOCAL)/data
export TMPDIR := $(LOCAL)/tmp

# The notebooks are checked a second time on another CPU kernel of OpenBLAS and on one
# thread, so that a stored output that depends on this machine's kernel fails here rather
# than on a user's laptop (issue 13). Prescott is the most different x86-64 kernel.
ARCH := $(shell uname -m)
ifeq ($(ARCH),x86_64)
PORTABLE_CORETYPE ?= Prescott
else ifeq ($(ARCH),aarch64)
PORTABLE_CORETYPE ?= ARMV8
else
PORTABLE_CORETYPE ?=
endif
NBVAL := -m pytest --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:randomly -p no:cacheprovider

.PHONY: run test test-portable doctest lab bench lint browser teaching realism clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	mkdir -p $(LOCAL)/tmp
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	@mkdir -p $(LOCAL)/tmp
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	@mkdir -p $(LOCAL)/tmp
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 > /dev/null
	touch $@ $(STAMP)

run: $(STAMP)
	@mkdir -p $(LOCAL)/tmp
	$(BIN)/presslens report --corpus corpus/teaching --out reports/teaching

test: $(DEVSTAMP)
	@mkdir -p $(LOCAL)/tmp
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --doctest-modules src -p no:randomly
	$(BIN)/python $(NBVAL)

# The notebooks on another OpenBLAS kernel and one thread (.ci/run calls this after
# `make test`). The stored outputs must not change.
test-portable: $(DEVSTAMP)
	@mkdir -p $(LOCAL)/tmp
	OPENBLAS_CORETYPE=$(PORTABLE_CORETYPE) OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
		$(BIN)/python $(NBVAL)

doctest: $(DEVSTAMP)
	@mkdir -p $(LOCAL)/tmp
	$(BIN)/python -m pytest --doctest-modules src -p no:randomly

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks

# Debian's Chromium for the browser tests (root and apt-get needed). `make test` never
# installs anything: without Chromium the browser tests are skipped and say why.
browser:
	sh tools/ensure_chromium.sh

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
