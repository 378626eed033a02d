"""The result as a citizen reads it: the answer in one glance, then cards, then why not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.conftest import SCENARIOS
from tests.profiles import PROFILES, profile_result
from wizard.content import Content
from wizard.engine import Engine
from wizard.matching import Result
from wizard.replay import load_scenario
from wizard.report import card, glance, result_sections, why_not, without_echo
from wizard.report_text import reading_figures, render_glance, render_text


def result_for(bundled: Content, scenario: str) -> Result:
    engine = Engine(bundled)
    person = load_scenario(next(SCENARIOS.glob(f"{scenario}_*.yaml")))
    session = engine.start(person.date or date(2026, 11, 23))
    while (question := engine.current_question(session)) is not None:
        session = engine.answer(session, person.answers[question.fact])
    return engine.result(session)


def test_why_not_comes_first_for_what_serves_the_goal_and_last_for_other_people(
    bundled: Content,
) -> None:
    result = result_for(bundled, "01")
    rows = why_not(bundled, result, "nl")
    relevant = [row.instrument for row in rows if not row.other]
    other = [row.instrument for row in rows if row.other]
    assert "vlaams_opleidingskrediet" in relevant  # serves bijscholen: its reason matters
    assert "duaal_leren_leerlingenpremie" in other  # a pupil's bonus: last
    text = render_text(bundled, result, "nl")
    assert text.index("1. ✔ zeker: Vlaams opleidingsverlof") < text.index("Niet voor u:")
    assert text.index("Niet voor u:") < text.index(
        "Ook niet voor u: voor andere situaties of doelen:"
    )


def test_possibly_never_sits_under_a_certain_heading(bundled: Content) -> None:
    result = result_for(bundled, "43")  # an employee who wants to switch: one announced measure
    items = glance(bundled, result, "nl").items
    statuses = [item.status for item in items]
    assert "possibly" in statuses and "eligible" in statuses
    assert statuses == sorted(statuses, key=["eligible", "possibly", "announced"].index)
    for section in result_sections(bundled, result, "nl"):
        kinds = {result.verdicts[e.instrument].shown_status for e in section.entries}
        if section.kind in ("eligible", "possibly"):
            assert kinds == {section.kind}, section.title


def test_nothing_fits_is_never_followed_by_also_possible(bundled: Content) -> None:
    result = result_for(bundled, "01")
    weak = replace(result, recommended=())  # open to the person, but none fits the goal well
    summary = glance(bundled, weak, "nl")
    assert summary.weaker_title.startswith("Niets past goed") and not summary.nothing
    assert "vlaams_opleidingsverlof" in [item.instrument for item in summary.items]
    closed = {
        i: replace(v, status="not_eligible") if v.status != "not_eligible" and not v.tip else v
        for i, v in result.verdicts.items()
    }
    nothing = replace(result, verdicts=closed, recommended=(), tips=())
    summary = glance(bundled, nothing, "nl")
    assert summary.nothing[0] == "Op basis van uw antwoorden past geen enkele maatregel."
    assert not summary.items and not summary.weaker_title
    text = render_text(bundled, nothing, "nl")
    assert "Ook mogelijk" not in text and "zeker:" not in text and "misschien:" not in text


def test_a_card_gives_reasons_as_sentences_without_echoed_answers(bundled: Content) -> None:
    result = result_for(bundled, "01")
    vov = card(bundled, result, "vlaams_opleidingsverlof", "nl")
    assert vov.why and all(s[0].isupper() and s.endswith(".") for s in vov.why)
    assert not any("uw antwoord" in s for s in vov.why)
    assert vov.steps and vov.gives
    assert without_echo("u werkt (deeltijds) (uw antwoord: Uw situatie: Ik werk (interim))") == (
        "u werkt (deeltijds)"
    )


def test_an_unknown_status_and_a_rules_check_date_are_shown_generically(bundled: Content) -> None:
    result = result_for(bundled, "43")
    announced = replace(result.verdicts["vlaamse_omscholingsmaatregel"], status="announced")
    verdicts = {**result.verdicts, "vlaamse_omscholingsmaatregel": announced}
    items = glance(bundled, replace(result, verdicts=verdicts), "nl").items
    last = items[-1]
    assert (last.status, last.word, last.glyph) == ("announced", "aangekondigd", "◷")


def test_the_glance_fits_80_by_24_even_when_everything_is_unknown(bundled: Content) -> None:
    engine = Engine(bundled)
    session = engine.start(date(2026, 11, 23))
    while engine.current_question(session) is not None:
        session = engine.answer(session, "weet_niet")
    result = engine.result(session)
    summary = glance(bundled, result, "nl")
    assert len(summary.items) > 8  # many "misschien": more than one screen can hold
    lines = render_glance(summary)
    assert len(lines) <= 24 and max(map(len, lines)) <= 80
    assert "En nog" in lines[-3] or any("En nog" in line for line in lines)


@pytest.mark.parametrize("who", sorted(PROFILES))
def test_a_typical_person_reads_at_most_120_words_first_and_400_before_any_card(
    bundled: Content, who: str
) -> None:
    result, _ = profile_result(Engine(bundled), SCENARIOS / PROFILES[who])
    assert result.recommended, f"the {who} should get a recommendation"
    first, page = reading_figures(bundled, result, "nl")
    assert 20 < first <= 120, f"{who}: {first} words on the first screen"
    assert first <= page <= 400, f"{who}: {page} words before any card is opened"
    lines = render_glance(glance(bundled, result, "nl"))
    assert len(lines) <= 24 and max(map(len, lines)) <= 80
