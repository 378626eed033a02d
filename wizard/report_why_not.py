"""Why the other instruments do not fit: one short reason each, grouped so the reasons that matter
come first (every front end and the export read this structure)."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.content import Content
from wizard.matching import Result
from wizard.model import Lang
from wizard.report import end_state, glance, instrument_name
from wizard.short_text import as_sentences, first_sentence


@dataclass(frozen=True)
class WhyNot:
    """An instrument not on the glance, with the short reason, in one of ``WHY_NOT_GROUPS``:
    "not_eligible" (it would serve the goal), "also" (open, but a weaker fit), "not_assessed"
    (a weak fit, not looked into; no reason repeated), "not_eligible_other" (for other people
    or goals, named last)."""

    instrument: str
    status: str
    name: str
    reason: str
    other: bool = False
    group: str = "not_eligible"


WHY_NOT_GROUPS = ("not_eligible", "also", "not_assessed", "not_eligible_other")
"""The order the groups are read in: the reasons that matter first."""


def why_not_grouped(rows: list[WhyNot]) -> list[tuple[str, list[WhyNot]]]:
    """(group, rows) in reading order, empty groups left out; ``heading(group)`` titles each."""
    return [
        (g, [r for r in rows if r.group == g])
        for g in WHY_NOT_GROUPS
        if any(r.group == g for r in rows)
    ]


def why_not(content: Content, result: Result, lang: Lang) -> list[WhyNot]:
    """Every instrument that does not fit, with its reason: first those that would serve the
    person's goal, last (``other``) those for other goals or situations (a pupil's bonus for an
    employee), so the reasons that matter come first."""
    shown = {item.instrument for item in glance(content, result, lang).items}
    if end_state(content) and shown:
        return []  # one outcome per path: the others are where other answers lead, not refusals
    listed = shown | set(result.tips)
    first_fact = content.questions[content.start].fact
    rows: list[WhyNot] = []
    for instrument, verdict in result.verdicts.items():
        if instrument in listed or verdict.tip:
            continue
        status = verdict.shown_status
        # fit 0 means "for other goals" only where the content asks for a goal (need_fact)
        other_goal = verdict.fit == 0 and content.need_fact is not None
        other = other_goal or any(facts <= {first_fact} for facts in verdict.ruled_out_by)
        reason = as_sentences(verdict.reasons[0].get(lang)) if verdict.reasons else ""
        if status == "not_eligible" and other:
            # for other people or goals: the first sentence says enough
            group, reason = "not_eligible_other", first_sentence(reason)
        elif status == "not_eligible":
            group = "not_eligible"
        elif status == "not_assessed":
            group, reason = "not_assessed", ""  # the heading says why, once
        elif status not in ("eligible", "possibly"):
            group = "not_eligible_other"  # announced, but the matcher says it is not for them
        else:
            group = "also"
        name = instrument_name(content, instrument, lang)
        rows.append(WhyNot(instrument, status, name, reason, other, group))
    return sorted(rows, key=lambda row: WHY_NOT_GROUPS.index(row.group))
