"""Every answer path as a decision diagram, built on the engine's public step API.

The walk memoises over the engine's relevant state (``wizard.relevance``, as in
``Engine.relevant_key``, told which answers paths try), split in what the walk reads and the
verdicts already settled: two prefixes with the same walk state have the same future and share
one walk subtree, whatever they settled before. Which question comes next is the engine's
decision (``Engine.advance``); the outcome at the end of a path is the engine's own ranking of
its verdicts (``Matcher.ranked_verdict`` and ``Matcher.recommend``, the two halves of
``Engine.final_result``): this package holds no copy of the skipping or ranking rules.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeAlias

from wizard.content import CompiledQuestion
from wizard.engine import Engine
from wizard.matching import Matcher, Verdict
from wizard.paths.answers import Answers, Option, PathSteps, Step, option_label
from wizard.relevance import NEVER_RANKED, RelevantState, rank_fields
from wizard.sessions import Answer, Session


class MasterError(ValueError):
    """A golden master file that is missing or not one; the message names the file."""


class PathsError(RuntimeError):
    """The memoised enumeration disagrees with the engine: a bug in this package, never in content."""


class TooManyPaths(PathsError):
    """The walk passed its time budget or its number of walk states: too many paths to count."""


@dataclass(frozen=True)
class Outcome:
    """Where a path ends: the recommendation (ranked) and every instrument's verdict."""

    recommended: tuple[str, ...]
    verdicts: tuple[tuple[str, str], ...]
    """(instrument, status), sorted by instrument."""

    @property
    def statuses(self) -> dict[str, str]:
        return dict(self.verdicts)


@dataclass(frozen=True)
class Edge:
    options: tuple[Option, ...]
    to: int


@dataclass(frozen=True)
class Node:
    question: str | None
    """None at the end of a path."""
    fact: str | None
    edges: tuple[Edge, ...] = ()
    outcome: int | None = None
    """At the end: the index of the path's outcome in ``Diagram.outcomes``."""


@dataclass(frozen=True)
class Diagram:
    """Every path on one date, shared as a decision diagram."""

    on: date
    version: str
    nodes: tuple[Node, ...]
    """Children come before their parents; the root is the last node."""
    outcomes: tuple[Outcome, ...]
    complete: bool = True
    """False for a survey (``wizard.paths.survey``): only the paths its witnesses walked."""
    offered: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """A survey's: per fact it met, every answer then offered (``offered_changes``)."""

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

    def end_of(self, path: Iterable[Step]) -> Node:
        node = self.nodes[self.root]
        for fact, option in path:
            edge = next((e for e in node.edges if node.fact == fact and option in e.options), None)
            if edge is None:
                raise PathsError(f"{fact}={option_label(option)} is not a step of this diagram")
            node = self.nodes[edge.to]
        return node

    def outcome_of(self, path: Iterable[Step]) -> Outcome:
        """The outcome of a complete path."""
        node = self.end_of(path)
        if node.outcome is None:
            raise PathsError("the path does not reach the end")
        return self.outcomes[node.outcome]


Settled: TypeAlias = tuple[int | None, ...]
"""Per instrument in force, a number for the verdict it has settled on as the result ranks it
(None: still open)."""
Delta: TypeAlias = tuple[tuple[int, int], ...]
"""The verdicts settled on one edge: (instrument's index, token)."""


@dataclass(frozen=True)
class Walked:
    """One state of the walk: the question asked and where each answer leads, with the verdicts
    settled on the way; at the end, the answer to the need."""

    question: str | None
    fact: str | None
    options: tuple[tuple[Option, int], ...] = ()
    """Each answer, in the order the fact offers them, with the index of its edge."""
    edges: tuple[tuple[int, Delta], ...] = ()
    """(next state, the verdicts settled between here and there)."""
    need: object = None


def _delta(before: Settled, after: Settled) -> Delta:
    """The verdicts settled in ``after`` but not in ``before``."""
    found: list[tuple[int, int]] = []
    for index, (was, now) in enumerate(zip(before, after, strict=True)):
        if was is None:
            if now is not None:
                found.append((index, now))
        elif now != was:
            raise PathsError("a settled verdict changed further down the path")
    return tuple(found)


def _apply(settled: Settled, delta: Delta) -> Settled:
    updated = list(settled)
    for index, token in delta:
        updated[index] = token
    return tuple(updated)


