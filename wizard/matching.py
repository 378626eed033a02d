"""Instrument verdicts, with their reasons, and the ranked recommendation.

A verdict is ``eligible`` when every requirement in force holds, ``not_eligible`` when one fails
(the reason names the answers that decided it), and ``possibly`` when it hangs on something still
unknown or on a rule the citizen must verify. ``outstanding_facts`` is the other side of the same
coin: the facts whose answer could still change a verdict or the ranking.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from wizard.conditions import FALSE, TRUE, Const, Known, Unknown, facts_in, simplify
from wizard.content import CompiledIncentive, CompiledRequirement, Content
from wizard.model import Lang, Text

Status = Literal["eligible", "possibly", "not_eligible"]
ShownStatus = Literal["eligible", "possibly", "not_eligible", "not_assessed"]


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
    """An information tool (``kind: tip``): shown as a tip, never recommended or ranked."""
    ruled_out_by: tuple[frozenset[str], ...] = ()
    """For ``not_eligible``: the facts of each requirement that failed."""

    @property
    def shown_status(self) -> ShownStatus:
        """The status as a person sees it: an open verdict left aside is "not_assessed"."""
        return self.status if self.assessed else "not_assessed"

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


def _in_force(incentive: CompiledIncentive, on: date) -> list[CompiledRequirement]:
    return [r for r in incentive.requirements if r.model.in_force(on)]


def fit_for_need(content: Content, incentive: CompiledIncentive, known: Known) -> int:
    """How well the instrument serves the stated need (with the need unknown: its best fit)."""
    need = known.get(content.need_fact) if content.need_fact else None
    serves = incentive.model.serves
    return serves.get(need, 0) if isinstance(need, str) else max(serves.values(), default=0)


def is_pursued(content: Content, incentive: CompiledIncentive, known: Known) -> bool:
    """Whether questions are still asked to settle this instrument's verdict.

    Every instrument is pursued until the need is answered; after that, with ``pursue_min_fit``
    set, only those that serve the need well enough: the person's series stays short. Tips
    never are: an information tool is worth a line, not a question.
    """
    if incentive.model.kind == "tip":
        return False
    if not content.pursue_min_fit or content.need_fact not in known:
        return True
    return fit_for_need(content, incentive, known) >= content.pursue_min_fit


def outstanding_facts(content: Content, known: Known, on: date) -> set[str]:
    """Facts not yet answered whose answer could still change a verdict or the ranking."""
    outstanding: set[str] = set()
    need_open = content.need_fact is not None and content.need_fact not in known
    for incentive in content.incentives.values():
        facts = _open_facts(content, incentive, known, on)
        if facts is None:
            continue
        outstanding |= facts
        if need_open and incentive.model.serves:
            outstanding.add(content.need_fact)  # type: ignore[arg-type]
    return outstanding


def waiting_on(content: Content, known: Known, on: date, fact: str) -> list[str]:
    """The instruments whose open verdict the answer to ``fact`` can still change (why it is asked)."""
    return [
        incentive.id
        for incentive in content.incentives.values()
        if fact in (_open_facts(content, incentive, known, on) or set())
    ]


def _open_facts(
    content: Content, incentive: CompiledIncentive, known: Known, on: date
) -> set[str] | None:
    """Unanswered facts the instrument's verdict still hangs on; None when it is settled or not pursued."""
    if not incentive.model.in_force(on) or not is_pursued(content, incentive, known):
        return None
    residuals = [(r, simplify(r.condition, known)) for r in _in_force(incentive, on)]
    if any(res == FALSE and r.model.if_unmet == "not_eligible" for r, res in residuals):
        return None  # already excluded: nothing can bring it back
    answered = set(known)
    facts: set[str] = set()
    for _, residual in residuals:
        if not isinstance(residual, Const):
            facts |= facts_in(residual) - answered
    return facts


