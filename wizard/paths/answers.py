"""The answers a path can give: value ids, "weet ik niet", ranges of numbers or dates, and sets.

An integer or date fact offers one answer per range of values the rules tell apart (``Range``):
every age from 18 to 120 is one answer when the rules only ask ``leeftijd >= 18``. A multi_choice
fact offers one set of value ids per group of sets the rules tell apart (``Picked``): the rules
read it only through ``contains``, so values no condition names never matter, and sets that make
every such test come out the same are one answer (the smallest stands for them; "none of these",
the empty set, is always one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from typing import TypeAlias

from wizard.conditions import And, Compare, Condition, Contains, Member, Not, Or, Value, evaluate
from wizard.content import Content
from wizard.sessions import UNKNOWN_ANSWER, Answer, InvalidAnswer, parse_answer


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


MAX_NAMED_VALUES = 16
"""A multi_choice fact whose conditions name more values is refused (2^n sets to group)."""


@dataclass(frozen=True)
class Picked:
    """One answer to a multi_choice fact: the value ids chosen (sorted; empty: none of these)."""

    values: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"[{', '.join(self.values)}]"


Option: TypeAlias = str | Range | Picked
"""An answer on a path: a value id, ``weet_niet``, a range of numbers or dates, or a set."""
Step: TypeAlias = tuple[str, Option]
"""(fact, answer): one step of a path."""
PathSteps: TypeAlias = tuple[Step, ...]


def option_label(option: Option) -> str:
    return option if isinstance(option, str) else option.label


def option_raw(option: Option) -> str | int | list[str]:
    """What to give the engine (or write in a scenario file) for this answer."""
    if isinstance(option, Picked):
        return list(option.values)
    return option.example if isinstance(option, Range) else option


def describe_path(path: Iterable[Step]) -> str:
    return " > ".join(f"{fact}={option_label(option)}" for fact, option in path) or "(start)"


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


def _contains(cond: Condition, fact: str) -> Iterable[Contains]:
    if isinstance(cond, Contains) and cond.fact == fact:
        yield cond
    elif isinstance(cond, Not):
        yield from _contains(cond.operand, fact)
    elif isinstance(cond, And | Or):
        for operand in cond.operands:
            yield from _contains(operand, fact)


def _step(value: Value, days: int) -> Value:
    """``value`` moved by ``days`` (a number, or an ISO date)."""
    if isinstance(value, int):
        return value + days
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


def _before(a: Value, b: Value) -> bool:
    """a < b for two numbers or two ISO dates (one fact's values are all of one kind)."""
    return a < b  # type: ignore[operator]


def ranges(
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


class Answers:
    """The answers each fact offers on paths: values, "weet ik niet", ranges for numbers and dates."""

    def __init__(self, content: Content, on: date) -> None:
        self.content = content
        self.on = on
        self.conditions: list[Condition] = []
        for incentive in content.incentives.values():
            # every condition the engine reads can split a range (a rule dated by another fact
            # may apply on another date, so those count whatever their dates)
            self.conditions += [
                r.condition
                for r in incentive.requirements
                if r.model.in_force(on) or r.model.dated_by
            ]
            self.conditions += incentive.text_conditions()
        for question in content.questions.values():
            if question.ask_when is not None:
                self.conditions.append(question.ask_when)
            self.conditions += [r.condition for r in question.routes if r.condition is not None]
        self.options_by_fact: dict[str, tuple[Option, ...]] = {}
        # a date that picks the rules (``dated_by``, the start of the training) splits where a dated
        # requirement starts or ends: each school year's rules are an answer of their own
        self.rule_date_cuts: dict[str, list[Value]] = {}
        for incentive in content.incentives.values():
            for requirement in incentive.requirements:
                model = requirement.model
                if model.dated_by is None:
                    continue
                cuts = self.rule_date_cuts.setdefault(model.dated_by, [])
                if model.valid_from is not None:
                    cuts.append(model.valid_from.isoformat())
                if model.valid_until is not None:
                    cuts.append((model.valid_until + timedelta(days=1)).isoformat())

    def options(self, fact_id: str) -> tuple[Option, ...]:
        if fact_id not in self.options_by_fact:
            self.options_by_fact[fact_id] = self.compute(fact_id)
        return self.options_by_fact[fact_id]

    def compute(self, fact_id: str) -> tuple[Option, ...]:
        fact = self.content.facts[fact_id]
        options: list[Option]
        if fact.kind in ("choice", "yes_no"):
            options = [v for v in fact.value_ids() if v != UNKNOWN_ANSWER]
        elif fact.kind == "multi_choice":
            options = list(self.picked(fact_id))
        else:
            cuts: list[Value] = list(self.rule_date_cuts.get(fact_id, []))
            for cond in self.conditions:
                for op, value in _thresholds(cond, fact_id):
                    # A range starts where the comparison's answer flips.
                    if op in ("<", ">="):
                        cuts.append(value)
                    elif op in ("<=", ">"):
                        cuts.append(_step(value, 1))
                    else:
                        cuts += [value, _step(value, 1)]
            fallback: Value = 0 if fact.kind == "integer" else self.on.isoformat()
            options = list(ranges(cuts, fact.min, fact.max, fallback))
        try:
            parse_answer(fact, UNKNOWN_ANSWER)
            options.append(UNKNOWN_ANSWER)
        except InvalidAnswer:
            pass
        return tuple(options)

    def picked(self, fact_id: str) -> tuple[Picked, ...]:
        """One set per group of sets that every ``contains`` on the fact reads alike, the
        smallest first (so the empty set, "none of these", always stands for its group)."""
        atoms = tuple(dict.fromkeys(a for c in self.conditions for a in _contains(c, fact_id)))
        named = sorted({v for atom in atoms for v in atom.values})
        if len(named) > MAX_NAMED_VALUES:
            raise ValueError(
                f"multi_choice fact '{fact_id}': its conditions name {len(named)} values; "
                f"paths groups at most {MAX_NAMED_VALUES}"
            )
        groups: dict[tuple[bool | None, ...], Picked] = {}
        for size in range(len(named) + 1):
            for chosen in combinations(named, size):
                reads = tuple(evaluate(a, {fact_id: frozenset(chosen)}) for a in atoms)
                groups.setdefault(reads, Picked(chosen))
        return tuple(groups.values())

    def alike(self, fact_id: str, option: Picked, chosen: frozenset[str]) -> bool:
        """Whether every ``contains`` on the fact reads ``chosen`` as it reads ``option``."""
        return all(
            evaluate(a, {fact_id: chosen}) == evaluate(a, {fact_id: frozenset(option.values)})
            for c in self.conditions
            for a in _contains(c, fact_id)
        )

    def answer(self, fact_id: str, option: Option) -> Answer:
        return parse_answer(self.content.facts[fact_id], option_raw(option))


# --- the relevant state --------------------------------------------------------------------------


def answer_label(answers: Answers, fact_id: str, raw: object) -> str:
    """The option label a scenario's raw answer falls in (its range for numbers and dates, its
    group for sets)."""
    if raw == UNKNOWN_ANSWER:
        return UNKNOWN_ANSWER
    try:
        value = parse_answer(answers.content.facts[fact_id], raw)
    except InvalidAnswer:
        return str(raw)
    if isinstance(value, frozenset):
        # the set stands in the group of the option every ``contains`` reads alike
        for option in answers.options(fact_id):
            if isinstance(option, Picked) and answers.alike(fact_id, option, value):
                return option.label
        return str(raw)
    for option in answers.options(fact_id):
        if isinstance(option, Range) and isinstance(value, int | str) and option.contains(value):
            return option.label
    return str(raw)
