"""The conversation: Leerwijzer's messages and the person's replies, scrolling, newest at the bottom.

The app describes the whole conversation as a list of ``Line`` (data, rebuilt from the session
after every change); ``Conversation.show`` keeps the widgets that still match and replaces only
what differs from the first change on. Answering adds two messages, going back removes two, so
the number of widgets stays as long as the conversation and nothing piles up over a day.

A reply is focusable: Enter (or a click) on it asks to change that answer (``Reply.Chosen``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text as RichText
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

Speaker = Literal["leerwijzer", "person"]

REPLY_MARKER = "▶ "
"""Shown before the reply under the cursor, so the focus never relies on colour alone."""


@dataclass(frozen=True)
class Line:
    """One message. ``fact`` is set on a reply that can be changed; ``muted`` is a small first line
    (the progress) shown above the text of Leerwijzer's message."""

    key: str
    speaker: Speaker
    text: str
    fact: str | None = None
    muted: str = ""
    hint: str = ""
    """On a reply: what selecting it does ("wijzig"), shown while it has the focus."""


class Said(Static):
    """A message from Leerwijzer."""

    def __init__(self, line: Line) -> None:
        text = RichText()
        if line.muted:
            text.append(line.muted + "\n", style="dim")
        text.append(line.text, style="bold" if line.muted else "")
        super().__init__(text, classes="said")
        self.line = line


class Reply(Static, can_focus=True):
    """The person's answer; focus it and press Enter (or click) to change it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "choose", show=False, id="leerwijzer.reply_choose"),
    ]

    class Chosen(Message):
        def __init__(self, fact: str) -> None:
            super().__init__()
            self.fact = fact

    def __init__(self, line: Line) -> None:
        super().__init__(classes="reply")
        self.line = line

    def render(self) -> RichText:
        if self.has_focus:
            text = RichText.assemble((REPLY_MARKER, "bold"), (self.line.text, "bold"))
            if self.line.hint:
                text.append(f"  ({self.line.hint})")
            return text
        return RichText(self.line.text)

    # Public handlers: Textual runs its own focus handling as well (both are dispatched).
    def on_focus(self, event: events.Focus) -> None:
        self.refresh()
        self.scroll_visible(animate=False)

    def on_blur(self, event: events.Blur) -> None:
        self.refresh()

    def action_choose(self) -> None:
        if self.line.fact is not None:
            self.post_message(self.Chosen(self.line.fact))

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_choose()


def message_widget(line: Line) -> Widget:
    return Reply(line) if line.speaker == "person" else Said(line)


class Conversation(VerticalScroll, can_focus=False):
    """Every message so far; stays scrolled to the newest one (anchored) unless the person scrolls."""

    async def show(self, lines: Sequence[Line]) -> None:
        """Make the messages equal to ``lines``, keeping the unchanged start of the conversation."""
        shown: list[Widget] = list(self.children)
        keep = 0
        for widget, line in zip(shown, lines, strict=False):
            if getattr(widget, "line", None) != line:
                break
            keep += 1
        if keep < len(shown):
            await self.remove_children(shown[keep:])
        if keep < len(lines):
            await self.mount_all([message_widget(line) for line in lines[keep:]])
        self.anchor()

    @property
    def replies(self) -> list[Reply]:
        return list(self.query(Reply))
