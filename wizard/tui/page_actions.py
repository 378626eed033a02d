"""What the person does besides answering: the keys every mode shares (back, help, the other
language, contrast, start again, quit), the buttons and the result's cards. A base class of the
app; what it reads of the app is declared in app_state."""

from __future__ import annotations

from textual import on
from textual.widgets import Button, OptionList, Static, TextArea

from wizard.conditions import UNKNOWN
from wizard.report import card
from wizard.report_why_not import why_not
from wizard.tui import pages
from wizard.tui.app_state import AppState
from wizard.tui.dialogs import ConfirmEditScreen
from wizard.tui.keybar import keys_text, page_keys
from wizard.tui.result_view import OTHERS_ID, CardScreen, card_text, why_not_text
from wizard.tui.widgets import HelpScreen
from wizard.ui_texts import say

HIGH_CONTRAST = "ansi-dark"
"""Textual's ANSI theme: the terminal's own 16 colours, the strongest contrast it offers."""
COUNSELLOR_ACTIONS = {"save", "export", "what_if"}


class PageActions(AppState):
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
