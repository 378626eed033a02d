"""Instrument verdicts, with their reasons, and the ranked recommendation.

A verdict is ``eligible`` when every requirement in force holds, ``not_eligible`` when one fails
(the reason names the answers that decided it), ``possibly`` when it hangs on something still
unknown or on a rule the citizen must verify, and ``announced`` for a measure announced without rule
text (never eligible, never recommended). ``outstanding_facts`` is the other side of the same coin:
the facts whose answer could still change a verdict or the ranking. The ranking rules are written
down in docs/ranking.md, each with its test in tests/test_ranking.py.

This module computes one instrument's verdict (``Matcher``); the rest lives beside it and is
importable from here too:

- wizard/verdicts.py: the ``Verdict`` and ``Result`` records;
- wizard/rule_dates.py: the requirements in force and the dates whose rules apply;
- wizard/outstanding.py: which instruments are pursued and which facts are still outstanding;
- wizard/ranking.py: the ranked recommendation (docs/ranking.md);
- wizard/verdict_texts.py: the reason texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from wizard.conditions import FALSE, TRUE, Condition, Known, Unknown, facts_in, simplify
from wizard.content import CompiledIncentive, CompiledRequirement, Content
from wizard.model import Text
from wizard.outstanding import (
    comes_first,
    fit_for_need,
    has_unasked,
    is_pursued,
    outstanding_facts,
    waiting_on,
    worth_checking,
)
from wizard.ranking import Ranking
from wizard.rule_dates import RULE_DATE_HORIZON, dated_by_fact, requirements_in_force, rule_dates
from wizard.verdict_texts import (
    in_sentence,
    not_in_force,
    route_texts,
    texts_in_force,
    with_answers,
)
from wizard.verdicts import Result, ShownStatus, Status, Verdict

__all__ = [
    "RULE_DATE_HORIZON",
    "Matcher",
    "Result",
    "ShownStatus",
    "Status",
    "Verdict",
    "comes_first",
    "fit_for_need",
    "is_pursued",
    "outstanding_facts",
    "rule_dates",
    "waiting_on",
    "worth_checking",
]


class Matcher:
    """Turns known facts into verdicts and a ranking for one content set."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._order = {fact_id: index for index, fact_id in enumerate(content.facts)}
        self.ranking = Ranking(content)

    def describe_answers(self, facts: set[str] | frozenset[str], known: Known) -> Text | None:
        """ "Uw situatie: Werkzoekende; Leeftijd: 45" for the known facts among ``facts``."""
        parts_nl: list[str] = []
        parts_en: list[str] = []
        for fact_id in sorted(facts, key=self._fact_order):
            value = known.get(fact_id)
            if value is None or isinstance(value, Unknown):
                continue
            fact = self.content.facts[fact_id]
            # a value id or a multi_choice set reads as its labels; numbers and dates as they are
            if isinstance(value, str | frozenset):
                shown_nl, shown_en = fact.value_label(value, "nl"), fact.value_label(value, "en")
            else:
                shown_nl = shown_en = str(value)
            parts_nl.append(f"{fact.label.nl}: {shown_nl}")
            parts_en.append(f"{fact.label.en}: {shown_en}")
        if not parts_nl:
            return None
        return Text(
            nl=f"(uw antwoord: {'; '.join(parts_nl)})", en=f"(your answer: {'; '.join(parts_en)})"
        )

    def _fact_order(self, fact_id: str) -> int:
        return self._order.get(fact_id, len(self._order))

    def fact_labels(self, facts: list[str]) -> Text:
        """The facts' labels as a list inside a sentence ("Dit hangt af van: uw hoogste diploma"):
        a label's capital goes, an abbreviation's stays."""
        known_facts = [self.content.facts[f] for f in facts if f in self.content.facts]
        return Text(
            nl=", ".join(in_sentence(f.label.nl) for f in known_facts) or "-",
            en=", ".join(in_sentence(f.label.en) for f in known_facts) or "-",
        )

    def verdict(self, incentive: CompiledIncentive, known: Known, on: date, fit: int) -> Verdict:
        """The verdict on ``on``, with the rules of the training's school year where they differ."""
        model = incentive.model
        dates = rule_dates(incentive, known, on)
        verdicts = [self._verdict_on(incentive, known, on, d, fit) for d in dates]
        verdict = verdicts[0]
        if len({v.status for v in verdicts}) > 1:
            # "weet ik niet" on the start: the rule depends on it, so the verdict stays open.
            best = min(
                verdicts, key=lambda v: ("eligible", "possibly", "not_eligible").index(v.status)
            )
            fact = dated_by_fact(incentive) or ""
            label = self.fact_labels([fact])
            depends = Text(
                nl=f"Welke regel geldt, hangt af van de start van de opleiding ({label.nl}).",
                en=f"Which rule applies depends on when the training starts ({label.en}).",
            )
            verdict = replace(
                best,
                status="possibly",
                reasons=(*[r for r in best.reasons if best.status != "eligible"], depends),
                missing=tuple(dict.fromkeys((*best.missing, fact))),
                ruled_out_by=(),
                demoted=False,
            )
        if model.announced is not None and verdict.status != "not_eligible":
            look = model.announced.look_again_on
            verdict = Verdict(
                model.id,
                "announced",
                (
                    Text(nl=model.announced.known.nl, en=model.announced.known.en),
                    Text(
                        nl=f"Kijk opnieuw na vanaf {look:%d-%m-%Y}.",
                        en=f"Look again from {look:%Y-%m-%d}.",
                    )
                    if on < look
                    else Text(
                        nl=f"Kijk nu na of er al regels zijn (dat was voorzien vanaf {look:%d-%m-%Y}): "
                        "op vlaanderen.be of via 1700.",
                        en=f"Check now whether rules exist (that was foreseen from {look:%Y-%m-%d}): "
                        "on vlaanderen.be or via 1700.",
                    ),
                ),
                verify=verdict.verify,
                fit=fit,
                look_again_on=look,
            )
        parts = texts_in_force(incentive.summary_dated, known, on)
        summary = Text(
            nl=" ".join([model.summary.nl, *(p.nl for p in parts)]),
            en=" ".join([model.summary.en, *(p.en for p in parts)]),
        )
        # the route the answers name (comes_first), with its texts: only for something to pursue
        route = (
            tuple(route_texts(incentive, known, on))
            if verdict.status in ("eligible", "possibly")
            else ()
        )
        return replace(
            verdict,
            first=bool(route),
            route=route,
            summary=summary,
            next_steps=tuple(texts_in_force(incentive.next_steps, known, on)),
        )

    def _verdict_on(
        self, incentive: CompiledIncentive, known: Known, on: date, rule_date: date, fit: int
    ) -> Verdict:
        model = incentive.model
        if not model.in_force(on):
            reason = not_in_force(
                model.valid_from, model.valid_until, on, model.valid_from_is_start, model.phone
            )
            return Verdict(model.id, "not_eligible", (reason,), fit=fit)
        hard_fails: list[Text] = []
        ruled_out_by: list[frozenset[str]] = []
        soft_fails: list[Text] = []
        soft_confident = True
        doubted = False
        verify: list[Text] = texts_in_force(incentive.checks, known, on)
        # each open requirement with what is left of its condition (simplified once)
        pending: list[tuple[CompiledRequirement, Condition]] = []
        holds: list[Text] = []
        for requirement in requirements_in_force(incentive, on, rule_date):
            residual = simplify(requirement.condition, known)
            if residual == FALSE:
                decided_by = facts_in(requirement.condition)
                reason = with_answers(
                    requirement.model.why_not, self.describe_answers(decided_by, known)
                )
                if requirement.model.if_unmet == "possibly":
                    soft_fails.append(reason)
                    if not requirement.model.met_by_acting:
                        # a step of the person's own neither doubts nor un-demotes (review 4, F7)
                        soft_confident &= requirement.model.confidence == "high"
                        doubted = True
                    if requirement.model.verify is not None:
                        verify.insert(0, requirement.model.verify)
                else:
                    hard_fails.append(reason)
                    ruled_out_by.append(frozenset(decided_by))
            elif residual == TRUE:
                if requirement.model.why is not None:
                    deciding = self.describe_answers(facts_in(requirement.condition), known)
                    holds.append(with_answers(requirement.model.why, deciding))
            else:
                pending.append((requirement, residual))
        if hard_fails:
            ruled_out = tuple(ruled_out_by)
            return Verdict(
                model.id, "not_eligible", tuple(hard_fails), fit=fit, ruled_out_by=ruled_out
            )
        if not pending and not soft_fails:
            reasons = tuple(holds) or (
                Text(nl="U voldoet aan alle voorwaarden.", en="You meet every condition."),
            )
            return Verdict(model.id, "eligible", reasons, verify=tuple(verify), fit=fit)
        missing = sorted({f for _, left in pending for f in facts_in(left)}, key=self._fact_order)
        reasons_list = list(soft_fails)
        within_reach = not doubted and all(r.model.met_by_acting for r, _ in pending)
        if missing:
            # "Zoek dit uit" only for what the person said they do not know; a fact never asked (the
            # answer could not change this verdict) is something the person may well know already.
            for facts, nl, en in (
                (
                    [f for f in missing if f in known],
                    "Dit hangt nog af van: {}. Zoek dit uit of vraag het na.",
                    "This still depends on: {}. Find out or ask.",
                ),
                (
                    [f for f in missing if f not in known],
                    "Dit hangt ook af van: {}.",
                    "This also depends on: {}.",
                ),
            ):
                if facts:
                    labels = self.fact_labels(facts)
                    reasons_list.append(Text(nl=nl.format(labels.nl), en=en.format(labels.en)))
            for requirement, _ in pending:
                if requirement.model.verify is not None:
                    verify.insert(0, requirement.model.verify)
        return Verdict(
            model.id,
            "possibly",
            tuple(reasons_list),
            tuple(missing),
            tuple(verify),
            fit=fit,
            demoted=doubted
            and soft_confident
            and not any(facts_in(left) for r, left in pending if not r.model.met_by_acting),
            doubted=doubted,
            # rule 5 reads it of a verdict a failed rule already keeps from "eligible": then only
            # a rule that can still exclude it is asked (rule C), so only its "weet ik niet" counts
            unsure=any(
                f in known
                for r, left in pending
                if r.model.if_unmet == "not_eligible"
                for f in facts_in(left)
            ),
            within_reach=within_reach,
        )

    def result(self, known: Known, on: date, complete: bool, asked: tuple[str, ...] = ()) -> Result:
        verdicts: dict[str, Verdict] = {}
        offered: list[str] = []
        for incentive in self.content.incentives.values():
            verdict, tip = self.ranked_verdict(incentive, known, on)
            if tip:
                offered.append(incentive.id)
            verdicts[incentive.id] = verdict
        verdicts, recommended, tips = self.recommend(verdicts, offered)
        announced = tuple(i for i, v in verdicts.items() if v.status == "announced" and v.fit > 0)
        return Result(
            date=on,
            rules_version=self.content.version,
            complete=complete,
            verdicts=verdicts,
            recommended=recommended,
            tips=tips,
            referral=None if recommended else self.content.referral,
            asked=asked,
            announced=announced,
            rules_checked_on=self.content.rules_checked_on,
        )

    def ranked_verdict(
        self, incentive: CompiledIncentive, known: Known, on: date
    ) -> tuple[Verdict, bool]:
        """One instrument's verdict as ``result`` shows and ranks it, and whether it is an
        eligible tip that serves the need (offered by rule 5). It reads only the answers to the
        instrument's own facts, the need and the date fact (``leerwijzer paths`` relies on it)."""
        good_fit = self.content.good_fit
        fit = fit_for_need(self.content, incentive, known)
        verdict = self.verdict(incentive, known, on, fit)
        pursued = is_pursued(self.content, incentive, known, on)
        worth = None
        if self.content.need_fact in known and fit < good_fit:
            worth = worth_checking(incentive, known, on, asking=True) or worth_checking(
                incentive, known, on
            )
        if worth is not None and verdict.status in ("eligible", "possibly"):
            # never hide a right: shown as worth checking, with what to check
            verdict = replace(verdict, worth_checking=worth)
        elif verdict.status == "possibly" and not pursued:
            verdict = self._not_assessed(verdict)
        elif verdict.status == "eligible" and not pursued and has_unasked(incentive, known, on):
            # review finding 3: never "certain" on conditions that were never asked; an open
            # verdict left aside is "possibly" underneath, like every other one
            verdict = self._not_assessed(replace(verdict, status="possibly"))
        tip = False
        if incentive.model.kind == "tip":
            verdict = replace(verdict, tip=True)
            tip = verdict.status == "eligible" and (fit >= good_fit or not self._has_need)
        return verdict, tip

    def recommend(
        self, verdicts: dict[str, Verdict], tips: list[str]
    ) -> tuple[dict[str, Verdict], tuple[str, ...], tuple[str, ...]]:
        """The ranked recommendation of the ``ranked_verdict``s (``Ranking.recommend``)."""
        return self.ranking.recommend(verdicts, tips)

    def _with_tips(
        self, verdicts: Mapping[str, Verdict], tips: list[str], possibly: list[str]
    ) -> list[str]:
        """docs/ranking.md rule 5 (``Ranking.with_tips``); kept here for the ranking tests."""
        return self.ranking.with_tips(verdicts, tips, possibly)

    def _rank(self, verdicts: Mapping[str, Verdict]) -> list[str]:
        """The rank keys of docs/ranking.md (``Ranking.rank``); kept here for the ranking tests."""
        return self.ranking.rank(verdicts)

    @property
    def _has_need(self) -> bool:
        """Whether the content asks what the person wants (``Ranking.has_need``)."""
        return self.ranking.has_need

    @staticmethod
    def _not_assessed(verdict: Verdict) -> Verdict:
        reason = Text(
            nl="Niet verder nagevraagd: dit past minder bij wat u wilt bereiken. "
            "Vraag het na als u het toch wilt gebruiken.",
            en="Not looked into further: this fits your goal less well. "
            "Ask about it if you want to use it anyway.",
        )
        return replace(verdict, reasons=(reason,), assessed=False)
