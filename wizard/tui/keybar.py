"""Our own footer: the keys that work on this page, as one or two lines of text.

Textual's Footer rebuilds a widget per key whenever bindings are refreshed, and the pinned Textual
keeps the old ones alive through data_bind watchers (upstream Textualize/textual#6666): 0.38 MB
per question change. This bar is a single Static whose text is replaced, so memory stays flat.

``page_keys`` is the one list of keys per page: the bar shows those that fit on one line (the
page's own keys and F1 first) and F1's help lists them all, so every key that works is
discoverable; a test checks every binding of the app appears here.
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.widget import Widget

from wizard.model import Lang
from wizard.ui_texts import say

Keys = list[tuple[str, str]]
"""(key as shown, what it does), in the session's language."""

PageName = str


def page_keys(page: PageName, lang: Lang, *, mode: str, editing: bool = False) -> Keys:
    """The keys that work on ``page`` ("welcome", "question", "check", "result", "card")."""
    keys: Keys = []
    if page == "welcome":
        keys.append(("Enter", say("key.start", lang)))
    elif page == "question":
        keys.append(("↑↓ Enter", say("key.choose", lang)))
        if editing:
            keys.append(("Esc", say("key.cancel_edit", lang)))
        else:
            keys.append(("Esc", say("key.previous", lang)))
            keys.append(("Shift+Tab", say("key.change", lang)))
    elif page == "check":
        keys.append(("Enter", say("key.show_result", lang)))
        keys.append(("↑", say("key.change", lang)))
        keys.append(("Esc", say("key.last_question", lang)))
    elif page == "result":
        keys.append(("↑↓ Enter", say("key.open", lang)))
        keys.append(("Esc", say("key.to_answers", lang)))
    elif page == "card":
        keys.append(("Esc", say("key.to_overview", lang)))
        keys.append(("↑↓", say("key.read_on", lang)))
    keys.append(("F1/?", say("tui.help", lang)))  # before the rest: a narrow footer keeps it
    if page != "card":
        keys.append(("F2", say("tui.other_lang", lang)))
    if mode == "counsellor" and page != "card":
        keys += [
            ("Ctrl+S", say("tui.save", lang)),
            ("Ctrl+E", say("tui.export", lang)),
            ("F4", say("tui.what_if", lang)),
        ]
    if mode != "kiosk" and page != "card":
        keys += [("Ctrl+P", say("key.palette", lang)), ("Ctrl+Q", say("tui.quit", lang))]
    return keys


def keys_text(keys: Keys, width: int | None = None) -> RichText:
    """The keys as one line; with ``width``, only those that fit (in order: this page's own keys
    and F1 first; F1's help lists them all)."""
    text = RichText()
    for index, (key, does) in enumerate(keys):
        gap = "  " if index else ""
        if width is not None and text.cell_len + len(gap) + len(key) + 1 + len(does) > width:
            break
        text.append(gap)
        text.append(key, style="bold reverse")
        text.append(f" {does}")
    return text


class KeyBar(Widget):
    """The footer: one line, docked at the bottom, redrawn in place (never rebuilt)."""

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's own name)
        super().__init__(id=id)
        self._keys: Keys = []

    def show_keys(self, keys: Keys) -> None:
        self._keys = keys
        self.refresh()

    @property
    def keys(self) -> Keys:
        return list(self._keys)

    def render(self) -> RichText:
        return keys_text(self._keys, self.content_size.width or None)
