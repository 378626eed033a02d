"""Anonymous usage figures: what happens to the questionnaire, never who answered what.

An event says: a question was shown, answered (with the option id of a choice or yes/no fact, or
"weet_niet"; for a number or a date only *that* it was answered, never the value), the person went
back, edited an earlier answer, finished (with the instruments recommended), or abandoned (at which
question). Each carries the mode, the rules version and the date (no time of day). Notes never
reach this module. A run id, random per session, ties a session's events together and nothing else:
it is not the session's code and cannot lead to one.

Figures are off unless $LEERWIJZER_FIGURES is 1 (or ``--figures`` for replay); tests keep it off.
Events go to the same database as the sessions (wizard.store); a store error never stops a session.
"""

from __future__ import annotations

import atexit
import secrets
from collections.abc import Callable, Sequence
from datetime import date
from typing import Literal

from wizard.conditions import Unknown
from wizard.content import CompiledQuestion, Content
from wizard.engine import Engine
from wizard.sessions import UNKNOWN_ANSWER, Answer, Session
from wizard.store.base import SessionStore, UsageRow

FIGURES_ENV = "LEERWIJZER_FIGURES"
Kind = Literal["shown", "answered", "back", "edited", "finished", "abandoned"]
NOTHING = "nothing"
"""The outcome of a finished session that recommends no instrument."""
Sink = Callable[[Sequence[UsageRow]], None]
_FLUSH_EVERY = 64


def figures_on() -> bool:
    """$LEERWIJZER_FIGURES, else ``figures`` in the settings file; a broken file means off."""
    from wizard.store import StoreError
    from wizard.store.config import setting

    try:
        value = setting("figures", FIGURES_ENV) or ""
    except StoreError:
        return False  # the store says what is wrong with the file when it is opened
    return value.strip().lower() in ("1", "true", "yes", "on", "ja")


_sink_store: dict[tuple[str, str], SessionStore] = {}
"""The store events go to, per configured place, opened on the first flush and kept."""


def store_sink(rows: Sequence[UsageRow]) -> None:
    """Write to the configured store; a store that cannot be written loses the figures only."""
    from wizard.store import SessionStore, StoreError
    from wizard.store.config import database_url, default_data_dir

    try:
        where = (database_url() or "", str(default_data_dir()))
        if where not in _sink_store:
            _sink_store[where] = SessionStore()
        _sink_store[where].add_events(rows)
    except StoreError:
        # Figures are never worth a message to the person at the desk; the next flush reopens.
        for store in _sink_store.values():
            store.close()
        _sink_store.clear()


def recorded_answer(content: Content, fact: str, value: Answer) -> str | None:
    """What an event may say about an answer: an option id, "weet_niet", or nothing at all."""
    if isinstance(value, Unknown):
        return UNKNOWN_ANSWER
    if content.facts[fact].kind in ("choice", "yes_no") and isinstance(value, str):
        return value
    return None  # a number or a date is personal data: only *that* it was answered


