"""The result in the TUI: first the answer in one glance, then a card per instrument on request.

Built on ``report.glance``, ``report.card`` and ``report.why_not`` (the structure every front end
shares). The glance is a list: each instrument that applies on one or two lines (number, glyph
and verdict word, name, gist; then the first thing to do), and a last line counting the others;
Enter on a line opens its card, or the reasons why the others do not fit.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from wizard.model import Lang
from wizard.report import Card, Glance, heading
from wizard.report_why_not import WhyNot, why_not_grouped
from wizard.ui_texts import say

OTHERS_ID = "__others__"
"""Option id of the line that counts the instruments that do not fit."""


def numbered(number: str, *lines: RichText, width: int | None = None) -> RichText:
    """A numbered item of one row per line, each cut to ``width`` with "…" (the card, one Enter
    away, has it all), so every instrument takes one or two lines on the glance."""
    text = RichText()
    for index, line in enumerate(lines):
        row = RichText(f"{number} " if index == 0 else " " * (len(number) + 1), style="bold")
        row.append_text(line)
        if width is not None and row.cell_len > width:
            row.truncate(width, overflow="ellipsis")
        text.append_text(row if index == 0 else RichText("\n").append_text(row))
    return text


def glance_widgets(
    glance: Glance, *, offer_code: bool, see_others: str, lang: Lang
) -> list[Widget]:
    """The widgets of the glance page, in reading order."""
    widgets: list[Widget] = [
        Static(RichText(glance.title, style="bold"), id="result-title"),
    ]
    if glance.nothing:
        widgets.append(Static("\n".join(glance.nothing), id="referral", markup=False))
    if glance.intro:  # "Nog niets is zeker voor u": said before the uncertain items
        widgets.append(Static(glance.intro, id="glance-intro", markup=False))
    if glance.weaker_title:
        widgets.append(Static(glance.weaker_title, id="weaker-title", markup=False))
    options: list[Option] = []
    items: dict[str, tuple[str, list[RichText]]] = {}
    first = heading("first", lang)
    for item in glance.items:
        line = RichText.assemble((f"{item.glyph} {item.word}", "bold"), " · ", (item.name, "bold"))
        if item.gist:
            line.append(f": {item.gist}")
        lines = [line]
        if item.first_step:
            lines.append(RichText(f"{first}: {item.first_step}"))
        items[item.instrument] = (f"{item.number}.", lines)
        options.append(Option(numbered(f"{item.number}.", *lines), id=item.instrument))
    if glance.others:
        options.append(Option(RichText(f"{glance.others_line} {see_others}"), id=OTHERS_ID))
    if options:
        widgets.append(GlanceList(*options, items=items, id="glance"))
    if glance.tips:
        tips = f"{heading('tips', lang)}: {', '.join(glance.tips)}"
        widgets.append(Static(tips, id="tips", markup=False))
    widgets.append(Static("\n".join(glance.footer), id="rules", markup=False))
    buttons: list[Widget] = []
    if offer_code:  # the kiosk stores nothing unless the person asks for a code
        buttons.append(Button(say("tui.ask_code", lang), id="ask-code", compact=True))
    buttons.append(Button(say("tui.restart", lang), id="restart", compact=True))
    widgets.append(Horizontal(*buttons, id="result-buttons"))
    return widgets


class GlanceList(OptionList):
    """The instruments of the glance; the first is highlighted so Enter opens the best one.
    Items are cut to the list's width whenever it changes size (see ``numbered``)."""

    def __init__(self, *options: Option, items: dict[str, tuple[str, list[RichText]]], id: str):  # noqa: A002
        super().__init__(*options, id=id)
        self._items = items

    def on_mount(self) -> None:
        if self.option_count:
            self.highlighted = 0

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        for index, option in enumerate(self.options):
            if option.id in self._items:
                number, lines = self._items[option.id]
                self.replace_option_prompt_at_index(index, numbered(number, *lines, width=width))


class ResultView(VerticalScroll, can_focus=False):
    """Where the glance is shown, in place of the chat."""

    async def show_glance(self, widgets: list[Widget]) -> None:
        await self.remove_children()
        await self.mount_all(widgets)
        self.scroll_home(animate=False)


def card_text(card: Card, lang: Lang) -> RichText:
    """One instrument in full, in labelled blocks; only what concerns this person."""
    text = RichText()

    def block(title: str, lines: tuple[str, ...] | list[str], bullet: bool = False) -> None:
        if not lines:
            return
        text.append(f"\n{title}\n", style="bold")
        for line in lines:
            text.append(f"{'• ' if bullet else ''}{line}\n")

    text.append(f"{card.glyph} {card.word}\n", style="bold")
    block(heading("gives", lang), [card.gives])
    why = heading("why" if card.status == "eligible" else "why_possibly", lang)
    block(why, card.why)
    block(heading("next", lang), card.steps, bullet=True)
    block(heading("check", lang), card.checks, bullet=True)
    block(heading("note", lang), card.notes, bullet=True)
    links = [f"{label}: {url}" for label, url in card.links]
    if card.phone:
        links.append(f"{heading('phone', lang)}: {card.phone}")
    block(heading("links", lang), links)
    if card.combines:
        block(heading("combines", lang), ["; ".join(card.combines)])
    return text


def why_not_text(rows: list[WhyNot], lang: Lang) -> RichText:
    """The others, in report's groups and reading order (not for you, also possible, not looked
    into, for other people's situations): the same grouping plain mode and the exports use."""
    text = RichText()
    for group, named in why_not_grouped(rows):
        text.append(f"{heading(group, lang)}\n", style="bold")
        for row in named:
            text.append(f"• {row.name}", style="bold")
            text.append(f": {row.reason}\n" if row.reason else "\n")
        text.append("\n")
    return text


class CardScreen(ModalScreen[None]):
    """A card (or the reasons the others do not fit), scrolling; Escape goes back to the glance."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", show=False, id="leerwijzer.card_close"),
    ]

    def __init__(self, title: str, body: RichText, closing: str, keys: RichText) -> None:
        super().__init__()
        self._card_title, self._body = title, body
        self._closing_text, self._keys_text = closing, keys

    def compose(self) -> ComposeResult:
        with Vertical(id="card-dialog", classes="dialog"):
            yield Static(RichText(self._card_title, style="bold"), id="card-title")
            with VerticalScroll(id="card-scroll"):
                yield Static(self._body, id="card-body")
            yield Static(self._closing_text, id="card-closing", markup=False)
        yield Static(self._keys_text, id="card-keys")

    def on_mount(self) -> None:
        self.query_one("#card-scroll", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