class Explorer:
    """Walks every path once per state of the walk, then builds the diagram bottom-up.

    The engine's relevant state (``RelevantState.split``) is cut in two: what the walk from here
    reads, and the verdicts already settled (they can no longer change, and only the ranking at
    the end reads them). The walk is explored once per walk state, with each answer's edge
    carrying the verdicts it settles; the diagram is then built from the walk once per set of
    verdicts settled so far, and each end is ranked once per set of verdicts, with the engine's
    own ``Matcher.ranked_verdict`` (once per instrument and settled token, from a real path) and
    ``Matcher.recommend``. A path's outcome is therefore exactly the engine's result.
    """

    def __init__(
        self,
        engine: Engine,
        on: date,
        *,
        verify_walks: bool = False,
        budget: float | None = None,
        max_states: int | None = None,
    ) -> None:
        self.engine = engine
        self.max_states = max_states
        self.deadline = None if budget is None else time.perf_counter() + budget
        self.budget = budget
        self.content = engine.content
        self.on = on
        self.verify_walks = verify_walks
        self.answers = Answers(self.content, on)
        self.matcher = Matcher(self.content)
        # the engine's relevant state, told which answers the paths try: an instrument whose
        # verdict can still change then counts by what it does with each of them
        self.state = RelevantState(self.content, on, self.answer_values)
        self.index_of = {i.incentive.id: n for n, i in enumerate(self.state.instruments)}
        self.walked: list[Walked] = []
        self.walk_ids: dict[Hashable, int] = {}
        self.after_answer: dict[Hashable, tuple[int, Delta]] = {}
        self.view_of: dict[tuple[int, int, object], int] = {}
        self.view_ids: dict[Hashable, int] = {}
        self.ranked: list[tuple[Verdict, bool]] = []
        self.not_in_force: dict[tuple[str, object], tuple[Verdict, bool]] = {}
        self.nodes: list[Node] = []
        self.outcomes: dict[Outcome, int] = {}
        self.outcome_ids: dict[tuple[Settled, object], int] = {}
        self.node_ids: dict[Node, int] = {}
        self.instances: dict[tuple[int, Settled], int] = {}

    def answer_values(self, fact_id: str) -> tuple[Answer, ...]:
        """The answers paths give to ``fact_id``: one per option."""
        return tuple(self.answers.answer(fact_id, o) for o in self.answers.options(fact_id))

    def start(self) -> int:
        session = self.engine.start(self.on)
        step = self.engine.step(session)
        walked, settled = self.explore(session, step.known, step.question)
        return self.instance(walked, settled)

    def need_of(self, known: dict[str, Answer]) -> object:
        return known.get(self.content.need_fact) if self.content.need_fact else None

    def settle(self, settled: Settled, known: dict[str, Answer]) -> Settled:
        """``settled`` as the ranking reads it: per settled instrument, a number for its verdict
        as the result ranks it (``Matcher.ranked_verdict``, worked out once per instrument,
        token and need, from a real path); tokens that rank alike get one number."""
        need = self.need_of(known)
        views: list[int | None] = []
        for index, token in enumerate(settled):
            if token is None:
                views.append(None)
                continue
            key = (index, token, need)
            view = self.view_of.get(key)
            if view is None or self.verify_walks:
                incentive = self.state.instruments[index].incentive
                ranked = self.matcher.ranked_verdict(incentive, known, self.on)
                verdict, tip = ranked
                # a status the ranking reads nothing more of counts alone (as in the key)
                alike: Hashable = (
                    (index, verdict.status)
                    if verdict.status in NEVER_RANKED
                    else (index, rank_fields(verdict), tip)
                )
                found = self.view_ids.setdefault(alike, len(self.view_ids))
                if view is not None and found != view:
                    raise PathsError(f"one settled token, two verdicts of {incentive.id}")
                if found == len(self.ranked):
                    self.ranked.append(ranked)
                view = self.view_of[key] = found
            views.append(view)
        return tuple(views)

    def explore(
        self, session: Session, known: dict[str, Answer], question: CompiledQuestion | None
    ) -> tuple[int, Settled]:
        """The walk state of ``known`` at ``question`` (explored once), and what it has settled."""
        if self.verify_walks:
            step = self.engine.step(session)
            if step.known != known or step.question != question:
                raise PathsError(f"the walk after {session.answers} went elsewhere")
        key, tokens = self.state.split(known, question)
        settled = self.settle(tokens, known)
        hit = self.walk_ids.get(key)
        if hit is not None and not self.verify_walks:
            return hit, settled
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise TooManyPaths(
                f"more than {self.budget:.0f} s for every path ({len(self.walk_ids):,} states so far)"
            )
        if self.max_states is not None and len(self.walk_ids) >= self.max_states:
            raise TooManyPaths(f"more than {self.max_states:,} walk states for every path")
        if question is None:
            walked = Walked(None, None, need=self.need_of(known))
        else:
            edges: dict[tuple[int, Delta], int] = {}
            options: list[tuple[Option, int]] = []
            for option in self.answers.options(question.fact):
                answer = self.answers.answer(question.fact, option)
                # the state just answered, still at this question, fixes where the engine goes
                # from here: many answers reach a state met before
                answered = self.engine.answered(known, question, answer)
                after_key, after_tokens = self.state.split(answered, question)
                after_settled = self.settle(after_tokens, answered)
                found = self.after_answer.get(after_key)
                if found is None or self.verify_walks:
                    after, following, _ = self.engine.advance(known, question, answer, self.on)
                    child, child_settled = self.explore(
                        session.with_answer(question.fact, answer), after, following
                    )
                    walk = (child, _delta(after_settled, child_settled))
                    if found is not None and walk != found:
                        raise PathsError(
                            f"two answers with one relevant state differ after {session.answers}"
                        )
                    found = self.after_answer[after_key] = walk
                child, later = found
                edge = (child, tuple(sorted(_delta(settled, after_settled) + later)))
                options.append((option, edges.setdefault(edge, len(edges))))
            walked = Walked(question.id, question.fact, tuple(options), tuple(edges))
        if hit is not None:
            if self.walked[hit] != walked:
                raise PathsError(
                    f"two walks with one relevant state differ after {session.answers}"
                )
            return hit, settled
        self.walk_ids[key] = len(self.walked)
        self.walked.append(walked)
        return len(self.walked) - 1, settled

    def instance(self, index: int, settled: Settled) -> int:
        """The diagram node of walk state ``index`` with the verdicts ``settled`` above it."""
        found = self.instances.get((index, settled))
        if found is not None:
            return found
        walked = self.walked[index]
        if walked.question is None:
            node = Node(None, None, (), self.outcome(settled, walked.need))
        else:
            children = [
                self.instance(child, _apply(settled, delta)) for child, delta in walked.edges
            ]
            groups: dict[int, list[Option]] = {}
            for option, edge in walked.options:
                groups.setdefault(children[edge], []).append(option)
            edges = tuple(Edge(tuple(options), child) for child, options in groups.items())
            node = Node(walked.question, walked.fact, edges)
        node_id = self.node_ids.get(node)
        if node_id is None:
            node_id = self.node_ids[node] = len(self.nodes)
            self.nodes.append(node)
        self.instances[(index, settled)] = node_id
        return node_id

    def outcome(self, settled: Settled, need: object) -> int:
        """The engine's ranking of the verdicts settled on a path, as an index into outcomes."""
        found = self.outcome_ids.get((settled, need))
        if found is not None:
            return found
        verdicts: dict[str, Verdict] = {}
        tips: list[str] = []
        for incentive in self.content.incentives.values():
            index = self.index_of.get(incentive.id)
            if index is None:
                # not in force on the date: "not_eligible" whatever the answers but the need
                ranked = self.not_in_force.get((incentive.id, need))
                if ranked is None:
                    known = {self.content.need_fact: need} if need is not None else {}
                    ranked = self.matcher.ranked_verdict(incentive, known, self.on)  # type: ignore[arg-type]
                    self.not_in_force[(incentive.id, need)] = ranked
            else:
                token = settled[index]
                if token is None:
                    raise PathsError(f"{incentive.id} is still open at the end of a path")
                ranked = self.ranked[token]
            verdicts[incentive.id] = ranked[0]
            if ranked[1]:
                tips.append(incentive.id)
        _, recommended, _ = self.matcher.recommend(verdicts, tips)
        outcome = Outcome(
            recommended, tuple(sorted((i, v.status) for i, v in verdicts.items() if not v.tip))
        )
        found = self.outcome_ids[(settled, need)] = self.outcomes.setdefault(
            outcome, len(self.outcomes)
        )
        return found


def enumerate_paths(
    engine: Engine, on: date, *, budget: float | None = None, max_states: int | None = None
) -> Diagram:
    """Every path through the graph on ``on``, as a decision diagram (TooManyPaths after
    ``budget`` seconds or ``max_states`` walk states, when given)."""
    explorer = Explorer(engine, on, budget=budget, max_states=max_states)
    root = explorer.start()
    if root != len(explorer.nodes) - 1:
        raise PathsError("the root of the diagram is not its last node")
    return Diagram(on, engine.content.version, tuple(explorer.nodes), tuple(explorer.outcomes))


def session_for(engine: Engine, on: date, path: Iterable[Step]) -> Session:
    """The session that answers ``path``, in order."""
    answers = Answers(engine.content, on)
    session = engine.start(on)
    for fact, option in path:
        session = session.with_answer(fact, answers.answer(fact, option))
    return session


__all__ = [
    "Diagram",
    "Edge",
    "Explorer",
    "Node",
    "Outcome",
    "PathSteps",
    "TooManyPaths",
    "enumerate_paths",
]
