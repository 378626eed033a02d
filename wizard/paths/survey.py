"""A survey of the paths, for a graph with too many to count one by one.

Every walk is a real path through the engine's public step API (``Engine.advance`` and
``Engine.final_result``); what the survey reports is what those walks met, never a count of all
paths. It walks in three deterministic rounds, sharing the walked prefixes:

1. one walk per *persona* (a scenario's answers): what people are known to answer;
2. walks that give, at every question, the answer given least so far, until a few walks in a row
   meet nothing new; then every answer not given yet of every question met, from where the
   question was first met;
3. one answer changed: for every kept walk, every other answer at every step, the rest answered
   as before where the same question comes.

A walk is kept as a *witness* when it meets something no kept walk met: an answer to a question,
an instrument's verdict, a first recommendation, or a *boundary* (two neighbouring ranges of a
number or date that give an instrument two verdicts; both sides are kept, so a moved threshold
changes one of them). The witnesses become the survey's diagram (``Diagram.complete`` False):
the golden master, the scenarios written from it and ``rewalk`` (``--check``) read only those.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from wizard.content import CompiledQuestion
from wizard.engine import Engine
from wizard.paths.answers import (
    Answers,
    Option,
    PathSteps,
    Range,
    answer_label,
    option_label,
    option_raw,
)
from wizard.paths.diagram import Diagram, Outcome
from wizard.paths.survey_master import survey_diagram
from wizard.replay import shortcut_option
from wizard.sessions import Answer, InvalidAnswer, parse_answer
from wizard.verdict_memo import RankedVerdicts

DEFAULT_WALKS = 800
"""Walks a survey makes: on the bundled content about 1.1 s here. Measured 2026-12-03: 500 walks
met every answer, verdict and range edge that 3,000 met; 3,000 met one more first recommendation."""
IDLE_WALKS = 3
"""Round 2 ends after this many walks in a row that met nothing new."""
Persona = Mapping[str, object]
"""Raw answers by fact, as a scenario file gives them."""


@dataclass
class Found:
    """What the survey's walks met, each with the walk that met it first."""

    answers: dict[tuple[str, str], int] = field(default_factory=dict)
    """(fact, answer label): walks that gave it."""
    verdicts: dict[tuple[str, str], int] = field(default_factory=dict)
    """(instrument, status): walks that ended with it."""
    firsts: Counter[str] = field(default_factory=Counter)
    """First recommendation ("" for nothing applies): walks."""
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    boundaries: set[tuple[str, str, str, str, str, str]] = field(default_factory=set)
    """(instrument, fact, range, next range, verdict in the one, in the other) where they differ."""
    flips: set[tuple[str, str, str, str]] = field(default_factory=set)
    """(fact, answer, other answer, instrument): one changed answer gives it another verdict."""
    orders: set[tuple[str, str]] = field(default_factory=set)
    """(recommended, recommended after it) on some walk."""
    questions_per_walk: list[int] = field(default_factory=list)
    rounds: Counter[str] = field(default_factory=Counter)
    """Walks per round: personas, least given, one answer changed."""
    varied: int = 0
    """Witnesses (the first ones) whose every answer was varied before the walks ran out."""


