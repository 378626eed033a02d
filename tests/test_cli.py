"""The command line as testers and screen-reader users meet it: real processes, real pipes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import leerwijzer
from tests.conftest import DATA, REPO

REPLAY_KEYS = {
    *("scenario", "passed", "failures", "asked", "recommended"),
    *("eligible", "possibly", "not_eligible", "date", "rules_version"),
}
"""The `replay --json` keys fixed in the backbone issue: outside suites rely on them."""


def test_piped_plain_mode_completes_a_path_and_explains() -> None:
    done = leerwijzer(
        "plain", "--content", str(DATA / "tiny"), "--date", "2026-11-23", stdin="1\n1\n1\n"
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Vraag 1 van ongeveer 4" in out
    assert "> 1\nU koos: Student\n" in out  # each answer said back
    assert "Controleer uw antwoorden:\n  1. Wat is uw rol? Uw antwoord: Student\n" in out
    assert (
        "Uw resultaat\n\n1. ✔ zeker: Campuskaart\n   Gratis lenen. Eerst: Ga naar de balie." in out
    )
    assert "\x1b[" not in out  # no escape codes: a screen reader reads it as it is


def test_plain_mode_refuses_bad_input_goes_back_and_helps_in_english() -> None:
    done = leerwijzer(
        "plain",
        "--content",
        str(DATA / "tiny"),
        "--lang",
        "en",
        stdin="?\n9\n3\nback\n3\nyes\n",
        env={"NO_COLOR": "1", "TERM": "dumb"},
    )
    out = done.stdout
    assert "Pick what fits best." in out
    # what is not understood is answered with what to type, in labels and numbers, never ids
    assert "> 9\nI do not understand that. Type a number from 1 to 3, 0 if you do not know" in out
    assert "student, staff, visitor" not in out
    assert out.count("What is your role?") == 4  # asked, after ?, after 9, after back
    assert "Input ended before every question was answered." in out
    assert done.returncode == 1


def test_replay_json_prints_one_line_per_scenario(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "name: student\ndate: 2026-11-23\nanswers: {role: student, goal: borrow, fulltime: ja}\n"
        "expect: {recommended_first: campus_card, eligible_includes: [study_room], max_questions: 3}\n"
    )
    (tmp_path / "b.yaml").write_text(
        "name: visitor\nanswers: {role: visitor}\nexpect: {recommended_first: town_pass}\n"
    )
    done = leerwijzer("replay", "--content", str(DATA / "tiny"), str(tmp_path), "--json")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["passed"] for line in lines] == [True, False]
    assert all(set(line) >= REPLAY_KEYS for line in lines)
    assert lines[0]["asked"] == ["role", "goal", "fulltime"]
    assert lines[0]["recommended"] == ["campus_card"]
    assert lines[1]["failures"] == [
        "the wizard asked 'resident', which the scenario does not answer"
    ]
    assert done.returncode == 1


def test_replay_can_answer_weet_niet_for_what_the_file_leaves_open(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "name: visitor\nanswers: {role: visitor, goal: borrow}\nunanswered: weet_niet\n"
        "expect: {possibly_includes: [town_pass], recommended_first: town_pass}\n"
    )
    done = leerwijzer("replay", "--content", str(DATA / "tiny"), str(tmp_path / "c.yaml"))
    assert done.returncode == 0, done.stdout
    assert done.stdout.endswith("1 passed, 0 failed\n")


def test_a_broken_scenario_file_is_a_clean_failure(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(
        "name: x\nanswers: {role: student}\nexpect: {recomended_first: x}\n"
    )
    done = leerwijzer("replay", "--content", str(DATA / "tiny"), str(tmp_path / "d.yaml"))
    assert done.returncode == 1
    assert "d.yaml:3: unknown key 'recomended_first'; remove it or fix its spelling" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_broken_content_refuses_to_start_with_the_list_of_problems() -> None:
    done = leerwijzer("plain", "--content", str(DATA / "invalid" / "goto_missing"), stdin="1\n")
    assert done.returncode == 1
    assert "questions/graph.yaml:12: goto 'residence' is not a question" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_date_argument_is_a_usage_error() -> None:
    done = leerwijzer("plain", "--date", "23-11-2026")
    assert done.returncode == 2
    assert "'23-11-2026' is not a date; use YYYY-MM-DD" in done.stderr


def test_piped_plain_mode_on_the_real_content_recommends_with_reasons() -> None:
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.replay import load_scenario, run_scenario

    scenario_path = REPO / "tests" / "scenarios" / "01_bediende_voltijds_bijscholen.yaml"
    scenario = load_scenario(scenario_path)
    report = run_scenario(Engine(load_content(REPO)), scenario)
    typed = "".join(f"{report.given[fact]}\n" for fact in report.asked)
    done = leerwijzer("plain", "--date", "2026-11-23", stdin=typed)
    assert done.returncode == 0, done.stdout[-2000:]
    out = done.stdout
    first = out.index("Uw resultaat\n\n1. ✔ zeker: ")
    assert "Vlaams opleidingsverlof" in out[first : first + 200]
    assert "(uw antwoord:" not in out  # no echoed answers in the reasons
    assert (
        f"Regels versie {Engine(load_content(REPO)).content.version}, peildatum 23-11-2026" in out
    )


def test_without_a_terminal_the_wizard_falls_back_to_plain_mode() -> None:
    done = leerwijzer("--content", str(DATA / "tiny"), "--lang", "en", stdin="1\n1\n1\n")
    assert done.returncode == 0, done.stderr
    assert "no terminal: line by line" in done.stderr
    assert "Your result\n\n1. ✔ certain: Campus card" in done.stdout


def test_a_broken_scenario_still_gives_every_json_key(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text("- not a scenario\n")
    done = leerwijzer("replay", "--content", str(DATA / "tiny"), str(tmp_path), "--json")
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert set(line) >= REPLAY_KEYS
    assert line["passed"] is False
    assert line["failures"] == [
        f"{tmp_path / 'e.yaml'}:1: expected a mapping of keys (name, answers, expect)"
    ]


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_content_option_holds_before_or_after_the_subcommand(before: bool) -> None:
    option = ["--content", str(DATA / "tiny")]
    args = [*option, "check"] if before else ["check", *option]
    done = leerwijzer(*args)
    assert done.returncode == 0, done.stderr
    assert "rules version tiny-1" in done.stdout


def test_weet_niet_as_a_listed_value_means_unknown() -> None:
    from tests.conftest import cached_content
    from wizard.conditions import UNKNOWN
    from wizard.sessions import parse_answer

    fact = cached_content(REPO).facts["doelberoep_knelpunt"]
    assert not fact.offer_unknown and "weet_niet" in fact.value_ids()
    assert parse_answer(fact, "weet_niet") is UNKNOWN


def test_an_unexpected_error_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import wizard.commands.check as check_command
    from wizard.cli import main

    def boom(args: object) -> int:
        raise RuntimeError("answer: geheim-4711")

    monkeypatch.setattr(check_command, "run", boom)
    monkeypatch.delenv("LEERWIJZER_DEBUG", raising=False)
    assert main(["--content", str(DATA / "tiny"), "check"]) == 70
    err = capsys.readouterr().err
    assert "unexpected error (RuntimeError)" in err and "LEERWIJZER_DEBUG=1" in err
    assert "geheim-4711" not in err and "Traceback" not in err
    monkeypatch.setenv("LEERWIJZER_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["--content", str(DATA / "tiny"), "check"])
