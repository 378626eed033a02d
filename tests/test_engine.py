"""The engine on the tiny generic content: walking, skipping, back, edit, verdicts, dates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import DATA, SCENARIOS
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.replay import load_scenario
from wizard.sessions import InvalidAnswer, Session

DAY = date(2026, 11, 23)


def answer_all(engine: Engine, *answers: object, on: date = DAY) -> Session:
    session = engine.start(on)
    for raw in answers:
        session = engine.answer(session, raw)
    return session


def asked(engine: Engine, session: Session) -> list[str]:
    return [q.id for q in engine.walk(session).asked]


def test_a_student_path_to_a_recommendation(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "student", "borrow", "ja")
    assert tiny_engine.current_question(session) is None
    result = tiny_engine.result(session)
    assert result.complete
    assert result.recommended == ("campus_card",)
    assert result.verdicts["study_room"].status == "eligible"
    reason = result.verdicts["town_pass"].reason("nl")
    assert reason == "u hebt al een campuskaart (uw antwoord: Rol: Student)"
    assert result.rules_version == "tiny-1" and result.date == DAY


def test_ask_when_false_skips_the_question(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "staff", "borrow")
    walk = tiny_engine.walk(session)
    assert walk.complete
    assert ("fulltime", "ask_when") in walk.skipped


def test_a_question_that_cannot_change_the_outcome_is_skipped(tiny_engine: Engine) -> None:
    # A visitor who does not live in town can get nothing: neither age nor goal can change that.
    session = answer_all(tiny_engine, "visitor", "nee")
    walk = tiny_engine.walk(session)
    assert walk.skipped[:2] == (("age", "cannot_change_outcome"), ("goal", "cannot_change_outcome"))
    assert walk.complete


def test_a_rule_not_yet_in_force_does_not_ask_its_fact(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", "ja", "borrow", on=date(2024, 6, 1))
    assert asked(tiny_engine, session) == ["role", "resident", "goal"]
    assert tiny_engine.result(session).verdicts["town_pass"].status == "eligible"


def test_an_instrument_outside_its_window_is_not_eligible_and_says_why(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", on=date(2031, 1, 5))
    assert tiny_engine.walk(session).complete  # nothing else is open after 2030
    verdict = tiny_engine.result(session).verdicts["town_pass"]
    assert verdict.status == "not_eligible"
    assert (
        verdict.reason("nl")
        == "Liep af op 31-12-2030; op 05-01-2031 kunt u het niet meer aanvragen."
    )


def test_invalid_answers_are_refused_and_change_nothing(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", "ja")
    for bad in ("abc", "200", "-1", "manager", 3.5):
        with pytest.raises(InvalidAnswer) as caught:
            tiny_engine.answer(session, bad)
        assert caught.value.reason.nl and caught.value.reason.en
    assert session.answers == (("role", "visitor"), ("resident", "ja"))
    with pytest.raises(InvalidAnswer, match="from 0 to 120"):
        tiny_engine.answer(session, 121)


def test_weet_niet_makes_a_verdict_possibly_and_names_the_missing_fact(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", UNKNOWN, 30, "borrow")
    verdict = tiny_engine.result(session).verdicts["town_pass"]
    assert verdict.status == "possibly"
    assert verdict.missing == ("resident",)
    assert "van: inwoner." in verdict.reason("nl")  # the label, in the sentence
    assert tiny_engine.result(session).recommended == ("town_pass",)


def test_back_forgets_the_last_answer_and_returns_it(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "student", "borrow")
    back, previous = tiny_engine.back(session)
    assert previous == "borrow"
    current = tiny_engine.current_question(back)
    assert current is not None and current.id == "goal"
    first, _ = tiny_engine.back(tiny_engine.back(back)[0])
    assert first.answers == () and tiny_engine.back(first) == (first, None)


def test_edit_keeps_what_applies_drops_what_left_and_reports_changes(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", "ja", 30, "borrow")
    outcome = tiny_engine.edit(session, "role", "student")
    assert outcome.dropped == ("resident", "age")
    assert outcome.now_asks == "fulltime"
    assert dict(outcome.session.answers) == {"role": "student", "goal": "borrow"}
    changed = {i: (old, new) for i, old, new in outcome.changed}
    assert changed["town_pass"] == ("eligible", "not_eligible")
    assert changed["campus_card"] == ("not_eligible", "eligible")


def test_an_invalid_edit_is_refused(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", "ja")
    with pytest.raises(InvalidAnswer):
        tiny_engine.edit(session, "role", "teacher")


def test_progress_counts_down_as_questions_drop_out(tiny_engine: Engine) -> None:
    session = tiny_engine.start(DAY)
    assert tiny_engine.progress(session) == (1, 4)
    session = tiny_engine.answer(session, "staff")
    assert tiny_engine.progress(session) == (2, 2)


def test_nothing_applies_gives_a_referral(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", "nee")
    result = tiny_engine.result(session)
    assert result.recommended == ()
    assert result.referral is not None and result.referral.en == "Ask at the front desk."


def test_session_round_trips_through_a_dict(tiny: Content, tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", UNKNOWN, 30)
    data = session.to_dict()
    assert data["answers"] == {"role": "visitor", "resident": "weet_niet", "age": 30}
    assert Session.from_dict(data, tiny.facts) == session


def focused_tiny(tmp_path: Path) -> Engine:
    """The tiny content with the goal asked first and only good fits pursued."""
    root = tmp_path / "focused"
    shutil.copytree(DATA / "tiny", root)
    graph = root / "questions" / "graph.yaml"
    text = graph.read_text().replace("start: role", "start: goal\npursue_min_fit: 2")
    text = text.replace("      - goto: fulltime\n", "      - goto: role\n")
    text = text.replace(
        "      - when: role == visitor\n        goto: resident\n      - goto: goal\n",
        "      - when: role == visitor\n        goto: resident\n      - goto: fulltime\n",
    )
    text = text.replace("    next:\n      - goto: goal\n", "    next:\n      - goto: fulltime\n")
    graph.write_text(text)
    return Engine(load_content(root))


def test_with_a_focus_weak_fits_are_not_pursued(tmp_path: Path) -> None:
    engine = focused_tiny(tmp_path)
    # Borrowing: the town pass fits (2), so a visitor is asked about residence and age.
    borrow = answer_all(engine, "borrow", "visitor", "ja", 30)
    assert asked(engine, borrow) == ["goal", "role", "resident", "age"]
    assert engine.result(borrow).recommended == ("town_pass",)
    # Studying: the town pass does not serve it; nothing fits a visitor, so nothing more is asked.
    study = answer_all(engine, "study", "visitor")
    assert engine.walk(study).complete
    result = engine.result(study)
    assert result.verdicts["town_pass"].status == "possibly"
    assert not result.verdicts["town_pass"].assessed
    assert result.verdicts["town_pass"].reason("en").startswith("Not looked into further")
    assert result.recommended == ()


def test_with_a_focus_a_weak_fit_is_not_recommended(tmp_path: Path) -> None:
    engine = focused_tiny(tmp_path)
    session = answer_all(engine, "study", "staff")
    result = engine.result(session)
    assert result.verdicts["campus_card"].status == "eligible"  # decided by the answers anyway
    assert result.recommended == ()  # but it fits studying only weakly (1 < 2)


def campus_card_with(tmp_path: Path, yaml_lines: str) -> Engine:
    """The tiny content with ``yaml_lines`` inserted into the campus card, before next_steps."""
    root = tmp_path / "edited"
    shutil.copytree(DATA / "tiny", root)
    card = root / "incentives" / "campus_card.yaml"
    card.write_text(card.read_text().replace("next_steps:", f"{yaml_lines}next_steps:"))
    return Engine(load_content(root))


def test_dated_verify_texts_and_an_always_failing_dated_rule(tmp_path: Path) -> None:
    engine = campus_card_with(
        tmp_path,
        "  - id: replaced\n    when: false\n    valid_from: 2027-01-01\n"
        "    why_not: {nl: vervangen door de stadspas, en: replaced by the town pass}\n"
        "verify:\n  - {nl: oud, en: old, valid_until: 2026-12-31}\n"
        "  - {nl: altijd, en: always}\n",
    )
    before = engine.result(answer_all(engine, "student", "borrow", "ja"))
    assert [t.en for t in before.verdicts["campus_card"].verify] == ["old", "always"]
    after = engine.result(answer_all(engine, "student", "borrow", "ja", on=date(2027, 2, 1)))
    verdict = after.verdicts["campus_card"]
    assert verdict.status == "not_eligible"
    assert verdict.reason("en") == "replaced by the town pass"


def test_two_instruments_that_exclude_each_other_are_never_recommended_together(
    tmp_path: Path,
) -> None:
    engine = campus_card_with(
        tmp_path,
        "excludes:\n  - instrument: study_room\n"
        "    note: {nl: niet voor dezelfde opleiding, en: not for the same course}\n",
    )
    result = engine.result(answer_all(engine, "student", "study", "ja"))
    # Both are eligible; the study room fits studying better, so the card steps aside,
    # even though the exclusion is written on the card's side only.
    assert result.verdicts["campus_card"].status == "eligible"
    assert result.verdicts["study_room"].status == "eligible"
    assert result.recommended == ("study_room",)
    assert [n.en for n in result.verdicts["campus_card"].notes] == ["not for the same course"]
    assert result.verdicts["study_room"].notes == ()


def test_a_superscript_digit_is_refused_not_a_crash(tiny_engine: Engine) -> None:
    session = answer_all(tiny_engine, "visitor", "ja")
    with pytest.raises(InvalidAnswer, match="Give a number"):
        tiny_engine.answer(session, "²")


def test_before_a_documented_start_the_guide_says_it_does_not_know(tmp_path: Path) -> None:
    root = tmp_path / "edited"
    shutil.copytree(DATA / "tiny", root)
    card = root / "incentives" / "campus_card.yaml"
    text = card.read_text()
    card.write_text(
        text.replace(
            "valid_from: 2020-01-01\n", "valid_from: 2020-01-01\nvalid_from_is_start: false\n"
        )
    )
    engine = Engine(load_content(root))
    verdict = engine.result(answer_all(engine, on=date(2019, 6, 1))).verdicts["campus_card"]
    assert verdict.status == "not_eligible"
    assert verdict.reason("nl").startswith("Deze gids kent de regels pas vanaf 01-01-2020;")
    plain = Engine(load_content(DATA / "tiny"))
    verdict = plain.result(answer_all(plain, on=date(2019, 6, 1))).verdicts["campus_card"]
    assert verdict.reason("nl").startswith("Bestaat pas vanaf 01-01-2020;")


def test_a_check_with_when_is_shown_only_to_the_people_it_concerns(tmp_path: Path) -> None:
    engine = campus_card_with(
        tmp_path,
        "verify:\n  - {nl: alleen voor personeel, en: staff only, when: role == staff}\n"
        "  - {nl: altijd, en: always}\n",
    )
    student = engine.result(answer_all(engine, "student", "borrow", "ja"))
    assert [t.en for t in student.verdicts["campus_card"].verify] == ["always"]
    staff = engine.result(answer_all(engine, "staff", "borrow"))
    assert [t.en for t in staff.verdicts["campus_card"].verify] == ["staff only", "always"]


def test_an_edit_reports_verdicts_as_shown_not_assessed_included(bundled: Content) -> None:
    engine = Engine(bundled)
    person = load_scenario(next(SCENARIOS.glob("09_*.yaml")))
    session = engine.start(person.date)
    while (question := engine.current_question(session)) is not None:
        session = engine.answer(session, person.answers.get(question.fact, "weet_niet"))
    changed = {i: (a, b) for i, a, b in engine.edit(session, "statuut", "werknemer_prive").changed}
    assert changed["ibo"] == ("possibly", "not_eligible")  # no employer named yet: "possibly"
    assert changed["bev_brussel_wallonie"] == ("not_eligible", "not_assessed")  # never "possibly"
