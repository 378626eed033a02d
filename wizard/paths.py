"""Every answer path through the question graph: counted, grouped by outcome, kept as a golden master.

A *path* is one way through the wizard on a reference date: at each question the real engine asks
(its own skipping decides which comes next), one of the answers the fact offers, "weet ik niet"
included where the fact offers it. An integer or date fact offers one answer per range of values
the rules tell apart (``Range``): every age from 18 to 120 is one answer when the rules only ask
``leeftijd >= 18``.

Paths multiply, so they are never listed one by one. The walk memoises over the *relevant state*
of the engine: two prefixes that leave the engine in the same relevant state have the same future
and share one subtree. The relevant state (``_State.key``) is what the engine's next decisions and
the verdicts still depend on:

- the current question and, for every question still reachable, whether its fact is known and
  what is left of its ``ask_when`` and route conditions;
- for every instrument whose verdict is still open: what is left of its requirements;
- whether the need is answered, whether it is still wanted, and whether a settled instrument
  still hangs on a fact nobody will ask (the skipping rule reads these).

A part of a condition that no future answer can decide (it reads a fact answered "weet ik niet",
or one that no question ahead asks) is folded into one ``_Stuck`` marker. An instrument whose
verdict is settled leaves the state: its verdict is written on the edge where it settled (an
*event*), and the verdicts of a path are the events along it. What comes out is a decision
diagram (``Diagram``): nodes are questions, each edge groups the answers that lead to the same
node with the same events. It is the golden master (``paths.json``): ``compare`` walks an old and
a new diagram side by side and names every path whose verdicts changed, appeared or disappeared.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, TypeAlias

from wizard.conditions import (
    FALSE,
    TRUE,
    UNKNOWN,
    And,
    Compare,
    Condition,
    Const,
    Known,
    Member,
    Not,
    Or,
    Unknown,
    Value,
    facts_in,
    simplify,
)
from wizard.content import CompiledIncentive, CompiledQuestion, Content
from wizard.engine import Engine
from wizard.matching import Matcher, Verdict, fit_for_need, is_pursued
from wizard.model import END, Exclusion, Text
from wizard.problems import ContentError
from wizard.replay import Scenario, ScenarioReport, run_scenario
from wizard.sessions import UNKNOWN_ANSWER, Answer, InvalidAnswer, Session, parse_answer

Status = Literal["eligible", "possibly", "not_eligible", "not_pursued"]
Candidate = Literal["eligible", "possibly"]
NEED_EVENT = "@need"
"""The event key that records the answer to the need question ('@' is never part of an id)."""
MASTER_FILE = "paths.json"
MASTER_FORMAT = 1


@dataclass(frozen=True)
class Range:
    """One answer to an integer or date fact: every value from ``low`` to ``high`` (None: open)."""

    low: int | str | None
    high: int | str | None
    example: int | str
    """The value a scenario answers with: the edge of the range next to the rules' threshold."""

    @property
    def label(self) -> str:
        low = "" if self.low is None else str(self.low)
        high = "" if self.high is None else str(self.high)
        return low if low and low == high else f"{low}..{high}"

    def contains(self, value: int | str) -> bool:
        above = self.low is None or not _before(value, self.low)
        below = self.high is None or not _before(self.high, value)
        return above and below

    def overlap(self, other: Range) -> Range | None:
        lows = [v for v in (self.low, other.low) if v is not None]
        highs = [v for v in (self.high, other.high) if v is not None]
        low = max(lows) if lows else None
        high = min(highs) if highs else None
        if low is not None and high is not None and _before(high, low):
            return None
        shared = Range(low, high, self.example)
        for example in (self.example, other.example, low, high):
            if example is not None and shared.contains(example):
                return replace(shared, example=example)
        return shared


Option: TypeAlias = str | Range
"""An answer on a path: a value id, ``weet_niet``, or a range of numbers or dates."""
Event: TypeAlias = tuple[str, str]
"""(instrument id, verdict) where a verdict settles, or (NEED_EVENT, answer) for the need."""
Step: TypeAlias = tuple[str, Option]
"""(fact, answer): one step of a path."""
PathSteps: TypeAlias = tuple[Step, ...]


def option_label(option: Option) -> str:
    return option.label if isinstance(option, Range) else option


def option_raw(option: Option) -> str | int:
    """What to give the engine (or write in a scenario file) for this answer."""
    return option.example if isinstance(option, Range) else option


def describe_path(path: Iterable[Step]) -> str:
    return " > ".join(f"{fact}={option_label(option)}" for fact, option in path) or "(start)"


@dataclass(frozen=True)
class Edge:
    options: tuple[Option, ...]
    """The answers that lead to the same node with the same events; the first one is the example."""
    events: tuple[Event, ...]
    to: int


@dataclass(frozen=True)
class Node:
    question: str | None
    """None at the end of the questionnaire."""
    fact: str | None
    edges: tuple[Edge, ...] = ()


@dataclass(frozen=True)
class Diagram:
    """Every path on one date, shared as a decision diagram."""

    on: date
    version: str
    nodes: tuple[Node, ...]
    """Children come before their parents; the root is the last node."""
    root_events: tuple[Event, ...]
    ranking: Mapping[str, Any]
    """What the ranking reads besides the verdicts (``ranking_inputs``)."""

    @property
    def root(self) -> int:
        return len(self.nodes) - 1

    def path_counts(self) -> list[int]:
        """The number of paths from each node to the end."""
        counts: list[int] = []
        for node in self.nodes:
            counts.append(sum(len(e.options) * counts[e.to] for e in node.edges) or 1)
        return counts

    @property
    def total(self) -> int:
        return self.path_counts()[self.root]

    @property
    def edge_count(self) -> int:
        return sum(len(node.edges) for node in self.nodes)

    def questions(self) -> set[str]:
        """The questions some path asks."""
        return {node.question for node in self.nodes if node.question is not None}

    def events_along(self, path: Iterable[Step]) -> list[Event]:
        """The events of ``path``, root events included."""
        events = list(self.root_events)
        node = self.nodes[self.root]
        for fact, option in path:
            edge = next((e for e in node.edges if node.fact == fact and option in e.options), None)
            if edge is None:
                raise PathsError(f"{fact}={option_label(option)} is not a step of this diagram")
            events += edge.events
            node = self.nodes[edge.to]
        return events


