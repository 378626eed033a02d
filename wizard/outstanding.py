"""Which instruments are still pursued, and which unanswered facts can still change an outcome.

``is_pursued`` says whether questions are still asked to settle an instrument (docs/ranking.md,
rule A); ``outstanding_facts`` lists the facts whose answer could still change a verdict or the
ranking, and ``waiting_on`` the instruments that wait on one fact (why it is asked).
"""

from __future__ import annotations

from datetime import date

from wizard.conditions import FALSE, TRUE, Const, Known, evaluate, facts_in, simplify
from wizard.content import CompiledCheck, CompiledIncentive, Content
from wizard.model import Text
from wizard.rule_dates import dated_by_fact, requirements_in_force, rule_dates
from wizard.verdict_texts import route_texts


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
    return bool(route_texts(incentive, known, on))


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
    """The instruments whose open verdict the answer to ``fact`` can still change (why it is
    asked); for a question for several facts, the answer to any of them."""
    facts = {fact} | content.shortcut_targets(fact)
    return [
        incentive.id
        for incentive in content.incentives.values()
        if not facts.isdisjoint(_open_facts(content, incentive, known, on) or set())
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
    if content.need_fact in known and fit_for_need(content, incentive, known) < content.good_fit:
        # a weak fit pursued anyway (pursue_min_fit 0, or worth asking) is still shown or not by
        # its worth_asking/worth_checking conditions (Matcher.result): their facts decide the rank
        facts |= _condition_facts((*incentive.worth_asking, *incentive.worth_checking), known, on)
    return facts


def has_unasked(incentive: CompiledIncentive, known: Known, on: date) -> bool:
    """Whether a requirement in force names a fact that was never answered."""
    return any(
        facts_in(simplify(r.condition, known)) - set(known)
        for r in requirements_in_force(incentive, on)
    )


def _excluded(incentive: CompiledIncentive, known: Known, on: date) -> bool:
    return all(
        any(
            simplify(r.condition, known) == FALSE and r.model.if_unmet == "not_eligible"
            for r in requirements_in_force(incentive, on, rule_date)
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
        residuals = [
            (r, simplify(r.condition, known))
            for r in requirements_in_force(incentive, on, rule_date)
        ]
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
    fact = dated_by_fact(incentive)
    if fact is not None and fact not in answered and len(signatures) > 1:
        facts.add(fact)  # the training's start picks a rule that gives another verdict
    return facts