class Figures:
    """Watches the states of one front end's sessions and turns each change into events."""

    def __init__(
        self,
        content: Content,
        mode: str,
        sink: Sink = store_sink,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.content = content
        self.mode = mode
        self.sink = sink
        self.today = today
        self.pending: list[UsageRow] = []
        self._question_of = {q.fact: q.id for q in reversed(list(content.questions.values()))}
        self._run = ""
        self._seq = 0
        self._answers: tuple[tuple[str, Answer], ...] | None = None
        self._date: date | None = None
        self._shown: CompiledQuestion | None = None
        self._complete = False
        atexit.register(self.close)

    # --- what front ends call ------------------------------------------------------------------

    def begin(self) -> None:
        """A new session starts: the one before ends (abandoned, unless it was finished)."""
        self._end()
        self._run = secrets.token_hex(8)
        self._seq = 0
        self._answers, self._date, self._shown, self._complete = None, None, None, False

    def see(self, session: Session, question: CompiledQuestion | None, engine: Engine) -> None:
        """The session as it stands now, and the question it asks (None: the result)."""
        answers = session.answers
        if answers == self._answers and session.date == self._date:
            return
        restarted = self._answers is not None and not answers and len(self._answers) > 1
        if not self._run or restarted or (self._date is not None and session.date != self._date):
            self.begin()
        if self._answers is not None:
            self._changes(dict(self._answers), dict(answers))
        self._answers, self._date = answers, session.date
        if question is not None and (self._shown is None or question.id != self._shown.id):
            self._emit("shown", question.id)
        self._shown = question
        self._complete = question is None
        if question is None:
            outcome = " ".join(engine.result(session).recommended) or NOTHING
            self._emit("finished", outcome=outcome)
            self.flush()
        elif len(self.pending) >= _FLUSH_EVERY:
            self.flush()

    def close(self) -> None:
        """The front end stops: an unfinished session is abandoned at its current question."""
        self._end()
        self.flush()

    def flush(self) -> None:
        rows, self.pending = self.pending, []
        if rows:
            self.sink(rows)

    # --- inside --------------------------------------------------------------------------------

    def _changes(self, before: dict[str, Answer], after: dict[str, Answer]) -> None:
        added = [f for f in after if f not in before]
        edited = [f for f in after if f in before and before[f] != after[f]]
        removed = [f for f in before if f not in after]
        for fact in edited:
            self._emit("edited", self._question(fact), self._answer(fact, after[fact]))
        for fact in added:
            self._emit("answered", self._question(fact), self._answer(fact, after[fact]))
        if removed and not added and not edited:
            for fact in removed:  # one at a time in practice: "terug"
                self._emit("back", self._question(fact))

    def _question(self, fact: str) -> str:
        shown = self._shown
        return shown.id if shown is not None and shown.fact == fact else self._question_of[fact]

    def _answer(self, fact: str, value: Answer) -> str | None:
        return recorded_answer(self.content, fact, value)

    def _end(self) -> None:
        if self._run and not self._complete and self._shown is not None:
            self._emit("abandoned", self._shown.id)
        self._run = ""

    def _emit(
        self,
        kind: Kind,
        question: str | None = None,
        answer: str | None = None,
        *,
        outcome: str | None = None,
    ) -> None:
        self.pending.append(
            UsageRow(
                self.today(),
                self._run,
                self._seq,
                kind,
                question,
                answer,
                outcome,
                self.mode,
                self.content.version,
            )
        )
        self._seq += 1


class ObservedEngine(Engine):
    """An Engine whose front end is watched: every session it starts and every question it finds.

    Front ends already call ``start`` for a new session and ``current_question`` for each page,
    so observing needs no change in them: only this engine instead of a plain one.
    """

    def __init__(self, content: Content, figures: Figures) -> None:
        super().__init__(content)
        self.figures = figures

    def start(self, on: date | None = None, lang: Literal["nl", "en"] = "nl") -> Session:
        self.figures.begin()
        return super().start(on, lang)

    def current_question(self, session: Session) -> CompiledQuestion | None:
        question = super().current_question(session)
        self.figures.see(session, question, self)
        return question


class NoFigures:
    """Figures switched off: the same calls, doing nothing."""

    def begin(self) -> None:
        pass

    def see(self, session: Session, question: CompiledQuestion | None, engine: Engine) -> None:
        pass

    def close(self) -> None:
        pass


def figures_for(content: Content, mode: str, sink: Sink = store_sink) -> Figures | NoFigures:
    """A tracker for a front end that calls ``see`` itself (the TUI): real only when switched on."""
    return Figures(content, mode, sink) if figures_on() else NoFigures()


def observed(
    content: Content, mode: str, *, force: bool = False, sink: Sink = store_sink
) -> Engine:
    """The engine for a front end: observed when figures are on (or ``force``), else a plain one."""
    if not (force or figures_on()):
        return Engine(content)
    return ObservedEngine(content, Figures(content, mode, sink))


def finish(engine: Engine) -> None:
    """Write what an observed engine still holds (a no-op for a plain engine)."""
    if isinstance(engine, ObservedEngine):
        engine.figures.close()