def ranking_inputs(content: Content) -> dict[str, Any]:
    """What the ranking reads besides the verdicts: fits, priorities, exclusions."""
    return {
        "need_fact": content.need_fact,
        "pursue_min_fit": content.pursue_min_fit,
        "instruments": {
            i.id: {
                "kind": i.model.kind,
                "priority": i.model.priority,
                "serves": dict(sorted(i.model.serves.items())),
                "excludes": sorted(e.instrument for e in i.model.excludes),
            }
            for i in content.incentives.values()
        },
    }


# --- answers -------------------------------------------------------------------------------------


def _thresholds(cond: Condition, fact: str) -> Iterable[tuple[str, Value]]:
    if isinstance(cond, Compare) and cond.fact == fact:
        yield cond.op, cond.value
    elif isinstance(cond, Member) and cond.fact == fact:
        yield from (("==", value) for value in cond.values)
    elif isinstance(cond, Not):
        yield from _thresholds(cond.operand, fact)
    elif isinstance(cond, And | Or):
        for operand in cond.operands:
            yield from _thresholds(operand, fact)


def _step(value: Value, days: int) -> Value:
    """``value`` moved by ``days`` (a number, or an ISO date)."""
    if isinstance(value, int):
        return value + days
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def _before(a: Value, b: Value) -> bool:
    """a < b for two numbers or two ISO dates (one fact's values are all of one kind)."""
    return a < b  # type: ignore[operator]


def _ranges(
    cuts: list[Value], low: Value | None, high: Value | None, fallback: Value
) -> list[Range]:
    """The ranges between ``cuts`` (each cut starts a new range), clipped to [low, high]."""
    inside = [
        c
        for c in set(cuts)
        if (low is None or _before(low, c)) and (high is None or not _before(high, c))
    ]
    starts: list[Value | None] = [low, *sorted(inside)]
    ranges: list[Range] = []
    for index, start in enumerate(starts):
        following = starts[index + 1] if index + 1 < len(starts) else None
        end = _step(following, -1) if following is not None else high
        if index == 0 and end is not None and following is not None:
            example: Value = end  # the edge next to the first threshold
        else:
            example = start if start is not None else end if end is not None else fallback
        ranges.append(Range(start, end, example))
    return ranges


class _Answers:
    """The answers each fact offers on paths: values, "weet ik niet", ranges for numbers and dates."""

    def __init__(self, content: Content, on: date) -> None:
        self.content = content
        self.on = on
        self._conditions: list[Condition] = []
        for incentive in content.incentives.values():
            if incentive.model.in_force(on):
                self._conditions += [
                    r.condition for r in incentive.requirements if r.model.in_force(on)
                ]
        for question in content.questions.values():
            if question.ask_when is not None:
                self._conditions.append(question.ask_when)
            self._conditions += [r.condition for r in question.routes if r.condition is not None]
        self._cache: dict[str, tuple[Option, ...]] = {}

    def options(self, fact_id: str) -> tuple[Option, ...]:
        if fact_id not in self._cache:
            self._cache[fact_id] = self._compute(fact_id)
        return self._cache[fact_id]

    def _compute(self, fact_id: str) -> tuple[Option, ...]:
        fact = self.content.facts[fact_id]
        options: list[Option]
        if fact.kind in ("choice", "yes_no"):
            options = [v for v in fact.value_ids() if v != UNKNOWN_ANSWER]
        else:
            cuts: list[Value] = []
            for cond in self._conditions:
                for op, value in _thresholds(cond, fact_id):
                    # A range starts where the comparison's answer flips.
                    if op in ("<", ">="):
                        cuts.append(value)
                    elif op in ("<=", ">"):
                        cuts.append(_step(value, 1))
                    else:
                        cuts += [value, _step(value, 1)]
            fallback: Value = 0 if fact.kind == "integer" else self.on.isoformat()
            options = list(_ranges(cuts, fact.min, fact.max, fallback))
        try:
            parse_answer(fact, UNKNOWN_ANSWER)
            options.append(UNKNOWN_ANSWER)
        except InvalidAnswer:
            pass
        return tuple(options)

    def answer(self, fact_id: str, option: Option) -> Answer:
        return parse_answer(self.content.facts[fact_id], option_raw(option))


# --- the relevant state --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stuck:
    """A part of a condition no future answer can decide."""

    outstanding: bool
    """It reads a fact that is not answered (no question ahead asks it): the engine still counts
    that fact as outstanding, which keeps routing questions asked."""


_Residual: TypeAlias = "Const | Compare | Member | _Stuck | tuple[str, tuple[_Residual, ...]]"


def _fold(cond: Condition, known: Known, askable: frozenset[str], routing: bool) -> _Residual:
    """What is left of ``cond``: like ``simplify``, with every undecidable part one ``_Stuck``.

    ``routing``: a routing question lies ahead, so an unasked fact's being outstanding matters.
    """
    if isinstance(cond, Const):
        return cond
    if isinstance(cond, Compare | Member):
        if cond.fact in known:
            if isinstance(known[cond.fact], Unknown):
                return _Stuck(outstanding=False)
            residual = simplify(cond, known)
            assert isinstance(residual, Const)
            return residual
        return cond if cond.fact in askable else _Stuck(outstanding=routing)
    if isinstance(cond, Not):
        inner = _fold(cond.operand, known, askable, routing)
        if isinstance(inner, Const):
            return Const(not inner.value)
        return inner if isinstance(inner, _Stuck) else ("not", (inner,))
    absorbing = isinstance(cond, Or)  # True absorbs an Or, False absorbs an And
    rest: list[_Residual] = []
    stuck: _Stuck | None = None
    for operand in cond.operands:
        part = _fold(operand, known, askable, routing)
        if isinstance(part, Const):
            if part.value == absorbing:
                return part
        elif isinstance(part, _Stuck):
            stuck = _Stuck(part.outstanding or (stuck is not None and stuck.outstanding))
        else:
            rest.append(part)
    if stuck is not None:
        rest.append(stuck)
    if not rest:
        return Const(not absorbing)
    if len(rest) == 1:
        return rest[0]
    return ("or" if absorbing else "and", tuple(rest))


