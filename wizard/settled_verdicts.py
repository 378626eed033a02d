"""Verdicts that can no longer change, as the relevant-state key (``wizard.relevance``) counts them.

``excluded`` says whether an instrument is ruled out whatever comes next; ``rank_fields`` and
``NEVER_RANKED`` say what the ranking reads of a settled verdict, so that two settled verdicts
the ranking cannot tell apart count as the same token.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from wizard.conditions import FALSE, Known, simplify
from wizard.content import CompiledIncentive
from wizard.rule_dates import rule_dates
from wizard.verdicts import Verdict

NEVER_RANKED = frozenset({"not_eligible", "announced"})
"""Statuses the ranking reads nothing more of (never candidates, never tips)."""

TEXT_FIELDS = frozenset(
    {
        "reasons",
        "verify",
        "notes",
        "summary",
        "next_steps",
        "look_again_on",
        "ruled_out_by",
        "route",
    }
)
"""Fields of a Verdict that only say things."""
COUNTED = frozenset({"missing", "worth_checking"})
"""Fields of a Verdict that count only by whether they are empty (the ranking reads no more)."""


def excluded(incentive: CompiledIncentive, known: Known, on: date) -> bool:
    """Whether ``incentive`` is "not_eligible" whatever is answered next: on every date whose
    rules can apply, a requirement in force that excludes (``if_unmet: not_eligible``) is false.
    False while a date fact that picks the rules is still unanswered (it may pick another date)."""
    dated = [r.model.dated_by for r in incentive.requirements if r.model.dated_by]
    if dated and dated[0] not in known:
        return False
    for rule_date in rule_dates(incentive, known, on, ahead=True):
        if not any(
            r.model.if_unmet == "not_eligible"
            and r.model.in_force(rule_date if r.model.dated_by else on)
            and simplify(r.condition, known) == FALSE
            for r in incentive.requirements
        ):
            return False
    return True


def rank_fields(verdict: Verdict) -> tuple[object, ...]:
    """Every field of ``verdict`` the ranking may read: all but its texts (a field added to
    Verdict later counts by itself, so the key never misses what a new rank rule reads)."""
    return tuple(
        bool(getattr(verdict, f.name)) if f.name in COUNTED else getattr(verdict, f.name)
        for f in fields(verdict)
        if f.name not in TEXT_FIELDS
    )