class Survey:
    """Walks ``walks`` paths on ``on`` and keeps the witnesses (see the module docstring)."""

    def __init__(
        self,
        engine: Engine,
        on: date,
        *,
        walks: int = DEFAULT_WALKS,
        personas: Sequence[Persona] = (),
    ) -> None:
        self.engine = engine
        self.content = engine.content
        self.on = on
        self.budget = walks
        self.personas = personas
        self.answers = Answers(self.content, on)
        self.ranking = RankedVerdicts(engine.matcher)
        self.states: dict[PathSteps, tuple[dict[str, Answer], CompiledQuestion | None]] = {}
        self.ends: dict[PathSteps, Outcome] = {}
        self.given: Counter[tuple[str, str]] = Counter()
        self.witnesses: list[PathSteps] = []
        self.kept: set[PathSteps] = set()
        """The witnesses, to look up (the list keeps their order)."""
        self.asked: dict[PathSteps, str] = {}
        """The question asked after each walked prefix."""
        self.first_met: dict[str, PathSteps] = {}
        """Where each question was first met (a prefix)."""
        self.found = Found()
        step = engine.step(engine.start(on))
        self.states[()] = (step.known, step.question)

    @property
    def walked(self) -> int:
        return sum(self.found.rounds.values())

    def run(self) -> Diagram:
        # what people answer first, but never more than half the walks: the rounds after it
        # are what makes every answer of every question met, and its edges, met
        for persona in self.personas[: max(self.budget // 2, 1)]:
            if self.walked >= self.budget:
                break
            self.keep(self.walk((), persona, "personas"))
        idle = 0
        while self.walked < self.budget and idle < IDLE_WALKS:
            idle = 0 if self.keep(self.walk((), {}, "least given")) else idle + 1
        self.answer_every_option()
        # numbers and dates first, on every witness (range edges); then every other answer, on
        # each witness in turn (a witness found then gets its numbers and dates varied first)
        varied_ranges: set[PathSteps] = set()
        for ranges_only in (True, False):
            index = 0
            while index < len(self.witnesses) and self.walked < self.budget:
                witness = self.witnesses[index]
                if witness not in varied_ranges:
                    self.vary(witness, ranges_only=True)
                    varied_ranges.add(witness)
                if not ranges_only:
                    self.vary(witness, ranges_only=False)
                if self.walked < self.budget and not ranges_only:
                    self.found.varied = index + 1
                index += 1
        return survey_diagram(
            self.on,
            self.content.version,
            self.witnesses,
            self.ends,
            self.asked,
            self.offered(),
        )

    def offered(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Every answer each fact met offered (the master keeps it: ``offered_changes``)."""
        facts = sorted({self.content.questions[q].fact for q in self.first_met})
        return tuple(
            (fact, tuple(option_label(o) for o in self.answers.options(fact))) for fact in facts
        )

    # --- walking --------------------------------------------------------------------------------

    def option_for(self, question: CompiledQuestion, persona: Persona) -> Option:
        """The persona's answer to ``question`` as a path answer; else the answer given least."""
        options = self.answers.options(question.fact)
        raw: object | None = persona.get(question.fact)
        if raw is None and question.fact in self.content.shortcuts:
            raw = shortcut_option(self.content, question.fact, persona)
        if raw is not None:
            chosen = option_of(self.answers, question.fact, raw)
            if chosen is not None:
                return chosen
        return min(options, key=lambda o: self.given[(question.id, option_label(o))])

    def walk(self, prefix: PathSteps, persona: Persona, round_name: str) -> PathSteps:
        """One walk from ``prefix`` to the end; the answers from ``persona`` where it has them."""
        self.found.rounds[round_name] += 1
        path = prefix
        known, question = self.states[path]
        while question is not None:
            self.asked[path] = question.id
            self.first_met.setdefault(question.id, path)
            option = self.option_for(question, persona)
            self.given[(question.id, option_label(option))] += 1
            step = (*path, (question.fact, option))
            if step not in self.states:
                answer = self.answers.answer(question.fact, option)
                after, following, _ = self.engine.advance(known, question, answer, self.on)
                self.states[step] = (after, following)
            path = step
            known, question = self.states[path]
        if path not in self.ends:
            # Engine.final_result's verdicts and ranking, each verdict remembered by its answers
            verdicts, recommended = self.ranking(known, self.on)
            self.ends[path] = Outcome(
                recommended,
                tuple(sorted((i, v.status) for i, v in verdicts.items() if not v.tip)),
            )
        outcome = self.ends[path]
        self.found.outcomes[outcome] += 1
        self.found.questions_per_walk.append(len(path))
        return path

    def answer_every_option(self) -> None:
        """Every answer not given yet of every question met: from where it was first met."""
        done: set[str] = set()
        while self.walked < self.budget:
            todo = [q for q in self.first_met if q not in done]
            if not todo:
                return
            for question_id in todo:
                done.add(question_id)
                prefix = self.first_met[question_id]
                fact = self.content.questions[question_id].fact
                for option in self.answers.options(fact):
                    if (fact, option_label(option)) in self.found.answers:
                        continue
                    if self.walked >= self.budget:
                        return
                    self.keep(self.walk(prefix, {fact: option_raw(option)}, "every answer"))

    def news(self, path: PathSteps) -> set[Hashable]:
        """What ``path`` met that no walk met before (and count what it met)."""
        outcome = self.ends[path]
        first = outcome.recommended[0] if outcome.recommended else ""
        new: set[Hashable] = set()
        for fact, option in path:
            key = (fact, option_label(option))
            if key not in self.found.answers:
                new.add(("answer", key))
            self.found.answers[key] = self.found.answers.get(key, 0) + 1
        for verdict in outcome.verdicts:
            if verdict not in self.found.verdicts:
                new.add(("verdict", verdict))
            self.found.verdicts[verdict] = self.found.verdicts.get(verdict, 0) + 1
        if first not in self.found.firsts:
            new.add(("first", first))
        self.found.firsts[first] += 1
        # the order of the recommendation, pair by pair: a priority that reorders it shows
        ranked = outcome.recommended
        for index, before in enumerate(ranked):
            for after in ranked[index + 1 :]:
                if (before, after) not in self.found.orders:
                    self.found.orders.add((before, after))
                    new.add(("order", before, after))
        return new

    def keep(self, path: PathSteps) -> bool:
        """Keep ``path`` as a witness when it met something new; whether it did."""
        return bool(self.news(path)) and self.add_witness(path)

    def add_witness(self, path: PathSteps) -> bool:
        if path in self.kept:
            return False
        self.kept.add(path)
        self.witnesses.append(path)
        return True

    def vary(self, base: PathSteps, ranges_only: bool) -> None:
        """Every other answer at every step of ``base`` (of a number or date, or of any other
        fact), the rest answered as ``base`` did."""
        persona = {fact: option_raw(option) for fact, option in base}
        for index, (fact, chosen) in enumerate(base):
            if isinstance(chosen, Range) != ranges_only:
                continue
            prefix = base[:index]
            others: list[tuple[Option, PathSteps]] = []
            for option in self.answers.options(fact):
                if option == chosen:
                    others.append((option, base))
                    continue
                if self.walked >= self.budget:
                    return
                path = self.walk(
                    prefix, {**persona, fact: option_raw(option)}, "one answer changed"
                )
                others.append((option, path))
                self.keep(path)
            if ranges_only:
                self.keep_boundaries(fact, others)
            else:
                self.keep_flips(fact, chosen, base, others)

    def keep_boundaries(self, fact: str, walked: list[tuple[Option, PathSteps]]) -> None:
        """Keep both walks on each side of a range edge where an instrument's verdict flips."""
        ranged = [(o, p) for o, p in walked if isinstance(o, Range)]
        for (low, below), (high, above) in zip(ranged, ranged[1:], strict=False):
            for instrument, was, now in self.flipped(below, above):
                edge = (instrument, fact, low.label, high.label, was, now)
                if edge not in self.found.boundaries:
                    self.found.boundaries.add(edge)
                    self.add_witness(below)
                    self.add_witness(above)

    def keep_flips(
        self,
        fact: str,
        chosen: Option,
        base: PathSteps,
        walked: list[tuple[Option, PathSteps]],
    ) -> None:
        """Keep a walk whose one changed answer gives an instrument another verdict than ``base``
        (once per instrument, fact, answer pair and verdicts): there that answer decides it, so a
        rule change that moves it changes a witness."""
        for option, path in walked:
            if path == base:
                continue
            for instrument, _, _ in self.flipped(base, path):
                flip = (fact, option_label(chosen), option_label(option), instrument)
                if flip not in self.found.flips:
                    self.found.flips.add(flip)
                    self.add_witness(path)

    def flipped(self, one: PathSteps, other: PathSteps) -> list[tuple[str, str, str]]:
        """(instrument, its verdict at the end of ``one``, at the end of ``other``) where they differ."""
        was, now = self.ends[one].statuses, self.ends[other].statuses
        return [(i, was[i], now[i]) for i in sorted(set(was) & set(now)) if was[i] != now[i]]


def option_of(answers: Answers, fact: str, raw: object) -> Option | None:
    """The path answer ``raw`` falls in; a range answered with ``raw`` itself (None: not an
    answer the fact takes)."""
    try:
        value = parse_answer(answers.content.facts[fact], raw)
    except InvalidAnswer:
        return None
    label = answer_label(answers, fact, raw)
    for option in answers.options(fact):
        if option_label(option) == label:
            if isinstance(option, Range) and isinstance(value, int | str):
                return Range(option.low, option.high, value)
            return option
    return None
