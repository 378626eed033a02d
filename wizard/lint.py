"""Lint: what is wrong in meaning with content that loads.

``leerwijzer check`` (the loader) refuses content that cannot run: a goto to nowhere, a cycle, a
question no route leads to, a missing default route, an empty text, an instrument without sources
or start date. Lint runs on content that passed those checks and looks for logic that runs but
misleads: paths that end while a verdict still hangs on a fact nobody asked, questions no answer
path asks, routes that overlap or never fire, instruments nobody can get on a date, texts that are
untranslated or too long for plain language, rules that silently run out.

Rules that are about answer paths search over the answers that matter (choice values; for whole
numbers and dates the boundaries named in conditions, plus and minus one) and then confirm every
claim with the real engine, so an error names a path the wizard really takes. Every finding names
its rule, a severity, ``file:line`` and the fix. See docs/lint.md for each rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any, Literal

from wizard.conditions import (
    FALSE,
    TRUE,
    UNKNOWN,
    Compare,
    Condition,
    Const,
    Member,
    Not,
    Unknown,
    Value,
    evaluate,
    facts_in,
    simplify,
)
from wizard.content import CompiledIncentive, CompiledQuestion, CompiledRequirement, Content
from wizard.engine import Engine, Walk
from wizard.loading import FACTS_FILE, GRAPH_FILE, INCENTIVES_DIR
from wizard.matching import Verdict, is_pursued, outstanding_facts
from wizard.model import END
from wizard.sessions import UNKNOWN_ANSWER, Answer, InvalidAnswer, Session, parse_answer
from wizard.yamlio import line_of, read_yaml

Severity = Literal["error", "warning"]

RULES: dict[str, Severity] = {
    "dead_end": "error",
    "unreachable_question": "error",
    "unhandled_option": "warning",
    "route_overlap": "warning",
    "route_never_taken": "error",
    "fact_asked_twice": "warning",
    "never_eligible": "error",
    "only_via_weet_niet": "warning",
    "missing_translation": "warning",
    "missing_source": "warning",
    "missing_validity": "warning",
    "text_too_long": "warning",
}
"""Every rule and its severity, in the order docs/lint.md describes them."""

TEXT_BUDGETS: dict[str, int] = {
    "text": 120,  # a question: one sentence
    "label": 100,  # an answer option, a fact's name in reasons, a link
    "name": 80,  # an instrument's name, a heading
    "why": 300,  # a reason: one or two short sentences
    "why_not": 300,
    "note": 300,
    "next_steps": 250,  # one action
    "verify": 500,  # what to check: a short paragraph
    "referral": 500,
    "help": 600,  # about one phone screen
    "summary": 700,
}
"""Plain-language length budgets in characters, per kind of citizen text (docs/lint.md says why)."""

SOURCE_MAX_AGE = timedelta(days=365)
"""Rules change every year: a source not read for longer may describe last year's rules."""

MAX_GRAPH_STATES = 200_000
"""Question visits the graph exploration makes before it stops (then the rules that need every
path are skipped, and a warning says so)."""
MAX_ASSIGNMENTS = 50
"""Answer sets an instrument check hands to the engine before it concludes."""
MAX_WALKS = 400
"""Engine walks one confirmation may take (it branches only on routing facts and the need)."""


@dataclass(frozen=True)
class Finding:
    """One lint finding: ``severity rule file:line: message``, the message saying how to fix it."""

    severity: Severity
    rule: str
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line > 0 else str(self.path)
        return f"{self.severity} {self.rule} {where}: {self.message}"

    def sort_key(self) -> tuple[int, str, int, str, str]:
        return (self.severity != "error", str(self.path), self.line, self.rule, self.message)


def lint(content: Content, on: date) -> list[Finding]:
    """Every finding for ``content`` on the reference date ``on``, errors first."""
    where = _Locator(content)
    domains = _Domains(content, on)
    graph = _explore(content, domains)
    findings = [
        *_graph_findings(content, graph, domains, where),
        *_InstrumentChecks(content, on, domains, where).run(graph),
        *_text_findings(content, where),
        *_dating_findings(content, on, where),
    ]
    return sorted(findings, key=Finding.sort_key)


# --- where things are ----------------------------------------------------------------------------

Loc = tuple[int | str, ...]
Where = tuple[Path, int]


