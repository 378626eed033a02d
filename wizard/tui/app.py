"""The Textual front end: one question per page, replaced in place, then the result.

All decisions are the engine's; this module only shows the current question, passes answers on and
shows the result. The session is immutable: every answer, step back or language switch replaces it.
While a page is being replaced, key presses are dropped, so mashed keys never answer a question the
person has not seen.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from rich.text import Text as RichText
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Input, OptionList, Static

from wizard.conditions import UNKNOWN, Unknown
from wizard.content import CompiledQuestion, Content
from wizard.engine import Engine
from wizard.matching import Result
from wizard.model import LANGS, Lang
from wizard.report import heading, result_sections
from wizard.sessions import Answer, InvalidAnswer, Session
from wizard.tui.widgets import UNKNOWN_ID, ChoiceList, HelpScreen
from wizard.ui_texts import say

_SECTION_IDS = {"nothing": "referral", "footer": "rules"}
"""Text-only sections that tests and styles address by id."""

Page = Literal["question", "result"]


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


class WizardApp(App[None]):
    """Leerwijzer in the terminal: an Engine, an immutable Session, one page at a time."""

    CSS_PATH = "app.tcss"
    TITLE = "Leerwijzer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        *_bindings("back", "escape", "go_back"),
        *_bindings("help", "f1", "help"),
        Binding("question_mark", "help", show=False, id="leerwijzer.help_key"),
        *_bindings("other_lang", "f2", "toggle_lang"),
        Binding("ctrl+l", "toggle_lang", show=False, id="leerwijzer.lang_key"),
        *_bindings("restart", "r", "restart"),
        *_bindings("quit", "ctrl+q", "stop", priority=True),
    ]

    def __init__(
        self,
        content: Content,
        *,
        on: date | None = None,
        lang: Lang = "nl",
    ) -> None:
        super().__init__()
        self.content = content
        self.engine = Engine(content)
        self.on = on
        self.session: Session = self.engine.start(on, lang)
        self.page: Page = "question"
        self.busy = True
        """True while a page is being replaced: every key and answer is dropped meanwhile."""

    # --- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="")
        yield VerticalScroll(id="page")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.content.version
        self._show()

    @property
    def lang(self) -> Lang:
        return self.session.lang

    @property
    def question(self) -> CompiledQuestion | None:
        return self.engine.current_question(self.session)

    def _show(self, preset: Answer | str | None = None) -> None:
        """Replace the page in place with the current question (or the result)."""
        self.busy = True
        self.run_worker(self._replace_page(preset), group="page", exclusive=True)

    async def _replace_page(self, preset: Answer | str | None) -> None:
        page = self.query_one("#page", VerticalScroll)
        await page.remove_children()
        question = self.question
        self.page = "question" if question is not None else "result"
        if question is not None:
            widgets = self._question_widgets(question, preset)
        else:
            widgets = self._result_widgets(self.engine.result(self.session))
        await page.mount_all(widgets)
        page.scroll_home(animate=False)
        focus = page.query("ChoiceList, Input, Button").first() if question else None
        if focus is not None:
            focus.focus()
        else:
            page.focus()
        self.refresh_bindings()
        self.call_after_refresh(self._page_ready)

    def _page_ready(self) -> None:
        self.busy = False

    def _question_widgets(
        self, question: CompiledQuestion, preset: Answer | str | None
    ) -> list[Widget]:
        lang = self.lang
        fact = self.content.facts[question.fact]
        number, total = self.engine.progress(self.session)
        offer_unknown = fact.offer_unknown or fact.optional
        hint_key = (
            "tui.hint_choice" if fact.kind in ("choice", "yes_no") else f"tui.hint_{fact.kind}"
        )
        hint = say(hint_key, lang) + (say("tui.hint_help", lang) if question.model.help else "")
        widgets: list[Widget] = [
            Static(say("progress", lang, n=number, total=total), id="progress", markup=False),
            Static(question.model.text.get(lang), id="question", markup=False),
            Static(hint, id="hint", markup=False),
        ]
        if fact.kind in ("choice", "yes_no"):
            selected = UNKNOWN_ID if isinstance(preset, Unknown) else preset
            widgets.append(
                ChoiceList(
                    [(value, fact.value_label(value, lang)) for value in fact.value_ids()],
                    unknown_label=say("unknown", lang) if offer_unknown else None,
                    selected=selected if isinstance(selected, str) else None,
                    id="choices",
                )
            )
        else:
            shown = "" if preset is None or isinstance(preset, Unknown) else str(preset)
            widgets.append(
                Input(
                    value=shown,
                    placeholder=say(f"tui.placeholder_{fact.kind}", lang),
                    id="entry",
                )
            )
            if offer_unknown:
                widgets.append(Button(say("unknown", lang), id="unknown", compact=True))
        error = Static("", id="error", markup=False)
        error.display = False
        widgets.append(error)
        return widgets

    def _result_widgets(self, result: Result) -> list[Widget]:
        lang = self.lang
        title = heading("title" if result.complete else "provisional", lang)
        widgets: list[Widget] = [Static(RichText(title, style="bold"), id="result-title")]
        for section in result_sections(self.content, result, lang):
            if section.title:
                widgets.append(Static(RichText(section.title, style="bold"), classes="section"))
            for entry in section.entries:
                text = RichText.assemble((entry.title, "bold" if entry.lines else ""))
                for line in entry.lines:
                    text.append(f"\n   {line}")
                widgets.append(Static(text, classes=f"card {section.kind}"))
            if section.text:
                widgets.append(
                    Static("\n".join(section.text), id=_SECTION_IDS.get(section.kind), markup=False)
                )
        widgets.append(Button(say("tui.restart", lang), id="restart"))
        return widgets

    # --- answers ----------------------------------------------------------------------------------

    def _submit(self, raw: object) -> None:
        if self.busy or self.page != "question":
            return
        try:
            self.session = self.engine.answer(self.session, raw)
        except InvalidAnswer as invalid:
            self._show_error(invalid.reason.get(self.lang))
            return
        self._show()

    def _show_error(self, reason: str) -> None:
        error = self.query_one("#error", Static)
        error.update(say("tui.error", self.lang, reason=reason))
        error.display = True

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        self._submit(UNKNOWN if option_id == UNKNOWN_ID else option_id)

    @on(Input.Submitted, "#entry")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit(event.value)

    @on(Button.Pressed, "#unknown")
    def _unknown(self, event: Button.Pressed) -> None:
        event.stop()
        self._submit(UNKNOWN)

    @on(Button.Pressed, "#restart")
    def _restart_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_restart()

    # --- actions ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show and run only the bindings of the session's language, and restart on the result."""
        if parameters and parameters[0] in LANGS and parameters[0] != self.lang:
            return False
        if action == "restart":
            return self.page == "result"
        return True

    def action_go_back(self, lang: str = "") -> None:
        if self.busy:
            return
        session, previous = self.engine.back(self.session)
        if previous is None:
            self.notify(say("first", self.lang), timeout=3)
            return
        self.session = session
        self._show(preset=previous)

    def action_help(self, lang: str = "") -> None:
        if self.busy or isinstance(self.screen, HelpScreen):
            return
        question = self.question
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
        self._show(preset=UNKNOWN if preset == UNKNOWN_ID else preset)

    def action_restart(self, lang: str = "") -> None:
        if self.busy:
            return
        self.session = self.engine.start(self.on, self.lang)
        self._show()

    def action_stop(self, lang: str = "") -> None:
        self.exit()


def run_app(
    content: Content,
    *,
    on: date | None = None,
    lang: Lang = "nl",
) -> int:
    """Run the wizard in the terminal until the person quits; 0 on a normal exit."""
    app = WizardApp(content, on=on, lang=lang)
    app.run()
    return app.return_code or 0
