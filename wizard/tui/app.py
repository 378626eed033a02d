"""The Textual front end: one question per page, replaced in place; check your answers; the result.

All decisions are the engine's; this module shows the current page, passes answers on and keeps the
immutable session. Three modes share it: a citizen at home, the kiosk at the 1700 desk (no way out
but the operator's code, an idle wipe) and the counsellor (a live trace, notes, save and resume,
export, what-if). While a page is being replaced, key presses are dropped, so mashed keys never
answer a question the person has not seen.
"""

from __future__ import annotations

import io
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
from textual.widgets import Button, Footer, Header, Input, OptionList, Static, TextArea

from wizard.conditions import UNKNOWN
from wizard.content import CompiledQuestion, Content
from wizard.engine import EditOutcome, Engine
from wizard.model import LANGS, Lang
from wizard.sessions import Answer, InvalidAnswer, Session
from wizard.tui import pages
from wizard.tui.dialogs import ConfirmEditScreen, OperatorScreen, PickScreen, WhatIfScreen
from wizard.tui.idle import IdleWatch
from wizard.tui.palette import LeerwijzerCommands
from wizard.tui.trace import STATUS_MARK, trace_text
from wizard.tui.widgets import UNKNOWN_ID, ChoiceList, HelpScreen
from wizard.ui_texts import say

if TYPE_CHECKING:
    from wizard.matching import Result
    from wizard.store import SessionStore

Mode = Literal["citizen", "kiosk", "counsellor"]
Page = Literal["welcome", "question", "check", "result"]
HIGH_CONTRAST = "ansi-dark"
"""Textual's ANSI theme: the terminal's own 16 colours, the strongest contrast it offers."""


def _bindings(
    name: str, keys: str, action: str, *, show: bool = True, priority: bool = False
) -> list[Binding]:
    """One binding per language, so the Footer speaks the session's language (see check_action)."""
    return [
        Binding(
            keys,
            f"{action}('{lang}')",
            say(f"tui.{name}", lang) if show else "",
            show=show,
            priority=priority,
            id=f"leerwijzer.{name}.{lang}",
        )
        for lang in LANGS
    ]


COMMON_BINDINGS: list[BindingType] = [
    *_bindings("back", "escape", "go_back"),
    *_bindings("help", "f1", "help"),
    Binding("question_mark", "help", show=False, id="leerwijzer.help_key"),
    *_bindings("other_lang", "f2", "toggle_lang"),
    Binding("ctrl+l", "toggle_lang", show=False, id="leerwijzer.lang_key"),
    *_bindings("restart", "r", "restart"),
]
COUNSELLOR_BINDINGS: list[BindingType] = [
    *_bindings("save", "ctrl+s", "save"),
    *_bindings("export", "ctrl+e", "export"),
    *_bindings("what_if", "ctrl+w", "what_if"),
]
COUNSELLOR_ACTIONS = {"save", "export", "what_if"}


