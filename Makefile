# Every install step lives here: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-tools check lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP) $@

run: $(STAMP)
	$(BIN)/leerwijzer

test: $(TEST_STAMP) test-tools
	$(BIN)/python -m pytest

# Debian packages the real-terminal and browser tests drive (tests/test_real_terminal.py); installed
# only when missing. Without apt-get those tests skip themselves.
MISSING_TOOLS := $(if $(shell command -v tmux),,tmux) $(if $(wildcard /usr/bin/chromium),,chromium)
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

test-tools:
ifneq ($(strip $(MISSING_TOOLS)),)
	@if command -v apt-get >/dev/null; then \
		echo "installing $(strip $(MISSING_TOOLS)) for the real-terminal tests"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(MISSING_TOOLS) >/dev/null; \
	else \
		echo "no apt-get: the tests that need $(strip $(MISSING_TOOLS)) will be skipped"; \
	fi
endif

check: $(STAMP)
	$(BIN)/leerwijzer check

lint: $(TEST_STAMP)
	$(BIN)/ruff check wizard tests bench
	$(BIN)/ruff format --check wizard tests bench

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV)