class _Locator:
    """``file:line`` of content items: the files are read again (content that loaded reads cleanly)."""

    def __init__(self, content: Content) -> None:
        self.root = content.root
        self._raw: dict[Path, Any] = {}
        self._questions = {question_id: i for i, question_id in enumerate(content.questions)}

    def raw(self, relative: Path) -> Any:
        if relative not in self._raw:
            self._raw[relative] = read_yaml(self.root / relative)
        return self._raw[relative]

    def at(self, relative: Path, loc: Loc) -> Where:
        return relative, line_of(self.raw(relative), loc)

    def question(self, question_id: str, *loc: int | str) -> Where:
        return self.at(GRAPH_FILE, ("questions", self._questions[question_id], *loc))

    def incentive(self, incentive_id: str, *loc: int | str) -> Where:
        return self.at(incentive_file(incentive_id), loc)

    def finding(
        self, rule: str, where: Where, message: str, severity: Severity | None = None
    ) -> Finding:
        return Finding(severity or RULES[rule], rule, where[0], where[1], message)


def incentive_file(incentive_id: str) -> Path:
    return INCENTIVES_DIR / f"{incentive_id}.yaml"


def _show(answer: Answer) -> str:
    return "weet ik niet" if isinstance(answer, Unknown) else str(answer)


def _describe(answers: Mapping[str, Answer]) -> str:
    return ", ".join(f"{fact} = {_show(value)}" for fact, value in answers.items())


# --- the answers worth trying ---------------------------------------------------------------------


class _Domains:
    """Per fact, the answers that can make a difference to some condition.

    Choices and yes/no: every value. Whole numbers and dates: every boundary a condition names,
    plus and minus one (and the fact's min and max), which is enough to take each side of every
    comparison.
    """

    def __init__(self, content: Content, on: date) -> None:
        self.content = content
        self.on = on
        self._constants: dict[str, set[Value]] = {}
        for condition in _all_conditions(content):
            for node in _nodes(condition):
                if isinstance(node, Compare):
                    self._constants.setdefault(node.fact, set()).add(node.value)
                elif isinstance(node, Member):
                    self._constants.setdefault(node.fact, set()).update(node.values)
        self._values: dict[str, list[Value]] = {}

    def values(self, fact_id: str) -> list[Value]:
        if fact_id not in self._values:
            self._values[fact_id] = self._compute(fact_id)
        return self._values[fact_id]

    def _compute(self, fact_id: str) -> list[Value]:
        fact = self.content.facts[fact_id]
        constants = self._constants.get(fact_id, set())
        if fact.kind in ("choice", "yes_no"):
            return [v for v in fact.value_ids() if v != UNKNOWN_ANSWER]  # that one means unknown
        if fact.kind == "integer":
            numbers = {n + d for n in constants if isinstance(n, int) for d in (-1, 0, 1)}
            numbers |= {n for n in (fact.min, fact.max) if n is not None}
            low = fact.min if fact.min is not None else min(numbers, default=0)
            high = fact.max if fact.max is not None else max(numbers, default=0)
            return sorted({min(max(n, low), high) for n in numbers} or {low})
        days = {
            (date.fromisoformat(str(d)) + timedelta(days=shift)).isoformat()
            for d in constants
            for shift in (-1, 0, 1)
        }
        return sorted(days or {self.on.isoformat()})

    def may_be_unknown(self, fact_id: str) -> bool:
        try:
            return parse_answer(self.content.facts[fact_id], UNKNOWN) is UNKNOWN
        except InvalidAnswer:
            return False


def _all_conditions(content: Content) -> Iterator[Condition]:
    for question in content.questions.values():
        if question.ask_when is not None:
            yield question.ask_when
        yield from (r.condition for r in question.routes if r.condition is not None)
    for incentive in content.incentives.values():
        yield from (r.condition for r in incentive.requirements)


def _nodes(condition: Condition) -> Iterator[Condition]:
    yield condition
    if isinstance(condition, Not):
        yield from _nodes(condition.operand)
    elif not isinstance(condition, Const | Compare | Member):
        for operand in condition.operands:
            yield from _nodes(operand)


# --- the question graph, explored over the answers that steer it --------------------------------


@dataclass(frozen=True)
class _Path:
    """One way through the graph: the facts asked on it and the steering answers that chose it."""

    asked: frozenset[str]
    steering: tuple[tuple[str, Answer], ...]


@dataclass
class _GraphWalk:
    arrived: set[str] = field(default_factory=set)
    """Questions some path reaches."""
    asked: set[str] = field(default_factory=set)
    """Questions some path asks (reached, ask_when not false, fact not answered before)."""
    known_at: dict[str, set[str]] = field(default_factory=dict)
    """Per question: the steering facts some path has answered when it gets there."""
    taken: dict[str, set[int]] = field(default_factory=dict)
    overlaps: dict[tuple[str, int, int], dict[str, Answer]] = field(default_factory=dict)
    unhandled: dict[str, dict[Value, dict[str, Answer]]] = field(default_factory=dict)
    twice: dict[str, tuple[str, dict[str, Answer]]] = field(default_factory=dict)
    paths: list[_Path] = field(default_factory=list)
    complete: bool = True


