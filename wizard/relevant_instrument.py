"""What the relevant-state key (``wizard.relevance``) reads of one instrument in force."""

from __future__ import annotations

from datetime import date

from wizard.conditions import facts_in
from wizard.content import CompiledIncentive
from wizard.rule_dates import dated_by_fact


class Instrument:
    """The conditions of one instrument in force that the matcher reads, and its date fact."""

    def __init__(self, incentive: CompiledIncentive, on: date, need_fact: str | None) -> None:
        self.incentive = incentive
        self.dated_by = dated_by_fact(incentive)
        # a requirement not dated by a fact and out of force on ``on`` is never read
        self.requirements = tuple(
            r for r in incentive.requirements if r.model.dated_by or r.model.in_force(on)
        )
        conditions = [r.condition for r in self.requirements]
        # checks, next_steps and summary_dated only choose texts: left out of the key
        for checks in (incentive.worth_asking, incentive.worth_checking, incentive.comes_first):
            conditions += [c.condition for c in checks if c.condition is not None]
        self.conditions = tuple(conditions)
        self.facts = frozenset(f for c in conditions for f in facts_in(c))
        self.reading = {
            fact: tuple(i for i, c in enumerate(conditions) if fact in facts_in(c))
            for fact in self.facts
        }
        """Per fact, the conditions that read it (by index)."""
        extra = {f for f in (self.dated_by, need_fact) if f is not None}
        self.reads = tuple(sorted(self.facts | extra))
        self.read_set = frozenset(self.reads)
        """Every fact whose answer the part of this instrument in the key depends on."""