Standing: TypeAlias = Status | Literal["open"]
_Pending: TypeAlias = frozenset[tuple[_Residual, str]]


@dataclass(frozen=True)
class _Instrument:
    """Where one instrument stands in a state."""

    verdict: Standing
    never: bool = False
    """It can no longer become eligible (a "possibly" requirement failed, or one is stuck)."""
    pending: _Pending = frozenset()
    """What is left of its open requirements, each with its ``if_unmet``."""
    stuck: bool = False
    """It hangs on a fact no question ahead asks (counted only while a routing question lies ahead)."""


_SETTLED_NOT_ELIGIBLE = _Instrument("not_eligible")
_NOT_PURSUED = _Instrument("not_pursued")


@dataclass(frozen=True)
class _State:
    key: Hashable
    instruments: dict[str, _Instrument]
    """Per instrument (tips left out)."""

    @property
    def open(self) -> list[str]:
        return [i for i, v in self.instruments.items() if v.verdict == "open"]


class _StateReader:
    """Reads the relevant state (see the module docstring) from where a walk stopped.

    The parts of a state repeat from state to state, so each is computed once per distinct
    input (the answers to the facts it reads) and stands in the key as a small number.
    """

    def __init__(self, content: Content, on: date) -> None:
        self.content = content
        self.on = on
        self.instruments = [i for i in content.incentives.values() if i.model.kind != "tip"]
        self._requirements = {
            i.id: [r for r in i.requirements if r.model.in_force(on)] for i in self.instruments
        }
        self._instrument_facts = {
            i.id: sorted(frozenset().union(*(facts_in(r.condition) for r in reqs)))
            for i, reqs in ((i, self._requirements[i.id]) for i in self.instruments)
        }
        self._question_facts = {
            q.id: sorted(
                frozenset().union(
                    *(facts_in(c) for c in (q.ask_when, *(r.condition for r in q.routes)) if c)
                )
            )
            for q in content.questions.values()
        }
        self._reading = {
            fact: [i for i in self.instruments if fact in self._instrument_facts[i.id]]
            for fact in content.facts
        }
        self._ahead: dict[str, tuple[list[CompiledQuestion], frozenset[str]]] = {}
        self._numbers: dict[Hashable, int] = {}
        self._question_parts: dict[Hashable, int] = {}
        self._instrument_parts: dict[Hashable, tuple[_Instrument, int]] = {}

    def number(self, part: Hashable) -> int:
        """A small number that stands for ``part`` in state keys."""
        return self._numbers.setdefault(part, len(self._numbers))

    def ahead(self, question_id: str) -> tuple[list[CompiledQuestion], frozenset[str]]:
        """The questions reachable from ``question_id`` (itself included, conditions ignored),
        and their facts."""
        if question_id not in self._ahead:
            seen = {question_id}
            todo = [question_id]
            while todo:
                for route in self.content.questions[todo.pop()].routes:
                    if route.goto != END and route.goto not in seen:
                        seen.add(route.goto)
                        todo.append(route.goto)
            questions = [self.content.questions[q] for q in sorted(seen)]
            self._ahead[question_id] = (questions, frozenset(q.fact for q in questions))
        return self._ahead[question_id]

    def read(
        self,
        known: Known,
        current: CompiledQuestion | None,
        parent: _State | None = None,
        answered: str | None = None,
    ) -> _State:
        """The state at ``current`` (None: the end) with ``known``; ``parent``: the state one
        answer (to ``answered``) back.

        A settled verdict never changes, except that answering the need decides what is
        pursued; so after any other answer only the instruments open in ``parent`` are read again.
        """
        questions, facts_ahead = self.ahead(current.id) if current else ([], frozenset())
        askable = facts_ahead.difference(known)
        routing = not self.content.routing_facts.isdisjoint(askable)
        reuse = parent is not None and answered != self.content.need_fact
        instruments: dict[str, _Instrument] = {}
        open_parts: list[int] = []
        for incentive in self.instruments:
            before = parent.instruments[incentive.id] if parent is not None else None
            if reuse and before is not None and before.verdict != "open":
                instruments[incentive.id] = before
                continue
            state, number = self._instrument(incentive, known, askable, routing)
            instruments[incentive.id] = state
            if state.verdict == "open":
                open_parts.append(number)
        if current is None:
            return _State((END,), instruments)
        need = self.content.need_fact
        need_known = need is not None and need in known
        live = [
            (i, instruments[i.id])
            for i in self.instruments
            if instruments[i.id].verdict in ("open", "eligible", "possibly")
        ]
        key = (
            current.id,
            need_known,
            not need_known and any(i.model.serves for i, _ in live),
            routing and any(state.stuck for _, state in live if state.verdict != "open"),
            tuple(self._question_part(q, known, askable, routing) for q in questions),
            tuple(open_parts),
        )
        return _State(key, instruments)

    def answer_signature(
        self, known: Known, current: CompiledQuestion, parent: _State, answer: Answer
    ) -> Hashable | None:
        """What the state after answering ``current`` with ``answer`` depends on, before walking.

        Two answers with the same signature leave every open requirement, route and ask_when
        the same, so the engine goes on from both alike; the walk then runs for one of them only.
        None for the need: its answer is written on the path.
        """
        if current.fact == self.content.need_fact:
            return None
        after = {**known, current.fact: answer}
        questions, facts_ahead = self.ahead(current.id)
        askable = facts_ahead.difference(after)
        routing = not self.content.routing_facts.isdisjoint(askable)
        # Only the parts that read the answered fact can differ between two answers.
        instruments = []
        for incentive in self._reading[current.fact]:
            if parent.instruments[incentive.id].verdict == "open":
                state, number = self._instrument(incentive, after, askable, routing)
                instruments.append((state.verdict, state.stuck, number))
        return (
            routing,
            tuple(instruments),
            tuple(
                self._question_part(q, after, askable, routing)
                for q in questions
                if current.fact in self._question_facts[q.id]
            ),
        )

    def _question_part(
        self, question: CompiledQuestion, known: Known, askable: frozenset[str], routing: bool
    ) -> int:
        """Whether the question's fact is known, and what is left of its ask_when and routes."""
        inputs = (
            question.id,
            question.fact in known,
            routing,
            tuple((known.get(f), f in askable) for f in self._question_facts[question.id]),
        )
        number = self._question_parts.get(inputs)
        if number is None:
            ask_when = question.ask_when
            number = self._question_parts[inputs] = self.number(
                (
                    question.fact in known,
                    None if ask_when is None else _fold(ask_when, known, askable, routing),
                    tuple(
                        None if r.condition is None else _fold(r.condition, known, askable, routing)
                        for r in question.routes
                    ),
                )
            )
        return number

    def _instrument(
        self, incentive: CompiledIncentive, known: Known, askable: frozenset[str], routing: bool
    ) -> tuple[_Instrument, int]:
        need = self.content.need_fact
        inputs = (
            incentive.id,
            routing,
            known.get(need) if need is not None else None,
            need is not None and need in known,
            tuple((known.get(f), f in askable) for f in self._instrument_facts[incentive.id]),
        )
        cached = self._instrument_parts.get(inputs)
        if cached is None:
            state = self._read_instrument(incentive, known, askable, routing)
            number = self.number((incentive.id, state.never, state.pending))
            cached = self._instrument_parts[inputs] = (state, number)
        return cached

    def _read_instrument(
        self, incentive: CompiledIncentive, known: Known, askable: frozenset[str], routing: bool
    ) -> _Instrument:
        if not incentive.model.in_force(self.on):
            return _SETTLED_NOT_ELIGIBLE
        if not is_pursued(self.content, incentive, known):
            return _NOT_PURSUED
        never = False
        stuck = False
        pending: set[tuple[_Residual, str]] = set()
        for requirement in self._requirements[incentive.id]:
            residual = _fold(requirement.condition, known, askable, routing)
            if_unmet = requirement.model.if_unmet
            while isinstance(residual, tuple) and residual[1][-1] == _Stuck(outstanding=False):
                # "X and stuck" can never hold: X still decides "not eligible", never "eligible".
                # "X or stuck" can never fail: X only decides "eligible" or "possibly". Either
                # way only X is left open (the fold puts the stuck part last).
                kind, parts = residual
                never = never or kind == "and"
                if_unmet = "possibly" if kind == "or" else if_unmet
                residual = parts[0] if len(parts) == 2 else (kind, parts[:-1])
            if residual == FALSE:
                if if_unmet == "not_eligible":
                    return _SETTLED_NOT_ELIGIBLE
                never = True
            elif isinstance(residual, _Stuck):
                never = True
                stuck = stuck or residual.outstanding
            elif residual != TRUE:
                pending.add((residual, if_unmet))
        if pending:
            return _Instrument("open", never, frozenset(pending), stuck)
        return _Instrument("possibly" if never else "eligible", never, frozenset(), stuck)


