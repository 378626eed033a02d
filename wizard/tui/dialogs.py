"""Modal dialogs that dismiss with a value: confirm an edit, the operator's exit, what-if."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text as RichText
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static

from wizard.tui.widgets import ChoiceList


class ConfirmEditScreen(ModalScreen[bool]):
    """Shows what an edit changes before it is made; dismisses True to make it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", show=False, id="leerwijzer.confirm_no"),
    ]

    def __init__(self, title: str, body: str, yes: str, no: str) -> None:
        super().__init__()
        self._dialog_title, self._dialog_body, self._yes, self._no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(RichText(self._dialog_title, style="bold"), id="confirm-title")
            yield Static(self._dialog_body, id="confirm-body", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self._yes, id="confirm-yes", variant="primary")
                yield Button(self._no, id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class OperatorScreen(ModalScreen[bool]):
    """The kiosk's only way out: the operator types the code; dismisses True when it is right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="leerwijzer.operator_cancel"),
    ]

    def __init__(self, title: str, prompt: str, wrong: str, code: str) -> None:
        super().__init__()
        self._dialog_title, self._dialog_prompt, self._wrong, self._code = (
            title,
            prompt,
            wrong,
            code,
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="operator-dialog", classes="dialog"):
            yield Static(RichText(self._dialog_title, style="bold"))
            yield Static(self._dialog_prompt, markup=False)
            yield Input(password=True, id="operator-code")
            yield Static("", id="operator-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#operator-code", Input).focus()

    @on(Input.Submitted, "#operator-code")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value == self._code:
            self.dismiss(True)
            return
        event.input.value = ""
        self.query_one("#operator-error", Static).update(self._wrong)

    def action_cancel(self) -> None:
        self.dismiss(False)


class WhatIfScreen(ModalScreen[None]):
    """Two results side by side: as answered, and with one answer changed. Changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", show=False, id="leerwijzer.what_if_close"),
    ]

    def __init__(
        self, title: str, left: tuple[str, str], right: tuple[str, str], closing: str
    ) -> None:
        super().__init__()
        self._dialog_title, self._left, self._right, self._closing_text = (
            title,
            left,
            right,
            closing,
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="what-if-dialog", classes="dialog"):
            yield Static(RichText(self._dialog_title, style="bold"))
            with Horizontal(id="what-if-columns"):
                for column_id, (heading, body) in (("now", self._left), ("then", self._right)):
                    with VerticalScroll(id=f"what-if-{column_id}", classes="what-if-column"):
                        yield Static(RichText(heading, style="bold"))
                        yield Static(body, markup=False)
            yield Static(self._closing_text, id="what-if-closing", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)


class PickScreen(ModalScreen[str | None]):
    """Choose one of ``rows`` (id, label); dismisses the id, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="leerwijzer.pick_cancel"),
    ]

    def __init__(self, title: str, prompt: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self._dialog_title, self._dialog_prompt, self._rows = title, prompt, rows

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-dialog", classes="dialog"):
            yield Static(RichText(self._dialog_title, style="bold"))
            yield Static(self._dialog_prompt, markup=False)
            yield ChoiceList(self._rows, id="pick")

    def on_mount(self) -> None:
        self.query_one("#pick", ChoiceList).focus()

    @on(OptionList.OptionSelected, "#pick")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
