"""Answering in the conversation: an option chosen or a line typed and understood, a checklist
ticked, an earlier reply chosen to change (with a preview of what the change does), and the arrow
keys between the replies. A base class of the app; what it reads of the app is declared in
app_state."""

from __future__ import annotations

from textual import events, on
from textual.widgets import Input, OptionList

from wizard.conditions import UNKNOWN
from wizard.sanitize import UNDECODABLE, clean_line
from wizard.sessions import InvalidAnswer
from wizard.tui import pages
from wizard.tui.app_state import AppState
from wizard.tui.composer import UNKNOWN_ID, AnswerInput, Composer
from wizard.tui.conversation import Reply
from wizard.ui_texts import say
from wizard.understanding import settles_at_once, understand


class AnswerEvents(AppState):
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
