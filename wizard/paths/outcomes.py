"""How many paths end in each outcome: arithmetic on the diagram, no engine rule repeated."""

from __future__ import annotations

from collections import Counter

from wizard.paths.answers import PathSteps
from wizard.paths.diagram import Diagram, PathsError


class Outcomes:
    """Paths per outcome of a diagram (an outcome is the engine's recommendation and verdicts)."""

    def __init__(self, diagram: Diagram) -> None:
        self.diagram = diagram
        self.classes = count_outcomes(diagram)
        """Paths per outcome (an index into ``diagram.outcomes``)."""

    def recommended(self, outcome: int) -> tuple[str, ...]:
        return self.diagram.outcomes[outcome].recommended

    @property
    def total(self) -> int:
        return sum(self.classes.values())

    def by_outcome(self) -> Counter[tuple[str, ...]]:
        counts: Counter[tuple[str, ...]] = Counter()
        for outcome, count in self.classes.items():
            counts[self.recommended(outcome)] += count
        return counts

    def example(self, outcome: int) -> PathSteps:
        """One path that ends in ``outcome``."""
        nodes = self.diagram.nodes
        reaches: dict[int, bool] = {}

        def can(index: int) -> bool:
            if index not in reaches:
                node = nodes[index]
                reaches[index] = (
                    node.outcome == outcome
                    if node.outcome is not None
                    else any(can(e.to) for e in node.edges)
                )
            return reaches[index]

        if not can(self.diagram.root):
            raise PathsError(f"no path ends in outcome {outcome}")
        path: PathSteps = ()
        index = self.diagram.root
        while nodes[index].outcome is None:
            node = nodes[index]
            edge = next(e for e in node.edges if can(e.to))
            path = (*path, (node.fact or "", edge.options[0]))
            index = edge.to
        return path


def count_outcomes(diagram: Diagram) -> dict[int, int]:
    """Paths per outcome (an index into ``diagram.outcomes``), counted over the diagram."""
    # Children come first; a child's table is dropped once its last parent has read it.
    nodes = diagram.nodes
    parents = Counter(e.to for node in nodes for e in node.edges)
    tables: dict[int, dict[int, int]] = {}
    for index, node in enumerate(nodes):
        if node.outcome is not None:
            tables[index] = {node.outcome: 1}
            continue
        table: dict[int, int] = {}
        for edge in node.edges:
            weight = len(edge.options)
            for outcome, count in tables[edge.to].items():
                table[outcome] = table.get(outcome, 0) + count * weight
            parents[edge.to] -= 1
            if parents[edge.to] == 0 and edge.to != index:
                del tables[edge.to]
        tables[index] = table
    return tables[diagram.root]
