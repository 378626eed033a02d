"""Modal dialogs that dismiss with a value: confirm an edit, the operator's exit, what-if."""

from __future__ import annotations

import hmac
import math
import time
import weakref
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text as RichText
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static

from wizard.tui.launch import valid_operator_code
from wizard.tui.widgets import ChoiceList


class ConfirmEditScreen(ModalScreen[bool]):
    """Asks before a change is made (an edit, with what it changes; starting again); dismisses
    True to make it. The safe answer has the focus, and a long preview scrolls inside the dialog,
    so both buttons are always on screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", show=False, id="leerwijzer.confirm_no"),
        Binding("left,right", "switch", show=False, id="leerwijzer.confirm_switch"),
    ]

    def __init__(self, title: str, body: str, yes: str, no: str) -> None:
        super().__init__()
        self._dialog_title, self._dialog_body, self._yes, self._no = title, body, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(RichText(self._dialog_title, style="bold"), id="confirm-title")
            with VerticalScroll(id="confirm-scroll"):
                yield Static(self._dialog_body, id="confirm-body", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self._no, id="confirm-no", variant="primary", compact=True)
                yield Button(self._yes, id="confirm-yes", compact=True)

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    def action_switch(self) -> None:
        """← → go from one button to the other."""
        no, yes = self.query_one("#confirm-no", Button), self.query_one("#confirm-yes", Button)
        (yes if no.has_focus else no).focus()


class OperatorGate:
    """The operator code's lock: no valid code never opens, and wrong tries back off.

    Kept per app (``gate_for``), not per dialog: Escape and F10 again must not reset the count.
    """

    FREE_TRIES = 2
    """Typos cost nothing; from the third wrong try on, each one doubles the wait."""
    FIRST_WAIT = 5.0
    LONGEST_WAIT = 300.0

    def __init__(self, code: str, clock: Callable[[], float] = time.monotonic) -> None:
        # Only a code of at least six digits opens; an empty or short code never does
        # (the launcher refuses to start such a kiosk, this is the second line).
        self._code = code if valid_operator_code(code) else None
        self.code_was = code
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0

    def wait_left(self) -> int:
        """Whole seconds before the next try is looked at (0: now)."""
        return max(0, math.ceil(self.locked_until - self.clock()))

    def attempt(self, typed: str) -> bool:
        """True when ``typed`` is the code; a wrong or too-early try never is."""
        if self.wait_left() > 0:
            return False
        if self._code is not None and hmac.compare_digest(typed.encode(), self._code.encode()):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures > self.FREE_TRIES:
            wait = self.FIRST_WAIT * 2 ** (self.failures - self.FREE_TRIES - 1)
            self.locked_until = self.clock() + min(wait, self.LONGEST_WAIT)
        return False


_GATES: weakref.WeakKeyDictionary[App[Any], OperatorGate] = weakref.WeakKeyDictionary()


def gate_for(app: App[Any], code: str) -> OperatorGate:
    """The app's one gate (made on first use); a changed code starts a new one."""
    gate = _GATES.get(app)
    if gate is None or gate.code_was != code:
        gate = _GATES[app] = OperatorGate(code)
    return gate


class OperatorScreen(ModalScreen[bool]):
    """The kiosk's only way out: the operator types the code; dismisses True when it is right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False, id="leerwijzer.operator_cancel"),
    ]

    WAIT = (
        "Te veel foute codes. Wacht {seconds} seconden.",
        "Too many wrong codes. Wait {seconds} seconds.",
    )

    def __init__(self, title: str, prompt: str, wrong: str, code: str) -> None:
        super().__init__()
        self._dialog_title, self._dialog_prompt, self._wrong, self._code = (
            title,
            prompt,
            wrong,
            code,
        )

    @property
    def gate(self) -> OperatorGate:
        return gate_for(self.app, self._code)

    def compose(self) -> ComposeResult:
        with Vertical(id="operator-dialog", classes="dialog"):
            yield Static(RichText(self._dialog_title, style="bold"))
            yield Static(self._dialog_prompt, markup=False)
            yield Input(password=True, id="operator-code", max_length=64)
            yield Static("", id="operator-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#operator-code", Input).focus()

    @on(Input.Submitted, "#operator-code")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        gate = self.gate
        if gate.attempt(event.value):
            self.dismiss(True)
            return
        event.input.value = ""
        wait = gate.wait_left()
        english = getattr(self.app, "lang", "nl") == "en"
        message = self.WAIT[english].format(seconds=wait) if wait else self._wrong
        self.query_one("#operator-error", Static).update(message)

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
