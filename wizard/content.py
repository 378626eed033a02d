"""The loaded content: validated models with their conditions parsed. Immutable once built."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from wizard.conditions import Condition
from wizard.model import (
    END,
    DatedText,
    DerivedFact,
    Fact,
    Incentive,
    Lang,
    Question,
    Requirement,
    ResultMode,
    Text,
)
from wizard.sessions import Answer

OptionSets = dict[str, dict[str, Answer]]
"""Per option of a question for several facts, the answers it gives to other facts (``sets``)."""


@dataclass(frozen=True)
class Route:
    condition: Condition | None
    goto: str


@dataclass(frozen=True)
class CompiledQuestion:
    model: Question
    ask_when: Condition | None
    routes: tuple[Route, ...]

    @property
    def id(self) -> str:
        return self.model.id

    @property
    def fact(self) -> str:
        return self.model.fact


@dataclass(frozen=True)
class CompiledRequirement:
    model: Requirement
    condition: Condition


@dataclass(frozen=True)
class CompiledCheck:
    """A ``verify`` text with its parsed ``when`` (None: shown to everyone)."""

    model: DatedText
    condition: Condition | None


@dataclass(frozen=True)
class CompiledIncentive:
    model: Incentive
    requirements: tuple[CompiledRequirement, ...]
    checks: tuple[CompiledCheck, ...] = ()
    next_steps: tuple[CompiledCheck, ...] = ()
    summary_dated: tuple[CompiledCheck, ...] = ()
    worth_asking: tuple[CompiledCheck, ...] = ()
    worth_checking: tuple[CompiledCheck, ...] = ()
    comes_first: tuple[CompiledCheck, ...] = ()

    @property
    def id(self) -> str:
        return self.model.id

    def text_conditions(self) -> list[Condition]:
        """The conditions of its checks, next steps, dated summaries, worth_asking, worth_checking
        and comes_first (not its requirements): what decides which texts and routes apply."""
        return [
            check.condition
            for checks in (
                self.checks,
                self.next_steps,
                self.summary_dated,
                self.worth_asking,
                self.worth_checking,
                self.comes_first,
            )
            for check in checks
            if check.condition is not None
        ]


@dataclass(frozen=True)
class Content:
    """Everything the engine needs, and nothing about where it came from but ``root``."""

    root: Path
    version: str
    fingerprint: str
    start: str
    need_fact: str | None
    pursue_min_fit: int
    referral: Text
    facts: dict[str, Fact]
    derived: dict[str, DerivedFact]
    questions: dict[str, CompiledQuestion]
    incentives: dict[str, CompiledIncentive]
    routing_facts: frozenset[str] = field(default_factory=frozenset)
    """Facts read by a route or an ask_when: asked while anything is open, since they steer."""
    rules_checked_on: date | None = None
    """When the rules were last checked against the official sources (graph.yaml)."""
    if_not_asked: dict[str, Answer] = field(default_factory=dict)
    """Per fact, what it reads as once its question is off the path (facts.yaml)."""
    languages: tuple[Lang, ...] = ("nl", "en")
    """The languages of the content's texts, the first one the default (graph.yaml)."""
    result_mode: ResultMode = "ranked"
    """graph.yaml's ``result_mode``: ``end_state`` shows only the outcome a path reached."""
    shortcuts: dict[str, OptionSets] = field(default_factory=dict)
    """Per fact whose options ``set`` other facts (one question for several facts), per such
    option, the answers it gives (facts.yaml)."""

    def implied(self, fact: str, answer: Answer) -> Mapping[str, Answer]:
        """The other facts that answering ``fact`` with ``answer`` answers too (often none)."""
        options = self.shortcuts.get(fact)
        if options is None or not isinstance(answer, str):
            return {}
        return MappingProxyType(options.get(answer, {}))

    @cached_property
    def _targets(self) -> dict[str, frozenset[str]]:
        return {
            fact: frozenset(t for given in options.values() for t in given)
            for fact, options in self.shortcuts.items()
        }

    @cached_property
    def _set_by(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for source, targets in self._targets.items():
            for target in targets:
                found.setdefault(target, []).append(source)
        return {target: tuple(sources) for target, sources in found.items()}

    def shortcut_targets(self, fact: str) -> frozenset[str]:
        """Every fact some option of ``fact`` sets (empty for an ordinary fact)."""
        return self._targets.get(fact, frozenset())

    def pending_answer(self, known: Mapping[str, Answer], fact: str) -> Answer | None:
        """The answer to ``fact`` that an option chosen earlier gives (a question for several
        facts), or None: the walk uses it when it reaches the fact's own question."""
        for source in self._set_by.get(fact, ()):
            if source in known:
                given = self.implied(source, known[source]).get(fact)
                if given is not None:
                    return given
        return None

    @property
    def good_fit(self) -> int:
        """The fit at which an instrument serves the stated need well (``pursue_min_fit``, at
        least 1): below it, it is shown only as worth checking (docs/ranking.md)."""
        return max(self.pursue_min_fit, 1)

    def reachable_from(self, question_id: str) -> set[str]:
        """The ids of the questions reachable from ``question_id``, itself included (route
        conditions ignored). Callers that ask often keep the answer."""
        seen = {question_id}
        todo = [question_id]
        while todo:
            for route in self.questions[todo.pop()].routes:
                if route.goto != END and route.goto not in seen:
                    seen.add(route.goto)
                    todo.append(route.goto)
        return seen
