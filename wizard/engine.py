"""The engine: pure functions from (content, session) to the next question, a new session, a result.

The path is never stored. It is recomputed by walking the graph from the start with the answers
given, which makes back, edit, resume and replay the same operation. At each question the walk
uses only the answers met so far on the path, so the path a person took is reproduced exactly.

A question is skipped when its fact is already known, its ``ask_when`` is false, or no answer to it
can still change any verdict or the ranking (routing facts steer to the questions that can, so they
are asked while anything is open). ``ask_everything=True`` turns the last rule off: the property
tests compare both modes and expect the same result.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from wizard.conditions import evaluate, facts_in
from wizard.content import CompiledQuestion, Content
from wizard.matching import Matcher, Result
from wizard.model import END
from wizard.progress import ProgressEstimate
from wizard.relevance import Outstanding, RelevantState
from wizard.sessions import Answer, Session, parse_answer

SkipReason = Literal["already_known", "ask_when", "cannot_change_outcome"]


@dataclass(frozen=True)
class Walk:
    """Where the answers lead: the questions asked in order, those skipped, and what comes next."""

    asked: tuple[CompiledQuestion, ...]
    skipped: tuple[tuple[str, SkipReason], ...]
    known: dict[str, Answer]
    current: CompiledQuestion | None
    unused_answers: tuple[str, ...] = field(default_factory=tuple)
    """Facts answered in the session that the path (so far) does not ask."""

    @property
    def complete(self) -> bool:
        return self.current is None


@dataclass(frozen=True)
class Step:
    """One step of the public step API: the next question, or the result when there is none."""

    question: CompiledQuestion | None
    result: Result | None
    """The final result; set exactly when ``question`` is None."""
    skipped: tuple[tuple[str, SkipReason], ...]
    """Every question passed over on the way, with why it was skipped."""
    known: dict[str, Answer]


@dataclass(frozen=True)
class EditOutcome:
    """What an edit changes, so a front end can show it before the person confirms."""

    session: Session
    dropped: tuple[str, ...]
    """Facts whose question left the path; their answers are removed."""
    now_asks: str | None
    """The question the edited path asks next (None when the path is complete)."""
    changed: tuple[tuple[str, str, str], ...]
    """(instrument, shown status before, after) for every verdict that changes (see Verdict.shown_status)."""


class Engine:
    """Stateless over one content set; every method takes and returns immutable sessions."""

    def __init__(self, content: Content, *, ask_everything: bool = False) -> None:
        self.content = content
        self.matcher = Matcher(content)
        self.ask_everything = ask_everything
        # Every walk re-derives what is outstanding at each question; the answers so far repeat
        # from walk to walk, so remember them (sessions are immutable, so this never goes stale).
        # Each instrument's part is remembered by the answers it reads (exact: see Outstanding).
        self._outstanding_parts = Outstanding(content)
        self._outstanding = lru_cache(maxsize=8192)(self._outstanding_uncached)
        self._progress = ProgressEstimate(content, self.walk, self._outstanding)
        self._relevance: dict[date, RelevantState] = {}
        self._askers: dict[str, dict[str, tuple[CompiledQuestion, ...]]] = {}
        self._steers_defaults = self._facts_steering_defaults()

    def _outstanding_uncached(
        self, known: frozenset[tuple[str, Answer]], on: date
    ) -> frozenset[str]:
        return self._outstanding_parts(dict(known), on)

    # --- the public step API (front ends and tools such as ``leerwijzer paths`` use only this) ---

    def step(self, session: Session) -> Step:
        """State in, next question or result out, with why each skipped question was skipped."""
        walk = self.walk(session)
        result = None if walk.current is not None else self.result(session)
        return Step(walk.current, result, walk.skipped, walk.known)

    def advance(
        self, known: dict[str, Answer], question: CompiledQuestion, answer: Answer, on: date
    ) -> tuple[dict[str, Answer], CompiledQuestion | None, tuple[tuple[str, SkipReason], ...]]:
        """``walk`` continued past one new answer to ``question``: the same skip rule and routing,
        without walking the answers before it again. Returns (known, next question, skipped)."""
        known = self.answered(known, question, answer)
        skipped: list[tuple[str, SkipReason]] = []
        node = self._route(question, known)
        while node != END:
            self._fill_defaults(known, node)
            current = self.content.questions[node]
            self._take_pending(current, known)
            reason = self._skip_reason(current, known, on)
            if reason is None:
                return known, current, tuple(skipped)
            skipped.append((current.id, reason))
            node = self._route(current, known)
        self._fill_defaults(known, END)
        return known, None, tuple(skipped)

    def answered(
        self, known: dict[str, Answer], question: CompiledQuestion, answer: Answer
    ) -> dict[str, Answer]:
        """``known`` with ``answer`` to ``question``; a new dict. (The facts an option of a
        question for several facts sets are taken when the walk reaches their own questions.)"""
        return {**known, question.fact: answer}

    def final_result(self, known: dict[str, Answer], on: date) -> Result:
        """The result at the end of a walk that knows ``known`` (as ``result`` of its session)."""
        return self.matcher.result(known, on, True)

    def relevant_key(
        self, known: dict[str, Answer], current: CompiledQuestion | None, on: date
    ) -> Hashable:
        """A canonical key of the known facts that still matter at ``current``: two walks with the
        same key ask the same questions from here on and end with the same verdicts and ranking
        (see wizard/relevance.py)."""
        state = self._relevance.get(on)
        if state is None:
            state = self._relevance[on] = RelevantState(self.content, on)
        return state.key(known, current)

    def skip_reason(
        self, question: CompiledQuestion, known: dict[str, Answer], on: date
    ) -> SkipReason | None:
        """Why the walk skips ``question`` with ``known`` (None: it is asked)."""
        return self._skip_reason(question, known, on)

    def start(self, on: date | None = None, lang: Literal["nl", "en"] = "nl") -> Session:
        """A new session; in the content's first language when it has no texts in ``lang``."""
        languages = self.content.languages
        return Session(date=on or date.today(), lang=lang if lang in languages else languages[0])

    # --- the walk ---------------------------------------------------------------------------------

    def walk(self, session: Session) -> Walk:
        answers = session.answer_map
        known: dict[str, Answer] = {}
        asked: list[CompiledQuestion] = []
        skipped: list[tuple[str, SkipReason]] = []
        current: CompiledQuestion | None = None
        defaulted: set[str] = set()
        node = self.content.start
        while node != END:
            defaulted |= self._fill_defaults(known, node)
            question = self.content.questions[node]
            if self._take_pending(question, known):
                defaulted.add(question.fact)  # an answer given to its own question is not used
            reason = self._skip_reason(question, known, session.date)
            if reason is not None:
                skipped.append((question.id, reason))
            elif question.fact in answers:
                known[question.fact] = answers[question.fact]
                asked.append(question)
            elif not self.content.shortcut_targets(question.fact).isdisjoint(answers):
                # The facts were answered one by one (a session saved before the question for
                # several facts existed, or a tool that answers by fact): their own questions ask them.
                skipped.append((question.id, "already_known"))
            else:
                current = question
                break
            node = self._route(question, known)
        if current is None:
            defaulted |= self._fill_defaults(known, END)
        unused = tuple(f for f in answers if f not in known or f in defaulted)
        return Walk(tuple(asked), tuple(skipped), known, current, unused)

    def _fill_defaults(self, known: dict[str, Answer], node: str) -> set[str]:
        """Give each fact with ``if_not_asked`` that value once its question is off the path: no
        question still ahead (from ``node`` on, itself aside) can ask it, or each one that could
        has an ask_when the answers already make false. Returns the facts filled in."""
        defaults = self.content.if_not_asked
        filled: set[str] = set()
        if not defaults:
            return filled
        here = self.content.questions[node].fact if node != END else None
        changed = True
        while changed:  # a default may make another question's ask_when false
            changed = False
            for fact, value in defaults.items():
                if fact in known or fact == here:
                    continue
                if not self._askable_ahead(fact, node, known):
                    known[fact] = value
                    filled.add(fact)
                    changed = True
        return filled

    def _take_pending(self, question: CompiledQuestion, known: dict[str, Answer]) -> bool:
        """At a question whose fact an option chosen earlier has answered (a question for
        several facts): take that answer, as if given here, unless the question is off (its
        ask_when is false), where it would not have been asked either. Returns whether it did."""
        if question.fact in known:
            return False
        given = self.content.pending_answer(known, question.fact)
        if given is None or (
            question.ask_when is not None and evaluate(question.ask_when, known) is False
        ):
            return False
        known[question.fact] = given
        return True

    def _facts_steering_defaults(self) -> frozenset[str]:
        """Facts with ``if_not_asked``, and every fact that decides whether a question asking one
        of them is reached or asked (the ask_when of such a question, the routes that lead to
        it), and so on back. Their questions are asked, never skipped as unable to change the
        outcome: otherwise a skipped answer would decide whether the default applies."""
        questions = self.content.questions
        steering = set(self.content.if_not_asked)
        changed = bool(steering)
        while changed:
            changed = False
            for question in questions.values():
                found: set[str] = set()
                if question.fact in steering and question.ask_when is not None:
                    found |= facts_in(question.ask_when)
                for route in question.routes:
                    if route.condition is not None and any(
                        questions[q].fact in steering
                        for q in self.content.reachable_from(question.id)
                    ):
                        found |= facts_in(route.condition)
                if not found <= steering:
                    steering |= found
                    changed = True
        return frozenset(steering)

    def _askable_ahead(self, fact: str, node: str, known: dict[str, Answer]) -> bool:
        """Whether a question reachable from ``node`` (itself included) asks ``fact`` with an
        ask_when the answers do not make false."""
        return any(
            q.ask_when is None or evaluate(q.ask_when, known) is not False
            for q in self._askers_ahead(node).get(fact, ())
        )

    def _askers_ahead(self, node: str) -> dict[str, tuple[CompiledQuestion, ...]]:
        """Per fact, the questions reachable from ``node`` (itself included) that ask it."""
        found = self._askers.get(node)
        if found is None:
            ahead: dict[str, list[CompiledQuestion]] = {}
            if node != END:
                for question_id in self.content.reachable_from(node):
                    question = self.content.questions[question_id]
                    ahead.setdefault(question.fact, []).append(question)
            found = self._askers[node] = {f: tuple(qs) for f, qs in ahead.items()}
        return found

    def _skip_reason(
        self, question: CompiledQuestion, known: dict[str, Answer], on: date
    ) -> SkipReason | None:
        # A fact with if_not_asked may hold its default here: the reason is then the ask_when.
        defaulted = question.fact in self.content.if_not_asked
        off = question.ask_when is not None and evaluate(question.ask_when, known) is False
        if off and (defaulted or question.fact not in known):
            return "ask_when"
        if question.fact in known:
            return "already_known"
        targets = self.content.shortcut_targets(question.fact)
        if targets:
            return self._shortcut_skip_reason(question, targets, known, on)
        return None if self._worth_asking(question.fact, known, on) else "cannot_change_outcome"

    def _worth_asking(self, fact: str, known: dict[str, Answer], on: date) -> bool:
        """Whether an answer to ``fact`` can still change a verdict or the ranking (routing facts
        steer to the questions that can, so they count while anything is open)."""
        if self.ask_everything or fact in self._steers_defaults:
            # Never skipped as "cannot change the outcome": a default would then decide in place
            # of the person (docs/content-format.md, if_not_asked).
            return True
        outstanding = self._outstanding(frozenset(known.items()), on)
        return fact in outstanding or (fact in self.content.routing_facts and bool(outstanding))

    def _shortcut_skip_reason(
        self,
        question: CompiledQuestion,
        targets: frozenset[str],
        known: dict[str, Answer],
        on: date,
    ) -> SkipReason | None:
        """A question for several facts is asked while none of them is known and two or more
        would still be asked by their own questions; otherwise those ask what is left."""
        if not targets.isdisjoint(known):
            return "already_known"
        open_ = [
            fact
            for fact in targets
            if self._askable_ahead(fact, question.id, known) and self._worth_asking(fact, known, on)
        ]
        return None if len(open_) >= 2 else "cannot_change_outcome"

    @staticmethod
    def _route(question: CompiledQuestion, known: dict[str, Answer]) -> str:
        # An undecided route (it reads a fact answered "weet ik niet") is not taken.
        for route in question.routes:
            if route.condition is None or evaluate(route.condition, known) is True:
                return route.goto
        return END  # unreachable: the loader demands a default route

    def _facts_ahead(self, question: CompiledQuestion | None) -> set[str]:
        """Facts of every question reachable from ``question`` (conditions ignored)."""
        if question is None:
            return set()
        return {self.content.questions[q].fact for q in self.content.reachable_from(question.id)}

    # --- actions ----------------------------------------------------------------------------------

    def current_question(self, session: Session) -> CompiledQuestion | None:
        return self.walk(session).current

    def answer(self, session: Session, raw: object) -> Session:
        """Answer the current question; InvalidAnswer leaves ``session`` untouched."""
        current = self.current_question(session)
        if current is None:
            raise ValueError("the questionnaire is complete: there is no question to answer")
        value = parse_answer(self.content.facts[current.fact], raw)
        return session.with_answer(current.fact, value)

    def back(self, session: Session) -> tuple[Session, Answer | None]:
        """Step back one question: forget its answer and return it (to show it pre-filled)."""
        walk = self.walk(session)
        if not walk.asked:
            return session, None
        last = walk.asked[-1].fact
        # a question for several facts: single answers to its facts left in the session (an
        # earlier "iets anders") would otherwise skip it on the way back
        return session.without({last} | self.content.shortcut_targets(last)), walk.known[last]

    def edit(self, session: Session, fact: str, raw: object) -> EditOutcome:
        """Change an earlier answer; keep what still applies, drop what left the path, report both."""
        value = parse_answer(self.content.facts[fact], raw)
        before = self.result(session)
        candidate = session.with_answer(fact, value)
        walk = self.walk(candidate)
        ahead = self._facts_ahead(walk.current)
        # the facts an option now sets replace single answers to them, even when still ahead
        setting = self.content.implied(fact, value)
        dropped = tuple(f for f in walk.unused_answers if f not in ahead or f in setting)
        updated = candidate.without(set(dropped))
        after = self.result(updated)
        old = {i: v.shown_status for i, v in before.verdicts.items()}
        changed = tuple(
            (i, old[i], v.shown_status)
            for i, v in after.verdicts.items()
            if i in old and old[i] != v.shown_status
        )
        now_asks = walk.current.id if walk.current is not None else None
        return EditOutcome(updated, dropped, now_asks, changed)

    # --- results ----------------------------------------------------------------------------------

    def result(self, session: Session) -> Result:
        """The verdicts for what is known now; final when the walk is complete."""
        walk = self.walk(session)
        return self.matcher.result(
            walk.known, session.date, walk.complete, tuple(q.fact for q in walk.asked)
        )

    def progress(self, session: Session) -> tuple[int, int]:
        """(number of the current question, estimated total): see wizard/progress.py."""
        return self._progress.progress(session)
