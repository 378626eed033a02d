"""Every answer path as a decision diagram, built on the engine's public step API.

The walk memoises over the engine's relevant state (``wizard.relevance``, as in
``Engine.relevant_key``, told which answers paths try): two prefixes
with the same key have the same future and share one subtree. Which question comes next is the
engine's decision (``Engine.advance``); the outcome at the end of a path is the engine's own
result (``Engine.final_result``): this package holds no copy of the skipping or ranking rules.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date

from wizard.content import CompiledQuestion
from wizard.engine import Engine
from wizard.paths.answers import Answers, Option, PathSteps, Step, option_label
from wizard.relevance import RelevantState, VerdictMemo
from wizard.sessions import Answer, Session


class MasterError(ValueError):
    """A golden master file that is missing or not one; the message names the file."""


class PathsError(RuntimeError):
    """The memoised enumeration disagrees with the engine: a bug in this package, never in content."""


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


class Explorer:
    """Walks every path once per relevant state, building the diagram bottom-up."""

    def __init__(
        self, engine: Engine, on: date, *, verify_walks: bool = False, budget: float | None = None
    ) -> None:
        self.engine = engine
        self.deadline = None if budget is None else time.perf_counter() + budget
        self.budget = budget
        self.content = engine.content
        self.on = on
        self.verify_walks = verify_walks
        self.answers = Answers(self.content, on)
        # the engine's own ranking, with each instrument's verdict remembered by what it reads
        self.verdicts = VerdictMemo(self.content, RelevantState(self.content, on))
        # the engine's relevant state, told which answers the paths try: an instrument whose
        # verdict can still change then counts by what it does with each of them
        self.state = RelevantState(self.content, on, self.answer_values)
        self.nodes: list[Node] = []
        self.outcomes: dict[Outcome, int] = {}
        self.node_ids: dict[Node, int] = {}
        self.memo_by_key: dict[Hashable, int] = {}
        self.after_answer: dict[Hashable, int] = {}

    def answer_values(self, fact_id: str) -> tuple[Answer, ...]:
        """The answers paths give to ``fact_id``: one per option."""
        return tuple(self.answers.answer(fact_id, o) for o in self.answers.options(fact_id))

    def start(self) -> int:
        session = self.engine.start(self.on)
        step = self.engine.step(session)
        return self.explore(session, step.known, step.question)

    def outcome_at(self, known: dict[str, Answer]) -> int:
        result = self.verdicts.result(known, self.on, True)
        outcome = Outcome(
            result.recommended,
            tuple(sorted((i, v.status) for i, v in result.verdicts.items() if not v.tip)),
        )
        return self.outcomes.setdefault(outcome, len(self.outcomes))

    def explore(
        self, session: Session, known: dict[str, Answer], question: CompiledQuestion | None
    ) -> int:
        if self.verify_walks:
            step = self.engine.step(session)
            if step.known != known or step.question != question:
                raise PathsError(f"the walk after {session.answers} went elsewhere")
        key = self.state.key(known, question)
        hit = self.memo_by_key.get(key)
        if hit is not None and not self.verify_walks:
            return hit
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise PathsError(
                f"more than {self.budget:.0f} s for every path ({len(self.memo_by_key):,} states so far)"
            )
        if question is None:
            node = Node(None, None, (), self.outcome_at(known))
        else:
            groups: dict[int, list[Option]] = {}
            for option in self.answers.options(question.fact):
                answer = self.answers.answer(question.fact, option)
                # the key of the state just answered, still at this question, fixes where the
                # engine goes from here: many answers reach a state met before
                answered = {**known, question.fact: answer}
                after_key = self.state.key(answered, question)
                child = self.after_answer.get(after_key)
                if child is None or self.verify_walks:
                    after, following, _ = self.engine.advance(known, question, answer, self.on)
                    walked = self.explore(
                        session.with_answer(question.fact, answer), after, following
                    )
                    if child is not None and walked != child:
                        raise PathsError(
                            f"two answers with one relevant state differ after {session.answers}"
                        )
                    child = self.after_answer[after_key] = walked
                groups.setdefault(child, []).append(option)
            edges = tuple(Edge(tuple(options), child) for child, options in groups.items())
            node = Node(question.id, question.fact, edges)
        node_id = self.node_ids.get(node)
        if node_id is None:
            node_id = self.node_ids[node] = len(self.nodes)
            self.nodes.append(node)
        if hit is not None and hit != node_id:
            raise PathsError(f"two walks with one relevant state differ after {session.answers}")
        self.memo_by_key[key] = node_id
        return node_id


def enumerate_paths(engine: Engine, on: date, *, budget: float | None = None) -> Diagram:
    """Every path through the graph on ``on``, as a decision diagram (PathsError after ``budget``
    seconds, when given)."""
    explorer = Explorer(engine, on, budget=budget)
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


__all__ = ["Diagram", "Edge", "Explorer", "Node", "Outcome", "PathSteps", "enumerate_paths"]
