"""`leerwijzer check` and `lint` stay fast by importing only what they use (issue 14 item 4):
proven in a fresh interpreter with ``-X importtime``, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA

NEVER = ("textual", "rich", "textual_serve", "aiohttp", "psycopg", "sqlite3", "wizard.tui")
"""Front ends and stores: neither command shows a screen or touches a saved session."""
NOT_FOR = {
    "check": ("wizard.engine", "wizard.matching", "wizard.lint", "wizard.paths", "wizard.store"),
    "lint": ("wizard.paths", "wizard.store", "wizard.report", "wizard.plain"),
}


def imported(command: str, cache: Path) -> set[str]:
    """Every module ``leerwijzer COMMAND`` imports on the tiny content."""
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "wizard",
            "--content",
            str(DATA / "tiny"),
            command,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "LEERWIJZER_CACHE_DIR": str(cache)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[1].strip() for line in lines[1:]}  # [0] is the header


def _under(module: str, names: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in names)


@pytest.mark.parametrize("command", ["check", "lint"])
def test_check_and_lint_import_no_front_end_and_no_store(command: str, tmp_path: Path) -> None:
    for run in ("without a cached copy", "with one"):
        modules = imported(command, tmp_path / "cache")
        assert "wizard.loading" in modules  # the probe sees the imports at all
        leaked = sorted(m for m in modules if _under(m, NEVER + NOT_FOR[command]))
        assert leaked == [], f"leerwijzer {command} ({run}) imported {leaked}"
        others = sorted(
            m
            for m in modules
            if m.startswith("wizard.commands.") and m != f"wizard.commands.{command}"
        )
        assert others == [], f"leerwijzer {command} ({run}) loaded other commands: {others}"
