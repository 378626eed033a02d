"""The lock is the contract: a lock that disagrees with pyproject.toml stops the install, naming the fix."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
UV = REPO / ".tools" / "bin" / "uv"

pytestmark = pytest.mark.skipif(
    not UV.exists() or shutil.which("make") is None,
    reason="uv is installed by `make test` (.tools/bin/uv); run the tests that way",
)


def lock_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """The Makefile's own lock check, on a copy of the project files in ``folder``."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(folder), f"UV={UV}", "lock-check"],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    for name in ("Makefile", "pyproject.toml", "uv.lock", "README.md", "LICENSE"):
        shutil.copy(REPO / name, tmp_path / name)
    (tmp_path / "wizard").mkdir()
    return tmp_path


def test_the_committed_lock_matches_pyproject(project: Path) -> None:
    done = lock_check(project)
    assert done.returncode == 0, done.stderr


def test_a_version_changed_in_the_lock_alone_stops_the_install(project: Path) -> None:
    lock = project / "uv.lock"
    text = lock.read_text()
    match = re.search(r'name = "pyyaml"\nversion = "([0-9.]+)"', text)
    assert match is not None
    lock.write_text(text.replace(match.group(0), 'name = "pyyaml"\nversion = "6.0.1"', 1))
    done = lock_check(project)
    assert done.returncode != 0
    assert "run 'make lock'" in done.stderr


def test_a_range_changed_in_pyproject_alone_stops_the_install(project: Path) -> None:
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text()
    assert '"platformdirs>=4,<5"' in text
    pyproject.write_text(text.replace('"platformdirs>=4,<5"', '"platformdirs>=4,<5", "six>=1"'))
    done = lock_check(project)
    assert done.returncode != 0
    assert "run 'make lock'" in done.stderr
