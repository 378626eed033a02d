"""A content problem names its file: a file name with control characters or new lines is printed
escaped, so it can neither break the one-problem-per-line output nor drive the terminal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from wizard.cli import main
from wizard.lint.findings import Finding
from wizard.problems import ContentError, Problem, shown_path

HOSTILE = "bad\x1b]0;owned\x07\nname\t\x9b2J\u202e.yaml"


def _control_free(text: str) -> bool:
    return not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text)


def test_a_hostile_file_name_prints_escaped_on_one_line() -> None:
    shown = str(Problem(Path("incentives") / HOSTILE, 3, "something is wrong"))
    assert _control_free(shown)
    assert shown == (
        "incentives/bad\\x1b]0;owned\\x07\\nname\\t\\x9b2J\\u202e.yaml:3: something is wrong"
    )


def test_an_ordinary_file_name_prints_as_it_is() -> None:
    assert (
        str(Problem(Path("questions/graph.yaml"), 7, "fix it")) == "questions/graph.yaml:7: fix it"
    )
    assert (
        str(Problem(Path("incentives"), 0, "folder is missing")) == "incentives: folder is missing"
    )
    assert shown_path(Path("incentives/é ü.yaml")) == "incentives/é ü.yaml"


def test_a_message_cannot_drive_the_terminal_either() -> None:
    shown = str(Problem(Path("questions/facts.yaml"), 1, "value '\x1b[2J' is odd"))
    assert "\x1b" not in shown and "\\x1b[2J" in shown


def test_content_error_and_lint_findings_print_the_name_escaped() -> None:
    error = ContentError([Problem(Path(HOSTILE), 1, "a")])
    assert _control_free(str(error))
    finding = Finding("warning", "text_too_long", Path(HOSTILE), 2, "shorten it")
    assert _control_free(str(finding)) and str(finding).startswith("warning text_too_long bad\\x1b")


def test_check_names_a_hostile_file_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "tiny", root)
    (root / "incentives" / HOSTILE).write_text("id: [unclosed\n")
    assert main(["--content", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert _control_free(err.replace("\n", ""))
    named = [line for line in err.splitlines() if "owned" in line]
    assert named and all(line.startswith("incentives/bad\\x1b]0;owned") for line in named)
