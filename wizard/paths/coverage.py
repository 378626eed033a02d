"""Coverage: what a set of scenario files covers of what the paths ask and reach."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wizard.engine import Engine
from wizard.paths.answers import Answers, answer_label, option_label
from wizard.paths.diagram import Diagram
from wizard.problems import ContentError
from wizard.replay import run_scenario
from wizard.sessions import UNKNOWN_ANSWER


@dataclass(frozen=True)
class Covered:
    covered: list[str]
    missed: list[str]


@dataclass(frozen=True)
class Coverage:
    """What a set of scenario files covers of what the paths ask and reach."""

    scenarios: int
    questions: Covered
    """Questions some path asks on the date (by id)."""
    options: Covered
    """fact=answer for every answer of those questions."""
    instruments: Covered
    """Instruments eligible in some scenario."""
    never_asked: list[str]
    """Questions no path asks on the date."""
    unreadable: list[str]


def scenario_coverage(engine: Engine, diagram: Diagram, files: Iterable[Path]) -> Coverage:
    from wizard.replay import load_scenario

    content = engine.content
    answers = Answers(content, diagram.on)
    by_fact = {q.fact: q.id for q in content.questions.values()}
    asked: set[str] = set()
    used: set[str] = set()
    eligible: set[str] = set()
    unreadable: list[str] = []
    count = 0
    for path in files:
        try:
            scenario = load_scenario(path)
        except ContentError:
            unreadable.append(str(path))
            continue
        count += 1
        report = run_scenario(engine, scenario, str(path))
        for fact in report.asked:
            asked.add(by_fact.get(fact, fact))
            raw = report.given.get(fact, UNKNOWN_ANSWER)
            used.add(f"{fact}={answer_label(answers, fact, raw)}")
        eligible |= set(report.eligible) - report.tip_ids
    questions = sorted(diagram.questions())
    options = [
        f"{content.questions[q].fact}={option_label(o)}"
        for q in questions
        for o in answers.options(content.questions[q].fact)
    ]
    instruments = sorted(i.id for i in content.incentives.values() if i.model.kind != "tip")
    return Coverage(
        scenarios=count,
        questions=Covered(
            [q for q in questions if q in asked], [q for q in questions if q not in asked]
        ),
        options=Covered([o for o in options if o in used], [o for o in options if o not in used]),
        instruments=Covered(
            [i for i in instruments if i in eligible], [i for i in instruments if i not in eligible]
        ),
        never_asked=sorted(set(content.questions) - set(questions)),
        unreadable=unreadable,
    )
