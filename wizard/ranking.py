"""The ranked recommendation: the rules of docs/ranking.md applied to every instrument's verdict.

Candidates sorted by the rank keys; tips by rule 5; instruments that exclude each other dropped
(the lower one keeps a note why); with ``result_mode: end_state`` only the outcomes reached. One
instrument's verdict is computed in wizard/matching.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from wizard.content import Content
from wizard.model import Text
from wizard.verdicts import Verdict


class Ranking:
    """Ranks the verdicts of one content set (docs/ranking.md)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        # Exclusions hold both ways: "A excludes B" also keeps B from being used with A.
        self.excluded_with: dict[str, dict[str, Text]] = {i: {} for i in content.incentives}
        for incentive in content.incentives.values():
            for exclusion in incentive.model.excludes:
                self.excluded_with[incentive.id].setdefault(exclusion.instrument, exclusion.note)
                self.excluded_with[exclusion.instrument].setdefault(incentive.id, exclusion.note)

    def recommend(
        self, verdicts: dict[str, Verdict], tips: list[str]
    ) -> tuple[dict[str, Verdict], tuple[str, ...], tuple[str, ...]]:
        """The ranking (docs/ranking.md) of every instrument's ``ranked_verdict``, in content
        order, with the eligible tips among them: (verdicts with their exclusion notes,
        recommended, tips not recommended)."""
        ranked = self.rank(verdicts)
        if self.content.result_mode == "end_state":
            ranked = reached(verdicts, ranked)
        recommended = self.drop_excluded(ranked)
        if tips and not any(verdicts[i].status == "eligible" for i in recommended):
            recommended = self.with_tips(verdicts, tips, recommended)
            tips = [t for t in tips if t not in recommended]
        annotated = self.annotate_excluded(verdicts, ranked, recommended)
        return annotated, tuple(recommended), tuple(tips)

    def with_tips(
        self, verdicts: Mapping[str, Verdict], tips: list[str], possibly: list[str]
    ) -> list[str]:
        """docs/ranking.md rule 5: with nothing certain, a free tool that serves the need well (an
        eligible tip) is recommended before the "possibly" ones (the result page shows the certain
        first), unless the first of those fits better, or as well and still hangs on an open
        question (it may yet be certain), or the answers name its route (comes_first)."""

        def before(tip: Verdict, other: Verdict) -> bool:
            if other.first:
                return False
            # the "possibly" may yet be certain unless a rule failed that no step of the person's
            # own meets; what it hangs on then is left unasked (the skip rule), so it cannot count,
            # but an answer "weet ik niet" keeps it open (rule 5)
            return tip.fit > other.fit or (
                tip.fit == other.fit and other.doubted and not other.unsure
            )

        def tip_key(tip: str) -> tuple[int, int, str]:
            priority = self.content.incentives[tip].model.priority
            return (-verdicts[tip].fit, -priority, tip)

        chosen = [t for t in tips if not possibly or before(verdicts[t], verdicts[possibly[0]])]
        return [*sorted(chosen, key=tip_key), *possibly]

    def rank(self, verdicts: Mapping[str, Verdict]) -> list[str]:
        """docs/ranking.md: eligible before possibly (the order the result page shows, review
        finding 8); within each, a failed high-confidence rule never first; the named route first;
        then best fit; then priority and id. Without a need question every eligible or possibly
        instrument is a candidate (there is no fit), so priority and id order them."""

        def key(instrument: str) -> tuple[bool, bool, bool, int, int, str]:
            verdict = verdicts[instrument]
            priority = self.content.incentives[instrument].model.priority
            return (
                verdict.status != "eligible" and not verdict.within_reach,
                verdict.demoted,
                not verdict.first,
                -verdict.fit,
                -priority,
                instrument,
            )

        good_fit = self.content.good_fit
        candidates = [
            i
            for i, v in verdicts.items()
            if v.status in ("eligible", "possibly")
            and v.assessed
            and not v.tip
            # without a need question there is no fit: whatever applies is a candidate
            and (not self.has_need or v.fit >= good_fit or v.worth_checking is not None)
        ]
        return sorted(candidates, key=key)

    @property
    def has_need(self) -> bool:
        """Whether the content asks what the person wants (``need_fact``): only then does fit rank."""
        return self.content.need_fact is not None

    def drop_excluded(self, ranked: list[str]) -> list[str]:
        kept: list[str] = []
        for instrument in ranked:
            if not any(instrument in self.excluded_with[k] for k in kept):
                kept.append(instrument)
        return kept

    def annotate_excluded(
        self, verdicts: dict[str, Verdict], ranked: list[str], kept: list[str]
    ) -> dict[str, Verdict]:
        """Annotate a lower-ranked instrument that cannot be combined with a better one."""
        updated = dict(verdicts)
        for instrument in ranked:
            if instrument in kept:
                continue
            for better in kept:
                note = self.excluded_with[better].get(instrument)
                if note is not None:
                    old = updated[instrument]
                    updated[instrument] = replace(old, notes=(*old.notes, note))
        return updated


def reached(verdicts: Mapping[str, Verdict], ranked: list[str]) -> list[str]:
    """``result_mode: end_state``: the outcome(s) the path reached (every requirement holds), in
    rank order; only when none was reached, what is still open (a "weet ik niet" on the way)."""
    reached = [i for i in ranked if verdicts[i].status == "eligible"]
    return reached or ranked
