"""Under the conversation: the current question's options and the line where the person types.

Nothing is highlighted when a question appears, so a stray Enter never answers. The person types
a number or words and presses Enter, or moves with ↑ ↓ and presses Enter; a number that cannot be
the start of a longer one answers at once (the app decides that, see ``understanding``). On the
welcome and check pages the options and the typing line make way for one button.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text as RichText
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

MARKER = "▶ "
"""Shown before the option under the cursor (with bold text), so it never relies on colour."""

REPLACEMENT = "\ufffd"
"""What a byte the terminal could not decode becomes (``tui.launch`` sets the key reader so)."""

UNKNOWN_ID = "__unknown__"
"""Option id of "Ik weet het niet"; it is numbered 0 and always listed last."""

NONE_ID = "__none__"
"""Option id of "Geen van deze" on a checklist (multi_choice): numbered 0 there, so "Ik weet het
niet" is listed last without a number."""

CHECKED, UNCHECKED = "[x] ", "[ ] "
"""A checklist row's box, in text: read the same by a screen reader and in any colour scheme."""


class AnswerOptions(OptionList, can_focus=False):
    """The numbered answers of one question. Never focused itself: the typing line keeps the focus
    and ↑ ↓ there move the highlight here; a click chooses.

    A checklist (``none_label`` given: a multi_choice question) ticks answers instead: space or a
    click ticks or unticks the highlighted one, Enter confirms what is ticked (``chosen``)."""

    checked: set[str]

    def show_choices(
        self,
        choices: Sequence[tuple[str, str]],
        unknown_label: str | None,
        none_label: str | None = None,
    ) -> None:
        """``choices`` are (value id, label); ``unknown_label`` adds "Ik weet het niet", numbered 0
        among choices (for a number or a date it has no number: 0 could be the answer itself);
        ``none_label`` makes it a checklist, with "Geen van deze" numbered 0."""
        self.multi = none_label is not None
        self.checked = set()
        self.numbered_labels = [(f"{n}.", label) for n, (_, label) in enumerate(choices, start=1)]
        options = [Option(label, id=value) for value, label in choices]
        if none_label is not None:
            self.numbered_labels.append(("0.", none_label))
            options.append(Option(none_label, id=NONE_ID))
        if unknown_label is not None:
            number = "0." if choices and none_label is None else ""
            self.numbered_labels.append((number, unknown_label))
            options.append(Option(unknown_label, id=UNKNOWN_ID))
        self.set_options(options)
        self.highlighted = None
        self.refresh_marks()

    def box_for(self, option_id: str | None) -> str:
        if not getattr(self, "multi", False) or option_id in (NONE_ID, UNKNOWN_ID, None):
            return ""
        return CHECKED if option_id in self.checked else UNCHECKED

    def toggle(self) -> None:
        """Tick or untick the highlighted answer of a checklist ("Geen van deze" unticks all)."""
        option_id = self.highlighted_id
        if not getattr(self, "multi", False) or option_id is None or option_id == UNKNOWN_ID:
            return
        if option_id == NONE_ID:
            self.checked.clear()
        else:
            self.checked ^= {option_id}
        self.refresh_marks()

    def chosen(self) -> object | None:
        """What Enter confirms on a checklist: the ticked answers; with none ticked, the
        highlighted one (alone, "none of these", or "Ik weet het niet"); else nothing."""
        ids = [option.id for option in self.options]
        if self.checked:
            return frozenset(self.checked)
        option_id = self.highlighted_id
        if option_id == NONE_ID:
            return frozenset()
        if option_id == UNKNOWN_ID:
            return UNKNOWN_ID
        return frozenset({option_id}) if option_id in ids else None

    def shown_labels(self) -> list[str]:
        """The options as plain text, as read on screen ("▶   1. Student" under the cursor)."""
        labels = getattr(self, "numbered_labels", [])[: self.option_count]
        ids = [option.id for option in self.options]
        return [
            f"{MARKER if i == self.highlighted else ' ' * len(MARKER)}{number:>3} "
            f"{self.box_for(ids[i])}{label}"
            for i, (number, label) in enumerate(labels)
        ]

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return None if option is None else option.id

    def highlight_id(self, option_id: str | None) -> None:
        ids = [option.id for option in self.options]
        self.highlighted = ids.index(option_id) if option_id in ids else None

    def move(self, step: int) -> None:
        """↓ from nothing goes to the first answer, ↑ from nothing to the last."""
        count = self.option_count
        if count == 0:
            return
        if self.highlighted is None:
            self.highlighted = 0 if step > 0 else count - 1
        else:
            self.highlighted = max(0, min(count - 1, self.highlighted + step))

    def refresh_marks(self) -> None:
        """Re-draw every prompt: the highlighted one gets the marker glyph and bold text; a long
        label wraps under itself, not under its number."""
        ids = [option.id for option in self.options]
        for index, (number, label) in enumerate(getattr(self, "numbered_labels", [])):
            if index >= self.option_count:
                break
            label = self.box_for(ids[index]) + label
            chosen = index == self.highlighted
            style = "bold" if chosen else ""
            row = Table.grid(padding=(0, 1))
            row.add_column(width=len(MARKER) + 3, no_wrap=True)
            row.add_column(ratio=1)
            row.add_row(
                RichText(f"{MARKER if chosen else ' ' * len(MARKER)}{number:>3}", style=style),
                RichText(label, style=style),
            )
            self.replace_option_prompt_at_index(index, row)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self.refresh_marks()