def _explore(content: Content, domains: _Domains) -> _GraphWalk:
    """Walk every path the steering facts (read by routes and ask_when) can choose.

    Other facts cannot change where a path goes, so they are not branched on. A steering fact is
    also tried as "weet ik niet" where that is an answer. (The wizard also skips a steering
    question once nothing is open; then it skips every later question too, so that adds no path
    that asks anything.)
    """
    graph = _GraphWalk()
    stack: list[tuple[str, dict[str, Answer], tuple[tuple[str, str], ...]]] = [
        (content.start, {}, ())
    ]
    visits = 0
    while stack:
        node, known, asked_by = stack.pop()
        if node == END:
            steering = tuple(sorted(known.items(), key=lambda item: item[0]))
            graph.paths.append(_Path(frozenset(fact for fact, _ in asked_by), steering))
            continue
        visits += 1
        if visits > MAX_GRAPH_STATES:
            graph.complete = False
            break
        question = content.questions[node]
        graph.arrived.add(node)
        graph.known_at.setdefault(node, set()).update(known)
        earlier = dict(asked_by).get(question.fact)
        guard = True if question.ask_when is None else evaluate(question.ask_when, known)
        if earlier is not None or guard is False:
            if earlier is not None and guard is not False:
                graph.twice.setdefault(node, (earlier, dict(known)))
            stack.append((_record_routes(graph, question, known, None), known, asked_by))
            continue
        graph.asked.add(node)
        asked_by = (*asked_by, (question.fact, node))
        answers: list[Answer | None] = [None]
        if question.fact in content.routing_facts:
            answers = [*domains.values(question.fact)]
            if domains.may_be_unknown(question.fact):
                answers.append(UNKNOWN)
        for answer in reversed(answers):
            after = known if answer is None else {**known, question.fact: answer}
            stack.append((_record_routes(graph, question, after, answer), after, asked_by))
    return graph


def _is_switch(question: CompiledQuestion) -> bool:
    """Two or more routes that read the question's own answer: every option deserves one."""
    reading = [r for r in question.routes if r.condition and question.fact in facts_in(r.condition)]
    return len(reading) >= 2


def _record_routes(
    graph: _GraphWalk, question: CompiledQuestion, known: dict[str, Answer], answer: Answer | None
) -> str:
    """The route the walk takes from ``question``; notes overlaps and answers no `when` handles.

    ``answer`` is the answer just given to the question (None: not asked, or not steering).
    """
    truths = [
        True if r.condition is None else evaluate(r.condition, known) for r in question.routes
    ]
    taken = next((i for i, t in enumerate(truths) if t is True), len(truths) - 1)
    graph.taken.setdefault(question.id, set()).add(taken)
    true_whens = [
        i for i, r in enumerate(question.routes) if r.condition is not None and truths[i] is True
    ]
    for later in true_whens[1:]:
        graph.overlaps.setdefault((question.id, true_whens[0], later), dict(known))
    if isinstance(answer, str | int) and not true_whens and _is_switch(question):
        graph.unhandled.setdefault(question.id, {}).setdefault(answer, dict(known))
    return question.routes[taken].goto


def _graph_findings(
    content: Content, graph: _GraphWalk, domains: _Domains, where: _Locator
) -> Iterator[Finding]:
    yield from _unreachable(content, graph, where)
    for question_id, (earlier, known) in graph.twice.items():
        fact = content.questions[question_id].fact
        on_path = f" (when {_describe(known)})" if known else ""
        yield where.finding(
            "fact_asked_twice",
            where.question(question_id, "id"),
            f"question '{question_id}' asks '{fact}' again after question '{earlier}' on the same "
            f"path{on_path}; there it is skipped as already answered; remove one of the two or "
            "put them on separate paths",
        )
    for (question_id, first, later), known in graph.overlaps.items():
        question = content.questions[question_id]
        read = facts_in(question.routes[first].condition or TRUE) | facts_in(
            question.routes[later].condition or TRUE
        )
        shown = {f: v for f, v in known.items() if f in read}
        when = _describe(shown) if shown else "anything is answered"
        yield where.finding(
            "route_overlap",
            where.question(question_id, "next", later, "when"),
            f"routes {first + 1} and {later + 1} of question '{question_id}' are both true when "
            f"{when}; the first wins, so route {later + 1} "
            f"(goto {question.routes[later].goto}) never gets that answer; make the conditions "
            "exclusive or merge the routes",
        )
    for question_id, options in graph.unhandled.items():
        question = content.questions[question_id]
        names = ", ".join(str(v) for v in options)
        them = "it" if len(options) == 1 else "them"
        yield where.finding(
            "unhandled_option",
            where.question(question_id, "next"),
            f"question '{question_id}' routes on its answer, but no route handles "
            f"{question.fact} = {names}: {'it falls' if them == 'it' else 'they fall'} through "
            f"to the default route (goto {question.routes[-1].goto}); add a `when` for {them}, "
            f"or make sure the default route is meant for {them}",
        )
    if graph.complete:
        yield from _never_taken(content, graph, domains, where)
    else:
        yield where.finding(
            "unreachable_question",
            where.at(GRAPH_FILE, ("start",)),
            f"the graph has too many paths to explore (over {MAX_GRAPH_STATES:,} question "
            "visits): questions never reached and routes never taken were not checked; split "
            "the graph or steer it with fewer facts",
            severity="warning",  # nothing is known to be wrong, only left unchecked
        )