class Matcher:
    """Turns known facts into verdicts and a ranking for one content set."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._order = {fact_id: index for index, fact_id in enumerate(content.facts)}
        # Exclusions hold both ways: "A excludes B" also keeps B from being used with A.
        self._excluded_with: dict[str, dict[str, Text]] = {i: {} for i in content.incentives}
        for incentive in content.incentives.values():
            for exclusion in incentive.model.excludes:
                self._excluded_with[incentive.id].setdefault(exclusion.instrument, exclusion.note)
                self._excluded_with[exclusion.instrument].setdefault(incentive.id, exclusion.note)

    def describe_answers(self, facts: set[str] | frozenset[str], known: Known) -> Text | None:
        """ "Uw situatie: Werkzoekende; Leeftijd: 45" for the known facts among ``facts``."""
        parts_nl: list[str] = []
        parts_en: list[str] = []
        for fact_id in sorted(facts, key=self._fact_order):
            value = known.get(fact_id)
            if value is None or isinstance(value, Unknown):
                continue
            fact = self.content.facts[fact_id]
            shown_nl = fact.value_label(value, "nl") if isinstance(value, str) else str(value)
            shown_en = fact.value_label(value, "en") if isinstance(value, str) else str(value)
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
        known_facts = [self.content.facts[f] for f in facts if f in self.content.facts]
        return Text(
            nl=", ".join(f.label.nl for f in known_facts) or "-",
            en=", ".join(f.label.en for f in known_facts) or "-",
        )

    def verdict(self, incentive: CompiledIncentive, known: Known, on: date, fit: int) -> Verdict:
        model = incentive.model
        if not model.in_force(on):
            reason = _not_in_force(
                model.valid_from, model.valid_until, on, model.valid_from_is_start, model.phone
            )
            return Verdict(model.id, "not_eligible", (reason,), fit=fit)
        hard_fails: list[Text] = []
        ruled_out_by: list[frozenset[str]] = []
        soft_fails: list[Text] = []
        verify: list[Text] = [
            Text(nl=check.model.nl, en=check.model.en)
            for check in incentive.checks
            if check.model.in_force(on)
            and (check.condition is None or simplify(check.condition, known) != FALSE)
        ]
        pending: list[CompiledRequirement] = []
        holds: list[Text] = []
        for requirement in _in_force(incentive, on):
            residual = simplify(requirement.condition, known)
            deciding = self.describe_answers(facts_in(requirement.condition), known)
            if residual == FALSE:
                reason = _join(requirement.model.why_not, deciding)
                if requirement.model.if_unmet == "possibly":
                    soft_fails.append(reason)
                    if requirement.model.verify is not None:
                        verify.insert(0, requirement.model.verify)
                else:
                    hard_fails.append(reason)
                    ruled_out_by.append(frozenset(facts_in(requirement.condition)))
            elif residual == TRUE:
                if requirement.model.why is not None:
                    holds.append(_join(requirement.model.why, deciding))
            else:
                pending.append(requirement)
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
        missing = sorted(
            {f for r in pending for f in facts_in(simplify(r.condition, known))},
            key=self._fact_order,
        )
        reasons_list = list(soft_fails)
        if missing:
            labels = self.fact_labels(missing)
            reasons_list.append(
                Text(
                    nl=f"Dit hangt nog af van: {labels.nl}. Zoek dit uit of vraag het na.",
                    en=f"This still depends on: {labels.en}. Find out or ask.",
                )
            )
            for requirement in pending:
                if requirement.model.verify is not None:
                    verify.insert(0, requirement.model.verify)
        return Verdict(
            model.id, "possibly", tuple(reasons_list), tuple(missing), tuple(verify), fit=fit
        )

    def result(self, known: Known, on: date, complete: bool, asked: tuple[str, ...] = ()) -> Result:
        verdicts: dict[str, Verdict] = {}
        tips: list[str] = []
        for incentive in self.content.incentives.values():
            fit = fit_for_need(self.content, incentive, known)
            verdict = self.verdict(incentive, known, on, fit)
            if verdict.status == "possibly" and not is_pursued(self.content, incentive, known):
                verdict = self._not_assessed(verdict)
            if incentive.model.kind == "tip":
                verdict = replace(verdict, tip=True)
                if verdict.status == "eligible" and fit >= max(self.content.pursue_min_fit, 1):
                    tips.append(incentive.id)
            verdicts[incentive.id] = verdict
        ranked = self._rank(verdicts)
        recommended = self._drop_excluded(ranked)
        verdicts = self._annotate_excluded(verdicts, ranked, recommended)
        return Result(
            date=on,
            rules_version=self.content.version,
            complete=complete,
            verdicts=verdicts,
            recommended=tuple(recommended),
            tips=tuple(tips),
            referral=None if recommended else self.content.referral,
            asked=asked,
        )

    @staticmethod
    def _not_assessed(verdict: Verdict) -> Verdict:
        reason = Text(
            nl="Niet verder nagevraagd: dit past minder bij wat u wilt bereiken. "
            "Vraag het na als u het toch wilt gebruiken.",
            en="Not looked into further: this fits your goal less well. "
            "Ask about it if you want to use it anyway.",
        )
        return replace(verdict, reasons=(reason,), assessed=False)

    def _rank(self, verdicts: Mapping[str, Verdict]) -> list[str]:
        def key(instrument: str) -> tuple[int, int, int, str]:
            verdict = verdicts[instrument]
            priority = self.content.incentives[instrument].model.priority
            return (-verdict.fit, verdict.status != "eligible", -priority, instrument)

        min_fit = max(self.content.pursue_min_fit, 1)
        candidates = [
            i
            for i, v in verdicts.items()
            if v.status != "not_eligible" and v.assessed and not v.tip and v.fit >= min_fit
        ]
        return sorted(candidates, key=key)

    def _drop_excluded(self, ranked: list[str]) -> list[str]:
        kept: list[str] = []
        for instrument in ranked:
            if not any(instrument in self._excluded_with[k] for k in kept):
                kept.append(instrument)
        return kept

    def _annotate_excluded(
        self, verdicts: dict[str, Verdict], ranked: list[str], kept: list[str]
    ) -> dict[str, Verdict]:
        """Annotate a lower-ranked instrument that cannot be combined with a better one."""
        updated = dict(verdicts)
        for instrument in ranked:
            if instrument in kept:
                continue
            for better in kept:
                note = self._excluded_with[better].get(instrument)
                if note is not None:
                    old = updated[instrument]
                    updated[instrument] = replace(old, notes=(*old.notes, note))
        return updated


def _join(text: Text, deciding: Text | None) -> Text:
    if deciding is None:
        return text
    return Text(nl=f"{text.nl} {deciding.nl}", en=f"{text.en} {deciding.en}")


def _not_in_force(
    valid_from: date,
    valid_until: date | None,
    on: date,
    valid_from_is_start: bool = True,
    phone: str | None = None,
) -> Text:
    if on < valid_from and not valid_from_is_start:
        ask_nl = (
            f" Vraag het na op {phone}." if phone else " Vraag het na bij de dienst die het geeft."
        )
        ask_en = f" Ask on {phone}." if phone else " Ask the service that provides it."
        return Text(
            nl=f"Deze gids kent de regels pas vanaf {valid_from:%d-%m-%Y}; op {on:%d-%m-%Y} kunnen "
            f"we niet zeggen of het bestond.{ask_nl}",
            en=f"This guide only knows the rules from {valid_from:%Y-%m-%d}; on {on:%Y-%m-%d} we "
            f"cannot say whether it existed.{ask_en}",
        )
    if on < valid_from:
        return Text(
            nl=f"Bestaat pas vanaf {valid_from:%d-%m-%Y}; op {on:%d-%m-%Y} kunt u het nog niet gebruiken.",
            en=f"Only exists from {valid_from:%Y-%m-%d}; on {on:%Y-%m-%d} you cannot use it yet.",
        )
    assert valid_until is not None
    return Text(
        nl=f"Liep af op {valid_until:%d-%m-%Y}; op {on:%d-%m-%Y} kunt u het niet meer aanvragen.",
        en=f"Ended on {valid_until:%Y-%m-%d}; on {on:%Y-%m-%d} you can no longer apply.",
    )
