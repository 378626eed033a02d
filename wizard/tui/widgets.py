"""Small widgets for the Textual front end: the answer list and the help dialog."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

MARKER = "▶ "
"""Shown before the option under the cursor (with bold text), so it never relies on colour."""

UNKNOWN_ID = "__unknown__"
"""Option id of "Ik weet het niet"; it is numbered 0 and always listed last."""


class ChoiceList(OptionList):
    """The answers to one question: arrows move, Enter chooses, 1..9 choose directly, 0 = unknown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n})", show=False, id=f"leerwijzer.pick_{n}") for n in range(10)),
    ]

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        *,
        unknown_label: str | None = None,
        selected: str | None = None,
        id: str | None = None,  # noqa: A002 (Textual's own name for it)
    ) -> None:
        """``choices`` are (value id, label); ``unknown_label`` adds the "don't know" option."""
        self._labels: list[tuple[str, str]] = [
            (f"{n}.", label) for n, (_, label) in enumerate(choices, start=1)
        ]
        options = [Option(label, id=value) for value, label in choices]
        if unknown_label is not None:
            self._labels.append(("0.", unknown_label))
            options.append(Option(unknown_label, id=UNKNOWN_ID))
        super().__init__(*options, id=id, markup=False)
        ids = [option.id for option in options]
        self.highlighted = ids.index(selected) if selected in ids else 0
        self._mark()

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return None if option is None else option.id

    def _mark(self) -> None:
        """Re-draw every prompt: the highlighted one gets the marker glyph and bold text."""
        for index, (number, label) in enumerate(self._labels):
            if index == self.highlighted:
                prompt = RichText.assemble((MARKER, "bold"), (f"{number} {label}", "bold"))
            else:
                prompt = RichText(f"{' ' * len(MARKER)}{number} {label}")
            self.replace_option_prompt_at_index(index, prompt)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._mark()

    def action_pick(self, number: int) -> None:
        """Choose by number: 1..9 pick that answer, 0 picks "Ik weet het niet" when offered."""
        ids = [option.id for option in self.options]
        if number == 0:
            if UNKNOWN_ID not in ids:
                return
            index = ids.index(UNKNOWN_ID)
        else:
            index = number - 1
            if index >= len(ids) or ids[index] == UNKNOWN_ID:
                return
        self.highlighted = index
        self.action_select()


class HelpScreen(ModalScreen[None]):
    """The explanation for the current page; any of Escape, Enter, F1 or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,f1,question_mark", "close", "OK", id="leerwijzer.help_close"),
    ]

    def __init__(self, title: str, body: str, closing: str) -> None:
        super().__init__()
        self._help_title = title
        self._help_body = body
        self._help_closing = closing

    def compose(self) -> ComposeResult:
        # A long explanation scrolls (↑ ↓) inside the dialog; the title and the way out stay put.
        with Vertical(id="help-dialog"):
            yield Static(RichText(self._help_title, style="bold"), id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(RichText(self._help_body), id="help-body")
            yield Static(RichText(self._help_closing), id="help-closing")

    def on_mount(self) -> None:
        self.query_one("#help-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