class WizardApp(App[None]):
    """Leerwijzer in the terminal: an Engine, an immutable Session, one page at a time."""

    CSS_PATH = "app.tcss"
    TITLE = "Leerwijzer"
    COMMANDS = {LeerwijzerCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *COMMON_BINDINGS,
        *COUNSELLOR_BINDINGS,
        *_bindings("quit", "ctrl+q", "stop", priority=True),
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
        super().__init__()
        self.content = content
        self.engine = Engine(content)
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
        """The fact whose earlier answer is being changed from the check page."""
        self.show_result = False
        """Set once the person confirms their answers on the check page."""
        self.busy = True
        """True while a page is being replaced: every key and answer is dropped meanwhile."""

    # --- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        if self.mode == "kiosk":
            yield Static("", id="idle-warning", markup=False)
        if self.mode == "counsellor":
            with Horizontal(id="body"):
                yield VerticalScroll(id="page")
                with Vertical(id="side"):
                    yield Static(say("tui.trace_title", self.lang), classes="side-title")
                    with VerticalScroll(id="trace-scroll"):
                        yield Static("", id="trace", markup=False)
                    yield Static(say("tui.notes", self.lang), classes="side-title")
                    yield TextArea(self.notes, id="notes")
        else:
            yield VerticalScroll(id="page")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.content.version
        if os.environ.get("TERM") == "linux":  # the console's fonts lack Textual's block glyphs
            self.screen.add_class("-ascii")
        if self.idle is not None:
            self.query_one("#idle-warning", Static).display = False
            self.set_interval(1.0, self.tick_idle)
        self._show()

    @property
    def lang(self) -> Lang:
        return self.session.lang

    @property
    def question(self) -> CompiledQuestion | None:
        if self.editing is not None:
            return self._question_for(self.editing)
        return self.engine.current_question(self.session)

    def _question_for(self, fact: str) -> CompiledQuestion:
        return next(q for q in self.engine.walk(self.session).asked if q.fact == fact)

    def _next_page(self) -> Page:
        if self.page == "welcome":
            return "welcome"
        if self.question is not None:
            return "question"
        return "result" if self.show_result else "check"

    def _show(self, preset: Answer | str | None = None) -> None:
        """Replace the page in place with what the state asks for."""
        self.busy = True
        self.run_worker(self._replace_page(preset), group="page", exclusive=True)

    async def _replace_page(self, preset: Answer | str | None) -> None:
        page = self.query_one("#page", VerticalScroll)
        await page.remove_children()
        self.page = self._next_page()
        question = self.question
        if self.page == "welcome":
            widgets = pages.welcome_widgets(self.lang)
        elif self.page == "question" and question is not None:
            if self.editing is not None and preset is None:
                preset = self.engine.walk(self.session).known[self.editing]
            widgets = pages.question_widgets(
                self.engine, self.session, question, preset, editing=self.editing is not None
            )
        elif self.page == "check":
            widgets = pages.check_widgets(self.engine, self.session)
        else:
            offer_code = self.mode == "kiosk" and self._store is not None
            widgets = pages.result_widgets(
                self.content, self.result(), self.lang, offer_code=offer_code
            )
        await page.mount_all(widgets)
        page.scroll_home(animate=False)
        focus = page.query("ChoiceList, Input, Button").first() if self.page != "result" else None
        if focus is not None:
            focus.focus()
        else:
            page.focus()
        self._refresh_side()
        self.refresh_bindings()
        # Keys pressed while the old page was taken down were dropped; from here on they belong to
        # this page, which is mounted and focused (a key seen on screen is never lost).
        self._page_ready()

    def _page_ready(self) -> None:
        self.busy = False

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
        if self.busy or self.page != "question":
            return
        if self.editing is not None:
            self._submit_edit(self.editing, raw)
            return
        try:
            self.session = self.engine.answer(self.session, raw)
        except InvalidAnswer as invalid:
            self._show_error(invalid.reason.get(self.lang))
            return
        self._saved_changed()
        self._show()

    def _submit_edit(self, fact: str, raw: object) -> None:
        try:
            outcome = self.engine.edit(self.session, fact, raw)
        except InvalidAnswer as invalid:
            self._show_error(invalid.reason.get(self.lang))
            return

        def decided(confirmed: bool | None) -> None:
            self.editing = None
            if confirmed:
                self.session = outcome.session
                self.show_result = False
                self._saved_changed()
            self._show()

        self.push_screen(self._confirm_edit_screen(outcome), decided)

    def _confirm_edit_screen(self, outcome: EditOutcome) -> ConfirmEditScreen:
        lang = self.lang
        facts = self.content.facts
        parts: list[str] = []
        if outcome.dropped:
            labels = "; ".join(facts[f].label.get(lang) for f in outcome.dropped)
            parts.append(f"{say('tui.confirm_dropped', lang)}: {labels}")
        if outcome.now_asks is not None:
            asked = self.content.questions[outcome.now_asks].model.text.get(lang)
            parts.append(f"{say('tui.confirm_new', lang)}: {asked}")
        if outcome.changed:
            lines = [
                f"  {self.content.incentives[i].model.name.get(lang)}: "
                f"{say(f'tui.status_{before}', lang)} → {say(f'tui.status_{after}', lang)}"
                for i, before, after in outcome.changed
            ]
            parts.append(f"{say('tui.confirm_changed', lang)}:\n" + "\n".join(lines))
        body = "\n\n".join(parts) or say("tui.confirm_nothing", lang)
        return ConfirmEditScreen(
            say("tui.confirm_title", lang),
            body,
            say("tui.confirm_yes", lang),
            say("tui.confirm_no", lang),
        )

    def _show_error(self, reason: str) -> None:
        error = self.query_one("#error", Static)
        error.update(say("tui.error", self.lang, reason=reason))
        error.display = True

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        self._submit(UNKNOWN if option_id == UNKNOWN_ID else option_id)

    @on(OptionList.OptionSelected, "#answers")
    def _edit_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.busy or event.option.id is None:
            return
        self.editing = event.option.id
        self._show()

    @on(Input.Submitted, "#entry")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.busy:
            return
        if event.button.id == "unknown":
            self._submit(UNKNOWN)
        elif event.button.id == "restart":
            self.action_restart()
        elif event.button.id == "start":
            self.page = "question"
            self._show()
        elif event.button.id == "ask-code":
            self._give_code(event.button)
        elif event.button.id == "show-result":
            self.show_result = True
            self._show()

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        self.notes = event.text_area.text

    # --- saving, export, what-if (counsellor) ------------------------------------------------------

    def _saved_changed(self) -> None:
        """Counsellor mode saves after every answer, so a crash loses at most the one being typed."""
        if self.mode == "counsellor" and self.store is not None:
            self.code = self.store.save(
                self.session, self.notes, code=self.code, rules_version=self.content.version
            )

    def _give_code(self, button: Button) -> None:
        """Kiosk: save only now that the person asked, and show the code where the button was."""
        if self.store is None:
            return
        self.code = self.store.save(self.session, "", rules_version=self.content.version)
        shown = Static(
            say("tui.your_code", self.lang, code=self.code), id="your-code", markup=False
        )
        self.query_one("#page", VerticalScroll).mount(shown, before=button)
        button.remove()

    def action_save(self, lang: str = "") -> None:
        if self.store is None:
            return
        self.code = self.store.save(
            self.session, self.notes, code=self.code, rules_version=self.content.version
        )
        self.notify(say("tui.saved", self.lang, code=self.code), timeout=10)

    def action_export(self, lang: str = "") -> None:
        from wizard.export import to_html, to_markdown
        from wizard.recording import scenario_yaml

        result = self.result()
        stem = f"leerwijzer-{self.session.date.isoformat()}"
        exports = [
            (to_markdown(self.content, self.session, result, self.notes), "md"),
            (to_html(self.content, self.session, result, self.notes), "html"),
        ]
        if result.complete:  # the session as a replayable test: a complaint becomes a scenario
            exports.append(
                (scenario_yaml(self.content, self.session, result, stem), "scenario.yaml")
            )
        for text, suffix in exports:
            self.deliver_text(
                io.StringIO(text),
                save_directory=self.export_dir,
                save_filename=f"{stem}.{suffix}",
                encoding="utf-8",
            )
        where = str(self.export_dir) if self.export_dir is not None else stem
        self.notify(say("tui.exported", self.lang, where=where), timeout=10)

    def action_what_if(self, lang: str = "") -> None:
        walk = self.engine.walk(self.session)
        if self.busy or not walk.asked:
            return
        rows = [
            (
                q.fact,
                f"{self.content.facts[q.fact].label.get(self.lang)}: "
                f"{pages.answer_label(self.content, q.fact, walk.known[q.fact], self.lang)}",
            )
            for q in walk.asked
        ]
        self.push_screen(
            PickScreen(
                say("tui.what_if_title", self.lang), say("tui.what_if_pick", self.lang), rows
            ),
            self._what_if_fact,
        )

    def _what_if_fact(self, fact: str | None) -> None:
        if fact is None:
            return
        values = self.content.facts[fact].value_ids()
        rows = [(v, self.content.facts[fact].value_label(v, self.lang)) for v in values]
        if not rows:
            return  # a number or a date: what-if works on choices

        def chosen(value: str | None) -> None:
            if value is not None:
                self.show_what_if(fact, value)

        self.push_screen(
            PickScreen(
                say("tui.what_if_title", self.lang), say("tui.what_if_value", self.lang), rows
            ),
            chosen,
        )

    def show_what_if(self, fact: str, value: str) -> None:
        """Both results side by side; the session itself stays as it is."""
        lang = self.lang
        other = self.engine.edit(self.session, fact, value).session
        change = f"{self.content.facts[fact].label.get(lang)}: {self.content.facts[fact].value_label(value, lang)}"
        self.push_screen(
            WhatIfScreen(
                say("tui.what_if_title", lang),
                (say("tui.what_if_now", lang), self._summary(self.result())),
                (
                    say("tui.what_if_then", lang, change=change),
                    self._summary(self.engine.result(other)),
                ),
                say("tui.what_if_close", lang),
            )
        )

    def _summary(self, result: Result) -> str:
        lang = self.lang
        names = self.content.incentives
        lines = [
            f"{n}. {names[i].model.name.get(lang)}" for n, i in enumerate(result.recommended, 1)
        ]
        if not lines:
            lines = [say("result.nothing", lang)]
        lines.append("")
        for instrument, verdict in sorted(result.verdicts.items()):
            status = verdict.shown_status
            lines.append(
                f"{STATUS_MARK[status]} {names[instrument].model.name.get(lang)}: "
                f"{say(f'tui.status_{status}', lang)}"
            )
        return "\n".join(lines)

    # --- the kiosk ---------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if self.idle is not None and isinstance(event, (events.Key, events.MouseDown)):
            self.idle.touch()
            self.query_one("#idle-warning", Static).display = False
        await super().on_event(event)

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

    # --- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show and run only the bindings of the session's language and of this mode."""
        if parameters and parameters[0] in LANGS and parameters[0] != self.lang:
            return False
        if action in COUNSELLOR_ACTIONS:
            return self.mode == "counsellor"
        if action == "restart":
            return self.page in ("result", "check")
        return True

    def action_go_back(self, lang: str = "") -> None:
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
        self._show(preset=previous)

    def action_help(self, lang: str = "") -> None:
        if self.busy or isinstance(self.screen, HelpScreen):
            return
        question = self.question if self.page == "question" else None
        if question is None:
            body = say("tui.result_help", self.lang)
        elif question.model.help is not None:
            body = question.model.help.get(self.lang)
        else:
            body = say("tui.no_help", self.lang)
        self.push_screen(
            HelpScreen(say("tui.help_title", self.lang), body, say("tui.help_closing", self.lang))
        )

    def action_toggle_lang(self, lang: str = "") -> None:
        """Switch nl/en, keeping every answer and what is typed or highlighted on this page."""
        if self.busy:
            return
        preset: str | None = None
        if self.page == "question":
            choices = self.query("#choices").first(ChoiceList) if self.query("#choices") else None
            entry = self.query("#entry").first(Input) if self.query("#entry") else None
            preset = choices.highlighted_id if choices is not None else None
            preset = entry.value if entry is not None else preset
        self.session = self.session.with_lang("en" if self.lang == "nl" else "nl")
        if self.mode == "counsellor":
            for title, key in zip(
                self.query(".side-title"), ("tui.trace_title", "tui.notes"), strict=True
            ):
                if isinstance(title, Static):
                    title.update(say(key, self.lang))
        self._show(preset=UNKNOWN if preset == UNKNOWN_ID else preset)

    def action_toggle_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST else HIGH_CONTRAST

    def action_restart(self, lang: str = "") -> None:
        if self.busy:
            return
        if self.mode == "kiosk":
            self.wipe()
            return
        self.session = self.engine.start(self.on, self.lang)
        self.notes, self.code, self.editing, self.show_result = "", None, None, False
        if self.mode == "counsellor":
            self.query_one("#notes", TextArea).text = ""
        self._show()

    def action_stop(self, lang: str = "") -> None:
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
