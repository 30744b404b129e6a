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

# The package's byte-code, compiled once after each change (pip compiles every other package at
# install; an editable install is not, and PYTHONDONTWRITEBYTECODE keeps Python from writing it
# on import, which would leave every command compiling the package again: 0.3 s a build).
BYTECODE := $(VENV)/.bytecode
$(BYTECODE): $(STAMP) $(shell find plugins bench -path bench/work -prune -o -name '*.py' -print)
	$(BIN)/python -m compileall -q -x 'bench/work/' plugins bench
	touch $(BYTECODE)

html: $(BYTECODE)
	$(BIN)/park-digest build

build: html

serve: $(BYTECODE)
	$(BIN)/park-digest serve --port $(PORT) --bind $(BIND)

devserver: serve

publish: $(BYTECODE)
	$(BIN)/park-digest build --publish
	$(BIN)/park-digest check

check: $(BYTECODE)
	$(BIN)/park-digest check

sync: $(BYTECODE)
	$(BIN)/park-digest sync

system-deps:
	bash .ci/install-system-deps

test: $(BYTECODE) system-deps
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py

bench: $(BYTECODE)
	$(BIN)/python -m bench --n $(N)

clean:
	rm -rf output .pytest_cache
