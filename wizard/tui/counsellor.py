"""The counsellor's actions: save under a short code, export, what-if; and the kiosk's own code.

A base class of the app, so the app module keeps to the conversation; the attributes below are
the app's (set in ``WizardApp.__init__``).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Static

from wizard.content import Content
from wizard.engine import Engine
from wizard.report import status_glyph, status_word
from wizard.sessions import Session
from wizard.tui import pages
from wizard.tui.dialogs import PickScreen, WhatIfScreen
from wizard.ui_texts import say

if TYPE_CHECKING:
    from wizard.matching import Result
    from wizard.store import SessionStore


class CounsellorActions(App[None]):
    content: Content
    engine: Engine
    session: Session
    notes: str
    code: str | None
    mode: str
    export_dir: Path | None
    busy: bool

    _store: SessionStore | Callable[[], SessionStore] | None

    @property
    def store(self) -> SessionStore | None:
        raise NotImplementedError

    def _save(self, notes: str, *, always_say: bool = False) -> bool:
        """Save; a store error (or another desk's newer save) is said, and the session goes on."""
        from wizard.store.guarded import save_or_say

        self.code, problem = save_or_say(
            lambda: self.store,
            self.session,
            notes,
            self.code,
            rules_version=self.content.version,
            lang=self.session.lang,
        )
        if problem is not None and (always_say or problem != self._store_problem):
            self.notify(problem, severity="error", timeout=20)
        self._store_problem = problem
        return problem is None

    _store_problem: str | None = None
    """The last store problem said: an autosave after every answer does not repeat it."""
    _notes_timer: Timer | None = None

    def _saved_changed(self) -> None:
        """Counsellor mode saves after every answer, so a crash loses at most the one being typed."""
        if self.mode == "counsellor" and self._store is not None:
            self._save(self.notes)

    def _notes_typed(self) -> None:
        """Notes are saved as they are typed: a second after the last key, not on every key."""
        if self.mode == "counsellor" and self._store is not None:
            if self._notes_timer is not None:
                self._notes_timer.stop()
            self._notes_timer = self.set_timer(1.0, self._saved_changed)

    def _save_on_quit(self) -> None:
        """The counsellor quits: what was typed since the last save is saved first."""
        if self.mode == "counsellor" and (self.code is not None or self.notes.strip()):
            self._saved_changed()

    def _give_code(self, button: Button) -> None:
        """Kiosk: save only now that the person asked, and show the code where the button was."""
        if self._store is None or not self._save("", always_say=True):
            return  # the button stays: the person may try again, the result stays on screen
        lang = self.session.lang
        shown = Static(say("tui.your_code", lang, code=self.code), id="your-code", markup=False)
        row = button.parent
        self.query_one("#result").mount(shown, before=row if isinstance(row, Widget) else None)
        button.remove()

    def action_save(self) -> None:
        if self._store is not None and self._save(self.notes, always_say=True):
            self.notify(say("tui.saved", self.session.lang, code=self.code), timeout=10)

    def action_export(self) -> None:
        from wizard.export import to_html, to_markdown
        from wizard.recording import scenario_yaml

        result = self.engine.result(self.session)
        stem = f"leerwijzer-{self.session.date.isoformat()}"
        exports = [
            (to_markdown(self.content, self.session, result, self.notes), "md"),
            (to_html(self.content, self.session, result, self.notes), "html"),
        ]
        if result.complete:  # the session as a replayable test: a complaint becomes a scenario
            exports.append(
                (scenario_yaml(self.content, self.session, result, stem), "scenario.yaml")
            )
        lang = self.session.lang
        if self.is_web:  # served: the browser downloads them, where its person chooses
            for text, suffix in exports:
                self.deliver_text(
                    io.StringIO(text), save_filename=f"{stem}.{suffix}", encoding="utf-8"
                )
            self.notify(say("tui.exported", lang, where=stem), timeout=10)
            return
        # On this machine: private files under a name of their own, the full paths shown, and a
        # failure said as one (wizard/export_files.py).
        from wizard.export_files import (
            ExportFailed,
            default_export_dir,
            saved_message,
            write_exports,
        )

        folder = self.export_dir if self.export_dir is not None else default_export_dir()
        try:
            paths = write_exports(folder, stem, exports)
        except ExportFailed as failed:
            self.notify(failed.message(lang), severity="error", timeout=30)
            return
        self.notify(saved_message(paths, lang), timeout=20)

    def action_what_if(self) -> None:
        walk = self.engine.walk(self.session)
        if self.busy or not walk.asked or len(self.screen_stack) > 1:
            return
        lang = self.session.lang
        rows = [
            (
                q.fact,
                f"{self.content.facts[q.fact].label.get(lang)}: "
                f"{pages.answer_label(self.content, q.fact, walk.known[q.fact], lang)}",
            )
            for q in walk.asked
        ]
        self.push_screen(
            PickScreen(say("tui.what_if_title", lang), say("tui.what_if_pick", lang), rows),
            self._what_if_fact,
        )

    def _what_if_fact(self, fact: str | None) -> None:
        if fact is None:
            return
        lang = self.session.lang
        values = self.content.facts[fact].value_ids()
        rows = [(v, self.content.facts[fact].value_label(v, lang)) for v in values]
        if not rows:
            return  # a number or a date: what-if works on choices

        def chosen(value: str | None) -> None:
            if value is not None:
                self.show_what_if(fact, value)

        self.push_screen(
            PickScreen(say("tui.what_if_title", lang), say("tui.what_if_value", lang), rows),
            chosen,
        )

    def show_what_if(self, fact: str, value: str) -> None:
        """Both results side by side; the session itself stays as it is."""
        lang = self.session.lang
        other = self.engine.edit(self.session, fact, value).session
        facts = self.content.facts
        change = f"{facts[fact].label.get(lang)}: {facts[fact].value_label(value, lang)}"
        self.push_screen(
            WhatIfScreen(
                say("tui.what_if_title", lang),
                (say("tui.what_if_now", lang), self._summary(self.engine.result(self.session))),
                (
                    say("tui.what_if_then", lang, change=change),
                    self._summary(self.engine.result(other)),
                ),
                say("tui.what_if_close", lang),
            )
        )

    def _summary(self, result: Result) -> str:
        lang = self.session.lang
        names = self.content.incentives
        lines = [
            f"{n}. {names[i].model.name.get(lang)}" for n, i in enumerate(result.recommended, 1)
        ]
        if not lines:
            lines = [say("result.nothing", lang)]
        lines.append("")
        for instrument, verdict in sorted(result.verdicts.items()):
            status = verdict.shown_status
            mark = status_glyph(status)
            lines.append(
                f"{mark} {names[instrument].model.name.get(lang)}: {status_word(status, lang)}"
            )
        return "\n".join(lines)