def _unreachable(content: Content, graph: _GraphWalk, where: _Locator) -> Iterator[Finding]:
    read = set(content.routing_facts)
    if content.need_fact is not None:
        read.add(content.need_fact)
    for incentive in content.incentives.values():
        if incentive.model.kind != "tip":
            for requirement in incentive.requirements:
                read |= facts_in(requirement.condition)
    for question in content.questions.values():
        if question.id in graph.asked:
            if question.fact not in read:
                yield where.finding(
                    "unreachable_question",
                    where.question(question.id, "id"),
                    f"question '{question.id}' is never asked: no requirement, route or ask_when "
                    f"reads '{question.fact}', so its answer cannot change any outcome and the "
                    "wizard always skips it; use the fact in a rule, or remove the question and "
                    "mark the fact `unused: <reason>`",
                )
            continue
        if not graph.complete or question.id in graph.twice:
            continue  # an incomplete exploration proves nothing; asked twice is its own rule
        if question.id in graph.arrived:
            yield where.finding(
                "unreachable_question",
                where.question(question.id, "ask_when"),
                f"question '{question.id}' is never asked: wherever a path reaches it, its "
                f"ask_when `{question.model.ask_when}` is false; correct the ask_when or remove "
                "the question",
            )
            continue
        sources = sorted(
            q.id for q in content.questions.values() if any(r.goto == question.id for r in q.routes)
        )
        yield where.finding(
            "unreachable_question",
            where.question(question.id, "id"),
            f"no answer path reaches question '{question.id}': the routes to it (from "
            f"{', '.join(repr(s) for s in sources)}) are never taken or sit on questions that are "
            "never asked; fix those routes or remove the question",
        )


def _never_taken(
    content: Content, graph: _GraphWalk, domains: _Domains, where: _Locator
) -> Iterator[Finding]:
    for question_id in sorted(graph.arrived, key=list(content.questions).index):
        question = content.questions[question_id]
        for index, route in enumerate(question.routes):
            if route.condition is None or index in graph.taken.get(question_id, set()):
                continue
            unknown_there = sorted(
                facts_in(route.condition) - graph.known_at.get(question_id, set()) - {question.fact}
            )
            if unknown_there:
                names = ", ".join(f"'{f}'" for f in unknown_there)
                why = f"it reads {names}, which no path has answered when it reaches this question"
            elif not any(_search([route.condition], domains.values)):
                why = "its condition can never be true"
            else:
                why = "every answer that makes it true is taken by an earlier route"
            yield where.finding(
                "route_never_taken",
                where.question(question_id, "next", index, "when"),
                f"route {index + 1} of question '{question_id}' (`when: "
                f"{question.model.next[index].when}` -> goto {route.goto}) is never taken: {why}; "
                "fix the condition or remove the route",
            )


# --- searching answers --------------------------------------------------------------------------

Values = Callable[[str], Sequence[Answer]]
Judge = Callable[[list[Condition], bool, Mapping[str, Answer]], bool | None]
"""(residual conditions, every variable answered, the answers) -> True: a hit, False: prune,
None: answer the next variable."""


def _all_hold(
    residuals: list[Condition], complete: bool, known: Mapping[str, Answer]
) -> bool | None:
    if any(r == FALSE for r in residuals):
        return False
    return True if all(r == TRUE for r in residuals) else None


def _search(
    conditions: Sequence[Condition],
    values: Values,
    variables: Sequence[str] | None = None,
    fixed: Mapping[str, Answer] | None = None,
    judge: Judge = _all_hold,
) -> Iterator[dict[str, Answer]]:
    """Answer sets the judge accepts, by backtracking over ``variables`` (pruned on residuals).

    The default judge accepts answer sets that make every condition true. A variable still open
    when they all hold stays out of the set: it no longer matters to the conditions, but it may
    steer the path, so whoever walks the graph chooses it.
    """
    order = _most_read_first(conditions) if variables is None else list(variables)

    def go(index: int, known: dict[str, Answer]) -> Iterator[dict[str, Answer]]:
        residuals = [simplify(c, known) for c in conditions]
        outcome = judge(residuals, index == len(order), known)
        if outcome is False:
            return
        if outcome is True:
            yield dict(known)
            return
        if index == len(order):
            return
        fact = order[index]
        for value in values(fact):
            known[fact] = value
            yield from go(index + 1, known)
            del known[fact]

    return go(0, dict(fixed or {}))


