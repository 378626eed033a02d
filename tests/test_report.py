"""The result as a citizen reads it: what fits first, and the why-nots that matter before the rest."""

from __future__ import annotations

from datetime import date

from tests.conftest import SCENARIOS
from wizard.content import Content
from wizard.engine import Engine
from wizard.matching import Result
from wizard.replay import load_scenario
from wizard.report import render_text, result_sections


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
    sections = {s.kind: s for s in result_sections(bundled, result, "nl")}
    why_not = [e.instrument for e in sections["not_eligible"].entries]
    assert "vlaams_opleidingskrediet" in why_not  # serves bijscholen: its reason matters
    assert "duaal_leren_leerlingenpremie" not in why_not  # a pupil's bonus: named only
    other = [e.instrument for e in sections["not_eligible_other"].entries]
    assert "duaal_leren_leerlingenpremie" in other
    text = render_text(bundled, result, "nl")
    assert text.index("Aanbevolen voor u:") < text.index("Niet voor u:")
    assert text.index("Niet voor u:") < text.index(
        "Ook niet voor u: voor andere situaties of doelen:"
    )
