# park-digest — see README.md. Every target sets up what it needs on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
BIND ?= 127.0.0.1
N ?= 1000

.PHONY: html build serve devserver publish check sync test lint bench clean system-deps

$(STAMP): pyproject.toml .ci/requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r .ci/requirements.lock
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $(STAMP)

html: $(STAMP)
	$(BIN)/park-digest build

build: html

serve: $(STAMP)
	$(BIN)/park-digest serve --port $(PORT) --bind $(BIND)

devserver: serve

publish: $(STAMP)
	$(BIN)/park-digest build --publish
	$(BIN)/park-digest check

check: $(STAMP)
	$(BIN)/park-digest check

sync: $(STAMP)
	$(BIN)/park-digest sync

system-deps:
	bash .ci/install-system-deps

test: $(STAMP) system-deps
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py

bench: $(STAMP)
	$(BIN)/python -m bench --n $(N)

clean:
	rm -rf output .pytest_cache
