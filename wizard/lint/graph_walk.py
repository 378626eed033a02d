"""The question graph, explored over the answers that steer it: every path, and what it meets.

The walk records which questions some path reaches and asks, which routes it takes, and where
routes overlap, an answer falls through to the default route or a fact is asked twice; the graph
rules (graph_rules.py) and the dead-end check (instrument_rules.py) read what it found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.conditions import UNKNOWN, Value, evaluate, facts_in
from wizard.content import CompiledQuestion, Content
from wizard.lint.domains import Domains
from wizard.model import END
from wizard.sessions import Answer

MAX_GRAPH_STATES = 200_000
"""Question visits the graph exploration makes before it stops (then the rules that need every
path are skipped, and a warning says so)."""


@dataclass(frozen=True)
class GraphPath:
    """One way through the graph: the facts asked on it and the steering answers that chose it."""

    asked: frozenset[str]
    steering: tuple[tuple[str, Answer], ...]


@dataclass
class GraphWalk:
    """What the walk over every path found, for the graph rules and the dead-end check."""

    max_states: int
    """Question visits the walk may make (``MAX_GRAPH_STATES`` unless lint is told otherwise)."""
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
    paths: list[GraphPath] = field(default_factory=list)
    complete: bool = True


def explore(content: Content, domains: Domains, max_states: int) -> GraphWalk:
    """Walk every path the steering facts (read by routes and ask_when) can choose.

    Other facts cannot change where a path goes, so they are not branched on. A steering fact is
    also tried as "weet ik niet" where that is an answer. (The wizard also skips a steering
    question once nothing is open; then it skips every later question too, so that adds no path
    that asks anything.)
    """
    graph = GraphWalk(max_states)
    stack: list[tuple[str, dict[str, Answer], tuple[tuple[str, str], ...]]] = [
        (content.start, {}, ())
    ]
    visits = 0
    while stack:
        node, known, asked_by = stack.pop()
        if node == END:
            steering = tuple(sorted(known.items(), key=lambda item: item[0]))
            graph.paths.append(GraphPath(frozenset(fact for fact, _ in asked_by), steering))
            continue
        visits += 1
        if visits > graph.max_states:
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
    graph: GraphWalk, question: CompiledQuestion, known: dict[str, Answer], answer: Answer | None
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
