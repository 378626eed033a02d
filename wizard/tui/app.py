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

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, OptionList, Static, TextArea

from wizard.conditions import UNKNOWN
from wizard.content import CompiledQuestion, Content
from wizard.engine import Engine
from wizard.model import Lang
from wizard.report import card, glance, why_not
from wizard.sanitize import UNDECODABLE, clean_line
from wizard.sessions import InvalidAnswer, Session
from wizard.tui import pages
from wizard.tui.composer import UNKNOWN_ID, AnswerInput, Composer
from wizard.tui.conversation import Conversation, Reply
from wizard.tui.counsellor import CounsellorActions
from wizard.tui.dialogs import ConfirmEditScreen
from wizard.tui.idle import IdleWatch
from wizard.tui.keybar import KeyBar, keys_text, page_keys
from wizard.tui.kiosk import KioskActions
from wizard.tui.palette import LeerwijzerCommands
from wizard.tui.result_view import (
    OTHERS_ID,
    CardScreen,
    ResultView,
    card_text,
    glance_widgets,
    why_not_text,
)
from wizard.tui.trace import trace_text
from wizard.tui.widgets import HelpScreen
from wizard.ui_texts import say
from wizard.understanding import settles_at_once, understand
from wizard.usage import figures_for

if TYPE_CHECKING:
    from wizard.matching import Result
    from wizard.store import SessionStore

Mode = Literal["citizen", "kiosk", "counsellor"]
Page = Literal["welcome", "question", "check", "result"]
HIGH_CONTRAST = "ansi-dark"
"""Textual's ANSI theme: the terminal's own 16 colours, the strongest contrast it offers."""

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
COUNSELLOR_ACTIONS = {"save", "export", "what_if"}


