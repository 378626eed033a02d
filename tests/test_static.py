"""The house rules hold on every run: ruff clean, ruff-formatted, mypy --strict clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


def test_ruff_lint_is_clean() -> None:
    done = run(str(BIN / "ruff"), "check", "wizard", "tests", "bench")
    assert done.returncode == 0, done.stdout


def test_ruff_format_is_clean() -> None:
    done = run(str(BIN / "ruff"), "format", "--check", "wizard", "tests", "bench")
    assert done.returncode == 0, done.stdout


def test_mypy_strict_is_clean() -> None:
    done = run(str(BIN / "mypy"))
    assert done.returncode == 0, done.stdout
