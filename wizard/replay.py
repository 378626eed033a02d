"""Scenario files: scripted answer paths, replayed through the real engine and checked.

A scenario answers by fact id. The replay answers each question the wizard asks from the file; a
question the file cannot answer is a failure (or "weet ik niet" with ``unanswered: weet_niet``, and
always for an optional fact).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import describe_error
from wizard.model import Lang
from wizard.problems import ContentError, Problem
from wizard.sessions import UNKNOWN_ANSWER, Answer, InvalidAnswer, parse_answer
from wizard.yamlio import line_of, read_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expectation(_Strict):
    recommended_first: str | list[str] | None = None
    recommended_includes: list[str] = Field(default_factory=list)
    eligible_includes: list[str] = Field(default_factory=list)
    possibly_includes: list[str] = Field(default_factory=list)
    not_eligible_includes: list[str] = Field(default_factory=list)
    not_assessed_includes: list[str] = Field(default_factory=list)
    announced_includes: list[str] = Field(default_factory=list)
    eligible_exactly: list[str] | None = None
    nothing_applies: bool | None = None
    max_questions: int | None = None
    says: dict[str, list[str]] = Field(default_factory=dict)
    """Per instrument, words its result must show (reason, summary, next steps, checks), in the
    scenario's language: texts that age or deadlines said plainly."""
    does_not_say: dict[str, list[str]] = Field(default_factory=dict)


class Scenario(_Strict):
    name: str
    date: dt.date | None = None
    lang: Lang = "nl"
    answers: dict[str, str | int | list[str]] = Field(default_factory=dict)
    unanswered: Literal["error", "weet_niet"] = "error"
    expect: Expectation = Field(default_factory=Expectation)


@dataclass
class ScenarioReport:
    """The outcome of one scenario; ``to_json`` gives the keys outside test suites rely on."""

    path: str
    name: str
    date: dt.date
    rules_version: str
    passed: bool = True
    failures: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    given: dict[str, object] = field(default_factory=dict)
    """What the replay answered each question with, by the question's fact, in order (the
    scenario's answer, an option chosen for a question for several facts, or "weet_niet")."""
    recommended: list[str] = field(default_factory=list)
    eligible: dict[str, str] = field(default_factory=dict)
    possibly: dict[str, str] = field(default_factory=dict)
    not_eligible: dict[str, str] = field(default_factory=dict)
    not_assessed: dict[str, str] = field(default_factory=dict)
    """Weak fits left open on purpose (``pursue_min_fit``): in none of the three verdict maps."""
    announced: dict[str, str] = field(default_factory=dict)
    """Measures announced without rule text: never eligible, never recommended."""
    tips: list[str] = field(default_factory=list)
    """Information tools shown as tips ("ook handig"); their verdicts are in the maps above too."""
    tip_ids: frozenset[str] = frozenset()
    texts: dict[str, str] = field(default_factory=dict)
    """Everything the result shows per instrument (for ``says``; not in the JSON)."""
    """Every tip of the content: ``eligible_exactly`` and ``nothing_applies`` are about instruments."""

    def fail(self, message: str) -> None:
        self.passed = False
        self.failures.append(message)

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.path,
            "name": self.name,
            "passed": self.passed,
            "failures": self.failures,
            "asked": self.asked,
            "recommended": self.recommended,
            "eligible": self.eligible,
            "possibly": self.possibly,
            "not_eligible": self.not_eligible,
            "not_assessed": self.not_assessed,
            "announced": self.announced,
            "tips": self.tips,
            "date": self.date.isoformat(),
            "rules_version": self.rules_version,
        }


def scenario_files(targets: Iterable[Path]) -> Iterator[Path]:
    """Every ``*.yaml`` under each target (a file or a folder), sorted, each once."""
    seen: set[Path] = set()
    for target in targets:
        files = sorted(target.rglob("*.yaml")) if target.is_dir() else [target]
        for path in files:
            if path not in seen:
                seen.add(path)
                yield path


def load_scenario(path: Path) -> Scenario:
    """Read and validate a scenario file; raise ContentError with ``file:line`` problems."""
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise ContentError([Problem(path, 1, "expected a mapping of keys (name, answers, expect)")])
    try:
        return Scenario.model_validate(raw)
    except ValidationError as exc:
        problems = [
            Problem(path, line_of(raw, tuple(e["loc"])), describe_error(e, raw))
            for e in exc.errors()
        ]
        raise ContentError(problems) from None


