"""The answers worth trying: per fact, the answers that can make a difference to a condition."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from itertools import combinations

from wizard.conditions import (
    UNKNOWN,
    And,
    Compare,
    Condition,
    Contains,
    IsUnknown,
    Member,
    Not,
    Or,
    Value,
)
from wizard.content import Content
from wizard.sessions import UNKNOWN_ANSWER, Answer, InvalidAnswer, parse_answer

MAX_SUBSET_VALUES = 6
"""A multi_choice fact whose conditions name more values is tried with fewer sets (see below)."""


class Domains:
    """Per fact, the answers that can make a difference to some condition.

    Choices and yes/no: every value. Whole numbers and dates: every boundary a condition names,
    plus and minus one (and the fact's min and max), which is enough to take each side of every
    comparison. Multi-select: every set of the values a condition names (with many: none, each
    one alone, all). A fact a condition reads with ``is unknown`` also tries "weet ik niet".
    """

    def __init__(self, content: Content, on: date) -> None:
        self.content = content
        self.on = on
        self.constants: dict[str, set[Value]] = {}
        self.reads_unknown: set[str] = set()
        for condition in _all_conditions(content):
            for node in _nodes(condition):
                if isinstance(node, Compare):
                    self.constants.setdefault(node.fact, set()).add(node.value)
                elif isinstance(node, Member | Contains):
                    self.constants.setdefault(node.fact, set()).update(node.values)
                elif isinstance(node, IsUnknown):
                    self.reads_unknown.add(node.fact)
        self.memo: dict[str, list[Answer]] = {}

    def values(self, fact_id: str) -> list[Answer]:
        if fact_id not in self.memo:
            unknown = fact_id in self.reads_unknown and self.may_be_unknown(fact_id)
            self.memo[fact_id] = [*self.compute(fact_id), *([UNKNOWN] if unknown else [])]
        return self.memo[fact_id]

    def compute(self, fact_id: str) -> Sequence[Answer]:
        fact = self.content.facts[fact_id]
        constants = self.constants.get(fact_id, set())
        if fact.kind == "multi_choice":
            named = [v for v in fact.value_ids() if v in constants]
            if len(named) > MAX_SUBSET_VALUES:
                return [frozenset(), *(frozenset({v}) for v in named), frozenset(named)]
            return [
                frozenset(subset)
                for size in range(len(named) + 1)
                for subset in combinations(named, size)
            ]
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
    elif isinstance(condition, And | Or):
        for operand in condition.operands:
            yield from _nodes(operand)
