"""One negative fixture per content-error kind: each names file:line and the fix, all at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli import leerwijzer
from tests.conftest import DATA
from wizard.cli import main
from wizard.loading import load_content
from wizard.problems import ContentError

INVALID = DATA / "invalid"
FIXTURES = sorted(p for p in INVALID.iterdir() if p.is_dir())


def expected_lines(fixture: Path) -> list[str]:
    return [line for line in (fixture / "expected.txt").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_each_error_kind_is_reported_with_file_and_line(fixture: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_content(fixture)
    reported = [str(p) for p in caught.value.problems]
    assert reported == expected_lines(fixture)
    assert all(":" in line.split(" ")[0] for line in reported)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_check_exits_1_and_prints_the_problems(
    fixture: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--content", str(fixture)]) == 1
    err = capsys.readouterr().err
    for line in expected_lines(fixture):
        assert line in err
    assert "Traceback" not in err


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "tiny", root)
    for name, old, new in [
        ("incentives/study_room.yaml", "when: role == student", "when: role == teacher"),
        ("incentives/town_pass.yaml", "confidence: medium", "confidence: sure"),
        ("questions/graph.yaml", "goto: resident", "goto: nowhere"),
    ]:
        path = root / name
        path.write_text(path.read_text().replace(old, new))
    with pytest.raises(ContentError) as caught:
        load_content(root)
    files = {str(p.path) for p in caught.value.problems}
    assert files == {
        "incentives/study_room.yaml",
        "incentives/town_pass.yaml",
        "questions/graph.yaml",
    }


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "tiny", root)
    big = root / "incentives" / "campus_card.yaml"
    big.write_text(big.read_text() + "# " + "x" * 1_100_000 + "\n")
    size = big.stat().st_size
    with pytest.raises(ContentError) as caught:
        load_content(root)
    assert [str(p) for p in caught.value.problems] == [
        f"incentives/campus_card.yaml:1: file is {size:,} bytes, over the 1,000,000 limit; split it"
    ]


def test_bundled_content_checks_clean_with_its_schema_lines() -> None:
    done = leerwijzer("check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ")
