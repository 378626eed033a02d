"""The three typical people of issue #12 (worker, jobseeker, career switcher), built from their
scenarios: the reading budget of the result is measured on them (tests and ``make bench``)."""

from __future__ import annotations

from pathlib import Path

from wizard.conditions import UNKNOWN
from wizard.engine import Engine
from wizard.matching import Result
from wizard.model import Lang
from wizard.replay import load_scenario, scenario_answer
from wizard.sessions import UNKNOWN_ANSWER, Session

PROFILES = {
    "worker": "01_bediende_voltijds_bijscholen.yaml",
    "jobseeker": "09_werkzoekende_werk_vinden.yaml",
    "career switcher": "43_bediende_omscholen_aangekondigde_maatregel.yaml",
}
"""The three typical people of issue #12, each built from its scenario's answers."""


def scenario_session(
    engine: Engine, scenario_file: Path, lang: Lang | None = None
) -> tuple[Session, list[str]]:
    """A scenario's answers given one by one; a question the scenario does not answer (content
    newer than the scenario) is answered "weet ik niet" and named."""
    scenario = load_scenario(scenario_file)
    session = engine.start(scenario.date, lang or scenario.lang)
    guessed: list[str] = []
    while (question := engine.current_question(session)) is not None:
        raw = scenario_answer(engine.content, scenario, question.fact)
        if question.fact not in scenario.answers and question.fact not in engine.content.shortcuts:
            guessed.append(question.fact)
        session = engine.answer(session, UNKNOWN if raw in (None, UNKNOWN_ANSWER) else raw)
    return session, guessed


def profile_result(engine: Engine, scenario_file: Path) -> tuple[Result, list[str]]:
    """The result for a scenario's answers (see ``scenario_session``)."""
    session, guessed = scenario_session(engine, scenario_file)
    return engine.result(session), guessed
