"""Which rules apply to a person: the requirements in force and the dates whose rules count.

A requirement ``dated_by`` a fact (the start of the training, dossier §27) follows the rules of that
date; while the answer is unknown, every rule change within ``RULE_DATE_HORIZON`` is looked at.
"""

from __future__ import annotations

from datetime import date, timedelta

from wizard.conditions import Known
from wizard.content import CompiledIncentive, CompiledRequirement

RULE_DATE_HORIZON = timedelta(days=122)
"""How far ahead a rule change is asked about: about four months, when people enrol for the next school year."""


def requirements_in_force(
    incentive: CompiledIncentive, on: date, rule_date: date | None = None
) -> list[CompiledRequirement]:
    """The requirements in force: on ``rule_date`` for those ``dated_by`` a fact, else on ``on``."""
    return [
        r
        for r in incentive.requirements
        if r.model.in_force(rule_date if r.model.dated_by and rule_date else on)
    ]


def dated_by_fact(incentive: CompiledIncentive) -> str | None:
    """The fact whose date picks the rules (``dated_by``), if any requirement has one."""
    return next((r.model.dated_by for r in incentive.requirements if r.model.dated_by), None)


def rule_dates(
    incentive: CompiledIncentive, known: Known, on: date, *, ahead: bool = False
) -> tuple[date, ...]:
    """The dates whose rules apply to this person (dossier §27 ``rule_date``).

    The start of the training when it is known; the reference date when it is not asked yet (with
    ``ahead``: also every later rule change within ``RULE_DATE_HORIZON``, to see whether asking can matter);
    when the answer is "weet ik niet", the reference date and every rule change within ``RULE_DATE_HORIZON``.
    """
    fact = dated_by_fact(incentive)
    if fact is None:
        return (on,)
    value = known.get(fact)
    if isinstance(value, str):
        try:
            return (date.fromisoformat(value),)
        except ValueError:
            return (on,)
    if value is None and not ahead:
        return (on,)
    changes: set[date] = set()
    for requirement in incentive.requirements:
        model = requirement.model
        if model.dated_by is None:
            continue
        if model.valid_from is not None:
            changes.add(model.valid_from)
        if model.valid_until is not None:
            changes.add(model.valid_until + timedelta(days=1))
    later = sorted(d for d in changes if on < d <= on + RULE_DATE_HORIZON)
    return (on, *later)
