"""Instrument verdicts, with their reasons, and the ranked recommendation.

A verdict is ``eligible`` when every requirement in force holds, ``not_eligible`` when one fails
(the reason names the answers that decided it), ``possibly`` when it hangs on something still
unknown or on a rule the citizen must verify, and ``announced`` for a measure announced without rule
text (never eligible, never recommended). ``outstanding_facts`` is the other side of the same coin:
the facts whose answer could still change a verdict or the ranking. The ranking rules are written
down in docs/ranking.md, each with its test in tests/test_ranking.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from wizard.conditions import FALSE, TRUE, Const, Known, Unknown, evaluate, facts_in, simplify
from wizard.content import CompiledCheck, CompiledIncentive, CompiledRequirement, Content
from wizard.model import Lang, Text

Status = Literal["eligible", "possibly", "not_eligible", "announced"]
ShownStatus = Literal["eligible", "possibly", "not_eligible", "not_assessed", "announced"]
RULE_DATE_HORIZON = timedelta(days=122)
"""How far ahead a rule change is asked about: about four months, when people enrol for the next school year."""


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
    """``possibly`` that hangs on a fact answered "weet ik niet"."""
    within_reach: bool = False
    """``possibly`` only for a step the person takes themselves (``met_by_acting``, such as
    registering with VDAB as a jobseeker): ranked as if eligible, with that step first
    (docs/ranking.md, key 0)."""

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
    announced: tuple[str, ...] = ()
    """Measures announced without rule text that concern the person: shown apart, never ranked."""
    rules_checked_on: dt.date | None = None
    """When the rules were last checked against the official sources (graph.yaml)."""


def _in_force(
    incentive: CompiledIncentive, on: date, rule_date: date | None = None
) -> list[CompiledRequirement]:
    """The requirements in force: on ``rule_date`` for those ``dated_by`` a fact, else on ``on``."""
    return [
        r
        for r in incentive.requirements
        if r.model.in_force(rule_date if r.model.dated_by and rule_date else on)
    ]


def _dated_by(incentive: CompiledIncentive) -> str | None:
    return next((r.model.dated_by for r in incentive.requirements if r.model.dated_by), None)


def rule_dates(
    incentive: CompiledIncentive, known: Known, on: date, *, ahead: bool = False
) -> tuple[date, ...]:
    """The dates whose rules apply to this person (dossier §27 ``rule_date``).

    The start of the training when it is known; the reference date when it is not asked yet (with
    ``ahead``: also every later rule change within ``RULE_DATE_HORIZON``, to see whether asking can matter);
    when the answer is "weet ik niet", the reference date and every rule change within ``RULE_DATE_HORIZON``.
    """
    fact = _dated_by(incentive)
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


def _shown(checks: tuple[CompiledCheck, ...], known: Known, on: date) -> list[Text]:
    """Dated texts in force on ``on`` that the answers do not rule out."""
    return [
        Text(nl=c.model.nl, en=c.model.en)
        for c in checks
        if c.model.in_force(on) and (c.condition is None or simplify(c.condition, known) != FALSE)
    ]


def fit_for_need(content: Content, incentive: CompiledIncentive, known: Known) -> int:
    """How well the instrument serves the stated need (with the need unknown: its best fit)."""
    need = known.get(content.need_fact) if content.need_fact else None
    serves = incentive.model.serves
    return serves.get(need, 0) if isinstance(need, str) else max(serves.values(), default=0)


def worth_checking(
    incentive: CompiledIncentive, known: Known, on: date | None, *, asking: bool = False
) -> Text | None:
    """Why this instrument is shown (``asking``: asked about) whatever its fit (None: no reason)."""
    for check in incentive.worth_asking if asking else incentive.worth_checking:
        in_force = on is None or check.model.in_force(on)
        if in_force and (check.condition is None or evaluate(check.condition, known) is True):
            return Text(nl=check.model.nl, en=check.model.en)
    return None


def is_pursued(
    content: Content, incentive: CompiledIncentive, known: Known, on: date | None = None
) -> bool:
    """Whether questions are still asked to settle this instrument's verdict ("never hide a right").

    Every instrument is pursued until the need is answered; after that, those that serve it well
    (fit >= ``pursue_min_fit``; 0 pursues every one) and those worth asking about whatever their
    fit (``worth_asking``: a right that changes what the person should do). Tips and announced measures never are: they are worth
    a line, not a question. (``worth_checking`` shows an instrument without asking: see ``result``.)
    """
    if incentive.model.kind == "tip" or incentive.model.announced is not None:
        return False
    if not content.pursue_min_fit or content.need_fact not in known:
        return True
    if fit_for_need(content, incentive, known) >= content.pursue_min_fit:
        return True
    return worth_checking(incentive, known, on, asking=True) is not None


def comes_first(incentive: CompiledIncentive, known: Known, on: date | None) -> bool:
    """Whether the answers name this instrument's route (its ``comes_first`` holds)."""
    return any(
        (on is None or c.model.in_force(on))
        and (c.condition is None or evaluate(c.condition, known) is True)
        for c in incentive.comes_first
    )


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
    """Unanswered facts the instrument's verdict or rank still hangs on; None when it is settled.

    Besides its requirements: the conditions that put it first (``comes_first``) and, for a weak
    fit, those that make it worth asking about or showing (docs/ranking.md, rule B).
    """
    if not incentive.model.in_force(on) or incentive.model.kind == "tip":
        return None
    if incentive.model.announced is not None:
        return None
    if not is_pursued(content, incentive, known, on):
        if content.need_fact not in known or _excluded(incentive, known, on):
            return None
        return _condition_facts((*incentive.worth_asking, *incentive.worth_checking), known, on)
    requirement_facts = _requirement_facts(incentive, known, on)
    if requirement_facts is None:
        return None
    facts = requirement_facts | _condition_facts(incentive.comes_first, known, on)
    if content.need_fact in known and fit_for_need(content, incentive, known) < max(
        content.pursue_min_fit, 1
    ):
        # a weak fit pursued anyway (pursue_min_fit 0, or worth asking) is still shown or not by
        # its worth_asking/worth_checking conditions (Matcher.result): their facts decide the rank
        facts |= _condition_facts((*incentive.worth_asking, *incentive.worth_checking), known, on)
    return facts


