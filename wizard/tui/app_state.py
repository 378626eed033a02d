"""What the app's parts (answering, page actions) read of the app: its state and the methods they
call, declared once for the type checker. The app sets the attributes in ``WizardApp.__init__``;
the methods are the app's own, its kiosk's and its counsellor's."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import App
from textual.widgets import Button

from wizard.content import CompiledQuestion, Content
from wizard.engine import Engine
from wizard.model import Lang
from wizard.sessions import Session
from wizard.tui.composer import Composer
from wizard.tui.conversation import Conversation
from wizard.usage import Figures, NoFigures

if TYPE_CHECKING:
    from wizard.matching import Result
    from wizard.tui.app import Mode, Page


class AppState(App[None]):
    content: Content
    engine: Engine
    session: Session
    busy: bool
    page: Page
    mode: Mode
    on: date | None
    notes: str
    code: str | None
    editing: str | None
    show_result: bool
    again: bool
    figures: Figures | NoFigures

    if TYPE_CHECKING:  # only declared: at run time the app's own are found, wherever they sit

        @property
        def lang(self) -> Lang: ...
        @property
        def question(self) -> CompiledQuestion | None: ...
        @property
        def conversation(self) -> Conversation: ...
        @property
        def composer(self) -> Composer: ...
        @property
        def ascii_only(self) -> bool: ...
        def result(self) -> Result: ...
        def _show(self, typed: str = "", hint: str = "") -> None: ...
        def _saved_changed(self) -> None: ...
        def _save_on_quit(self) -> None: ...
        def _give_code(self, button: Button) -> None: ...
        def _notes_typed(self) -> None: ...
        def wipe(self) -> None: ...
        def action_help(self) -> None: ...
