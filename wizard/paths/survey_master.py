"""A survey's diagram, and its master checked again: the witness paths walked on the content now.

``survey_diagram`` turns the witnesses into a diagram (``Diagram.complete`` False) that the
master, the scenarios and ``compare`` read like any other; ``rewalk`` walks the master's paths
again; ``offered_changes`` names the answers offered differently from when it was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from wizard.engine import Engine
from wizard.paths.answers import Answers, Option, PathSteps, option_label, option_raw
from wizard.paths.diagram import Diagram, Edge, Node, Outcome


def rewalk(engine: Engine, on: date, paths: Iterable[PathSteps]) -> Diagram:
    """The survey diagram of ``paths`` walked again on the content now: each answers as before
    (a number or date with the same value), a question it never met with the answer given least."""
    from wizard.paths.survey import Survey

    survey = Survey(engine, on, walks=0)
    walked = [
        survey.walk((), {fact: option_raw(option) for fact, option in path}, "rewalk")
        for path in paths
    ]
    return survey_diagram(on, engine.content.version, walked, survey.ends, survey.asked)


def offered_changes(old: Diagram, engine: Engine) -> list[tuple[str, str, bool]]:
    """The answers offered now that were not, or were but are not (fact, answer label, offered
    now), for every fact the survey behind the master met: a new answer has no witness yet, so
    only this names it. A master without that table (written before it) is compared with the
    answers its witnesses gave."""
    answers = Answers(engine.content, old.on)
    before: dict[str, set[str]] = {fact: set(labels) for fact, labels in old.offered}
    if not before:
        for node in old.nodes:
            if node.fact is not None:
                labels = before.setdefault(node.fact, set())
                labels |= {option_label(o) for e in node.edges for o in e.options}
    changes: list[tuple[str, str, bool]] = []
    for fact, labels in sorted(before.items()):
        if fact not in engine.content.facts:
            changes += [(fact, label, False) for label in sorted(labels)]
            continue
        now = [option_label(o) for o in answers.options(fact)]
        changes += [(fact, label, True) for label in now if label not in labels]
        changes += [(fact, label, False) for label in sorted(labels) if label not in now]
    return changes


def survey_diagram(
    on: date,
    version: str,
    paths: Sequence[PathSteps],
    ends: Mapping[PathSteps, Outcome],
    asked: Mapping[PathSteps, str],
    offered: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> Diagram:
    """The diagram of ``paths`` alone (a trie; equal subtrees shared), marked incomplete."""
    nodes: list[Node] = []
    node_ids: dict[Node, int] = {}
    outcomes: dict[Outcome, int] = {}
    children: dict[PathSteps, list[tuple[str, Option, PathSteps]]] = {}
    for path in dict.fromkeys(paths):
        for index in range(len(path)):
            prefix, (fact, option) = path[:index], path[index]
            below = children.setdefault(prefix, [])
            if not any(o == option for _, o, _ in below):
                below.append((fact, option, path[: index + 1]))

    def build(prefix: PathSteps) -> int:
        below = children.get(prefix)
        if not below:
            outcome = outcomes.setdefault(ends[prefix], len(outcomes))
            node = Node(None, None, (), outcome)
        else:
            groups: dict[int, list[Option]] = {}
            for _, option, step in below:
                groups.setdefault(build(step), []).append(option)
            edges = tuple(Edge(tuple(options), child) for child, options in groups.items())
            node = Node(asked[prefix], below[0][0], edges)
        found = node_ids.get(node)
        if found is None:
            found = node_ids[node] = len(nodes)
            nodes.append(node)
        return found

    root = build(())
    if root != len(nodes) - 1:
        # the root is built last, so only an empty survey can end elsewhere
        raise ValueError("the survey diagram's root is not its last node")
    return Diagram(on, version, tuple(nodes), tuple(outcomes), complete=False, offered=offered)
