"""`leerwijzer replay --junit FILE`: one testcase per scenario, failures and the path for CI systems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import DATA
from wizard.cli import main
from wizard.commands.replay import junit_xml
from wizard.replay import ScenarioReport

TINY = str(DATA / "tiny")


def write_scenarios(folder: Path) -> None:
    (folder / "a_student.yaml").write_text(
        "name: student\ndate: 2026-11-23\nanswers: {role: student, goal: borrow, fulltime: ja}\n"
        "expect: {recommended_first: campus_card}\n"
    )
    (folder / "b_visitor.yaml").write_text(
        "name: visitor\ndate: 2026-11-23\nanswers: {role: visitor, resident: ja, age: 30}\n"
        "unanswered: weet_niet\n"
        "expect: {recommended_first: campus_card, eligible_includes: [study_room]}\n"
    )


def test_junit_has_one_testcase_per_scenario_with_failures_and_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_scenarios(tmp_path)
    target = tmp_path / "out" / "junit.xml"
    target.parent.mkdir()
    assert main(["replay", "--content", TINY, str(tmp_path), "--junit", str(target)]) == 1
    assert "1 passed, 1 failed" in capsys.readouterr().out  # the readable report still prints

    root = ElementTree.parse(target).getroot()
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "2", "1")
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["a_student", "b_visitor"]
    assert {c.get("file") for c in cases} == {
        str(tmp_path / "a_student.yaml"),
        str(tmp_path / "b_visitor.yaml"),
    }

    passed, failed = cases
    assert passed.find("failure") is None
    assert passed.findtext("system-out") == (
        "scenario: student\npath: role > goal > fulltime\nrecommended first: campus_card\n"
    )
    failure = failed.find("failure")
    assert failure is not None
    expected = [
        "recommended first: expected campus_card, got town_pass",
        "study_room: expected eligible, got not_eligible",
    ]
    assert failure.get("message") == "; ".join(expected)
    assert failure.text == "\n".join(expected)
    assert failed.findtext("system-out") == (
        "scenario: visitor\npath: role > resident > age > goal\nrecommended first: town_pass\n"
    )


def test_junit_is_written_alongside_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_scenarios(tmp_path)
    target = tmp_path / "junit.xml"
    main(
        [
            "replay",
            "--content",
            TINY,
            str(tmp_path / "a_student.yaml"),
            "--json",
            "--junit",
            str(target),
        ]
    )
    assert capsys.readouterr().out.startswith('{"scenario": ')
    case = ElementTree.parse(target).getroot().find("testsuite/testcase")
    assert case is not None and case.get("name") == "a_student"


def test_characters_xml_cannot_hold_are_replaced() -> None:
    report = ScenarioReport("scenarios/x.yaml", "x\x01", dt.date(2026, 11, 23), "v1")
    report.fail("answers: 'a\x00b' is not a fact of this content")
    text = ElementTree.tostring(junit_xml([(report, 0.0)]), encoding="unicode")
    case = ElementTree.fromstring(text).find("testsuite/testcase")  # parses: the XML is valid
    assert case is not None and case.get("classname") == "scenarios"
    assert case.findtext("failure") == "answers: 'a\ufffdb' is not a fact of this content"
    assert (case.findtext("system-out") or "").startswith("scenario: x\ufffd\n")


def test_an_unwritable_junit_file_is_an_error_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_scenarios(tmp_path)
    target = tmp_path / "missing" / "junit.xml"
    scenario = str(tmp_path / "a_student.yaml")
    assert main(["replay", "--content", TINY, scenario, "--junit", str(target)]) == 1
    assert capsys.readouterr().err == f"cannot write {target}: No such file or directory\n"
