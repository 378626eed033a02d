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

The pieces have modules of their own, and their names stay importable from here:
``condition_parts`` (a number for what is left of a condition), ``relevant_instrument`` (what the
key reads of one instrument), ``settled_verdicts`` (``excluded``, ``rank_fields``,
``NEVER_RANKED``) and ``outstanding_memo`` (``Outstanding``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date
from itertools import product
from math import prod

from wizard.condition_parts import NO_CONDITION, ConditionParts
from wizard.conditions import FALSE, Known, facts_in, simplify
from wizard.content import CompiledQuestion, Content
from wizard.matching import Matcher
from wizard.model import END
from wizard.outstanding_memo import ABSENT, NONE, Outstanding
from wizard.relevant_instrument import Instrument
from wizard.sessions import Answer
from wizard.settled_verdicts import COUNTED, NEVER_RANKED, TEXT_FIELDS, excluded, rank_fields

__all__ = [
    "ABSENT",
    "COUNTED",
    "ConditionParts",
    "EXCLUDED",
    "EXCLUDED_OPEN",
    "MAX_COMBINATIONS",
    "MAX_REMEMBERED",
    "NEVER_RANKED",
    "NONE",
    "NO_CONDITION",
    "SETTLED",
    "SETTLED_CLOSED",
    "TEXT_FIELDS",
    "Instrument",
    "Outstanding",
    "RelevantState",
    "excluded",
    "rank_fields",
]

EXCLUDED = -2
EXCLUDED_OPEN = -3
"""Ruled out, while the need (which its shown fit reads) can still be answered."""
SETTLED = "settled"
SETTLED_CLOSED = (SETTLED, False)
MAX_REMEMBERED = 200_000
"""Answers remembered per instrument part before that shortcut is forgotten (memory)."""
MAX_COMBINATIONS = 64
"""An instrument waiting on more combinations of answers than this counts by its residuals
(measured on the bundled content: 64 walks the fewest states per second)."""


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
        self.condition_parts = ConditionParts()
        """The numbers of what is left of each condition (parts and residuals)."""
        self.ruled_out: dict[Hashable, bool] = {}
        self.question_reads: dict[str, tuple[str, ...]] = {}
        self.question_parts: dict[Hashable, tuple[bool, int, tuple[int, ...]]] = {}
        self.instrument_parts: dict[Hashable, Hashable] = {}
        self.frozen: dict[Hashable, tuple[Hashable, ...]] = {}
        self.has_open: dict[Hashable, bool] = {}
        self.by_residuals: dict[Hashable, Hashable] = {}
        self.entries: dict[Hashable, Hashable] = {}
        self.outstanding_alike: dict[Hashable, frozenset[str]] = {}
        self.tokens: dict[Hashable, int] = {}
        self.matcher = Matcher(content)
        self.defaults = frozenset(content.if_not_asked)
        self.ahead_of: dict[str, tuple[tuple[CompiledQuestion, ...], frozenset[str]]] = {}
        self.outstanding = Outstanding(content)

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
        false = self.condition_parts.number(FALSE)
        live = frozenset(
            q.fact for q, part in zip(questions, asked, strict=True) if part[1] != false
        ).union(self.defaults) - set(known)
        # whether anything at all is outstanding matters only while a routing question can come
        routing = not live.isdisjoint(self.content.routing_facts)
        # answers an option chose for facts still to come (a question for several facts): the
        # walk takes them at those facts' questions, so two walks that differ in them differ
        shortcuts = self.content.shortcuts
        pending = tuple(
            sorted(
                (fact, value)
                for source in shortcuts
                if source in known
                for fact, value in self.content.implied(source, known[source]).items()
                if fact not in known
            )
        )
        return (
            at,
            (*map(known.get, self.direct), pending),
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
                else self.condition_parts.part(question.ask_when, known, live),
                tuple(self.condition_parts.part(r.condition, known, live) for r in question.routes),
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
            residuals = tuple(
                self.condition_parts.residual(c, known) for c in instrument.conditions
            )
        return (instrument.incentive.id, need, dated, residuals)

    def read_instrument(
        self, instrument: Instrument, known: Known, live: frozenset[str], routing: bool
    ) -> Hashable:
        dated = known.get(instrument.dated_by, ABSENT) if instrument.dated_by else None
        parts = tuple(self.condition_parts.part(c, known, live) for c in instrument.conditions)
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
            parts = tuple(
                self.condition_parts.part(c, known, instrument.facts) for c in instrument.conditions
            )
        need = known.get(self.content.need_fact, ABSENT) if self.content.need_fact else None
        # the need and the date fact, while they can still be answered, change the verdict too
        waiting = (need is ABSENT and self.content.need_fact in live) or (
            dated is ABSENT and instrument.dated_by in live
        )
        if waiting or any(p in self.condition_parts.live_numbers for p in real):
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
            if part in self.condition_parts.live_numbers:
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
        before = [self.condition_parts.residual(c, known) for c in conditions]
        for combination in product(*choices):
            given = [(f, a) for f, a in zip(facts, combination, strict=True) if a is not None]
            after = dict(known)
            after.update(given)
            # only the conditions that read an answer given here change
            residuals = list(before)
            for fact, _ in given:
                for index in instrument.reading.get(fact, ()):
                    residuals[index] = self.condition_parts.residual(conditions[index], after)
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
