"""The scenario plugin (wizard/pytest_plugin.py) as another repository uses it: its own content."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA

VISITOR = """\
name: A visitor who wants to borrow
date: 2026-11-23
answers:
  role: visitor
  goal: borrow
  resident: ja
  age: 30
expect:
  eligible_includes: [{instrument}]
"""


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A separate pytest run in ``folder``: no conftest or ini of this repository applies there."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def other_repo(tmp_path: Path, instrument: str = "town_pass") -> Path:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "visitor.yaml").write_text(VISITOR.format(instrument=instrument))
    (tmp_path / "scenarios" / "notes.txt").write_text("not a scenario\n")
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "broken.yaml").write_text("answers: [\n")  # not in a scenarios folder
    return tmp_path


def test_another_repository_runs_its_scenarios_against_its_own_content(tmp_path: Path) -> None:
    repo = other_repo(tmp_path)
    junit = tmp_path / "junit.xml"
    done = pytest_in(repo, f"--leerwijzer-content={DATA / 'tiny'}", f"--junitxml={junit}", "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert 'name="visitor"' in junit.read_text()


def test_the_content_folder_can_come_from_the_ini_file(tmp_path: Path) -> None:
    repo = other_repo(tmp_path)
    (repo / "pytest.ini").write_text(f"[pytest]\nleerwijzer_content = {DATA / 'tiny'}\n")
    done = pytest_in(repo, "-q")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_a_failing_scenario_reads_as_expected_against_actual(tmp_path: Path) -> None:
    repo = other_repo(tmp_path, instrument="campus_card")
    done = pytest_in(repo, f"--leerwijzer-content={DATA / 'tiny'}", "-q")
    assert done.returncode == 1
    assert "scenario: A visitor who wants to borrow" in done.stdout
    assert "campus_card: expected eligible, got not_eligible" in done.stdout
    assert "path taken: role > resident > age > goal" in done.stdout
    assert "Traceback" not in done.stdout


def test_content_that_does_not_load_fails_each_scenario_with_its_problems(tmp_path: Path) -> None:
    repo = other_repo(tmp_path)
    (repo / "content" / "questions").mkdir(parents=True)
    (repo / "content" / "incentives").mkdir()
    done = pytest_in(repo, f"--leerwijzer-content={repo / 'content'}", "-q")
    assert done.returncode == 1
    assert "the content does not load:" in done.stdout
    assert "run 'leerwijzer check'" in done.stdout
