"""Searching answers: backtracking over facts for the answer sets a judge accepts."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from wizard.conditions import FALSE, TRUE, Condition, facts_in, simplify
from wizard.sessions import Answer

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


def search_answers(
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
    order = most_read_first(conditions) if variables is None else list(variables)

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


def most_read_first(conditions: Sequence[Condition]) -> list[str]:
    """The facts the conditions read, most-read first: they prune the search soonest."""
    counts: dict[str, int] = {}
    for condition in conditions:
        for fact in facts_in(condition):
            counts[fact] = counts.get(fact, 0) + 1
    return sorted(counts, key=lambda fact: (-counts[fact], fact))