def _unasked(incentive: CompiledIncentive, known: Known, on: date) -> bool:
    """Whether a requirement in force names a fact that was never answered."""
    return any(
        facts_in(simplify(r.condition, known)) - set(known) for r in _in_force(incentive, on)
    )


def _excluded(incentive: CompiledIncentive, known: Known, on: date) -> bool:
    return all(
        any(
            simplify(r.condition, known) == FALSE and r.model.if_unmet == "not_eligible"
            for r in _in_force(incentive, on, rule_date)
        )
        for rule_date in rule_dates(incentive, known, on, ahead=True)
    )


def _condition_facts(checks: tuple[CompiledCheck, ...], known: Known, on: date) -> set[str]:
    facts: set[str] = set()
    for check in checks:
        if check.condition is not None and check.model.in_force(on):
            residual = simplify(check.condition, known)
            if not isinstance(residual, Const):
                facts |= facts_in(residual) - set(known)
    return facts


def _requirement_facts(incentive: CompiledIncentive, known: Known, on: date) -> set[str] | None:
    answered = set(known)
    facts: set[str] = set()
    signatures: set[tuple[str, ...]] = set()
    excluded_on_every_date = True
    for rule_date in rule_dates(incentive, known, on, ahead=True):
        residuals = [(r, simplify(r.condition, known)) for r in _in_force(incentive, on, rule_date)]
        if any(res == FALSE and r.model.if_unmet == "not_eligible" for r, res in residuals):
            signatures.add(("excluded",))
            continue
        excluded_on_every_date = False
        soft = sum(1 for _, res in residuals if res == FALSE)
        undecided = sorted(
            {f for _, res in residuals if res not in (TRUE, FALSE) for f in facts_in(res)}
        )
        signatures.add((str(soft), *undecided))
        # A rule that can no longer hold (failed, or stuck on "weet ik niet") keeps the verdict from
        # "eligible" whatever else is answered: then only the facts that can still exclude it are
        # worth a question (unless a failed high-confidence rule makes the rest decide the ranking).
        closed = [
            r
            for r, res in residuals
            if not r.model.met_by_acting
            and (res == FALSE or (res not in (TRUE, FALSE) and not facts_in(res) - answered))
        ]
        only_exclusions = bool(closed) and not any(r.model.confidence == "high" for r in closed)
        for requirement, residual in residuals:
            if isinstance(residual, Const):
                continue
            if only_exclusions and requirement.model.if_unmet == "possibly":
                continue
            facts |= facts_in(residual) - answered
    if excluded_on_every_date:
        return None  # already excluded: nothing can bring it back
    fact = _dated_by(incentive)
    if fact is not None and fact not in answered and len(signatures) > 1:
        facts.add(fact)  # the training's start picks a rule that gives another verdict
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
            nl=", ".join(_in_sentence(f.label.nl) for f in known_facts) or "-",
            en=", ".join(_in_sentence(f.label.en) for f in known_facts) or "-",
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
            fact = _dated_by(incentive) or ""
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
        parts = _shown(incentive.summary_dated, known, on)
        summary = Text(
            nl=" ".join([model.summary.nl, *(p.nl for p in parts)]),
            en=" ".join([model.summary.en, *(p.en for p in parts)]),
        )
        return replace(
            verdict,
            first=verdict.status in ("eligible", "possibly") and comes_first(incentive, known, on),
            summary=summary,
            next_steps=tuple(_shown(incentive.next_steps, known, on)),
        )

    def _verdict_on(
        self, incentive: CompiledIncentive, known: Known, on: date, rule_date: date, fit: int
    ) -> Verdict:
        model = incentive.model
        if not model.in_force(on):
            reason = _not_in_force(
                model.valid_from, model.valid_until, on, model.valid_from_is_start, model.phone
            )
            return Verdict(model.id, "not_eligible", (reason,), fit=fit)
        hard_fails: list[Text] = []
        ruled_out_by: list[frozenset[str]] = []
        soft_fails: list[Text] = []
        soft_confident = True
        doubted = False
        verify: list[Text] = _shown(incentive.checks, known, on)
        pending: list[CompiledRequirement] = []
        holds: list[Text] = []
        for requirement in _in_force(incentive, on, rule_date):
            residual = simplify(requirement.condition, known)
            deciding = self.describe_answers(facts_in(requirement.condition), known)
            if residual == FALSE:
                reason = _join(requirement.model.why_not, deciding)
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
        within_reach = not doubted and all(r.model.met_by_acting for r in pending)
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
            for requirement in pending:
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
            and not any(
                facts_in(simplify(r.condition, known)) for r in pending if not r.model.met_by_acting
            ),
            doubted=doubted,
            unsure=any(f in known for f in missing),
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
        good_fit = max(self.content.pursue_min_fit, 1)
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
        elif verdict.status == "eligible" and not pursued and _unasked(incentive, known, on):
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
        """The ranking (docs/ranking.md) of every instrument's ``ranked_verdict``, in content
        order, with the eligible tips among them: (verdicts with their exclusion notes,
        recommended, tips not recommended)."""
        ranked = self._rank(verdicts)
        if self.content.result_mode == "end_state":
            ranked = _reached(verdicts, ranked)
        recommended = self._drop_excluded(ranked)
        if tips and not any(verdicts[i].status == "eligible" for i in recommended):
            recommended = self._with_tips(verdicts, tips, recommended)
            tips = [t for t in tips if t not in recommended]
        annotated = self._annotate_excluded(verdicts, ranked, recommended)
        return annotated, tuple(recommended), tuple(tips)

    def _with_tips(
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

        good_fit = max(self.content.pursue_min_fit, 1)
        candidates = [
            i
            for i, v in verdicts.items()
            if v.status in ("eligible", "possibly")
            and v.assessed
            and not v.tip
            # without a need question there is no fit: whatever applies is a candidate
            and (not self._has_need or v.fit >= good_fit or v.worth_checking is not None)
        ]
        return sorted(candidates, key=key)

    @property
    def _has_need(self) -> bool:
        """Whether the content asks what the person wants (``need_fact``): only then does fit rank."""
        return self.content.need_fact is not None

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


def _reached(verdicts: Mapping[str, Verdict], ranked: list[str]) -> list[str]:
    """``result_mode: end_state``: the outcome(s) the path reached (every requirement holds), in
    rank order; only when none was reached, what is still open (a "weet ik niet" on the way)."""
    reached = [i for i in ranked if verdicts[i].status == "eligible"]
    return reached or ranked


def _in_sentence(label: str) -> str:
    """ "Uw hoogste diploma" -> "uw hoogste diploma"; "VDAB-opleiding" stays as it is."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


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