# --- the walk over every path --------------------------------------------------------------------


class MasterError(ValueError):
    """A golden master file that is missing or not one; the message names the file."""


class PathsError(RuntimeError):
    """The memoised enumeration disagrees with the engine: a bug in this module, never in content."""


class _Explorer:
    """Walks every path once per relevant state, building the diagram bottom-up."""

    def __init__(self, engine: Engine, on: date, *, verify_walks: bool = False) -> None:
        self.engine = engine
        self.content = engine.content
        self.on = on
        self.verify_walks = verify_walks
        self.answers = _Answers(self.content, on)
        self.reader = _StateReader(self.content, on)
        self.nodes: list[Node] = []
        self._interned: dict[Node, int] = {}
        self._memo: dict[Hashable, int] = {}

    def start(self) -> tuple[int, _State]:
        session = self.engine.start(self.on)
        walk = self.engine.walk(session)
        return self._explore(session, walk.known, walk.current, None, None)

    def _advance(
        self, known: dict[str, Answer], question: CompiledQuestion, answer: Answer
    ) -> tuple[dict[str, Answer], CompiledQuestion | None]:
        """``Engine.walk`` continued past one new answer, without walking the prefix again.

        The engine's own skip rule and routing decide; ``verify_walks`` checks the result
        against a full ``Engine.walk`` (the tests do).
        """
        known = {**known, question.fact: answer}
        node = self.engine._route(question, known)
        while node != END:
            current = self.content.questions[node]
            if self.engine._skip_reason(current, known, self.on) is None:
                return known, current
            node = self.engine._route(current, known)
        return known, None

    def _explore(
        self,
        session: Session,
        known: dict[str, Answer],
        question: CompiledQuestion | None,
        parent: _State | None,
        answered: str | None,
    ) -> tuple[int, _State]:
        if self.verify_walks:
            walk = self.engine.walk(session)
            if walk.known != known or walk.current != question:
                raise PathsError(f"the walk after {session.answers} went elsewhere")
        state = self.reader.read(known, question, parent, answered)
        hit = self._memo.get(state.key)
        if hit is not None:
            return hit, state
        if question is None:
            node = Node(None, None)
        else:
            groups: dict[tuple[tuple[Event, ...], int], list[Option]] = {}
            walked: dict[Hashable, tuple[int, _State]] = {}
            for option in self.answers.options(question.fact):
                answer = self.answers.answer(question.fact, option)
                signature = (
                    None
                    if self.verify_walks
                    else self.reader.answer_signature(known, question, state, answer)
                )
                if signature is not None and signature in walked:
                    child, after = walked[signature]
                else:
                    after_known, after_question = self._advance(known, question, answer)
                    child, after = self._explore(
                        session.with_answer(question.fact, answer),
                        after_known,
                        after_question,
                        state,
                        question.fact,
                    )
                    if signature is not None:
                        walked[signature] = child, after
                events: list[Event] = [
                    (i, after.instruments[i].verdict)
                    for i in state.open
                    if after.instruments[i].verdict != "open"
                ]
                if question.fact == self.content.need_fact:
                    events.append((NEED_EVENT, option_label(option)))
                groups.setdefault((tuple(sorted(events)), child), []).append(option)
            edges = tuple(
                Edge(tuple(opts), events, child) for (events, child), opts in groups.items()
            )
            node = Node(question.id, question.fact, edges)
        node_id = self._interned.get(node)
        if node_id is None:
            node_id = self._interned[node] = len(self.nodes)
            self.nodes.append(node)
        self._memo[state.key] = node_id
        return node_id, state


