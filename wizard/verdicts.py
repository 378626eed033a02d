"""What the matcher hands out: one instrument's ``Verdict`` and the whole ``Result``.

The statuses and what each field means are in docs/ranking.md ("Verdicts"); the verdicts are
computed in wizard/matching.py and ranked in wizard/ranking.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from wizard.model import Lang, Text

Status = Literal["eligible", "possibly", "not_eligible", "announced"]
ShownStatus = Literal["eligible", "possibly", "not_eligible", "not_assessed", "announced"]


@dataclass(frozen=True)
class Verdict:
    instrument: str
    status: Status
    reasons: tuple[Text, ...]
    missing: tuple[str, ...] = ()
    """Facts still unknown (or answered "weet ik niet") that the verdict hangs on."""
    verify: tuple[Text, ...] = ()
    fit: int = 0
    notes: tuple[Text, ...] = ()
    assessed: bool = True
    """False when the verdict was left open on purpose: the instrument fits the need too weakly
    to ask more questions about it (``pursue_min_fit``)."""
    tip: bool = False
    """An information tool (``kind: tip``): shown as a tip; recommended only when nothing certain
    serves the need (docs/ranking.md, rule 5), never asked about."""
    ruled_out_by: tuple[frozenset[str], ...] = ()
    """For ``not_eligible``: the facts of each requirement that failed."""
    demoted: bool = False
    """``possibly`` whose only open point is a failed high-confidence rule: never recommended first."""
    first: bool = False
    """The answers name this instrument's route (``comes_first``): recommended first."""
    route: tuple[Text, ...] = ()
    """The texts of the ``comes_first`` entries that hold: why this is the route (shown on the card)."""
    worth_checking: Text | None = None
    """Why a weak fit was still followed up: a right that changes what the person should do."""
    summary: Text | None = None
    """What it gives on the reference date: the summary with the dated amounts and deadlines in force."""
    next_steps: tuple[Text, ...] = ()
    """The next steps in force on the reference date, for this person."""
    look_again_on: date | None = None
    """For ``announced``: when to look again."""
    doubted: bool = False
    """``possibly`` with a failed rule that no step of the person's own can meet (docs/ranking.md,
    rule 5: a free tool may then come before it)."""
    unsure: bool = False
    """``possibly`` that hangs on a fact answered "weet ik niet" in a rule that can still exclude
    it (``if_unmet: not_eligible``): then it may yet be ruled out or certain (rule 5)."""
    within_reach: bool = False
    """``possibly`` only for a step the person takes themselves (``met_by_acting``, such as
    registering with VDAB as a jobseeker): ranked as if eligible, with that step first
    (docs/ranking.md, key 0)."""

    @property
    def shown_status(self) -> ShownStatus:
        """The status as a person sees it: an open verdict left aside is "not_assessed"."""
        return self.status if self.assessed else "not_assessed"

    @property
    def why(self) -> tuple[Text, ...]:
        """What a card says first: the route the answers name, why a weaker fit is worth checking,
        then the reasons."""
        worth = (self.worth_checking,) if self.worth_checking is not None else ()
        return (*self.route, *worth, *self.reasons)

    def reason(self, lang: Lang) -> str:
        return "; ".join(r.get(lang) for r in self.reasons)


@dataclass(frozen=True)
class Result:
    date: date
    rules_version: str
    complete: bool
    verdicts: dict[str, Verdict]
    recommended: tuple[str, ...]
    tips: tuple[str, ...]
    referral: Text | None = None
    """Set when nothing applies: where to go next."""
    asked: tuple[str, ...] = field(default_factory=tuple)
    announced: tuple[str, ...] = ()
    """Measures announced without rule text that concern the person: shown apart, never ranked."""
    rules_checked_on: dt.date | None = None
    """When the rules were last checked against the official sources (graph.yaml)."""