class AnswerInput(Input):
    """The typing line. '?' asks for help rather than being typed (no answer needs it); a byte
    the terminal could not decode (U+FFFD) is refused at once with the sanitiser's message.
    On a checklist, space on an empty line ticks the highlighted answer instead of typing."""

    checklist = False

    class HelpAsked(Message):
        pass

    class Toggle(Message):
        pass

    class Undecodable(Message):
        pass

    async def on_key(self, event: events.Key) -> None:
        # Runs before Input's own key handler; prevent_default() keeps the key from it.
        if event.character == "?":
            event.stop()
            event.prevent_default()
            self.post_message(self.HelpAsked())
            return
        if event.key == "space" and self.checklist and not self.value:
            event.stop()
            event.prevent_default()
            self.post_message(self.Toggle())
            return
        if event.character == REPLACEMENT:
            event.stop()
            event.prevent_default()
            self.post_message(self.Undecodable())


class Composer(Vertical):
    """The bottom of the chat: options, a message line, the typing line, a button, a hint."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", show=False, id="leerwijzer.option_down"),
        Binding("up", "move(-1)", show=False, id="leerwijzer.option_up"),
    ]

    class UpFromTop(Message):
        """↑ where there is nothing to move through: the app goes to the replies above."""

    def compose(self) -> ComposeResult:
        yield AnswerOptions(id="choices", markup=False)
        yield Static("", id="error", markup=False)
        yield AnswerInput(id="entry", compact=True, max_length=200)
        yield Button("", id="go", variant="primary", compact=True)
        yield Static("", id="hint", markup=False)

    def on_mount(self) -> None:
        for selector in ("#choices", "#error", "#entry", "#go", "#hint"):
            self.query_one(selector).display = False

    @property
    def choices(self) -> AnswerOptions:
        return self.query_one("#choices", AnswerOptions)

    @property
    def entry(self) -> AnswerInput:
        return self.query_one("#entry", AnswerInput)

    @property
    def go(self) -> Button:
        return self.query_one("#go", Button)

    def ask(
        self,
        choices: Sequence[tuple[str, str]] | None,
        *,
        unknown_label: str | None,
        placeholder: str,
        value: str = "",
        hint: str = "",
        none_label: str | None = None,
        ticked: frozenset[str] = frozenset(),
    ) -> None:
        """Set up for a question: its options (None for a number or a date) and the typing line;
        ``none_label`` ("Geen van deze") makes the options a checklist, ``ticked`` its answers
        ticked at the start (an earlier answer being changed)."""
        self.choices.show_choices(choices or [], unknown_label, none_label)
        if none_label is not None and ticked:
            self.choices.checked = set(ticked)
            self.choices.refresh_marks()
        self.entry.checklist = none_label is not None
        self.choices.display = self.choices.option_count > 0
        self.entry.value = value
        self.entry.placeholder = placeholder
        self.entry.display = True
        self.go.display = False
        self.say_error("")
        self.say_hint(hint)

    @property
    def multi(self) -> bool:
        """True while the options are a checklist (a multi_choice question)."""
        return self.entry.checklist

    def offer(self, label: str, hint: str = "") -> None:
        """No question: one button (Start, Toon mijn resultaat)."""
        self.entry.checklist = False
        self.choices.clear_options()
        self.choices.display = False
        self.entry.value = ""
        self.entry.display = False
        self.go.label = label
        self.go.display = True
        self.say_error("")
        self.say_hint(hint)

    def say_error(self, text: str) -> None:
        error = self.query_one("#error", Static)
        error.update(text)
        error.display = bool(text)

    def say_hint(self, text: str) -> None:
        hint = self.query_one("#hint", Static)
        hint.update(text)
        hint.display = bool(text)

    def focus_target(self) -> Input | Button:
        return self.go if self.go.display else self.entry

    def action_move(self, step: int) -> None:
        if self.choices.display and self.choices.option_count and self.entry.has_focus:
            self.choices.move(step)
        elif step < 0:
            self.post_message(self.UpFromTop())
