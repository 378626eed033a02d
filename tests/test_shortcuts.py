"""One question for several facts (`sets` on an option): asked only where it saves a question,
gives its facts exactly as their own questions would, and back, edit, resume, replay, lint and
paths treat it as one answer (docs/content-format.md, "One question for several facts")."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from tests.cli import leerwijzer
from tests.conftest import DATA
from tests.test_engine import answer_all, asked
from tests.test_paths import assert_matches_brute_force
from wizard.content import Content
from wizard.engine import Engine
from wizard.lint import lint
from wizard.loading import load_content
from wizard.replay import Scenario, run_scenario
from wizard.sessions import Session

DAY = date(2026, 11, 23)
SHORTCUT = DATA / "shortcut"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(SHORTCUT)


@pytest.fixture(scope="module")
def engine(content: Content) -> Engine:
    return Engine(content)


def test_the_common_case_answers_two_facts_with_one_question(engine: Engine) -> None:
    session = answer_all(engine, "visitor", "borrow", "both_in_town", "30")
    walk = engine.walk(session)
    assert walk.complete
    assert asked(engine, session) == ["role", "goal", "where", "age"]
    assert ("resident", "already_known") in walk.skipped
    assert ("works_in_town", "already_known") in walk.skipped
    assert (walk.known["resident"], walk.known["works_in_town"]) == ("ja", "ja")
    result = engine.result(session)
    assert result.recommended == ("town_pass",)
    assert result.asked == ("role", "goal", "where", "age")
    assert "u woont in de stad (uw antwoord: Inwoner: Ja)" in result.verdicts["town_pass"].reason(
        "nl"
    )


def test_something_else_asks_each_fact_on_its_own(engine: Engine) -> None:
    session = answer_all(engine, "visitor", "borrow", "other")
    assert engine.current_question(session).id == "resident"  # type: ignore[union-attr]
    session = answer_all(engine, "visitor", "borrow", "other", "ja", "nee")
    assert engine.walk(session).complete  # not working in town: the age cannot matter
    assert asked(engine, session) == ["role", "goal", "where", "resident", "works_in_town"]
    assert engine.result(session).verdicts["town_pass"].status == "not_eligible"


def test_an_option_may_set_some_facts_and_leave_the_others_to_their_question(
    engine: Engine,
) -> None:
    session = answer_all(engine, "visitor", "borrow", "lives_in_town")
    walk = engine.walk(session)
    assert walk.current is not None and walk.current.id == "works_in_town"
    assert ("resident", "already_known") in walk.skipped


def test_it_is_skipped_when_only_one_of_its_facts_is_still_asked(engine: Engine) -> None:
    # Staff: works_in_town's ask_when is false, so only 'resident' is left: its own question asks it.
    session = answer_all(engine, "staff", "study")
    walk = engine.walk(session)
    assert walk.current is not None and walk.current.id == "resident"
    assert ("where", "cannot_change_outcome") in walk.skipped
    # A student: nothing hangs on either fact, so neither is asked.
    student = engine.walk(answer_all(engine, "student", "borrow", "ja"))
    assert student.complete and ("where", "cannot_change_outcome") in student.skipped


def test_asking_everything_gives_the_same_verdicts_on_every_path(content: Content) -> None:
    """The skip rule (with the question for several facts) against asking every question: the
    same verdicts and ranking for every combination of answers."""
    short, full = Engine(content), Engine(content, ask_everything=True)
    values = {
        "role": ["student", "staff", "visitor"],
        "goal": ["borrow", "study"],
        "where": ["both_in_town", "lives_in_town", "other"],
        "resident": ["ja", "nee"],
        "works_in_town": ["ja", "nee"],
        "age": ["12", "30"],
        "fulltime": ["ja", "nee"],
    }
    for combination in itertools.product(*values.values()):
        answers = dict(zip(values, combination, strict=True))
        results = []
        for engine in (short, full):
            session = engine.start(DAY)
            while (question := engine.current_question(session)) is not None:
                session = engine.answer(session, answers[question.fact])
            results.append(engine.result(session))
        quick, slow = results
        assert quick.recommended == slow.recommended, answers
        assert {i: v.status for i, v in quick.verdicts.items()} == {
            i: v.status for i, v in slow.verdicts.items()
        }, answers
        assert len(quick.asked) <= len(slow.asked)


def test_back_from_it_forgets_what_it_set(engine: Engine) -> None:
    session = answer_all(engine, "visitor", "borrow", "both_in_town")
    back, previous = engine.back(session)
    assert previous == "both_in_town"
    walk = engine.walk(back)
    assert walk.current is not None and walk.current.id == "where"
    assert "resident" not in walk.known and "works_in_town" not in walk.known


def test_editing_it_brings_back_or_drops_the_single_questions(engine: Engine) -> None:
    common = answer_all(engine, "visitor", "borrow", "both_in_town", "30")
    to_other = engine.edit(common, "where", "other")
    assert to_other.now_asks == "resident"
    assert "age" not in to_other.dropped  # still ahead on the edited path: kept
    single = answer_all(engine, "visitor", "borrow", "other", "ja", "nee")
    to_common = engine.edit(single, "where", "both_in_town")
    assert set(to_common.dropped) == {"resident", "works_in_town"}
    assert to_common.now_asks == "age"
    assert ("town_pass", "not_eligible", "possibly") in to_common.changed


def test_a_session_that_answered_the_facts_one_by_one_is_not_asked_it_again(
    engine: Engine,
) -> None:
    # As a session saved before the question for several facts existed, or a tool answering by fact.
    session = Session(
        date=DAY,
        answers=(
            ("role", "visitor"),
            ("goal", "borrow"),
            ("resident", "ja"),
            ("works_in_town", "ja"),
        ),
    )
    walk = engine.walk(session)
    assert ("where", "already_known") in walk.skipped
    assert walk.current is not None and walk.current.id == "age"
    assert asked(engine, session) == ["role", "goal", "resident", "works_in_town"]


def scenario(**answers: str | int) -> Scenario:
    return Scenario(name="s", date=DAY, answers=answers)


def test_replay_picks_the_option_that_gives_the_scenarios_answers(engine: Engine) -> None:
    report = run_scenario(
        engine, scenario(role="visitor", goal="borrow", resident="ja", works_in_town="ja", age=30)
    )
    assert report.passed, report.failures
    assert report.asked == ["role", "goal", "where", "age"]
    assert report.given["where"] == "both_in_town"
    assert report.recommended == ["town_pass"]


def test_replay_falls_back_to_the_option_for_every_other_case(engine: Engine) -> None:
    # resident: nee matches no option that sets something: "other", then both single questions.
    report = run_scenario(
        engine, scenario(role="visitor", goal="borrow", resident="nee", works_in_town="ja", age=30)
    )
    assert report.passed, report.failures
    assert report.asked == ["role", "goal", "where", "resident"]
    assert report.given["where"] == "other"
    # Only part of the facts in the scenario: an option never invents the missing one.
    partial = run_scenario(engine, scenario(role="visitor", goal="borrow", resident="ja", age=30))
    assert partial.given["where"] == "lives_in_town"
    assert not partial.passed  # works_in_town is then asked, and the scenario does not answer it
    assert "the wizard asked 'works_in_town'" in partial.failures[0]


def test_a_scenario_may_answer_the_question_itself(engine: Engine) -> None:
    report = run_scenario(
        engine, scenario(role="visitor", goal="borrow", where="both_in_town", age=30)
    )
    assert report.passed and report.recommended == ["town_pass"]


def test_lint_finds_nothing_wrong_and_paths_match_the_step_api(content: Content) -> None:
    assert [str(f) for f in lint(content, DAY) if f.severity == "error"] == []
    assert_matches_brute_force(content, DAY)


def test_the_bundled_content_asks_where_one_lives_and_works_at_once() -> None:
    engine = Engine(load_content(Path(__file__).resolve().parents[1]))
    report = run_scenario(
        engine,
        Scenario(
            name="bediende",
            date=DAY,
            answers={
                "statuut": "werknemer_prive",
                "behoefte": "bijscholen_huidige_job",
                "werkgever_vraagt_opleiding": "nee",
                "wie_betaalt": "zelf",
                "woonplaats": "vlaanderen",
                "werkplaats_gewest": "vlaanderen",
            },
            unanswered="weet_niet",
        ),
    )
    assert report.given["woon_en_werkplaats"] == "vlaanderen_vlaanderen"
    assert report.given["opleiding_zelf_gekozen"] == "zelf_gekozen_zelf_betaald"
    for single in ("woonplaats", "werkplaats_gewest", "wie_betaalt", "werkgever_vraagt_opleiding"):
        assert single not in report.asked


def test_back_drops_single_answers_an_option_replaced(engine: Engine) -> None:
    # Single answers from an earlier "something else" left in the session (as an edit keeps what
    # is still ahead): going back from the last question must reach the question again, not skip it.
    session = Session(
        date=DAY,
        answers=(
            ("role", "visitor"),
            ("goal", "borrow"),
            ("where", "both_in_town"),
            ("resident", "ja"),
            ("works_in_town", "nee"),
            ("age", 30),
        ),
    )
    assert engine.walk(session).known["works_in_town"] == "ja"  # the option's answer counts
    back, _ = engine.back(session)
    again, previous = engine.back(back)
    assert previous == "both_in_town"
    assert engine.current_question(again).id == "where"  # type: ignore[union-attr]
    assert "works_in_town" not in again.answer_map


def test_replay_reads_yes_and_no_as_the_facts_own_ids(engine: Engine) -> None:
    report = run_scenario(
        engine,
        scenario(role="visitor", goal="borrow", resident="yes", works_in_town="yes", age=30),
    )
    assert report.given["where"] == "both_in_town"
    assert report.asked == ["role", "goal", "where", "age"]


def test_replay_names_a_scenario_that_contradicts_the_option_it_chose(engine: Engine) -> None:
    report = run_scenario(
        engine,
        scenario(role="visitor", goal="borrow", where="both_in_town", resident="nee", age=30),
    )
    assert not report.passed
    assert (
        "answers: 'resident: nee' contradicts 'where: both_in_town', which sets resident: ja"
        in report.failures
    )


def test_plain_mode_asks_it_and_records_a_scenario_that_replays(tmp_path: Path) -> None:
    record = tmp_path / "recorded.yaml"
    done = leerwijzer(
        "--content",
        str(SHORTCUT),
        "--lang",
        "en",
        "--date",
        "2026-11-23",
        "plain",
        "--record",
        str(record),
        stdin="visitor\nborrow\n1\n30\n",
    )
    assert done.returncode == 0, done.stderr
    assert "Where do you live and work?" in done.stdout
    assert "1. I live and work in town" in done.stdout
    assert "Do you live in town?" not in done.stdout  # answered by the option
    assert "where: both_in_town" in record.read_text()
    replayed = leerwijzer("--content", str(SHORTCUT), "replay", str(record))
    assert replayed.returncode == 0, replayed.stdout
