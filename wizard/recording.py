"""Record, then replay: a finished session written as a scenario file, its result as expectations.

A helpdesk complaint ("it told me X") becomes a runnable test: the file answers, by fact id, exactly
the questions the session's path asked, in that order, and expects the result the person saw.
``wizard.replay.load_scenario`` reads it back and ``leerwijzer replay`` checks it.

The YAML is written by hand (``yamlio`` is the only PyYAML user, and it only reads): every scalar
that is not a plain id is double-quoted, so it reads back exactly as it was.
"""

from __future__ import annotations

import json
import re

from wizard.conditions import Unknown
from wizard.content import Content
from wizard.engine import Engine
from wizard.matching import Result
from wizard.replay import Scenario, run_scenario
from wizard.sessions import UNKNOWN_ANSWER, Answer, Session, parse_answer

_PLAIN = re.compile(r"[a-z][a-z0-9_]*")
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}
"""Words some YAML readers (an editor, PyYAML elsewhere) take for booleans or null: quote them."""

LINE_WIDTH = 100
STATUS_KEYS = ("eligible", "possibly", "not_eligible", "not_assessed", "announced")


def _scalar(value: str | int) -> str:
    if isinstance(value, int):
        return str(value)
    if _PLAIN.fullmatch(value) and value not in _YAML_WORDS:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    # JSON leaves a few characters YAML reads as line breaks or refuses; escape them too.
    return "".join(char if char.isprintable() else f"\\u{ord(char):04x}" for char in quoted)


def _list_lines(key: str, values: list[str]) -> list[str]:
    # One line when it fits; otherwise one item per line, so a diff shows which instrument moved.
    flow = f"  {key}: [{', '.join(_scalar(v) for v in values)}]"
    if len(flow) <= LINE_WIDTH:
        return [flow]
    return [f"  {key}:", *(f"    - {_scalar(v)}" for v in values)]


def _answer(value: Answer) -> str:
    if isinstance(value, frozenset):  # a multi_choice answer: a YAML list ([] is "none of these")
        return f"[{', '.join(_scalar(v) for v in sorted(value))}]"
    return _scalar(UNKNOWN_ANSWER if isinstance(value, Unknown) else value)


def status_map(result: Result) -> dict[str, list[str]]:
    """Instrument ids per status, as ``replay`` reports them (a weak fit left open: not_assessed)."""
    statuses: dict[str, list[str]] = {key: [] for key in STATUS_KEYS}
    for instrument, verdict in result.verdicts.items():
        statuses[verdict.shown_status].append(instrument)
    return statuses


def scenario_yaml(content: Content, session: Session, result: Result, name: str) -> str:
    """The scenario file text for a finished session; ValueError when the path is not complete."""
    if not result.complete:
        raise ValueError("the session is not finished: answer every question before recording it")
    answers = session.answer_map
    lines = [
        f"# Recorded session: rules version {content.version}, content {content.fingerprint}.",
        f"name: {_scalar(name)}",
        f"date: {session.date.isoformat()}",
        f"lang: {session.lang}",
        "answers:",
    ]
    # Only what the path asked, in the order asked: answers that left the path change nothing.
    lines += [f"  {fact}: {_answer(answers[fact])}" for fact in result.asked]
    if not result.asked:
        lines[-1] = "answers: {}"
    lines.append("expect:")
    if result.recommended:
        lines.append(f"  recommended_first: {_scalar(result.recommended[0])}")
        lines += _list_lines("recommended_includes", list(result.recommended))
    statuses = status_map(result)
    for status, instruments in statuses.items():
        if instruments:
            lines += _list_lines(f"{status}_includes", sorted(instruments))
    if not result.recommended:
        # As replay counts it: no instrument (tips aside) eligible or possibly after assessment.
        open_ = [i for i in statuses["eligible"] + statuses["possibly"] if not _is_tip(result, i)]
        lines.append(f"  nothing_applies: {'false' if open_ else 'true'}")
    lines.append(f"  max_questions: {len(result.asked)}")
    return "\n".join(lines) + "\n"


def scenario_session(engine: Engine, scenario: Scenario) -> Session:
    """The session a scenario's replay ends with: the reverse of ``scenario_yaml``."""
    report = run_scenario(engine, scenario)
    session = engine.start(report.date, scenario.lang)
    facts = engine.content.facts
    # report.given holds what the replay answered, in order ("weet_niet" for the unanswered).
    for fact_id in report.asked:
        raw = report.given[fact_id]
        session = session.with_answer(fact_id, parse_answer(facts[fact_id], raw))
    return session


def _is_tip(result: Result, instrument: str) -> bool:
    return result.verdicts[instrument].tip
