"""Dating: sources read lately, dated rules that run out (rules missing_source, missing_validity)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from wizard.conditions import facts_in
from wizard.content import CompiledIncentive, Content
from wizard.lint.findings import Finding
from wizard.lint.locator import Locator

SOURCE_MAX_AGE = timedelta(days=365)
"""Rules change every year: a source not read for longer may describe last year's rules."""


def dating_findings(content: Content, on: date, where: Locator) -> Iterator[Finding]:
    for incentive in content.incentives.values():
        model = incentive.model
        newest = max(source.read_on for source in model.sources)
        if on - newest > SOURCE_MAX_AGE:
            yield where.finding(
                "missing_source",
                where.incentive(model.id, "sources"),
                f"'{model.id}' has no source read in the year before {on} (the newest was read "
                f"on {newest}); read the sources again, update the rules if they changed, and "
                "set read_on",
            )
        yield from _validity(incentive, on, where)


def _window(valid_from: date | None, valid_until: date | None) -> str:
    return f"{valid_from or 'the start'} to {valid_until or 'open end'}"


def _validity(incentive: CompiledIncentive, on: date, where: Locator) -> Iterator[Finding]:
    model = incentive.model
    for index, requirement in enumerate(incentive.requirements):
        rule = requirement.model
        starts_late = (
            model.valid_until is not None and (rule.valid_from or date.min) > model.valid_until
        )
        ends_early = rule.valid_until is not None and rule.valid_until < model.valid_from
        if starts_late or ends_early:
            yield where.finding(
                "missing_validity",
                where.incentive(model.id, "requires", index, "id"),
                f"requirement '{rule.id}' of '{model.id}' is never in force while the instrument "
                f"is ({_window(rule.valid_from, rule.valid_until)} against "
                f"{_window(model.valid_from, model.valid_until)}); correct its dates",
            )
            continue
        end = rule.valid_until
        if end is None or end < on or (model.valid_until is not None and end >= model.valid_until):
            continue
        start = end + timedelta(days=1)
        reads = facts_in(requirement.condition)
        if any(
            other is not requirement
            and other.model.valid_from == start
            and (reads & facts_in(other.condition) or not facts_in(other.condition))
            for other in incentive.requirements
        ):
            continue
        yield where.finding(
            "missing_validity",
            where.incentive(model.id, "requires", index, "valid_until"),
            f"requirement '{rule.id}' of '{model.id}' ends on {end} and no rule on "
            f"{', '.join(sorted(reads)) or 'it'} starts on {start}: from then on it silently "
            f"stops applying; add the rule that holds from {start} (with valid_from), or end "
            "the instrument with valid_until",
        )