class WizardApp(KioskActions, CounsellorActions, App[None]):
    """Leerwijzer in the terminal: an Engine, an immutable Session, one conversation."""

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

    # --- answers ----------------------------------------------------------------------------------

    def _submit(self, raw: object) -> None:
        """Answer the question shown (or change the answer being edited)."""
        if self.busy or self.page != "question":
            return
        if self.editing is not None:
            self._submit_edit(self.editing, raw)
            return
        try:
            self.session = self.engine.answer(self.session, raw)
        except InvalidAnswer as invalid:
            self.composer.say_error(
                say("tui.error", self.lang, reason=invalid.reason.get(self.lang))
            )
            return
        self._saved_changed()
        self._show()

    def _submit_edit(self, fact: str, raw: object) -> None:
        try:
            outcome = self.engine.edit(self.session, fact, raw)
        except InvalidAnswer as invalid:
            self.composer.say_error(
                say("tui.error", self.lang, reason=invalid.reason.get(self.lang))
            )
            return

        if outcome.session == self.session:  # the same answer again: nothing to ask or change
            self.editing = None
            self._show()
            return

        def decided(confirmed: bool | None) -> None:
            self.editing = None
            if confirmed:
                self.session = outcome.session
                self.show_result = False
                self._saved_changed()
                self.editing = self._goal_to_ask_again(fact)
                self.again = self.editing is not None
            self._show()

        self.busy = True  # until the dialog answers: the keys belong to it
        self.push_screen(pages.edit_preview(self.content, outcome, self.lang), decided)

    def _goal_to_ask_again(self, changed: str) -> str | None:
        """After a new situation (the first question), the goal is asked again: what someone
        wanted as a worker may not be what they want as a jobseeker. Escape keeps it."""
        goal = self.content.need_fact
        first = self.content.questions[self.content.start].fact
        asked = [q.fact for q in self.engine.walk(self.session).asked]
        return goal if changed == first and goal is not None and goal in asked else None

    def _understood(self, typed: str) -> None:
        """Typed text and Enter: a number, words, an age in a sentence; or what to type instead."""
        question = self.question
        if question is None or self.busy:
            return
        fact = self.content.facts[question.fact]
        understood = understand(fact, typed)
        if understood.value is None:
            self.composer.say_error(understood.hint(self.lang))
            return
        self._submit(understood.value)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.composer.multi:  # a click on a checklist ticks; Enter confirms (_entered)
            self.composer.choices.toggle()
            return
        option_id = event.option.id
        self._submit(UNKNOWN if option_id == UNKNOWN_ID else option_id)

    @on(AnswerInput.Toggle)
    def _toggled(self) -> None:
        self.composer.choices.toggle()

    @on(Input.Submitted, "#entry")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        typed = clean_line(event.value).strip()  # the one sanitiser of every front end
        choices = self.composer.choices
        if typed:
            self._understood(typed)
        elif self.composer.multi:
            chosen = choices.chosen()
            if chosen is not None:
                self._submit(UNKNOWN if chosen == UNKNOWN_ID else chosen)
        elif choices.display and choices.highlighted_id is not None:
            choices.action_select()
        # Enter on an empty line with nothing highlighted does nothing: a stray Enter never answers.

    @on(Input.Changed, "#entry")
    def _typing(self, event: Input.Changed) -> None:
        event.stop()
        if self.busy or self.page != "question":
            return
        typed = event.value.strip()
        choices = self.composer.choices
        if choices.display and typed.isascii() and typed.isdigit() and not self.composer.multi:
            ids = [option.id for option in choices.options]
            count = len([i for i in ids if i != UNKNOWN_ID])
            if count and settles_at_once(typed, count, UNKNOWN_ID in ids):
                self._understood(typed)

    @on(AnswerInput.HelpAsked)
    def _help_asked(self) -> None:
        self.action_help()

    @on(AnswerInput.Undecodable)
    def _undecodable(self) -> None:
        self.composer.say_error(UNDECODABLE[self.lang == "en"])

    @on(Reply.Chosen)
    def _reply_chosen(self, event: Reply.Chosen) -> None:
        event.stop()
        if self.busy or self.page not in ("question", "check"):
            return
        self.editing = event.fact
        current = self.engine.walk(self.session).known.get(event.fact)
        kind = self.content.facts[event.fact].kind
        # A number or a date is changed where it stands; a choice starts with nothing highlighted.
        shown = (
            str(current) if kind in ("integer", "date") and isinstance(current, int | str) else ""
        )
        self._show(typed=shown)

    @on(Composer.UpFromTop)
    def _up_from_composer(self) -> None:
        replies = self.conversation.replies
        if replies and not self.busy:
            replies[-1].focus()

    def on_key(self, event: events.Key) -> None:
        """↑ ↓ between replies; ↓ from the last reply back to the question or the button."""
        focused = self.focused
        if not isinstance(focused, Reply) or event.key not in ("up", "down"):
            return
        event.stop()
        replies = self.conversation.replies
        index = replies.index(focused) + (1 if event.key == "down" else -1)
        if index >= len(replies):
            self.composer.focus_target().focus()
        elif index >= 0:
            replies[index].focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.busy:
            return
        if event.button.id == "go" and self.page == "welcome":
            self.page = "question"
            self._show()
        elif event.button.id == "go" and self.page == "check":
            self.show_result = True
            self._show()
        elif event.button.id == "restart":
            self.action_restart()
        elif event.button.id == "ask-code":
            self._give_code(event.button)

    @on(OptionList.OptionSelected, "#glance")
    def _open_card(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        lang = self.lang
        result = self.result()
        keys = keys_text(page_keys("card", lang, mode=self.mode))
        closing = say("tui.close_card", lang)
        if event.option.id == OTHERS_ID:
            body = why_not_text(why_not(self.content, result, lang), lang)
            self.push_screen(CardScreen(say("tui.see_others", lang), body, closing, keys))
        elif event.option.id is not None:
            shown = card(self.content, result, event.option.id, lang, ascii_only=self.ascii_only)
            self.push_screen(CardScreen(shown.name, card_text(shown, lang), closing, keys))

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        self.notes = event.text_area.text
        self._notes_typed()

    # --- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The counsellor's actions exist only in counsellor mode."""
        if action in COUNSELLOR_ACTIONS:
            return self.mode == "counsellor"
        return True

    def action_go_back(self) -> None:
        """Escape: leave an edit; from the result to the answers; else the previous question."""
        if self.busy or self.page == "welcome":
            return
        if self.editing is not None:  # leave the answer as it was
            self.editing = None
            self._show()
            return
        if self.page == "result":
            self.show_result = False
            self._show()
            return
        session, previous = self.engine.back(self.session)
        if previous is None:
            self.notify(say("first", self.lang), timeout=3)
            return
        self.session = session
        self._saved_changed()
        question = self.engine.current_question(session)
        shown = ""
        hint = ""
        if question is not None:
            label = pages.answer_label(self.content, question.fact, previous, self.lang)
            if self.content.facts[question.fact].kind in ("integer", "date"):
                shown = "" if previous is UNKNOWN else str(previous)
            hint = say("tui.earlier", self.lang, answer=label)
        self._show(typed=shown, hint=hint)

    def help_text(self) -> str:
        """What F1 says on the page shown: what it is, what to do, and every key that works."""
        question = self.question if self.page == "question" else None
        keys = page_keys(self.page, self.lang, mode=self.mode, editing=self.editing is not None)
        return pages.help_text(
            self.page, question, self.lang, keys, editing=self.editing is not None
        )

    def action_help(self) -> None:
        if self.busy or isinstance(self.screen, HelpScreen):
            return
        if isinstance(self.screen, CardScreen):
            body = say("tui.help_card", self.lang)
        elif len(self.screen_stack) > 1:
            return  # a dialog says what it wants itself
        else:
            body = self.help_text()
        self.push_screen(
            HelpScreen(say("tui.help_title", self.lang), body, say("tui.help_closing", self.lang))
        )

    def action_toggle_lang(self) -> None:
        """Switch nl/en, keeping every answer and what is typed on this page."""
        if self.busy or len(self.screen_stack) > 1 or len(self.content.languages) < 2:
            return  # content in one language (graph.yaml `languages`) has no other to show
        typed = self.composer.entry.value if self.page == "question" else ""
        highlighted = self.composer.choices.highlighted_id
        self.session = self.session.with_lang("en" if self.lang == "nl" else "nl")
        if self.mode == "counsellor":
            for title, key in zip(
                self.query(".side-title"), ("tui.trace_title", "tui.notes"), strict=True
            ):
                if isinstance(title, Static):
                    title.update(say(key, self.lang))
        self._show(typed=typed)
        if highlighted is not None:
            self.call_after_refresh(self.composer.choices.highlight_id, highlighted)

    def action_toggle_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST else HIGH_CONTRAST

    def action_restart(self) -> None:
        """Start again, wiping every answer: only after the person confirms."""
        if self.busy:
            return
        lang = self.lang

        def decided(confirmed: bool | None) -> None:
            if confirmed:
                self._restart()

        self.push_screen(
            ConfirmEditScreen(
                say("tui.restart_title", lang),
                say("tui.restart_body", lang),
                say("tui.restart_yes", lang),
                say("tui.restart_no", lang),
            ),
            decided,
        )

    def _restart(self) -> None:
        if self.mode == "kiosk":
            self.wipe()
            return
        self.figures.begin()
        self.session = self.engine.start(self.on, self.lang)
        self.notes, self.code, self.editing, self.show_result = "", None, None, False
        if self.mode == "counsellor":
            self.query_one("#notes", TextArea).text = ""
        self._show()

    def action_stop(self) -> None:
        self._save_on_quit()
        self.exit()


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