def enumerate_paths(engine: Engine, on: date) -> Diagram:
    """Every path through the graph on ``on``, as a decision diagram."""
    explorer = _Explorer(engine, on)
    root, state = explorer.start()
    if root != len(explorer.nodes) - 1:
        raise PathsError("the root of the diagram is not its last node")
    root_events = tuple(
        sorted((i, s.verdict) for i, s in state.instruments.items() if s.verdict != "open")
    )
    return Diagram(
        on,
        engine.content.version,
        tuple(explorer.nodes),
        root_events,
        ranking_inputs(engine.content),
    )


def session_for(engine: Engine, on: date, path: Iterable[Step]) -> Session:
    """The session that answers ``path``, in order."""
    answers = _Answers(engine.content, on)
    session = engine.start(on)
    for fact, option in path:
        session = session.with_answer(fact, answers.answer(fact, option))
    return session


# --- outcomes ------------------------------------------------------------------------------------


class _Ranker:
    """The engine's own ranking, fed with verdicts instead of answers (the answers behind each
    verdict are what the diagram shares away)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.matcher = Matcher(content)
        self._verdicts: dict[tuple[str | None, str, Candidate], Verdict | None] = {}

    def _verdict(self, need: str | None, instrument: str, status: Candidate) -> Verdict | None:
        key = (need, instrument, status)
        if key not in self._verdicts:
            incentive = self.content.incentives.get(instrument)
            known: dict[str, Answer] = {}
            if need is not None and self.content.need_fact is not None:
                known[self.content.need_fact] = UNKNOWN if need == UNKNOWN_ANSWER else need
            self._verdicts[key] = (
                None
                if incentive is None
                else Verdict(
                    instrument,
                    status,
                    (),
                    fit=fit_for_need(self.content, incentive, known),
                    # As in Matcher.result: an open verdict of what is not pursued is not assessed.
                    assessed=status == "eligible" or is_pursued(self.content, incentive, known),
                    tip=incentive.model.kind == "tip",
                )
            )
        return self._verdicts[key]

    def recommend(self, need: str | None, candidates: Mapping[str, Candidate]) -> tuple[str, ...]:
        verdicts: dict[str, Verdict] = {}
        for instrument, status in candidates.items():
            verdict = self._verdict(need, instrument, status)
            if verdict is not None:
                verdicts[instrument] = verdict
        return tuple(self.matcher._drop_excluded(self.matcher._rank(verdicts)))


def _with_ranking(content: Content, inputs: Mapping[str, Any]) -> Content:
    """``content`` ranked as ``inputs`` (from an older master) say: to tell what a change did."""
    no_note = Text(nl="-", en="-")
    incentives = dict(content.incentives)
    for instrument, spec in dict(inputs.get("instruments", {})).items():
        incentive = incentives.get(instrument)
        if incentive is None:
            continue
        model = incentive.model.model_copy(
            update={
                "kind": spec["kind"],
                "priority": spec["priority"],
                "serves": dict(spec["serves"]),
                "excludes": [
                    Exclusion(instrument=other, note=no_note)
                    for other in spec["excludes"]
                    if other in content.incentives
                ],
            }
        )
        incentives[instrument] = replace(incentive, model=model)
    return replace(content, pursue_min_fit=int(inputs["pursue_min_fit"]), incentives=incentives)


class Outcomes:
    """How many paths end in each outcome.

    Paths are grouped into *classes* by what the ranking reads: the answer to the need and which
    instruments ended eligible or possibly. A class is a number: one bit per (instrument,
    verdict) and the need's answer above them. Counting runs bottom-up over the diagram.
    """

    def __init__(self, engine: Engine, diagram: Diagram) -> None:
        self.diagram = diagram
        self.content = engine.content
        self.ranker = _Ranker(engine.content)
        self._bits: dict[Event, int] = {}
        self._needs: dict[str, int] = {}
        every = [diagram.root_events, *(e.events for node in diagram.nodes for e in node.edges)]
        for name, value in (event for events in every for event in events):
            if name == NEED_EVENT:
                self._needs.setdefault(value, len(self._needs) + 1)
            elif value in ("eligible", "possibly"):
                self._bits.setdefault((name, value), len(self._bits))
        self._shift = len(self._bits)
        self._events = {bit: event for event, bit in self._bits.items()}
        self._masks = [[self.key_of(e.events) for e in node.edges] for node in diagram.nodes]
        self.root_key = self.key_of(diagram.root_events)
        self.classes = self._count()
        self._recommended: dict[int, tuple[str, ...]] = {}

    def key_of(self, events: Iterable[Event]) -> int:
        key = 0
        for name, value in events:
            if name == NEED_EVENT:
                key |= self._needs[value] << self._shift
            elif value in ("eligible", "possibly"):
                key |= 1 << self._bits[(name, value)]
        return key

    def _count(self) -> dict[int, int]:
        # Children come first; a child's table is dropped once its last parent has read it.
        parents = Counter(
            e.to for node in self.diagram.nodes for e in {e.to: e for e in node.edges}.values()
        )
        tables: dict[int, dict[int, int]] = {}
        for index, node in enumerate(self.diagram.nodes):
            table: dict[int, int] = {} if node.edges else {0: 1}
            for edge, mask in zip(node.edges, self._masks[index], strict=True):
                weight = len(edge.options)
                for key, count in tables[edge.to].items():
                    table[key | mask] = table.get(key | mask, 0) + count * weight
            for child in {e.to for e in node.edges}:
                parents[child] -= 1
                if parents[child] == 0:
                    del tables[child]
            tables[index] = table
        return {key | self.root_key: count for key, count in tables[self.diagram.root].items()}

    def decode(self, key: int) -> tuple[str | None, dict[str, Candidate]]:
        need_code = key >> self._shift
        need = next((n for n, c in self._needs.items() if c == need_code), None)
        candidates: dict[str, Candidate] = {}
        rest = key & ((1 << self._shift) - 1)
        while rest:
            lowest = rest & -rest
            instrument, status = self._events[lowest.bit_length() - 1]
            candidates[instrument] = status  # type: ignore[assignment]
            rest ^= lowest
        return need, candidates

    def recommended(self, key: int) -> tuple[str, ...]:
        if key not in self._recommended:
            self._recommended[key] = self.ranker.recommend(*self.decode(key))
        return self._recommended[key]

    @property
    def total(self) -> int:
        return sum(self.classes.values())

    def by_outcome(self) -> Counter[tuple[str, ...]]:
        counts: Counter[tuple[str, ...]] = Counter()
        for key, count in self.classes.items():
            counts[self.recommended(key)] += count
        return counts

    def example(self, key: int) -> PathSteps:
        """One path of the class ``key``."""
        nodes = self.diagram.nodes
        dead: set[tuple[int, int]] = set()

        def search(index: int, rest: int) -> PathSteps | None:
            node = nodes[index]
            if not node.edges:
                return () if rest == 0 else None
            if (index, rest) in dead:
                return None
            for edge, mask in zip(node.edges, self._masks[index], strict=True):
                if mask & ~rest:
                    continue
                found = search(edge.to, rest & ~mask)
                if found is not None:
                    return ((node.fact or "", edge.options[0]), *found)
            dead.add((index, rest))
            return None

        found = search(self.diagram.root, key & ~self.root_key)
        if found is None:
            raise PathsError(f"no path for outcome class {key}")
        return found


# --- the golden master file ----------------------------------------------------------------------


def _option_json(option: Option) -> object:
    if isinstance(option, Range):
        return {"from": option.low, "to": option.high, "example": option.example}
    return option


def _option_from_json(raw: Any) -> Option:
    if isinstance(raw, dict):
        return Range(raw["from"], raw["to"], raw["example"])
    if not isinstance(raw, str):
        raise TypeError(f"an answer is a string or a range, not {raw!r}")
    return raw


def diagram_json(diagram: Diagram) -> str:
    """The master as JSON text, one node per line so that a change shows as a readable diff.

    A node is ``[question, edges]`` (``[question, fact, edges]`` when the question asks a fact of
    another name; ``[]`` at the end); an edge is ``[answers, events, node]``, its events numbers
    into the ``events`` table (they repeat a lot).
    """
    table: dict[Event, int] = {}
    nodes: list[str] = []
    for node in diagram.nodes:
        edges = [
            [
                [_option_json(o) for o in e.options],
                [table.setdefault(event, len(table)) for event in e.events],
                e.to,
            ]
            for e in node.edges
        ]
        item: list[object] = [] if node.question is None else [node.question, edges]
        if node.fact != node.question:
            item.insert(1, node.fact)
        nodes.append(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
    head = {
        "format": MASTER_FORMAT,
        "written_by": "leerwijzer paths --write-scenarios",
        "rules_version": diagram.version,
        "date": diagram.on.isoformat(),
        "paths": diagram.total,
        "ranking": diagram.ranking,
        "root_events": [list(e) for e in diagram.root_events],
        "events": [list(e) for e in table],
    }
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "nodes": [']
    lines += [f"  {text}," for text in nodes[:-1]] + [f"  {nodes[-1]}", "]}"]
    return "\n".join(lines) + "\n"


def read_master(path: Path) -> Diagram:
    """Read a master written by ``diagram_json``; MasterError when it is missing or broken."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != MASTER_FORMAT:
            raise ValueError(f"format {raw.get('format')!r}, expected {MASTER_FORMAT}")
        table = [(str(name), str(value)) for name, value in raw["events"]]
        nodes = []
        for item in raw["nodes"]:
            if not item:
                nodes.append(Node(None, None))
                continue
            question, fact, edges = item if len(item) == 3 else (item[0], item[0], item[1])
            nodes.append(
                Node(
                    str(question),
                    str(fact),
                    tuple(
                        Edge(
                            tuple(_option_from_json(o) for o in options),
                            tuple(table[i] for i in events),
                            int(to),
                        )
                        for options, events, to in edges
                    ),
                )
            )
        return Diagram(
            date.fromisoformat(raw["date"]),
            str(raw["rules_version"]),
            tuple(nodes),
            tuple((str(a), str(b)) for a, b in raw["root_events"]),
            dict(raw["ranking"]),
        )
    except FileNotFoundError:
        raise MasterError(
            f"{path}: no golden master here; write one with 'leerwijzer paths --write-scenarios'"
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise MasterError(f"{path}: not a golden master of leerwijzer paths: {exc}") from None


# --- comparing two masters -----------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """Paths whose outcome changed, or that appeared or disappeared, named by one of them."""

    path: PathSteps
    message: str
    paths: int
    """How many paths this difference stands for."""


def _pairs(old: Node, new: Node) -> Iterator[tuple[Edge | None, Edge | None, Option]]:
    """The answers of two nodes that ask the same fact, paired (ranges by their overlap)."""
    old_options = [(edge, option) for edge in old.edges for option in edge.options]
    new_options = [(edge, option) for edge in new.edges for option in edge.options]
    matched: set[int] = set()
    for old_edge, old_option in old_options:
        found = False
        for index, (new_edge, new_option) in enumerate(new_options):
            if isinstance(old_option, Range) and isinstance(new_option, Range):
                overlap = old_option.overlap(new_option)
                if overlap is not None:
                    found = True
                    matched.add(index)
                    yield old_edge, new_edge, overlap
            elif old_option == new_option:
                found = True
                matched.add(index)
                yield old_edge, new_edge, old_option
        if not found:
            yield old_edge, None, old_option
    for index, (new_edge, new_option) in enumerate(new_options):
        if index not in matched:
            yield None, new_edge, new_option


def _settle(
    diff: frozenset[tuple[str, Event]], old: Iterable[Event], new: Iterable[Event]
) -> frozenset[tuple[str, Event]]:
    """Events seen on one side only so far: equal events on both sides cancel out."""
    pending = set(diff)
    for side, other, events in (("old", "new", old), ("new", "old", new)):
        for event in events:
            if (other, event) in pending:
                pending.discard((other, event))
            else:
                pending.add((side, event))
    return frozenset(pending)


def _describe_diff(diff: Iterable[tuple[str, Event]]) -> str:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for side, (name, value) in diff:
        (before if side == "old" else after)[name] = value
    parts = [
        f"{'the need' if name == NEED_EVENT else name}: {before.get(name, '-')} -> {after.get(name, '-')}"
        for name in sorted(set(before) | set(after))
    ]
    return "verdicts changed: " + "; ".join(parts)


def compare(old: Diagram, new: Diagram, limit: int = 10) -> tuple[int, list[Difference]]:
    """Walk both diagrams side by side over every path: (paths that differ, the first differences).

    A path differs when the verdicts along it changed, when the wizard asks something else on
    it, or when one of its answers is offered on one side only. Ranges are compared by their
    overlap, so a moved threshold names the ages (or dates) whose path changed.
    """
    old_counts, new_counts = old.path_counts(), new.path_counts()
    memo: dict[tuple[int, int, frozenset[tuple[str, Event]]], int] = {}
    found: list[Difference] = []

    def report(path: PathSteps, message: str, paths: int) -> None:
        if len(found) < limit:
            found.append(Difference(path, message, paths))

    def visit(o: int, n: int, diff: frozenset[tuple[str, Event]], path: PathSteps) -> int:
        key = (o, n, diff)
        if key in memo:
            return memo[key]
        old_node, new_node = old.nodes[o], new.nodes[n]
        differing = 0
        if old_node.question is None and new_node.question is None:
            if diff:
                differing = 1
                report(path, _describe_diff(diff), 1)
        elif old_node.fact != new_node.fact:
            differing = max(old_counts[o], new_counts[n])
            was = old_node.question or "nothing more (the end)"
            now = new_node.question or "nothing more (the end)"
            so_far = f"; {_describe_diff(diff)}" if diff else ""
            report(path, f"the wizard asked {was} here, now {now}{so_far}", differing)
        else:
            fact = old_node.fact or ""
            for old_edge, new_edge, option in _pairs(old_node, new_node):
                step = (*path, (fact, option))
                if new_edge is None and old_edge is not None:
                    differing += old_counts[old_edge.to]
                    report(
                        step,
                        "this answer is no longer offered: its paths disappeared",
                        old_counts[old_edge.to],
                    )
                elif old_edge is None and new_edge is not None:
                    differing += new_counts[new_edge.to]
                    report(step, "this answer is new: its paths appeared", new_counts[new_edge.to])
                elif old_edge is not None and new_edge is not None:
                    settled = _settle(diff, old_edge.events, new_edge.events)
                    differing += visit(old_edge.to, new_edge.to, settled, step)
        memo[key] = differing
        return differing

    start = _settle(frozenset(), old.root_events, new.root_events)
    return visit(old.root, new.root, start, ()), found


def compare_ranking(
    old: Diagram, engine: Engine, outcomes: Outcomes, limit: int = 10
) -> tuple[int, list[Difference]]:
    """Paths whose verdicts stayed but whose recommendation changed with the ranking inputs."""
    if dict(old.ranking) == ranking_inputs(engine.content):
        return 0, []
    before = _Ranker(_with_ranking(engine.content, old.ranking))
    differing = 0
    found: list[Difference] = []
    for key, count in sorted(outcomes.classes.items(), key=lambda item: -item[1]):
        was = before.recommend(*outcomes.decode(key))
        now = outcomes.recommended(key)
        if was != now:
            differing += count
            if len(found) < limit:
                message = f"recommendation changed: {_outcome_text(was)} -> {_outcome_text(now)}"
                found.append(Difference(outcomes.example(key), message, count))
    return differing, found


def count_paths(count: int) -> str:
    return f"{count:,} path{'s' if count != 1 else ''}"


def _outcome_text(recommended: tuple[str, ...]) -> str:
    return ", ".join(recommended) if recommended else "nothing applies"


# --- golden scenarios ----------------------------------------------------------------------------

GOLDEN_PREFIX = "path_"
ONE_FILE_PER_PATH = 20_000
"""Up to this many paths, every path gets its own scenario file; above it, ``golden_paths``."""
_GOLDEN_MARK = "# Written by `leerwijzer paths --write-scenarios`"


def _prefixes(diagram: Diagram) -> dict[int, PathSteps]:
    """One path from the root to each node (parents come after their children)."""
    prefixes: dict[int, PathSteps] = {diagram.root: ()}
    for index in range(diagram.root, -1, -1):
        node = diagram.nodes[index]
        for edge in node.edges:
            if edge.to not in prefixes:
                prefixes[edge.to] = (*prefixes[index], (node.fact or "", edge.options[0]))
    return prefixes


def _suffixes(diagram: Diagram) -> list[PathSteps]:
    """One path from each node to the end: always the first edge."""
    suffixes: list[PathSteps] = []
    for node in diagram.nodes:
        first = node.edges[0] if node.edges else None
        suffixes.append(
            () if first is None else ((node.fact or "", first.options[0]), *suffixes[first.to])
        )
    return suffixes


def all_paths(diagram: Diagram) -> Iterator[PathSteps]:
    """Every path, one by one (only sensible for small graphs: see ``Diagram.total``)."""

    def below(index: int) -> Iterator[PathSteps]:
        node = diagram.nodes[index]
        if not node.edges:
            yield ()
        for edge in node.edges:
            for option in edge.options:
                for rest in below(edge.to):
                    yield ((node.fact or "", option), *rest)

    return below(diagram.root)


def golden_paths(diagram: Diagram, outcomes: Outcomes) -> list[PathSteps]:
    """A small set of paths that together reach every verdict any instrument can end with,
    every first recommendation (or "nothing applies"), every answer to the need, and that answer
    every option of every question somewhere. The master holds all paths; these are for reading
    and replaying."""
    chosen: list[PathSteps] = []
    reached: set[Hashable] = set()
    for key, _ in sorted(outcomes.classes.items(), key=lambda item: (-item[1], item[0])):
        need, candidates = outcomes.decode(key)
        recommended = outcomes.recommended(key)
        features: set[Hashable] = {("verdict", i, s) for i, s in candidates.items()}
        features |= {("first", recommended[0] if recommended else None), ("need", need)}
        if not features <= reached:
            reached |= features
            chosen.append(outcomes.example(key))
    answered = {(fact, option_label(option)) for path in chosen for fact, option in path}
    prefixes, suffixes = _prefixes(diagram), _suffixes(diagram)
    for index in range(diagram.root, -1, -1):
        node = diagram.nodes[index]
        for edge in node.edges:
            for option in edge.options:
                if (node.fact, option_label(option)) not in answered:
                    path = (*prefixes[index], (node.fact or "", option), *suffixes[edge.to])
                    answered |= {(fact, option_label(o)) for fact, o in path}
                    chosen.append(path)
    return chosen


def _yaml_scalar(value: str | int) -> str:
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


def _yaml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_yaml_scalar(v) for v in values) + "]"


