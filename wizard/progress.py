"""The progress a front end shows: "Vraag 3 van ongeveer 9", an estimate that never grows.

The estimate follows the answers that keep the most open: at each question still ahead it picks the
answer ("weet ik niet" included) after which the most facts remain outstanding. That look-ahead is
greedy, so a real answer can still lead further than it guessed: the total shown is therefore the
smallest estimate made at any question of the path so far (each remembered), and it never grows,
unless the person is already past it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from wizard.conditions import UNKNOWN
from wizard.content import CompiledQuestion, Content
from wizard.sessions import Answer, Session

if TYPE_CHECKING:
    from wizard.engine import Walk

Outstanding = Callable[[frozenset[tuple[str, Answer]], date], frozenset[str]]


class ProgressEstimate:
    """The engine's progress; it reads the engine's walk and outstanding facts, nothing else."""

    def __init__(
        self, content: Content, walk: Callable[[Session], Walk], outstanding: Outstanding
    ) -> None:
        self.content = content
        self.walk = walk
        self.outstanding = outstanding
        # Progress compares the estimate made at every earlier question: each is made once.
        self.remaining = lru_cache(maxsize=4096)(self._remaining_uncached)

    def progress(self, session: Session) -> tuple[int, int]:
        """(number of the current question, estimated total), updated as questions drop out."""
        walk = self.walk(session)
        number = len(walk.asked) + 1
        if walk.current is None:
            return len(walk.asked), len(walk.asked)
        total = number - 1 + self.remaining(session)
        for index in range(len(walk.asked)):
            answered = tuple((q.fact, walk.known[q.fact]) for q in walk.asked[:index])
            before = Session(date=session.date, answers=answered)
            total = min(total, index + self.remaining(before))
        return number, max(number, total)

    def _remaining_uncached(self, session: Session) -> int:
        """Questions left from ``session`` (the current one included) on the longer of two greedy
        look-aheads: with and without "weet ik niet" among the answers tried."""
        return max(self._look_ahead(session, with_unknown) for with_unknown in (True, False))

    def _look_ahead(self, session: Session, with_unknown: bool) -> int:
        ahead = session
        remaining = 0
        for _ in range(len(self.content.questions)):
            current = self.walk(ahead).current
            if current is None:
                break
            remaining += 1
            answers = sample_answers(self.content, current, with_unknown)
            ahead = max(
                (ahead.with_answer(current.fact, value) for value in answers),
                key=self._open_after,
            )
        return remaining

    def _open_after(self, session: Session) -> tuple[int, int]:
        walk = self.walk(session)
        known = frozenset(walk.known.items())
        return len(self.outstanding(known, session.date)), -len(walk.skipped)


def sample_answers(
    content: Content, question: CompiledQuestion, with_unknown: bool = True
) -> Sequence[Answer]:
    """The answers the look-ahead tries at ``question``."""
    fact = content.facts[question.fact]
    # "Weet ik niet" is an answer too, and often the one that keeps the most open: leaving it
    # out let the total grow after a person gave it.
    unknown: list[Answer] = (
        [UNKNOWN] if (fact.offer_unknown or fact.optional) and with_unknown else []
    )
    if fact.kind in ("choice", "yes_no"):
        return [*fact.value_ids(), *unknown]
    if fact.kind == "multi_choice":
        return [frozenset(), frozenset(fact.value_ids()), *unknown]
    if fact.kind == "integer" and fact.min is not None and fact.max is not None:
        return [*sorted({fact.min, (fact.min + fact.max) // 2, fact.max}), *unknown]
    return [UNKNOWN]