def _most_read_first(conditions: Sequence[Condition]) -> list[str]:
    """The facts the conditions read, most-read first: they prune the search soonest."""
    counts: dict[str, int] = {}
    for condition in conditions:
        for fact in facts_in(condition):
            counts[fact] = counts.get(fact, 0) + 1
    return sorted(counts, key=lambda fact: (-counts[fact], fact))


def _first(answer_sets: Iterator[dict[str, Answer]], limit: int) -> list[dict[str, Answer]]:
    found: list[dict[str, Answer]] = []
    for answers in answer_sets:
        found.append(answers)
        if len(found) >= limit:
            break
    return found


# --- instruments: eligible on the date, reachable without "weet ik niet", no dead ends ----------

Want = Callable[[Verdict, Walk], bool]


def _is_eligible(verdict: Verdict, walk: Walk) -> bool:
    return verdict.status == "eligible"


class _InstrumentChecks:
    """Search the answers an instrument reads, then confirm each claim with the real engine."""

    def __init__(self, content: Content, on: date, domains: _Domains, where: _Locator) -> None:
        self.content = content
        self.on = on
        self.domains = domains
        self.where = where
        self.engine = Engine(content)
        self._open_after: dict[frozenset[tuple[str, Answer]], int] = {}
        self.steering = set(content.routing_facts)
        if content.need_fact is not None:
            self.steering.add(content.need_fact)

    def run(self, graph: _GraphWalk) -> Iterator[Finding]:
        for incentive in self.content.incentives.values():
            requirements = self._in_force(incentive)
            if requirements is None:
                continue
            yield from self._eligibility(incentive, requirements)
            if incentive.model.kind != "tip":  # a tip never makes the wizard ask anything
                yield from self._dead_ends(incentive, requirements, graph)

    def _in_force(self, incentive: CompiledIncentive) -> list[CompiledRequirement] | None:
        """The requirements in force on the date; None when nobody can qualify on purpose."""
        if not incentive.model.in_force(self.on):
            return None
        requirements = [r for r in incentive.requirements if r.model.in_force(self.on)]
        if any(r.condition == FALSE for r in requirements):
            return None  # `when: false`: an ended or only announced instrument, said outright
        return requirements

    def _values_for(self, incentive: CompiledIncentive) -> Values:
        serves = incentive.model.serves

        def values(fact: str) -> Sequence[Answer]:
            answers = self.domains.values(fact)
            if fact != self.content.need_fact:
                return answers
            # the needs it serves best first: there it is pursued
            return sorted(answers, key=lambda need: -serves.get(str(need), 0))

        return values

    # eligibility

    def _eligibility(
        self, incentive: CompiledIncentive, requirements: list[CompiledRequirement]
    ) -> Iterator[Finding]:
        values = self._values_for(incentive)
        conditions = [r.condition for r in requirements]
        candidates = _first(_search(conditions, values), MAX_ASSIGNMENTS)
        if not candidates:
            yield self._conflict(incentive, requirements, values)
            return
        for answers in candidates:
            if self._confirm(incentive, answers, _is_eligible, unknown_elsewhere=False):
                return

        # "Weet ik niet" also steers (an undecided route is not taken, an undecided ask_when
        # asks): try it first, on the instrument's own facts too, where it leaves them true.
        def unknown_first(fact: str) -> Sequence[Answer]:
            unknown = [UNKNOWN] if self.domains.may_be_unknown(fact) else []
            return [*unknown, *values(fact)]

        for answers in _first(_search(conditions, unknown_first), MAX_ASSIGNMENTS):
            session = self._confirm(incentive, answers, _is_eligible, unknown_elsewhere=True)
            if session is not None:
                yield self._only_via_unknown(incentive, session)
                return
        yield self._not_reached(incentive, candidates[0])

    def _conflict(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        values: Values,
    ) -> Finding:
        loc: Loc = ("id",)
        why = "its requirements never all hold together"
        index_of = {r.model.id: i for i, r in enumerate(incentive.requirements)}
        singles = [r for r in requirements if not any(_search([r.condition], values))]
        pairs = [
            (a, b)
            for a, b in combinations(requirements, 2)
            if not any(_search([a.condition, b.condition], values))
        ]
        if singles:
            one = singles[0]
            loc = ("requires", index_of[one.model.id], "when")
            why = f"requirement '{one.model.id}' (`{one.model.when}`) holds for no answer"
        elif pairs:
            a, b = pairs[0]
            loc = ("requires", index_of[b.model.id], "when")
            why = f"requirements '{a.model.id}' and '{b.model.id}' never hold together"
        return self.where.finding(
            "never_eligible",
            self.where.incentive(incentive.id, *loc),
            f"'{incentive.id}' can never be eligible on {self.on}: {why}; fix the conditions "
            "(to end an instrument on purpose, give it valid_until or a dated `when: false` "
            "requirement)",
        )

    def _only_via_unknown(self, incentive: CompiledIncentive, session: Session) -> Finding:
        unknown = [f for f, v in session.answers if isinstance(v, Unknown)]
        steering = [f for f in unknown if f in self.steering] or unknown
        question = next(q for q in self.content.questions.values() if q.fact == steering[0])
        names = " or ".join(f"'{f}'" for f in steering)
        path = {f: v for f, v in session.answers if f in self.steering}
        return self.where.finding(
            "only_via_weet_niet",
            self.where.question(question.id, "next"),
            f"'{incentive.id}' can only be eligible on a path where {names} is answered "
            f"'weet ik niet' (such as {_describe(path)}): whoever knows the answer never gets there; "
            f"fix the routes of question '{question.id}' so that a known answer leads there too",
        )

    def _not_reached(self, incentive: CompiledIncentive, answers: dict[str, Answer]) -> Finding:
        session = self.engine.start(self.on)
        walk = self.engine.walk(session)
        while walk.current is not None:
            answer = self._answers(walk, incentive, answers, unknown_elsewhere=False)[0]
            session = session.with_answer(walk.current.fact, answer)
            walk = self.engine.walk(session)
        reads = set().union(*(facts_in(r.condition) for r in incentive.requirements))
        shown = {f: v for f, v in answers.items() if f in reads}
        never = [f for f in shown if f not in walk.known]
        them = "it" if len(never) == 1 else "them"
        gap = (
            f"the wizard never asks {', '.join(repr(f) for f in never)} on those paths; ask "
            f"{them} there (check the ask_when of the questions and the routes to them)"
            if never
            else f"no path the lint tried gets there ({MAX_WALKS} walks per answer set)"
        )
        return self.where.finding(
            "never_eligible",
            self.where.incentive(incentive.id, "id"),
            f"'{incentive.id}' meets every requirement on {self.on} when {_describe(shown)}, "
            f"but no answer path gets there: {gap}",
        )

    # dead ends

    def _dead_ends(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        graph: _GraphWalk,
    ) -> Iterator[Finding]:
        """Per path: can the questions end with a verdict hanging on a fact the path never asks?

        The search answers the facts the path asks (the need first: it decides what is pursued)
        with the path's own steering answers fixed; the engine confirms each hit.
        """
        conditions = [r.condition for r in requirements]
        reads: set[str] = set().union(*(facts_in(c) for c in conditions))
        order = [
            *([self.content.need_fact] if self.content.need_fact else []),
            *_most_read_first(conditions),
        ]
        reported: set[str] = set()
        for path in dict.fromkeys(graph.paths):
            steering = dict(path.steering)
            missing = reads - path.asked - set(steering) - reported
            if not missing or any(isinstance(v, Unknown) for v in steering.values()):
                continue  # after "weet ik niet" the result is 'possibly' anyway: not a dead end
            variables = [f for f in dict.fromkeys(order) if f in path.asked and f not in steering]
            judge = self._dead_end_judge(incentive, requirements, missing)
            hits = _search(conditions, self._values_for(incentive), variables, steering, judge)
            for answers in _first(hits, 5):
                found = self._confirm_dead_end(incentive, requirements, answers, missing)
                if found is not None:
                    reported.add(found.fact)
                    yield found.finding
                    break

    def _dead_end_judge(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        missing: set[str],
    ) -> Judge:
        def judge(
            residuals: list[Condition], complete: bool, known: Mapping[str, Answer]
        ) -> bool | None:
            for residual, requirement in zip(residuals, requirements, strict=True):
                if residual == FALSE and requirement.model.if_unmet == "not_eligible":
                    return False  # ruled out: nothing is left hanging
            if self.content.need_fact in known and not is_pursued(self.content, incentive, known):
                return False  # not pursued: left open on purpose (not assessed)
            hanging = set().union(*(facts_in(r) for r in residuals))
            if not hanging & missing:
                return False
            return True if complete else None

        return judge

    def _confirm_dead_end(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        answers: dict[str, Answer],
        missing: set[str],
    ) -> _DeadEnd | None:
        def hangs(verdict: Verdict, walk: Walk) -> bool:
            return (
                verdict.status == "possibly"
                and verdict.assessed
                and any(f in missing and f not in walk.known for f in verdict.missing)
            )

        session = self._confirm(incentive, answers, hangs, unknown_elsewhere=False)
        if session is None:
            return None
        walk = self.engine.walk(session)
        verdict = self._verdict(incentive, walk)
        fact = next(f for f in verdict.missing if f in missing and f not in walk.known)
        asking = [q for q in self.content.questions.values() if q.fact == fact]
        skipped = dict(walk.skipped)
        if not asking:
            detail = "no question asks it"
        elif skipped.get(asking[0].id) == "ask_when":
            detail = f"there the ask_when of question '{asking[0].id}' is false"
        else:
            detail = f"no route leads to question '{asking[0].id}' there"
        index, requirement = next(
            (i, r)
            for i, r in enumerate(incentive.requirements)
            if r in requirements and fact in facts_in(r.condition)
        )
        path = {f: v for f, v in session.answers if f in self.content.routing_facts}
        on_path = f"on the path where {_describe(path)}" if path else "on some paths"
        finding = self.where.finding(
            "dead_end",
            self.where.incentive(incentive.id, "requires", index, "when"),
            f"{on_path}, the questions end while '{incentive.id}' still depends on '{fact}' "
            f"({detail}), so the result can only say 'possibly'; ask '{fact}' on that path, "
            f"or make requirement '{requirement.model.id}' not depend on it there",
        )
        return _DeadEnd(fact, finding)

    # the engine

    def _verdict(self, incentive: CompiledIncentive, walk: Walk) -> Verdict:
        result = self.engine.matcher.result(walk.known, self.on, walk.complete)
        return result.verdicts[incentive.id]

    def _confirm(
        self,
        incentive: CompiledIncentive,
        answers: Mapping[str, Answer],
        want: Want,
        unknown_elsewhere: bool,
    ) -> Session | None:
        """A session the real engine walks to the end with ``want`` true of the verdict, or None.

        The facts in ``answers`` are answered from it. The others are tried, depth first: the
        steering facts (routes, ask_when, the need) over their answers; any other fact gets "weet
        ik niet" when ``unknown_elsewhere`` allows it, else its answers, the one that keeps the
        most open first. At most ``MAX_WALKS`` walks.
        """
        stack = [self.engine.start(self.on)]
        walks = 0
        while stack and walks < MAX_WALKS:
            session = stack.pop()
            walks += 1
            walk = self.engine.walk(session)
            if walk.current is None:
                if want(self._verdict(incentive, walk), walk):
                    return session
                continue
            fact = walk.current.fact
            for answer in reversed(self._answers(walk, incentive, answers, unknown_elsewhere)):
                stack.append(session.with_answer(fact, answer))
        return None

    def _answers(
        self,
        walk: Walk,
        incentive: CompiledIncentive,
        answers: Mapping[str, Answer],
        unknown_elsewhere: bool,
    ) -> list[Answer]:
        assert walk.current is not None
        fact = walk.current.fact
        if fact in answers:
            return [answers[fact]]
        unknown: list[Answer] = [UNKNOWN] if self.domains.may_be_unknown(fact) else []
        if fact in self.steering:
            options = list(self._values_for(incentive)(fact))
            return options + unknown if unknown_elsewhere else options
        if unknown_elsewhere and unknown:
            return unknown

        # The answer that keeps the most open first: open instruments keep questions coming, and
        # a tip (or a weak fit) is only settled by questions asked for the others.
        def still_open(answer: Answer) -> int:
            after = frozenset({**walk.known, fact: answer}.items())
            if after not in self._open_after:
                self._open_after[after] = len(outstanding_facts(self.content, dict(after), self.on))
            return -self._open_after[after]

        return sorted(self.domains.values(fact), key=still_open)


