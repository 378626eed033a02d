"""Small numbers for what is left of a condition, the pieces the relevant-state key
(``wizard.relevance``) is built from.

Two sets of answers that leave a condition alike get the same number, so the key compares
small integers rather than condition trees.
"""

from __future__ import annotations

from collections.abc import Hashable

from wizard.conditions import Condition, Const, Known, facts_in, simplify

NO_CONDITION = -1


class ConditionParts:
    """Numbers residuals of conditions; the numbers are shared by every use (one key space)."""

    def __init__(self) -> None:
        self.facts_of: dict[int, tuple[str, ...]] = {}
        self.part_numbers: dict[tuple[int, tuple[object, ...], frozenset[str]], int] = {}
        self.numbers: dict[Hashable, int] = {}
        self.live_numbers: set[int] = set()
        """The numbers of parts that a question ahead can still change."""
        self.residual_numbers: dict[Hashable, int] = {}

    def number(self, part: Hashable) -> int:
        """The number of ``part`` (a new one the first time)."""
        return self.numbers.setdefault(part, len(self.numbers))

    def facts(self, cond: Condition) -> tuple[str, ...]:
        """The facts of ``cond``, sorted (remembered by the condition's identity)."""
        facts = self.facts_of.get(id(cond))
        if facts is None:
            facts = self.facts_of[id(cond)] = tuple(sorted(facts_in(cond)))
        return facts

    def part(self, cond: Condition | None, known: Known, live: frozenset[str]) -> int:
        """A small number for what is left of ``cond``, which of its facts are answered, and,
        once no fact in it can still be asked (``live``: the facts of the questions ahead of
        ``at``), only whether it is true, false, or open on a fact never answered."""
        if cond is None:
            return NO_CONDITION
        values = tuple(map(known.get, self.facts(cond)))
        inputs = (id(cond), values, live)
        number = self.part_numbers.get(inputs)
        if number is None:
            residual = simplify(cond, known)
            open_facts = facts_in(residual)
            part: Hashable
            if isinstance(residual, Const):
                part = residual
            elif open_facts & live:
                part = (residual, frozenset(f for f in open_facts if f in known))
            else:
                # whether it hangs on a fact never answered, and on one answered "weet ik niet"
                # (the verdict's ``unsure``)
                answered = {f for f in open_facts if f in known}
                part = ("settled open", len(answered) < len(open_facts), bool(answered))
            number = self.number(part)
            if not isinstance(residual, Const) and open_facts & live:
                self.live_numbers.add(number)
            self.part_numbers[inputs] = number
        return number

    def residual(self, cond: Condition, known: Known) -> int:
        """A small number for what is left of ``cond`` and which of its facts are answered."""
        values = (id(cond), tuple(map(known.get, self.facts(cond))))
        number = self.residual_numbers.get(values)
        if number is None:
            residual = simplify(cond, known)
            answered = frozenset(f for f in facts_in(residual) if f in known)
            number = self.number(("residual", residual, answered))
            self.residual_numbers[values] = number
        return number