def run_scenario(engine: Engine, scenario: Scenario, path: str = "") -> ScenarioReport:
    """Answer every question the wizard asks from the scenario, then check its expectations."""
    content = engine.content
    on = scenario.date or dt.date.today()
    report = ScenarioReport(path or scenario.name, scenario.name, on, content.version)
    for fact_id in scenario.answers:
        if fact_id not in content.facts:
            report.fail(f"answers: '{fact_id}' is not a fact of this content")
    session = engine.start(on, scenario.lang)
    for _ in range(len(content.questions) + 1):
        question = engine.current_question(session)
        if question is None:
            break
        raw = scenario_answer(content, scenario, question.fact)
        if raw is None:
            report.fail(f"the wizard asked '{question.fact}', which the scenario does not answer")
            break
        report.given[question.fact] = raw
        for fact, value in (
            content.implied(question.fact, raw).items() if isinstance(raw, str) else ()
        ):
            if fact in scenario.answers and not same_answer(
                content, fact, scenario.answers[fact], value
            ):
                report.fail(
                    f"answers: '{fact}: {scenario.answers[fact]}' contradicts "
                    f"'{question.fact}: {raw}', which sets {fact}: {value}"
                )
        try:
            session = engine.answer(session, UNKNOWN if raw == UNKNOWN_ANSWER else raw)
        except InvalidAnswer as exc:
            report.fail(f"answer to '{question.fact}' refused: {exc.reason.en}")
            break
    result = engine.result(session)
    lang = scenario.lang
    report.asked = list(result.asked)
    report.recommended = list(result.recommended)
    report.tips = list(result.tips)
    report.tip_ids = frozenset(i for i, v in result.verdicts.items() if v.tip)
    for instrument, verdict in result.verdicts.items():
        status = verdict.shown_status
        getattr(report, status)[instrument] = verdict.reason(lang)
        shown = [*verdict.why, *verdict.verify, *verdict.next_steps, *verdict.notes]
        if verdict.summary is not None:
            shown.append(verdict.summary)
        report.texts[instrument] = " ".join(text.get(lang) for text in shown)
    _check(scenario.expect, report)
    return report


def scenario_answer(content: Content, scenario: Scenario, fact: str) -> object | None:
    """What the replay answers the question for ``fact`` with; None when the scenario cannot."""
    if fact in scenario.answers:
        return scenario.answers[fact]
    if fact in content.shortcuts:
        return shortcut_option(content, fact, scenario.answers)
    if scenario.unanswered == "weet_niet" or content.facts[fact].optional:
        # An optional fact may always be left unknown (vocabulary.yaml): a scenario written
        # before the fact existed answers it "weet ik niet" instead of failing.
        return UNKNOWN_ANSWER
    return None


def shortcut_option(content: Content, fact: str, answers: Mapping[str, object]) -> str:
    """The option of the question for several facts ``fact`` that gives exactly the scenario's
    answers to the facts it sets; else the first option without ``sets`` (every other case),
    after which the wizard asks each fact's own question and the scenario answers those."""
    options = content.shortcuts[fact]
    for value, given in options.items():
        if all(f in answers and same_answer(content, f, answers[f], v) for f, v in given.items()):
            return value
    return next(v for v in content.facts[fact].value_ids() if v not in options)


def same_answer(content: Content, fact: str, raw: object, value: Answer) -> bool:
    """Whether a scenario's ``raw`` answer to ``fact`` is ``value`` (``no`` is ``nee``)."""
    try:
        return parse_answer(content.facts[fact], raw) == value
    except InvalidAnswer:
        return False


def replay_file(engine: Engine, path: Path) -> ScenarioReport:
    """Load and run one scenario file; a broken file is a failed report naming its problems."""
    try:
        scenario = load_scenario(path)
    except ContentError as error:
        report = ScenarioReport(str(path), path.stem, dt.date.today(), engine.content.version)
        for problem in error.problems:
            report.fail(str(problem))
        return report
    return run_scenario(engine, scenario, str(path))


def _check(expect: Expectation, report: ScenarioReport) -> None:
    def status_of(instrument: str) -> str:
        for status in ("eligible", "possibly", "not_eligible", "not_assessed", "announced"):
            if instrument in getattr(report, status):
                return status
        return "unknown instrument"

    if expect.recommended_first is not None:
        wanted = (
            [expect.recommended_first]
            if isinstance(expect.recommended_first, str)
            else expect.recommended_first
        )
        first = report.recommended[0] if report.recommended else None
        if first not in wanted:
            report.fail(
                f"recommended first: expected {' or '.join(wanted)}, got {first or 'nothing'}"
            )
    for instrument in expect.recommended_includes:
        if instrument not in report.recommended:
            report.fail(f"recommended: expected to include {instrument}, got {report.recommended}")
    for status in ("eligible", "possibly", "not_eligible", "not_assessed", "announced"):
        for instrument in getattr(expect, f"{status}_includes"):
            if instrument not in getattr(report, status):
                report.fail(f"{instrument}: expected {status}, got {status_of(instrument)}")
    eligible = sorted(set(report.eligible) - report.tip_ids)
    possibly = set(report.possibly) - report.tip_ids
    if expect.eligible_exactly is not None and sorted(expect.eligible_exactly) != eligible:
        report.fail(f"eligible exactly: expected {sorted(expect.eligible_exactly)}, got {eligible}")
    if expect.nothing_applies is not None:
        nothing = not report.recommended and not eligible and not possibly
        if nothing != expect.nothing_applies:
            report.fail(f"nothing applies: expected {expect.nothing_applies}, got {nothing}")
    for instrument, words in expect.says.items():
        for word in words:
            if word.lower() not in report.texts.get(instrument, "").lower():
                report.fail(f"{instrument}: expected the result to say '{word}'")
    for instrument, words in expect.does_not_say.items():
        for word in words:
            if word.lower() in report.texts.get(instrument, "").lower():
                report.fail(f"{instrument}: expected the result not to say '{word}'")
    if expect.max_questions is not None and len(report.asked) > expect.max_questions:
        report.fail(
            f"asked {len(report.asked)} questions, more than max_questions {expect.max_questions}: "
            f"{', '.join(report.asked)}"
        )