@dataclass(frozen=True)
class _DeadEnd:
    fact: str
    finding: Finding


# --- texts: translations and plain-language length -----------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words only one of the two languages has: a handful decide which language a text is in.
_ENGLISH = _word_set(
    "the you your and are with for this that not what which do does have has will can from by "
    "at it if when who how my our they their there been would should"
)
_DUTCH = _word_set(
    "de het een en u uw zijn met voor dit dat niet wat welke doet heeft hebt heb wordt kunt kan "
    "van bij als wanneer wie hoe mijn ons onze zij hun er naar ook nog om te op"
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
"""Quoted words are names of things (a button, a page), often in the other language on purpose."""


def _looks_like(text: str, other: frozenset[str], own: frozenset[str]) -> bool:
    """More function words of the other language than of its own (at least two), quotes aside."""
    words = [w.lower() for w in _WORD.findall(_QUOTED.sub(" ", text))]
    if len(words) < 4:
        return False
    theirs = sum(w in other for w in words)
    ours = sum(w in own for w in words)
    return theirs >= 2 and theirs > ours


def _text_findings(content: Content, where: _Locator) -> Iterator[Finding]:
    files = [FACTS_FILE, GRAPH_FILE, *(incentive_file(i) for i in content.incentives)]
    for relative in files:
        raw = where.raw(relative)
        for loc, nl, en in _texts(raw, ()):
            spot = (relative, line_of(raw, loc))
            what = _text_name(raw, loc)
            yield from _translation(where, spot, what, nl, en)
            yield from _length(where, spot, what, loc, nl, en)


def _texts(node: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    """Every citizen text ({nl: ..., en: ...}) in a file, with where it sits."""
    if isinstance(node, dict):
        if isinstance(node.get("nl"), str) and isinstance(node.get("en"), str):
            yield loc, node["nl"].strip(), node["en"].strip()
            return
        for key, value in node.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, (*loc, index))


def _field(loc: Loc) -> str:
    return next((step for step in reversed(loc) if isinstance(step, str)), "text")


def _text_name(raw: Any, loc: Loc) -> str:
    """'help of question opleiding_erkenning'-style name: the field and the ids on the way."""
    ids: list[str] = []
    node = raw
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        ids.append(node["id"])
    for step in loc[:-1]:
        node = node[step]
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            ids.append(node["id"])
    name = _field(loc)
    last = loc[-1] if loc else None
    if isinstance(last, int):  # an item of a list, such as the third next step
        name = f"{name} {last + 1}"
    return f"{name} of '{'/'.join(ids)}'" if ids else name


def _snippet(text: str) -> str:
    return text if len(text) <= 40 else text[:40].rstrip() + "..."


def _translation(where: _Locator, spot: Where, what: str, nl: str, en: str) -> Iterator[Finding]:
    if nl == en and len(_WORD.findall(nl)) >= 2:
        problem = f'is the same in Dutch and English ("{_snippet(nl)}"); translate it'
    elif _looks_like(nl, _ENGLISH, _DUTCH):
        problem = f'has a Dutch text that looks English ("{_snippet(nl)}"); write it in Dutch'
    elif _looks_like(en, _DUTCH, _ENGLISH):
        problem = f'has an English text that looks Dutch ("{_snippet(en)}"); write it in English'
    else:
        return
    yield where.finding("missing_translation", spot, f"{what} {problem}")


def _length(
    where: _Locator, spot: Where, what: str, loc: Loc, nl: str, en: str
) -> Iterator[Finding]:
    kind = _field(loc)
    budget = TEXT_BUDGETS.get(kind)
    if budget is None or max(len(nl), len(en)) <= budget:
        return
    yield where.finding(
        "text_too_long",
        spot,
        f"{what} is {len(nl)} characters in Dutch and {len(en)} in English, over the "
        f"plain-language budget of {budget} for {kind}; shorten it or split it (short sentences, "
        "details behind a link)",
    )


# --- dating: sources read lately, dated rules that run out -------------------------------------


def _dating_findings(content: Content, on: date, where: _Locator) -> Iterator[Finding]:
    for incentive in content.incentives.values():
        model = incentive.model
        newest = max(source.read_on for source in model.sources)
        if on - newest > SOURCE_MAX_AGE:
            yield where.finding(
                "missing_source",
                where.incentive(model.id, "sources"),
                f"'{model.id}' has no source read in the year before {on} (the newest was read "
                f"on {newest}); read the sources again, update the rules if they changed, and "
                "set read_on",
            )
        yield from _validity(incentive, on, where)


def _window(valid_from: date | None, valid_until: date | None) -> str:
    return f"{valid_from or 'the start'} to {valid_until or 'open end'}"


def _validity(incentive: CompiledIncentive, on: date, where: _Locator) -> Iterator[Finding]:
    model = incentive.model
    for index, requirement in enumerate(incentive.requirements):
        rule = requirement.model
        starts_late = (
            model.valid_until is not None and (rule.valid_from or date.min) > model.valid_until
        )
        ends_early = rule.valid_until is not None and rule.valid_until < model.valid_from
        if starts_late or ends_early:
            yield where.finding(
                "missing_validity",
                where.incentive(model.id, "requires", index, "id"),
                f"requirement '{rule.id}' of '{model.id}' is never in force while the instrument "
                f"is ({_window(rule.valid_from, rule.valid_until)} against "
                f"{_window(model.valid_from, model.valid_until)}); correct its dates",
            )
            continue
        end = rule.valid_until
        if end is None or end < on or (model.valid_until is not None and end >= model.valid_until):
            continue
        start = end + timedelta(days=1)
        reads = facts_in(requirement.condition)
        if any(
            other is not requirement
            and other.model.valid_from == start
            and (reads & facts_in(other.condition) or not facts_in(other.condition))
            for other in incentive.requirements
        ):
            continue
        yield where.finding(
            "missing_validity",
            where.incentive(model.id, "requires", index, "valid_until"),
            f"requirement '{rule.id}' of '{model.id}' ends on {end} and no rule on "
            f"{', '.join(sorted(reads)) or 'it'} starts on {start}: from then on it silently "
            f"stops applying; add the rule that holds from {start} (with valid_from), or end "
            "the instrument with valid_until",
        )
