"""Comparing two diagrams (a golden master and now): which paths changed, named by one of them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from wizard.paths.answers import Option, PathSteps, Range
from wizard.paths.diagram import Diagram, Edge, Node, Outcome


@dataclass(frozen=True)
class Difference:
    """Paths whose outcome changed, or that appeared or disappeared, named by one of them."""

    path: PathSteps
    message: str
    paths: int
    """How many paths this difference stands for."""


def count_paths(count: int) -> str:
    return f"{count:,} path{'s' if count != 1 else ''}"


def outcome_text(recommended: tuple[str, ...]) -> str:
    return ", ".join(recommended) if recommended else "nothing applies"


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


class _Common:
    """The verdicts every path below a node ends with (those that differ between paths left out)."""

    def __init__(self, diagram: Diagram) -> None:
        self.diagram = diagram
        self.common_by_node: dict[int, dict[str, str]] = {}

    def __call__(self, index: int) -> dict[str, str]:
        if index not in self.common_by_node:
            node = self.diagram.nodes[index]
            if node.outcome is not None:
                common = self.diagram.outcomes[node.outcome].statuses
            else:
                below = [self(e.to) for e in node.edges]
                common = {
                    i: s for i, s in below[0].items() if all(b.get(i) == s for b in below[1:])
                }
            self.common_by_node[index] = common
        return self.common_by_node[index]


def _verdicts_changed(before: dict[str, str], after: dict[str, str]) -> str:
    parts = [
        f"{name}: {before.get(name, '-')} -> {after.get(name, '-')}"
        for name in sorted(set(before) & set(after))
        if before[name] != after[name]
    ]
    return "verdicts changed: " + "; ".join(parts) if parts else ""


def _outcome_changed(old: Outcome, new: Outcome) -> str:
    changed = _verdicts_changed(old.statuses, new.statuses)
    if changed:
        return changed
    return (
        f"recommendation changed: {outcome_text(old.recommended)} -> "
        f"{outcome_text(new.recommended)}"
    )


def compare(old: Diagram, new: Diagram, limit: int = 10) -> tuple[int, list[Difference]]:
    """Walk both diagrams side by side over every path: (paths that differ, the first differences).

    A path differs when its outcome (the engine's verdicts and recommendation) changed, when the
    wizard asks something else on it, or when one of its answers is offered on one side only.
    Ranges are compared by their overlap, so a moved threshold names the ages (or dates) whose
    path changed.
    """
    old_counts, new_counts = old.path_counts(), new.path_counts()
    old_common, new_common = _Common(old), _Common(new)
    memo: dict[tuple[int, int], int] = {}
    found: list[Difference] = []

    def report(path: PathSteps, message: str, paths: int) -> None:
        if len(found) < limit:
            found.append(Difference(path, message, paths))

    def visit(o: int, n: int, path: PathSteps) -> int:
        if (o, n) in memo:
            return memo[(o, n)]
        old_node, new_node = old.nodes[o], new.nodes[n]
        differing = 0
        if old_node.outcome is not None and new_node.outcome is not None:
            was, now = old.outcomes[old_node.outcome], new.outcomes[new_node.outcome]
            if was != now:
                differing = 1
                report(path, _outcome_changed(was, now), 1)
        elif old_node.fact != new_node.fact:
            differing = max(old_counts[o], new_counts[n])
            was_asked = old_node.question or "nothing more (the end)"
            now_asked = new_node.question or "nothing more (the end)"
            changed = _verdicts_changed(old_common(o), new_common(n))
            so_far = f"; {changed}" if changed else ""
            report(path, f"the wizard asked {was_asked} here, now {now_asked}{so_far}", differing)
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
                    differing += visit(old_edge.to, new_edge.to, step)
        memo[(o, n)] = differing
        return differing

    return visit(old.root, new.root, ()), found
