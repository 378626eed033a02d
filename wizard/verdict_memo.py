"""``Matcher.result``'s ranking, with each instrument's verdict remembered by the answers it reads.

``Matcher.ranked_verdict`` reads only the answers to the instrument's own facts (its
requirements and the conditions of its texts and checks), the need and the fact that dates its
rules. Tools that rank many sets of answers (the survey of ``leerwijzer paths``) mostly meet
answers that differ only in facts one instrument never reads, so each instrument's verdict is
worked out once per combination of the answers it does read, as ``Outstanding`` does for the
outstanding facts. ``tests/test_paths_survey.py`` checks it against ``Engine.final_result``.
"""

from __future__ import annotations

from datetime import date

from wizard.conditions import Known
from wizard.content import CompiledIncentive
from wizard.matching import Matcher
from wizard.outstanding_memo import ABSENT, answers_read
from wizard.verdicts import Verdict

MAX_REMEMBERED = 200_000
"""Verdicts remembered before the memo starts again (memory stays bounded)."""


class RankedVerdicts:
    """``Matcher.result`` reduced to what ranks it: (verdicts, recommended), remembered per
    instrument by the answers that instrument reads."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        content = matcher.content
        self.reads = [(i, answers_read(content, i)) for i in content.incentives.values()]
        self.remembered: dict[tuple[str, date, tuple[object, ...]], tuple[Verdict, bool]] = {}

    def ranked(
        self, incentive: CompiledIncentive, reads: tuple[str, ...], known: Known, on: date
    ) -> tuple[Verdict, bool]:
        key = (incentive.id, on, tuple(known.get(f, ABSENT) for f in reads))
        found = self.remembered.get(key)
        if found is None:
            if len(self.remembered) >= MAX_REMEMBERED:
                self.remembered.clear()
            found = self.remembered[key] = self.matcher.ranked_verdict(incentive, known, on)
        return found

    def __call__(self, known: Known, on: date) -> tuple[dict[str, Verdict], tuple[str, ...]]:
        """The verdicts and the recommendation ``Matcher.result(known, on, ...)`` gives."""
        verdicts: dict[str, Verdict] = {}
        tips: list[str] = []
        for incentive, reads in self.reads:
            verdict, tip = self.ranked(incentive, reads, known, on)
            verdicts[incentive.id] = verdict
            if tip:
                tips.append(incentive.id)
        ranked, recommended, _ = self.matcher.recommend(verdicts, tips)
        return ranked, recommended
