"""The kiosk's side of the app (and the key guard every mode shares): keys dropped while the page
changes, the idle countdown and wipe, the operator's exit. A base class of the app; the attributes
below are the app's (set in ``WizardApp.__init__``)."""

from __future__ import annotations

from datetime import date
from functools import cache

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.widgets import Static

from wizard.content import Content
from wizard.engine import Engine
from wizard.model import Lang
from wizard.sessions import Session
from wizard.tui.dialogs import OperatorScreen
from wizard.tui.idle import IdleWatch
from wizard.ui_texts import say
from wizard.usage import Figures, NoFigures


@cache
def app_keys(app_type: type[App[None]]) -> frozenset[str]:
    """The keys an app class binds (its BINDINGS and its bases', Textual's own included)."""
    keys: set[str] = set()
    for cls in app_type.__mro__:
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            keys.add(binding.key)
    return frozenset(keys)


class KioskActions(App[None]):
    content: Content
    engine: Engine
    session: Session
    idle: IdleWatch | None
    busy: bool
    page: str
    on: date | None
    start_lang: Lang
    notes: str
    code: str | None
    editing: str | None
    show_result: bool
    operator_code: str
    figures: Figures | NoFigures

    @property
    def lang(self) -> Lang:
        return self.session.lang

    def _show(self, typed: str = "", hint: str = "") -> None:
        raise NotImplementedError

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)) and self.idle is not None:
            self.idle.touch()
            for warning in self.query("#idle-warning"):
                warning.display = False
        if self.busy and len(self.screen_stack) == 1 and self._for_the_page(event):
            return  # typed while the page changes: it must not answer the next question
        await super().on_event(event)

    def _for_the_page(self, event: events.Event) -> bool:
        """A key or paste the page would take (an app key such as F1 or F10 is not)."""
        if isinstance(event, events.Paste):
            return True
        return isinstance(event, events.Key) and event.key not in app_keys(type(self))

    def tick_idle(self) -> None:
        """Called every second in kiosk mode: show the countdown, then wipe everything."""
        if self.idle is None:
            return
        state, seconds = self.idle.state()
        warning = self.query_one("#idle-warning", Static)
        if state == "expired":
            self.wipe()
        elif state == "warning" and self.page != "welcome":
            warning.update(say("tui.idle_warning", self.lang, seconds=seconds))
            warning.display = True
        else:
            warning.display = False

    def wipe(self) -> None:
        """Back to the welcome screen with nothing of the previous person left."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.clear_notifications()
        self.engine = Engine(self.content)  # its caches remember answers
        self.figures.begin()
        self.session = self.engine.start(self.on, self.start_lang)
        self.notes, self.code, self.editing, self.show_result = "", None, None, False
        self.page = "welcome"
        if self.idle is not None:
            self.idle.touch()
            self.query_one("#idle-warning", Static).display = False
        self._show()

    def action_operator(self) -> None:
        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.exit()

        self.push_screen(
            OperatorScreen(
                say("tui.operator_title", self.lang),
                say("tui.operator_prompt", self.lang),
                say("tui.operator_wrong", self.lang),
                self.operator_code,
            ),
            leave,
        )