def expectation_of(report: ScenarioReport) -> dict[str, object]:
    """Expectations that pin the outcome ``report`` shows: every verdict and the ranking."""
    eligible = sorted(set(report.eligible) - report.tip_ids)
    possibly = set(report.possibly) - report.tip_ids
    expect: dict[str, object] = {}
    if report.recommended:
        expect["recommended_first"] = report.recommended[0]
        expect["recommended_includes"] = list(report.recommended)
    expect["eligible_exactly"] = eligible
    for status in ("possibly", "not_eligible", "not_assessed"):
        listed = sorted(getattr(report, status))
        if listed:
            expect[f"{status}_includes"] = listed
    expect["nothing_applies"] = not report.recommended and not eligible and not possibly
    expect["max_questions"] = len(report.asked)
    return expect


def golden_scenario(
    engine: Engine, diagram: Diagram, outcomes: Outcomes, path: PathSteps, number: int
) -> tuple[str, str]:
    """(file name, YAML text) of one golden scenario, its expectations taken from a real replay."""
    answers = {fact: option_raw(option) for fact, option in path}
    name = f"path {number:04d}"
    scenario = Scenario(name=name, date=diagram.on, answers=answers)
    report = run_scenario(engine, scenario)
    key = outcomes.key_of(diagram.events_along(path))
    expected_order = outcomes.recommended(key)
    if (
        not report.passed
        or report.asked != [fact for fact, _ in path]
        or tuple(report.recommended) != expected_order
    ):
        raise PathsError(
            f"replaying {describe_path(path)} gives {report.asked} -> {report.recommended} "
            f"{report.failures}, the diagram says {expected_order}"
        )
    first = report.recommended[0] if report.recommended else "nothing_applies"
    same = outcomes.classes[key]
    lines = [
        f"{_GOLDEN_MARK} (rules {diagram.version}, {diagram.on.isoformat()}); rewrite, do not edit.",
        f"# {count_paths(same)} {'ends' if same == 1 else 'end'} with these verdicts; this is one.",
        "# A comment lists the other answers that lead to the same state: any of them gives this",
        "# same outcome.",
        f"name: {_yaml_scalar(f'{name}: {first}')}",
        f"date: {diagram.on.isoformat()}",
        "answers:",
    ]
    node = diagram.nodes[diagram.root]
    for fact, option in path:
        edge = next(e for e in node.edges if option in e.options)
        others = [option_label(o) for o in edge.options if o != option]
        notes = [f"any value in {option.label}"] if isinstance(option, Range) else []
        notes += [f"or: {', '.join(others)}"] if others else []
        comment = f"  # {'; '.join(notes)}" if notes else ""
        lines.append(f"  {fact}: {_yaml_scalar(option_raw(option))}{comment}")
        node = diagram.nodes[edge.to]
    lines.append("expect:")
    for field_name, value in expectation_of(report).items():
        if isinstance(value, list):
            shown = _yaml_list(value)
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        else:
            shown = _yaml_scalar(value)  # type: ignore[arg-type]
        lines.append(f"  {field_name}: {shown}")
    return f"{GOLDEN_PREFIX}{number:04d}_{first}.yaml", "\n".join(lines) + "\n"


