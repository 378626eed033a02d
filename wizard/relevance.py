"""What of the known facts still matters: a canonical key for memoising over engine states.

Two sets of known facts with the same key (at the same question, on the same date) lead the
engine to the same future: the same questions asked and skipped, the same verdicts and the same
ranking (the texts shown may differ: ``checks``, ``next_steps`` and ``summary_dated`` only pick
texts, so they are left out). The key is built from what the engine and the matcher read, never from a copy of their
rules: what is left of every condition (``simplify``) of every question still reachable and of
every instrument, which of the facts in those residuals were answered "weet ik niet", the answer
to the need, and the facts that date an instrument's rules. ``tests/test_paths.py`` checks that
a walk memoised over this key finds exactly the outcomes of walking every path.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from wizard.conditions import Condition, Known, facts_in, simplify
from wizard.content import CompiledQuestion, Content
from wizard.model import END

_ABSENT = object()


class RelevantState:
    """Computes ``key(known, current)`` for one content set and reference date; caches the parts."""

    def __init__(self, content: Content, on: date) -> None:
        self.content = content
        self.on = on
        conditions: list[Condition] = []
        dated: set[str] = set()
        for incentive in content.incentives.values():
            conditions += [r.condition for r in incentive.requirements]
            dated |= {r.model.dated_by for r in incentive.requirements if r.model.dated_by}
            # checks, next_steps and summary_dated only choose texts: left out of the key
            for checks in (incentive.worth_asking, incentive.worth_checking, incentive.comes_first):
                conditions += [c.condition for c in checks if c.condition is not None]
        self._direct = tuple(sorted(dated | ({content.need_fact} if content.need_fact else set())))
        self._conditions = tuple(dict.fromkeys(conditions))
        self._facts: dict[int, tuple[str, ...]] = {}
        self._parts: dict[tuple[int, tuple[object, ...]], int] = {}
        self._numbers: dict[Hashable, int] = {}
        self._ahead: dict[str, tuple[CompiledQuestion, ...]] = {}

    def _part(self, cond: Condition | None, known: Known) -> int:
        """A small number for what is left of ``cond`` and which of its facts are answered."""
        if cond is None:
            return -1
        facts = self._facts.get(id(cond))
        if facts is None:
            facts = self._facts[id(cond)] = tuple(sorted(facts_in(cond)))
        values = tuple(known.get(f, _ABSENT) for f in facts)
        inputs = (id(cond), values)
        number = self._parts.get(inputs)
        if number is None:
            residual = simplify(cond, known)
            answered = frozenset(f for f in facts_in(residual) if f in known)
            part = (residual, answered)
            number = self._parts[inputs] = self._numbers.setdefault(part, len(self._numbers))
        return number

    def ahead(self, question_id: str) -> tuple[CompiledQuestion, ...]:
        """The questions reachable from ``question_id``, itself included (conditions ignored)."""
        found = self._ahead.get(question_id)
        if found is None:
            seen = {question_id}
            todo = [question_id]
            while todo:
                for route in self.content.questions[todo.pop()].routes:
                    if route.goto != END and route.goto not in seen:
                        seen.add(route.goto)
                        todo.append(route.goto)
            found = self._ahead[question_id] = tuple(
                self.content.questions[q] for q in sorted(seen)
            )
        return found

    def key(self, known: Known, current: CompiledQuestion | None) -> Hashable:
        questions = self.ahead(current.id) if current is not None else ()
        return (
            current.id if current is not None else END,
            tuple(known.get(f, _ABSENT) for f in self._direct),
            tuple(
                (
                    q.fact in known,
                    self._part(q.ask_when, known),
                    tuple(self._part(r.condition, known) for r in q.routes),
                )
                for q in questions
            ),
            tuple(self._part(c, known) for c in self._conditions),
        )
