"""Record, then replay: a finished session becomes a scenario file that replays to the same result."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import leerwijzer
from tests.conftest import DATA, REPO, SCENARIOS, cached_content
from tests.test_import_hygiene import PROBE
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.matching import Result
from wizard.recording import scenario_session, scenario_yaml, status_map
from wizard.replay import ScenarioReport, load_scenario, run_scenario, scenario_files
from wizard.sessions import Session

DAY = dt.date(2026, 11, 23)


def answered(engine: Engine, *answers: object, lang: str = "nl") -> Session:
    session = engine.start(DAY, "en" if lang == "en" else "nl")
    for answer in answers:
        session = engine.answer(session, answer)
    return session


def replayed(engine: Engine, text: str, folder: Path) -> ScenarioReport:
    path = folder / "recorded.yaml"
    path.write_text(text, encoding="utf-8")
    return run_scenario(engine, load_scenario(path), str(path))


def same_result(report: ScenarioReport, result: Result) -> None:
    assert report.asked == list(result.asked)
    assert report.recommended == list(result.recommended)
    statuses = status_map(result)
    for status in statuses:
        assert sorted(getattr(report, status)) == sorted(statuses[status]), status


def test_a_tiny_session_as_scenario_text(tiny_engine: Engine) -> None:
    session = answered(tiny_engine, "student", "borrow", UNKNOWN)
    result = tiny_engine.result(session)
    assert scenario_yaml(tiny_engine.content, session, result, "student") == (
        f"# Recorded session: rules version tiny-1, content {tiny_engine.content.fingerprint}.\n"
        "name: student\n"
        "date: 2026-11-23\n"
        "lang: nl\n"
        "answers:\n"
        "  role: student\n"
        "  goal: borrow\n"
        "  fulltime: weet_niet\n"
        "expect:\n"
        "  recommended_first: campus_card\n"
        "  recommended_includes: [campus_card]\n"
        "  eligible_includes: [campus_card]\n"
        "  possibly_includes: [study_room]\n"
        "  not_eligible_includes: [town_pass]\n"
        "  max_questions: 3\n"
    )


@pytest.mark.parametrize(
    ("answers", "lang"),
    [
        (("student", "borrow", "ja"), "nl"),
        (("staff", "study"), "en"),
        (("visitor", UNKNOWN, 17), "nl"),
        (("visitor", "nee"), "en"),
    ],
)
def test_tiny_sessions_replay_to_the_same_result(
    tiny_engine: Engine, tmp_path: Path, answers: tuple[object, ...], lang: str
) -> None:
    session = answered(tiny_engine, *answers, lang=lang)
    result = tiny_engine.result(session)
    report = replayed(
        tiny_engine, scenario_yaml(tiny_engine.content, session, result, "t"), tmp_path
    )
    assert report.failures == []
    same_result(report, result)


def test_every_bundled_scenario_recorded_again_replays_the_same(tmp_path: Path) -> None:
    engine = Engine(cached_content(REPO))
    files = list(scenario_files([SCENARIOS]))
    assert files
    for file in files:
        scenario = load_scenario(file)
        session = scenario_session(engine, scenario)
        result = engine.result(session)
        if not result.complete:
            continue  # a scenario that stops early is not a finished session
        report = replayed(
            engine, scenario_yaml(engine.content, session, result, file.stem), tmp_path
        )
        assert report.failures == [], file.name
        same_result(report, result)


def test_names_and_values_that_need_quotes_read_back_exactly(
    tiny_engine: Engine, tmp_path: Path
) -> None:
    session = answered(tiny_engine, "visitor", "nee")
    name = 'klacht #12: "geen pas"\n\u2028tab\there, yes'
    text = scenario_yaml(tiny_engine.content, session, tiny_engine.result(session), name)
    assert 'name: "klacht #12: \\"geen pas\\"\\n\\u2028tab\\there, yes"\n' in text
    path = tmp_path / "quoted.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_scenario(path).name == name
    assert "  nothing_applies: true\n" in text  # a visitor from elsewhere: nothing applies


def test_an_unfinished_session_is_refused(tiny_engine: Engine) -> None:
    session = answered(tiny_engine, "student")
    with pytest.raises(ValueError, match="^the session is not finished: answer every question"):
        scenario_yaml(tiny_engine.content, session, tiny_engine.result(session), "x")


def test_plain_mode_records_and_replay_gives_the_same_result(tmp_path: Path) -> None:
    record = tmp_path / "complaint.yaml"
    tiny = str(DATA / "tiny")
    done = leerwijzer(
        "plain", "--content", tiny, "--date", "2026-11-23", "--record", str(record),
        stdin="3\n0\n45\n1\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(
        f"Uw antwoorden en dit resultaat staan nu als testscenario in {record}. "
        f"Speel het opnieuw af met: leerwijzer replay {record}\n"
    )
    assert "  resident: weet_niet\n  age: 45\n" in record.read_text()

    replay = leerwijzer("replay", "--content", tiny, str(record), "--json")
    assert replay.returncode == 0, replay.stdout
    replayed_line = json.loads(replay.stdout)
    assert replayed_line["passed"] is True
    # The same answers given in-process: the replayed result is the one the person saw.
    engine = Engine(cached_content(DATA / "tiny"))
    result = engine.result(answered(engine, "visitor", UNKNOWN, 45, "borrow"))
    assert replayed_line["asked"] == list(result.asked) == ["role", "resident", "age", "goal"]
    assert replayed_line["recommended"] == list(result.recommended) == ["town_pass"]
    assert "kijk het na:\n1. ? misschien: Stadspas\n" in done.stdout


def test_plain_mode_records_a_bundled_session_in_english(tmp_path: Path, bundled: Content) -> None:
    record = tmp_path / "bundled.yaml"
    # "1" to every choice (and age 1), "0" (I don't know) wherever that is offered first.
    done = leerwijzer(
        "plain", "--lang", "en", "--date", "2026-11-23", "--record", str(record),
        stdin="1\n1\n0\n" + "1\n" * 40,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(
        f"Your answers and this result are now saved as a test scenario in {record}. "
        f"Replay it with: leerwijzer replay {record}\n"
    )
    assert "\n  not_eligible_includes:\n    - " in record.read_text()  # too long for one line
    scenario = load_scenario(record)
    assert scenario.lang == "en" and scenario.date == DAY
    assert "weet_niet" in scenario.answers.values()
    report = run_scenario(Engine(bundled), scenario, str(record))
    assert report.failures == []
    replay = leerwijzer("replay", str(record))
    assert replay.returncode == 0 and "1 passed, 0 failed" in replay.stdout, replay.stdout


def test_plain_mode_says_when_nothing_was_recorded(tmp_path: Path) -> None:
    record = tmp_path / "partial.yaml"
    tiny = str(DATA / "tiny")
    done = leerwijzer(
        "plain", "--content", tiny, "--lang", "en", "--record", str(record), stdin="1\n"
    )
    assert done.returncode == 1
    assert done.stdout.endswith("No test scenario was saved: not every question was answered.\n")
    assert not record.exists()

    missing = tmp_path / "missing" / "x.yaml"
    done = leerwijzer("plain", "--content", tiny, "--record", str(missing), stdin="1\n1\n1\n")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"Het testscenario kon niet bewaard worden in {missing}: die map bestaat niet\n"
    )


def test_recording_does_not_import_textual_or_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "wizard.recording"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
