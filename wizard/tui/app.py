"""The Textual front end: a conversation that ends in one glance.

Leerwijzer's questions are messages, the person's answers are replies; the history scrolls and
the current question sits at the bottom with its options and a typing line. An earlier reply can
be chosen to change it (with a preview of what the change does). When every question is answered,
checking the answers is reading the conversation, and the focused action shows the result: one
screen with every instrument that applies, each opening its card.

All decisions are the engine's; this module shows the state, passes answers on and keeps the
immutable session. Three modes share it: a citizen at home, the kiosk at the 1700 desk (no way out
but the operator's code, an idle wipe) and the counsellor (a live trace, notes, save and resume,
export, what-if). While the page is being brought up to date every key is dropped, so mashed keys
never answer a question the person has not seen.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static, TextArea

from wizard.content import CompiledQuestion, Content
from wizard.engine import Engine
from wizard.model import Lang
from wizard.report import glance
from wizard.sessions import Session
from wizard.tui import pages
from wizard.tui.answering import AnswerEvents
from wizard.tui.composer import Composer
from wizard.tui.conversation import Conversation
from wizard.tui.counsellor import CounsellorActions
from wizard.tui.idle import IdleWatch
from wizard.tui.keybar import KeyBar, page_keys
from wizard.tui.kiosk import KioskActions
from wizard.tui.page_actions import COUNSELLOR_ACTIONS, HIGH_CONTRAST, PageActions
from wizard.tui.palette import LeerwijzerCommands
from wizard.tui.result_view import ResultView, glance_widgets
from wizard.tui.trace import trace_text
from wizard.ui_texts import say
from wizard.usage import figures_for

if TYPE_CHECKING:
    from wizard.matching import Result
    from wizard.store import SessionStore

Mode = Literal["citizen", "kiosk", "counsellor"]
Page = Literal["welcome", "question", "check", "result"]
__all__ = [
    "COMMON_BINDINGS",
    "COUNSELLOR_ACTIONS",
    "COUNSELLOR_BINDINGS",
    "HIGH_CONTRAST",
    "KioskApp",
    "Mode",
    "Page",
    "WizardApp",
    "make_app",
    "run_app",
]

COMMON_BINDINGS: list[BindingType] = [
    Binding("escape", "go_back", show=False, id="leerwijzer.back"),
    Binding("f1", "help", show=False, id="leerwijzer.help"),
    Binding("question_mark", "help", show=False, id="leerwijzer.help_key"),
    Binding("f2", "toggle_lang", show=False, id="leerwijzer.other_lang"),
]
# Priority: Ctrl+E is also the typing line's "end of line"; the counsellor's export comes first.
# What-if is F4: Ctrl+W closes the browser tab in `leerwijzer serve` before the app sees it.
COUNSELLOR_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "save", show=False, priority=True, id="leerwijzer.save"),
    Binding("ctrl+e", "export", show=False, priority=True, id="leerwijzer.export"),
    Binding("f4", "what_if", show=False, id="leerwijzer.what_if"),
]


class WizardApp(AnswerEvents, PageActions, KioskActions, CounsellorActions, App[None]):
    """Leerwijzer in the terminal: an Engine, an immutable Session, one conversation.

    This class lays out the page and brings it up to date; answering (AnswerEvents), the keys and
    buttons (PageActions), the kiosk and the counsellor have a module each."""

    CSS_PATH = "app.tcss"
    TITLE = "Leerwijzer"
    COMMANDS = {LeerwijzerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *COMMON_BINDINGS,
        *COUNSELLOR_BINDINGS,
        Binding("ctrl+q", "stop", show=False, priority=True, id="leerwijzer.quit"),
    ]

    def __init__(
        self,
        content: Content,
        *,
        on: date | None = None,
        lang: Lang = "nl",
        mode: Mode = "citizen",
        store: SessionStore | Callable[[], SessionStore] | None = None,
        session: Session | None = None,
        notes: str = "",
        code: str | None = None,
        idle_timeout: float = 120.0,
        clock: Callable[[], float] = time.monotonic,
        operator_code: str = "",
        export_dir: Path | None = None,
    ) -> None:
        # Set before App.__init__, which already dispatches events to on_event.
        self.idle = IdleWatch(idle_timeout, clock=clock) if mode == "kiosk" else None
        self.busy = True
        """True while the page is brought up to date: every key and answer is dropped meanwhile."""
        super().__init__()
        self.content = content
        self.engine = Engine(content)
        self.figures = figures_for(content, mode)  # anonymous usage events, when switched on
        self.on = on
        self.start_lang: Lang = lang
        self.mode: Mode = mode
        self._store = store
        """The session store, or how to open it: the kiosk opens it only when someone asks."""
        self.session: Session = session or self.engine.start(on, lang)
        self.notes = notes
        self.code = code
        """The short code the session is saved under (counsellor autosave, or on request)."""
        self.operator_code = operator_code
        self.export_dir = export_dir
        self.page: Page = "welcome" if mode == "kiosk" else "question"
        self.editing: str | None = None
        """The fact whose earlier answer is being changed."""
        self.show_result = False
        """Set once the person asks for the result after checking the answers."""
        self.again = False
        """True while the goal is asked again after a new situation (see _goal_to_ask_again)."""

    # --- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        if self.mode == "kiosk":
            yield Static("", id="idle-warning", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="main"):
                with Vertical(id="chat"):
                    yield Conversation(id="conversation")
                    yield Composer(id="composer")
                yield ResultView(id="result")
            if self.mode == "counsellor":
                with Vertical(id="side"):
                    yield Static(say("tui.trace_title", self.lang), classes="side-title")
                    with VerticalScroll(id="trace-scroll"):
                        yield Static("", id="trace", markup=False)
                    yield Static(say("tui.notes", self.lang), classes="side-title")
                    yield TextArea(self.notes, id="notes")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.sub_title = self.content.version
        if self.ascii_only:  # the console's fonts lack Textual's block glyphs
            self.screen.add_class("-ascii")
        self.query_one("#result").display = False
        if self.idle is not None:
            self.query_one("#idle-warning", Static).display = False
            self.set_interval(1.0, self.tick_idle)
        self._show()

    @property
    def ascii_only(self) -> bool:
        """The Linux console: its fonts lack Textual's block glyphs and the glance's ✔."""
        return os.environ.get("TERM") == "linux"

    @property
    def lang(self) -> Lang:
        return self.session.lang

    @property
    def question(self) -> CompiledQuestion | None:
        if self.editing is not None:
            return next(q for q in self.engine.walk(self.session).asked if q.fact == self.editing)
        return self.engine.current_question(self.session)

    @property
    def conversation(self) -> Conversation:
        return self.query_one("#conversation", Conversation)

    @property
    def composer(self) -> Composer:
        return self.query_one("#composer", Composer)

    def _next_page(self) -> Page:
        if self.page == "welcome":
            return "welcome"
        if self.question is not None:
            return "question"
        return "result" if self.show_result else "check"

    def _show(self, typed: str = "", hint: str = "") -> None:
        """Bring the page up to date with the state; ``typed`` goes back into the typing line."""
        self.busy = True
        self.run_worker(self._refresh(typed, hint), group="page", exclusive=True)

    async def _refresh(self, typed: str, hint: str) -> None:
        # Nothing of the new page is painted before it takes keys: a key pressed on the old page
        # is dropped, a key pressed on the new one (as soon as it is seen) counts.
        with self.batch_update():
            await self._update_page(typed, hint)
            self._page_ready()

    async def _update_page(self, typed: str, hint: str) -> None:
        self.page = self._next_page()
        lang = self.lang
        on_result = self.page == "result"
        self.query_one("#chat").display = not on_result
        self.query_one("#result").display = on_result
        if on_result:
            await self._show_glance()
        else:
            if self.page == "welcome":
                lines = pages.welcome_lines(lang)
            else:
                self.again = self.again and self.editing is not None
                lines = pages.conversation_lines(
                    self.engine,
                    self.session,
                    page=self.page,
                    editing=self.editing,
                    again=self.again,
                )
            await self.conversation.show(lines)
            question = self.question if self.page == "question" else None
            if self.page != "welcome":
                self.figures.see(self.session, question, self.engine)
            if question is not None:
                asking = pages.asking(self.content, question, lang)
                self.composer.ask(
                    asking.choices,
                    unknown_label=asking.unknown_label,
                    placeholder=asking.placeholder,
                    value=typed,
                    hint=hint or asking.hint,
                    none_label=asking.none_label,
                    ticked=self._ticked(question.fact),
                )
            elif self.page == "welcome":
                self.composer.offer(say("tui.start", lang))
            else:
                self.composer.offer(say("tui.show_result", lang), say("tui.check_keys", lang))
            self.composer.focus_target().focus()
        self._refresh_side()
        self._show_keys()

    def _ticked(self, fact: str) -> frozenset[str]:
        """A checklist being changed starts with the earlier answer ticked."""
        earlier = self.session.answer_map.get(fact) if self.editing == fact else None
        return earlier if isinstance(earlier, frozenset) else frozenset()

    def _page_ready(self) -> None:
        """Keys pressed while the page was brought up to date were dropped; from here on they
        belong to this page, which is shown and focused (a key seen on screen is never lost).
        Also the hook bench/startup_wizard.py times the first question by."""
        self.busy = False

    async def _show_glance(self) -> None:
        view = self.query_one("#result", ResultView)
        offer_code = self.mode == "kiosk" and self._store is not None
        summary = glance(self.content, self.result(), self.lang, ascii_only=self.ascii_only)
        widgets = glance_widgets(
            summary,
            offer_code=offer_code,
            see_others=say("tui.see_others", self.lang),
            lang=self.lang,
        )
        await view.show_glance(widgets)
        target = view.query("#glance, #restart").first()
        target.focus()

    def _show_keys(self) -> None:
        keys = page_keys(self.page, self.lang, mode=self.mode, editing=self.editing is not None)
        self.query_one("#keys", KeyBar).show_keys(keys)

    def _refresh_side(self) -> None:
        if self.mode == "counsellor":
            text = trace_text(self.engine, self.session)
            if self.code is not None:
                text = f"{say('tui.code', self.lang, code=self.code)}\n\n{text}"
            self.query_one("#trace", Static).update(text)

    @property
    def store(self) -> SessionStore | None:
        if callable(self._store):
            self._store = self._store()
        return self._store

    def result(self) -> Result:
        return self.engine.result(self.session)


class KioskApp(WizardApp, inherit_bindings=False):
    """The 1700 terminal: no key quits, suspends or opens a palette; only the operator's code."""

    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        *COMMON_BINDINGS,
        Binding("f10", "operator", show=False, id="leerwijzer.operator"),
    ]


def make_app(content: Content, *, mode: Mode = "citizen", **options: object) -> WizardApp:
    """The app for a mode: the kiosk is its own class, because bindings are fixed per class."""
    cls = KioskApp if mode == "kiosk" else WizardApp
    return cls(content, mode=mode, **options)  # type: ignore[arg-type]


def run_app(content: Content, *, mode: Mode = "citizen", **options: object) -> int:
    """Run the wizard in the terminal until the person quits; 0 on a normal exit."""
    app = make_app(content, mode=mode, **options)
    app.run()
    return app.return_code or 0
