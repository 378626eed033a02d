"""The result as plain text, from the structure in ``report``: the glance that fits 80x24,
cards, why the others do not fit. No colour, no box drawing: a screen reader reads it as it is.
"""

from __future__ import annotations

import textwrap

from wizard.content import Content
from wizard.matching import Result
from wizard.model import Lang
from wizard.report import (
    SCREEN_HEIGHT,
    SCREEN_WIDTH,
    Card,
    Glance,
    GlanceItem,
    cards,
    glance,
    heading,
    item_detail,
)
from wizard.report_why_not import WhyNot, why_not, why_not_grouped

# --- ------------------------------------------------------------------------------------


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """``text`` wrapped to ``width``: the first line starts with ``first`` (default: ``indent``)."""
    start = indent if first is None else first
    return textwrap.wrap(text, width, initial_indent=start, subsequent_indent=indent) or [""]


def glance_item_lines(item: GlanceItem, lang: Lang, width: int = SCREEN_WIDTH) -> list[str]:
    """One item as one or two lines (more only on a narrow screen)."""
    head = f"{item.number}. {item.glyph} {item.word}: {item.name}"
    return _wrap(head, width, "   ", "") + _wrap(item_detail(item, lang), width, "   ")


def render_glance(
    summary: Glance,
    width: int = SCREEN_WIDTH,
    height: int | None = SCREEN_HEIGHT,
    see_why: str = "",
) -> list[str]:
    """The glance as lines that fit ``width`` x ``height``; items that do not fit are counted
    on one line ("En nog 12 ...") instead of running off the screen."""
    top = [summary.title, ""]
    if summary.nothing:
        top += [line for text in summary.nothing for line in _wrap(text, width)]
    if summary.weaker_title:
        top += _wrap(summary.weaker_title, width)
    if summary.intro:
        top += _wrap(summary.intro, width)
    bottom: list[str] = []
    if summary.tips:
        bottom += _wrap(f"{heading('tips', summary.lang)}: {'; '.join(summary.tips)}.", width)
    if summary.others_line:
        bottom += _wrap(f"{summary.others_line} {see_why}".strip(), width)
    blocks = [glance_item_lines(item, summary.lang, width) for item in summary.items]
    room = (height if height is not None else 10**6) - len(top) - len(bottom) - 1
    body: list[str] = []
    for index, block in enumerate(blocks):
        rest = len(blocks) - index
        needs_more_line = rest > 1
        if len(body) + len(block) + (1 if needs_more_line else 0) > room and body:
            more = heading("more", summary.lang, count=rest)
            body += _wrap(more, width)
            break
        body += block
    return [*top, *body, *([""] if bottom else []), *bottom]


def render_card(item: Card, width: int = SCREEN_WIDTH, lang: Lang = "nl") -> list[str]:
    """A card as lines: the name with its verdict, then labelled blocks."""
    lines = [f"{item.glyph} {item.word}: {item.name}"]

    def block(label: str, texts: tuple[str, ...] | list[str]) -> None:
        if texts:
            lines.append(f"{label}:")
            for text in texts:
                lines.extend(_wrap(text, width, "  ", "- "))

    block(heading("gives", lang), [item.gives])
    block(heading("why" if item.status == "eligible" else "why_possibly", lang), item.why)
    block(heading("next", lang), item.steps)
    block(heading("check", lang), item.checks)
    block(heading("note", lang), item.notes)
    block(heading("links", lang), [f"{label}: {url}" for label, url in item.links])
    if item.phone:
        lines.append(f"{heading('phone', lang)}: {item.phone}")
    if item.combines:
        lines.extend(_wrap(f"{heading('combines', lang)}: {'; '.join(item.combines)}.", width))
    return lines


def render_why_not(rows: list[WhyNot], lang: Lang, width: int = SCREEN_WIDTH) -> list[str]:
    lines: list[str] = []
    for group, chosen in why_not_grouped(rows):
        lines.append(heading(group, lang) + ":")
        for row in chosen:
            text = f"{row.name}: {row.reason}" if row.reason else row.name
            lines.extend(_wrap(text, width, "  ", "- "))
    return lines


def words(lines: list[str] | str) -> int:
    """Words a person reads: tokens with a letter or digit (glyphs and bullets do not count)."""
    text = lines if isinstance(lines, str) else "\n".join(lines)
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def render_text(content: Content, result: Result, lang: Lang, width: int = SCREEN_WIDTH) -> str:
    """The whole result as plain text in reading order: the glance, each card, why the others
    do not fit, the footer. No colour, no box drawing: a screen reader reads it as it is."""
    summary = glance(content, result, lang)
    lines = render_glance(summary, width, height=None)
    for item in cards(content, result, lang):
        lines += ["", *render_card(item, width, lang)]
    if rows := why_not(content, result, lang):
        lines += ["", *render_why_not(rows, lang, width)]
    lines += ["", *summary.footer]
    return "\n".join(lines)


def overview_lines(summary: Glance, width: int = SCREEN_WIDTH, see_why: str = "") -> list[str]:
    """Everything on the result page before any card is opened: the whole glance (no height
    limit) and the footer."""
    return [*render_glance(summary, width, height=None, see_why=see_why), "", *summary.footer]


def reading_figures(content: Content, result: Result, lang: Lang) -> tuple[int, int]:
    """(words on the first screen at 80x24, words before any card is opened): the product's
    reading budget (at most 120 and 400 for a typical person)."""
    summary = glance(content, result, lang)
    return words(render_glance(summary)), words(overview_lines(summary))
