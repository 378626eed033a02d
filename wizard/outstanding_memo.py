"""``outstanding_facts`` per instrument, remembered by the answers that instrument reads.

The relevant-state key (``wizard.relevance``) and the engine ask for the outstanding facts of
many sets of answers; most of them differ only in facts one instrument never reads, so each
instrument's part is worked out once per combination of the answers it does read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import lru_cache, partial

from wizard.conditions import Known, facts_in
from wizard.content import CompiledIncentive, Content
from wizard.outstanding import outstanding_facts
from wizard.rule_dates import dated_by_fact

ABSENT = object()
"""A fact not answered (in the parts of the key, ``known.get`` gives None: no answer is None)."""
NONE: frozenset[str] = frozenset()


def answers_read(content: Content, incentive: CompiledIncentive) -> tuple[str, ...]:
    """Every fact one instrument's verdict and outstanding facts can read: its conditions
    (requirements on every date, every dated text), the need and the fact that dates its rules."""
    conditions = [r.condition for r in incentive.requirements] + incentive.text_conditions()
    facts = {f for c in conditions for f in facts_in(c)}
    facts |= {f for f in (content.need_fact, dated_by_fact(incentive)) if f is not None}
    return tuple(sorted(facts))


class Outstanding:
    """``outstanding_facts`` computed per instrument and remembered by the answers it reads.

    ``outstanding_facts`` is a union over the instruments, each part read from the answers to
    that instrument's own facts (its conditions, the need and the fact that dates its rules):
    so the part of one instrument is worked out once per combination of those answers, on the
    content with that instrument alone, and the union is exact. Memory stays bounded (an LRU
    per instrument), as the engine also runs in long-lived processes.
    """

    def __init__(self, content: Content, size: int = 4096) -> None:
        self.parts: list[
            tuple[tuple[str, ...], Callable[[tuple[object, ...], date], frozenset[str]]]
        ]
        self.parts = []
        for incentive in content.incentives.values():
            reads = answers_read(content, incentive)
            alone = replace(content, incentives={incentive.id: incentive})
            self.parts.append((reads, lru_cache(maxsize=size)(partial(_part, alone, reads))))
        self.by_id = {
            incentive.id: index for index, incentive in enumerate(content.incentives.values())
        }

    def __call__(self, known: Known, on: date) -> frozenset[str]:
        """``outstanding_facts(content, known, on)``."""
        found: frozenset[str] = NONE
        for reads, part in self.parts:
            found = found.union(part(tuple(known.get(f, ABSENT) for f in reads), on))
        return found

    def of(self, instrument: str, known: Known, on: date) -> frozenset[str]:
        """``outstanding_facts`` of one instrument alone."""
        reads, part = self.parts[self.by_id[instrument]]
        return part(tuple(known.get(f, ABSENT) for f in reads), on)


def _part(
    alone: Content, reads: tuple[str, ...], values: tuple[object, ...], on: date
) -> frozenset[str]:
    """``outstanding_facts`` of the content with one instrument, given the answers it reads."""
    known = {f: v for f, v in zip(reads, values, strict=True) if v is not ABSENT}
    return frozenset(outstanding_facts(alone, known, on))  # type: ignore[arg-type]