def write_golden(engine: Engine, diagram: Diagram, outcomes: Outcomes, folder: Path) -> int:
    """Write the master and the golden scenarios to ``folder`` (earlier ones are replaced)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{GOLDEN_PREFIX}*.yaml"):
        if old.read_text(encoding="utf-8").startswith(_GOLDEN_MARK):
            old.unlink()
    (folder / MASTER_FILE).write_text(diagram_json(diagram), encoding="utf-8")
    if diagram.total <= ONE_FILE_PER_PATH:
        paths = list(all_paths(diagram))
    else:
        paths = golden_paths(diagram, outcomes)
    for number, path in enumerate(paths, start=1):
        file_name, text = golden_scenario(engine, diagram, outcomes, path, number)
        (folder / file_name).write_text(text, encoding="utf-8")
    return len(paths)


# --- coverage by scenario files ------------------------------------------------------------------


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


def _answer_label(answers: _Answers, fact_id: str, raw: object) -> str:
    if raw == UNKNOWN_ANSWER:
        return UNKNOWN_ANSWER
    try:
        value = parse_answer(answers.content.facts[fact_id], raw)
    except InvalidAnswer:
        return str(raw)
    for option in answers.options(fact_id):
        if isinstance(option, Range) and not isinstance(value, Unknown) and option.contains(value):
            return option.label
    return str(raw)


def scenario_coverage(engine: Engine, diagram: Diagram, files: Iterable[Path]) -> Coverage:
    from wizard.replay import load_scenario

    content = engine.content
    answers = _Answers(content, diagram.on)
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
            raw: object = scenario.answers.get(fact, UNKNOWN_ANSWER)
            used.add(f"{fact}={_answer_label(answers, fact, raw)}")
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
