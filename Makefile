# Every install step lives here: a fresh clone needs only `make run` or `make test`.
# The environment is installed from uv.lock, exactly as tested; `make lock` refreshes the lock on purpose.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# uv itself, pinned, in a small venv of its own (uv sync manages .venv and would remove it from there).
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
# Installed packages are compiled once (a kiosk and every check or lint start faster).
export UV_COMPILE_BYTECODE := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)
LOCK_HELP := uv.lock and pyproject.toml disagree: run 'make lock' to refresh uv.lock, review the diff and commit both

.PHONY: run test lock-check sync sync-test test-tools lock check lint typecheck bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

# Fail loudly, naming the fix, when uv.lock no longer matches pyproject.toml (or was edited by hand).
lock-check: | $(UV)
	@$(UV) lock --check --python $(PYTHON) --quiet || { echo "error: $(LOCK_HELP)" >&2; exit 1; }

# --locked: install exactly uv.lock.
sync: lock-check
	$(UV) sync --locked --quiet --python $(PYTHON) --extra serve --extra postgres --inexact

sync-test: lock-check
	$(UV) sync --locked --quiet --python $(PYTHON) --all-extras

lock: | $(UV)
	$(UV) lock --python $(PYTHON)

run: sync
	$(BIN)/leerwijzer

test: sync-test test-tools
	$(BIN)/python -m pytest

# Debian packages the real-terminal, browser and PostgreSQL tests drive (tests/test_real_terminal.py,
# tests/postgres.py); installed
# only when missing. Without apt-get those tests skip themselves.
MISSING_TOOLS := $(if $(shell command -v tmux),,tmux) $(if $(wildcard /usr/bin/chromium),,chromium) \
	$(if $(wildcard /usr/lib/postgresql/*/bin/pg_ctl),,postgresql)
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

check: sync
	$(BIN)/leerwijzer check

lint: sync-test
	$(BIN)/ruff check wizard tests bench
	$(BIN)/ruff format --check wizard tests bench

typecheck: sync-test
	$(BIN)/mypy

bench: sync
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(TOOLS)
