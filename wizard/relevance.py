"""What of the known facts still matters: a canonical key for memoising over engine states.

Two sets of known facts with the same key (at the same question, on the same date) lead the
engine to the same future: the same questions asked and skipped, the same verdicts and the same
ranking (the texts shown may differ: ``checks``, ``next_steps`` and ``summary_dated`` only pick
texts, so they are left out). The key is built from what the engine and the matcher read, never
from a copy of their rules: what is left (``simplify``) of every condition of every question
still reachable and of every instrument in force, which of the facts in those residuals were
answered "weet ik niet", the answer to the need, and the facts that date an instrument's rules.

Three reductions keep the number of keys closer to the number of different futures:

- an instrument ruled out whatever comes next (``excluded``) counts as one token: the matcher
  reads nothing else of it (its verdict is "not_eligible", it asks nothing);
- a residual over facts that no question ahead can still ask (answered "weet ik niet", never
  asked and left behind, or asked only by questions whose ask_when is already false; a fact with
  ``if_not_asked`` can always still change) counts only as true, false or open, and whether an
  open one hangs on a fact never answered and on one answered "weet ik niet": that is all the
  engine and the matcher read of it;
- an instrument none of whose residuals can change any more counts only by what the ranking
  reads of its verdict (``ranking_inputs``), and a "not_eligible" or "announced" one by its
  status alone (the ranking never reads more of those).

``split`` cuts the key in what the walk reads and the verdicts already settled (only the ranking
at the end reads those). ``tests/test_paths.py`` checks that a walk memoised over this key finds
exactly the outcomes of walking every path, and re-walks every memo hit (a key that merged two
futures fails it).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import fields, replace
from datetime import date
from functools import lru_cache, partial
from itertools import product
from math import prod

from wizard.conditions import FALSE, Condition, Const, Known, facts_in, simplify
from wizard.content import CompiledIncentive, CompiledQuestion, Content
from wizard.matching import (
    Matcher,
    Verdict,
    outstanding_facts,
    rule_dates,
)
from wizard.model import END
from wizard.sessions import Answer

ABSENT = object()
"""A fact not answered (in the parts of the key, ``known.get`` gives None: no answer is None)."""
NO_CONDITION = -1
EXCLUDED = -2
EXCLUDED_OPEN = -3
"""Ruled out, while the need (which its shown fit reads) can still be answered."""
NONE: frozenset[str] = frozenset()
SETTLED = "settled"
SETTLED_CLOSED = (SETTLED, False)
MAX_REMEMBERED = 200_000
"""Answers remembered per instrument part before that shortcut is forgotten (memory)."""
MAX_COMBINATIONS = 64
"""An instrument waiting on more combinations of answers than this counts by its residuals
(measured on the bundled content: 64 walks the fewest states per second)."""


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
            facts = {f for c in _conditions(incentive) for f in facts_in(c)}
            facts |= {f for f in (content.need_fact, _dated_fact(incentive)) if f is not None}
            reads = tuple(sorted(facts))
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


def _conditions(incentive: CompiledIncentive) -> list[Condition]:
    """Every condition of an instrument (requirements on every date, and every dated text)."""
    return [r.condition for r in incentive.requirements] + incentive.text_conditions()


def _dated_fact(incentive: CompiledIncentive) -> str | None:
    return next((r.model.dated_by for r in incentive.requirements if r.model.dated_by), None)


class Instrument:
    """The conditions of one instrument in force that the matcher reads, and its date fact."""

    def __init__(self, incentive: CompiledIncentive, on: date, need_fact: str | None) -> None:
        self.incentive = incentive
        self.dated_by = next(
            (r.model.dated_by for r in incentive.requirements if r.model.dated_by), None
        )
        # a requirement not dated by a fact and out of force on ``on`` is never read
        self.requirements = tuple(
            r for r in incentive.requirements if r.model.dated_by or r.model.in_force(on)
        )
        conditions = [r.condition for r in self.requirements]
        # checks, next_steps and summary_dated only choose texts: left out of the key
        for checks in (incentive.worth_asking, incentive.worth_checking, incentive.comes_first):
            conditions += [c.condition for c in checks if c.condition is not None]
        self.conditions = tuple(conditions)
        self.facts = frozenset(f for c in conditions for f in facts_in(c))
        self.reading = {
            fact: tuple(i for i, c in enumerate(conditions) if fact in facts_in(c))
            for fact in self.facts
        }
        """Per fact, the conditions that read it (by index)."""
        extra = {f for f in (self.dated_by, need_fact) if f is not None}
        self.reads = tuple(sorted(self.facts | extra))
        self.read_set = frozenset(self.reads)
        """Every fact whose answer the part of this instrument in the key depends on."""


def excluded(incentive: CompiledIncentive, known: Known, on: date) -> bool:
    """Whether ``incentive`` is "not_eligible" whatever is answered next: on every date whose
    rules can apply, a requirement in force that excludes (``if_unmet: not_eligible``) is false.
    False while a date fact that picks the rules is still unanswered (it may pick another date)."""
    dated = [r.model.dated_by for r in incentive.requirements if r.model.dated_by]
    if dated and dated[0] not in known:
        return False
    for rule_date in rule_dates(incentive, known, on, ahead=True):
        if not any(
            r.model.if_unmet == "not_eligible"
            and r.model.in_force(rule_date if r.model.dated_by else on)
            and simplify(r.condition, known) == FALSE
            for r in incentive.requirements
        ):
            return False
    return True


class RelevantState:
    """Computes ``key(known, current)`` for one content set and reference date; caches the parts."""

    def __init__(
        self,
        content: Content,
        on: date,
        answers: Callable[[str], tuple[Answer, ...]] | None = None,
    ) -> None:
        self.content = content
        self.on = on
        self.answers = answers
        """One answer per group of answers the rules tell apart, per fact: with it, an instrument
        whose verdict can still change counts by its behaviour (``behaviour``)."""
        instruments = [
            Instrument(i, on, content.need_fact)
            for i in content.incentives.values()
            if i.model.in_force(on)
        ]
        # not in force: "not_eligible" whatever the answers, never asked about: not in the key
        self.instruments = tuple(instruments)
        dated = {i.dated_by for i in instruments if i.dated_by}
        need = {content.need_fact} if content.need_fact else set()
        self.direct = tuple(sorted(dated | need))
        self.facts_of: dict[int, tuple[str, ...]] = {}
        self.part_numbers: dict[tuple[int, tuple[object, ...], frozenset[str]], int] = {}
        self.numbers: dict[Hashable, int] = {}
        self.ruled_out: dict[Hashable, bool] = {}
        self.live_numbers: set[int] = set()
        self.question_reads: dict[str, tuple[str, ...]] = {}
        self.question_parts: dict[Hashable, tuple[bool, int, tuple[int, ...]]] = {}
        self.instrument_parts: dict[Hashable, Hashable] = {}
        self.frozen: dict[Hashable, tuple[Hashable, ...]] = {}
        self.has_open: dict[Hashable, bool] = {}
        self.by_residuals: dict[Hashable, Hashable] = {}
        self.entries: dict[Hashable, Hashable] = {}
        self.outstanding_alike: dict[Hashable, frozenset[str]] = {}
        self.tokens: dict[Hashable, int] = {}
        self.residual_numbers: dict[Hashable, int] = {}
        self.matcher = Matcher(content)
        self.defaults = frozenset(content.if_not_asked)
        self.ahead_of: dict[str, tuple[tuple[CompiledQuestion, ...], frozenset[str]]] = {}
        self.outstanding = Outstanding(content)

    def part(self, cond: Condition | None, known: Known, live: frozenset[str]) -> int:
        """A small number for what is left of ``cond``, which of its facts are answered, and,
        once no fact in it can still be asked (``live``: the facts of the questions ahead of
        ``at``), only whether it is true, false, or open on a fact never answered."""
        if cond is None:
            return NO_CONDITION
        facts = self.facts_of.get(id(cond))
        if facts is None:
            facts = self.facts_of[id(cond)] = tuple(sorted(facts_in(cond)))
        values = tuple(map(known.get, facts))
        inputs = (id(cond), values, live)
        number = self.part_numbers.get(inputs)
        if number is None:
            residual = simplify(cond, known)
            open_facts = facts_in(residual)
            part: Hashable
            if isinstance(residual, Const):
                part = residual
            elif open_facts & live:
                part = (residual, frozenset(f for f in open_facts if f in known))
            else:
                # whether it hangs on a fact never answered, and on one answered "weet ik niet"
                # (the verdict's ``unsure``)
                answered = {f for f in open_facts if f in known}
                part = ("settled open", len(answered) < len(open_facts), bool(answered))
            number = self.numbers.setdefault(part, len(self.numbers))
            if not isinstance(residual, Const) and open_facts & live:
                self.live_numbers.add(number)
            self.part_numbers[inputs] = number
        return number

    def ahead(self, question_id: str) -> tuple[CompiledQuestion, ...]:
        """The questions reachable from ``question_id``, itself included (conditions ignored)."""
        return self.reachable(question_id)[0]

    def reachable(self, question_id: str) -> tuple[tuple[CompiledQuestion, ...], frozenset[str]]:
        """The questions reachable from ``question_id`` (itself included) and their facts."""
        found = self.ahead_of.get(question_id)
        if found is None:
            seen = self.content.reachable_from(question_id)
            questions = tuple(self.content.questions[q] for q in sorted(seen))
            found = self.ahead_of[question_id] = (questions, frozenset(q.fact for q in questions))
        return found

    def key(self, known: Known, current: CompiledQuestion | None) -> Hashable:
        return self.pieces(known, current)

    def pieces(
        self, known: Known, current: CompiledQuestion | None
    ) -> tuple[str, tuple[object, ...], tuple[Hashable, ...], tuple[Hashable, ...]]:
        """``key``: the question, the need and date facts' answers, each question's part, each
        instrument's part."""
        at = current.id if current is not None else END
        questions, live = self.reachable(current.id) if current is not None else ((), frozenset())
        # a fact with if_not_asked gets its value once off the path: it can still change
        live = (live | self.defaults) - set(known)
        asked = tuple(self.question_part(q, known, at, live) for q in questions)
        # a question whose ask_when is false stays skipped: its fact is never asked any more
        false = self.numbers.setdefault(FALSE, len(self.numbers))
        live = frozenset(
            q.fact for q, part in zip(questions, asked, strict=True) if part[1] != false
        ).union(self.defaults) - set(known)
        # whether anything at all is outstanding matters only while a routing question can come
        routing = not live.isdisjoint(self.content.routing_facts)
        return (
            at,
            tuple(map(known.get, self.direct)),
            asked,
            tuple(self.instrument_part(i, known, live, routing) for i in self.instruments),
        )

    def split(
        self, known: Known, current: CompiledQuestion | None
    ) -> tuple[Hashable, tuple[int | None, ...]]:
        """``key`` in two: what the walk from here reads, and per instrument the verdict it has
        settled on, as a number (None while it can still change). A settled instrument stays settled, on the
        same token, for the rest of the path (what it reads can no longer be asked): the walk
        reads of it only whether it keeps a fact outstanding while a routing question can come,
        and only the ranking at the end reads its token."""
        at, direct, asked, parts = self.pieces(known, current)
        walk: list[Hashable] = []
        settled: list[int | None] = []
        tokens = self.tokens
        for part in parts:
            if part == EXCLUDED:
                walk.append(SETTLED_CLOSED)  # ruled out: nothing outstanding
                settled.append(tokens.setdefault(part, len(tokens)))
            elif isinstance(part, tuple) and part[0] == "settled":
                walk.append((SETTLED, part[-1]))  # whether it keeps a fact outstanding
                settled.append(tokens.setdefault(part[:-1], len(tokens)))
            else:
                walk.append(part)
                settled.append(None)
        return (at, direct, asked, tuple(walk)), tuple(settled)

    def question_part(
        self, question: CompiledQuestion, known: Known, at: str, live: frozenset[str]
    ) -> tuple[bool, int, tuple[int, ...]]:
        reads = self.question_reads.get(question.id)
        if reads is None:
            facts = {question.fact} | {
                f for r in question.routes if r.condition for f in facts_in(r.condition)
            }
            if question.ask_when is not None:
                facts |= facts_in(question.ask_when)
            reads = self.question_reads[question.id] = tuple(sorted(facts))
        inputs = (question.id, tuple(map(known.get, reads)), at)
        found = self.question_parts.get(inputs)
        if found is None:
            found = self.question_parts[inputs] = (
                question.fact in known,
                # a question whose fact is known is skipped whatever its ask_when says
                NO_CONDITION
                if question.fact in known
                else self.part(question.ask_when, known, live),
                tuple(self.part(r.condition, known, live) for r in question.routes),
            )
        return found

    def instrument_part(
        self, instrument: Instrument, known: Known, live: frozenset[str], routing: bool
    ) -> Hashable:
        inputs = (
            instrument.incentive.id,
            tuple(map(known.get, instrument.reads)),
            live & instrument.read_set,
            routing,
        )
        found = self.instrument_parts.get(inputs)
        if found is None:
            # Many answers leave this instrument's conditions alike (the same residuals, the same
            # facts answered in them): everything read_instrument reads of the answers is in
            # those residuals, the need and the date fact, so it is worked out once per residual.
            alike = (self.alike(instrument, known), inputs[2], routing)
            found = self.by_residuals.get(alike)
            if found is None:
                found = self.by_residuals[alike] = self.read_instrument(
                    instrument, known, live, routing
                )
            if len(self.instrument_parts) >= MAX_REMEMBERED:
                # only a shortcut to ``by_residuals``: forgetting it bounds the memory
                self.instrument_parts.clear()
            self.instrument_parts[inputs] = found
        return found

    def alike(
        self, instrument: Instrument, known: Known, residuals: tuple[int, ...] | None = None
    ) -> Hashable:
        """What the verdict, the outstanding facts and the ranking inputs of ``instrument`` read
        of ``known``: what is left of each of its conditions (and which of their facts are
        answered; ``residuals`` when already known), the need and the fact that dates its
        rules."""
        need = known.get(self.content.need_fact, ABSENT) if self.content.need_fact else None
        dated = known.get(instrument.dated_by, ABSENT) if instrument.dated_by else None
        if residuals is None:
            residuals = tuple(self.residual(c, known) for c in instrument.conditions)
        return (instrument.incentive.id, need, dated, residuals)

    def residual(self, cond: Condition, known: Known) -> int:
        """A small number for what is left of ``cond`` and which of its facts are answered."""
        facts = self.facts_of.get(id(cond))
        if facts is None:
            facts = self.facts_of[id(cond)] = tuple(sorted(facts_in(cond)))
        values = (id(cond), tuple(map(known.get, facts)))
        number = self.residual_numbers.get(values)
        if number is None:
            residual = simplify(cond, known)
            answered = frozenset(f for f in facts_in(residual) if f in known)
            number = self.numbers.setdefault(("residual", residual, answered), len(self.numbers))
            self.residual_numbers[values] = number
        return number

    def read_instrument(
        self, instrument: Instrument, known: Known, live: frozenset[str], routing: bool
    ) -> Hashable:
        dated = known.get(instrument.dated_by, ABSENT) if instrument.dated_by else None
        parts = tuple(self.part(c, known, live) for c in instrument.conditions)
        settled = (instrument.incentive.id, dated, parts[: len(instrument.requirements)])
        ruled_out = self.ruled_out.get(settled)
        if ruled_out is None:
            # the residuals decide it; read them once per combination
            ruled_out = self.ruled_out[settled] = excluded(instrument.incentive, known, self.on)
        if ruled_out:
            # its verdict is settled, but how it is shown (its fit) waits on the need
            need_open = self.content.need_fact in live and self.content.need_fact not in known
            return EXCLUDED_OPEN if need_open else EXCLUDED
        # which facts stay open on each rule date decides whether the date fact is asked (or,
        # while a routing question can come, whether anything is outstanding): then every
        # residual counts whole
        real = parts
        whole = dated is ABSENT and (instrument.dated_by in live or routing)
        if whole:
            parts = tuple(self.part(c, known, instrument.facts) for c in instrument.conditions)
        need = known.get(self.content.need_fact, ABSENT) if self.content.need_fact else None
        # the need and the date fact, while they can still be answered, change the verdict too
        waiting = (need is ABSENT and self.content.need_fact in live) or (
            dated is ABSENT and instrument.dated_by in live
        )
        if waiting or any(p in self.live_numbers for p in real):
            found = self.behaviour(instrument, known, live, real, routing)
            if found is not None:
                return found
            return parts
        # nothing the verdict reads can change any more: only what the ranking reads of it counts
        frozen_key = (instrument.incentive.id, dated, need, parts)
        frozen = self.frozen.get(frozen_key)
        if frozen is None:
            frozen = self.frozen[frozen_key] = self.ranking_inputs(instrument, known)
        if not routing:
            return (*frozen, False)
        has_open = self.has_open.get(frozen_key)
        if has_open is None:
            has_open = self.has_open[frozen_key] = bool(
                self.outstanding.of(instrument.incentive.id, known, self.on)
            )
        return (*frozen, has_open)

    def behaviour(
        self,
        instrument: Instrument,
        known: Known,
        live: frozenset[str],
        parts: tuple[int, ...],
        routing: bool,
    ) -> Hashable | None:
        """An instrument whose verdict can still change, as what the engine and the ranking will
        read of it after every combination of answers (or none) to the facts it still waits on:
        the facts it keeps outstanding (those still to be asked by name, the others only while a
        routing question can come) and, at the end, its ranking inputs. Nothing else of the
        answers so far can matter. None when there are too many combinations to try."""
        if self.answers is None:
            return None
        waits: set[str] = set()
        for cond, part in zip(instrument.conditions, parts, strict=True):
            if part in self.live_numbers:
                waits |= facts_in(simplify(cond, known)) & live
        for fact in (self.content.need_fact, instrument.dated_by):
            if fact is not None and fact in live:
                waits.add(fact)
        facts = sorted(waits)
        choices = [(None, *self.answers(f)) for f in facts]
        if prod(len(c) for c in choices) > MAX_COMBINATIONS:
            return None
        entries: list[Hashable] = []
        waits_set = frozenset(waits)
        conditions = instrument.conditions
        before = [self.residual(c, known) for c in conditions]
        for combination in product(*choices):
            given = [(f, a) for f, a in zip(facts, combination, strict=True) if a is not None]
            after = dict(known)
            after.update(given)
            # only the conditions that read an answer given here change
            residuals = list(before)
            for fact, _ in given:
                for index in instrument.reading.get(fact, ()):
                    residuals[index] = self.residual(conditions[index], after)
            # what follows reads only the residuals of ``after`` (see instrument_part)
            same = self.alike(instrument, after, tuple(residuals))
            alike = (same, waits_set, routing)
            entry = self.entries.get(alike)
            if entry is None:
                outstanding = self.outstanding_alike.get(same)
                if outstanding is None:
                    outstanding = self.outstanding_alike[same] = self.outstanding.of(
                        instrument.incentive.id, after, self.on
                    )
                entry = self.entries[alike] = (
                    frozenset(outstanding & waits),
                    routing and bool(outstanding - waits),
                    # at the end nothing is asked any more
                    self.instrument_part(instrument, after, NONE, False),
                )
            entries.append(entry)
        return ("behaviour", tuple(facts), tuple(entries))

    def ranking_inputs(self, instrument: Instrument, known: Known) -> tuple[Hashable, ...]:
        """What the ranking reads of an instrument whose verdict can no longer change: its
        verdict as the result ranks it (``Matcher.ranked_verdict``: whether it is pursued, worth
        checking or was never fully asked is already in it), every field but the texts
        (``rank_fields``), and whether it is an eligible tip that serves the need. A
        "not_eligible" or "announced" one counts by its status alone: the ranking never reads
        more of those. (``read_instrument`` adds, while a routing question can still come,
        whether it keeps any fact outstanding: the engine asks routing questions while anything
        is.)"""
        verdict, tip = self.matcher.ranked_verdict(instrument.incentive, known, self.on)
        if verdict.status in NEVER_RANKED:
            return ("settled", verdict.status)
        return ("settled", rank_fields(verdict), tip)


NEVER_RANKED = frozenset({"not_eligible", "announced"})
"""Statuses the ranking reads nothing more of (never candidates, never tips)."""

TEXT_FIELDS = frozenset(
    {"reasons", "verify", "notes", "summary", "next_steps", "look_again_on", "ruled_out_by"}
)
"""Fields of a Verdict that only say things."""
COUNTED = frozenset({"missing", "worth_checking"})
"""Fields of a Verdict that count only by whether they are empty (the ranking reads no more)."""


def rank_fields(verdict: Verdict) -> tuple[object, ...]:
    """Every field of ``verdict`` the ranking may read: all but its texts (a field added to
    Verdict later counts by itself, so the key never misses what a new rank rule reads)."""
    return tuple(
        bool(getattr(verdict, f.name)) if f.name in COUNTED else getattr(verdict, f.name)
        for f in fields(verdict)
        if f.name not in TEXT_FIELDS
    )
