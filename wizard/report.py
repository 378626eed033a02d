"""A result as a person reads it: first the answer in one glance, then a card per instrument.

The structure here drives every front end (TUI, plain mode, Markdown and HTML export):

- ``Glance``: one screen (80x24): every instrument that applies, certain ones first and in rank
  order, each with a verdict word and glyph, what it gives (the ``gist``) and the first thing to
  do; then one line counting the others that do not fit (``report_why_not.why_not`` says why).
- ``Card``: one instrument in full: what you get, why (one short sentence per deciding rule),
  next steps, the checks that concern this person, notes and links.
- ``WhyNot``: one line per instrument that does not fit, with its short reason.

"Possibly" is never filed under "recommended": every line carries its own verdict word, and when
nothing is certain the glance says so first. When nothing applies, the glance says so and offers
the referral; it never adds "also possible". When nothing fits the goal well but something is
open, it says exactly that above those items (``weaker_title``).

With ``result_mode: end_state`` (one outcome per path) the glance shows the outcome reached and
neither counts nor lists the other outcomes: they are where other answers lead.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from wizard.content import Content
from wizard.matching import Result, Verdict
from wizard.model import Lang, Text
from wizard.short_text import as_sentences, first_sentence, short_name, short_step
from wizard.ui_texts import say

SCREEN_WIDTH = 80
SCREEN_HEIGHT = 24

GLYPHS: dict[str, str] = {
    "eligible": "✔",
    "possibly": "?",
    "announced": "◷",
    "not_eligible": "✘",
    "not_assessed": "–",
}
"""One glyph per shown status, always next to its word: never colour or a glyph alone."""

ASCII_GLYPHS: dict[str, str] = {
    "eligible": "+",
    "possibly": "?",
    "announced": "~",
    "not_eligible": "x",
    "not_assessed": "-",
}
"""The same for terminals without Unicode (``TERM=linux``, some screen readers)."""

STATUS_ORDER: dict[str, int] = {"eligible": 0, "possibly": 1, "announced": 2}
"""Certain before uncertain; a status this module does not know yet comes after those; an
announced measure (nothing to apply for yet) always comes last."""

NOT_APPLYING = frozenset({"not_eligible", "not_assessed"})


def heading(key: str, lang: Lang, **values: object) -> str:
    return say(f"result.{key}", lang, **values)


def status_word(status: str, lang: Lang) -> str:
    """The verdict as a word ("zeker", "misschien", "aangekondigd"), for any status."""
    try:
        return say(f"verdict.{status}", lang)
    except KeyError:
        return status.replace("_", " ")


def status_glyph(status: str, ascii_only: bool = False) -> str:
    return (ASCII_GLYPHS if ascii_only else GLYPHS).get(status, "*" if ascii_only else "•")


# --- the structure ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GlanceItem:
    """One instrument on the first screen; ``number`` opens its card in plain mode and the TUI."""

    number: int
    instrument: str
    status: str
    """``Verdict.shown_status``: "eligible", "possibly", "announced", or a future status."""
    word: str
    glyph: str
    name: str
    gist: str
    """What it gives, in at most a dozen words."""
    first_step: str
    """The first thing to do: the first sentence of the first next step, without asides; empty
    for an announced measure (nothing to apply for yet; its card says when to look again)."""
    weaker: bool = False
    """Open to the person but a weak fit for the goal (shown only when nothing fits well)."""


@dataclass(frozen=True)
class Glance:
    """The answer in one glance: what a person sees before opening anything."""

    lang: Lang
    title: str
    complete: bool
    items: tuple[GlanceItem, ...]
    """Every instrument that applies, best first (certain ones before uncertain ones)."""
    nothing: tuple[str, ...] = ()
    """When nothing applies: that sentence and where to go next (then ``items`` is empty)."""
    weaker_title: str = ""
    """When nothing fits the goal well: the heading above ``items`` ("Past minder goed, ...")."""
    intro: str = ""
    """When something may apply but nothing is certain: "Nog niets is zeker voor u. ..."."""
    tips: tuple[str, ...] = ()
    """Names of information tools worth a look ("Ook handig")."""
    others: int = 0
    """How many instruments do not fit or were not looked into (``why_not`` lists them)."""
    others_line: str = ""
    """"21 andere maatregelen passen niet of minder goed." (front ends add how to see why)."""
    footer: tuple[str, ...] = ()
    """The "not a decision" line, the rules version and date, the last check of the rules."""


@dataclass(frozen=True)
class Card:
    """One instrument in full, opened from the glance."""

    instrument: str
    status: str
    word: str
    glyph: str
    name: str
    gist: str
    gives: str
    why: tuple[str, ...]
    """Short sentences, one per deciding rule, without echoed answers."""
    steps: tuple[str, ...]
    checks: tuple[str, ...]
    """Only the checks that concern this person (``when`` on checks)."""
    notes: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    """(label, url)"""
    phone: str | None = None
    combines: tuple[str, ...] = ()
    """Names of instruments it can be combined with."""


# --- building it -----------------------------------------------------------------------------------


def end_state(content: Content) -> bool:
    """Whether each path of this content reaches one outcome (graph.yaml ``result_mode``): then
    the result shows what was reached and does not list the other outcomes as not applying."""
    return content.result_mode == "end_state"


def instrument_name(content: Content, instrument: str, lang: Lang) -> str:
    return content.incentives[instrument].model.name.get(lang)


def gist_of(content: Content, instrument: str, lang: Lang) -> str:
    """The instrument's gist, or (for content without one) the first sentence of its summary."""
    model = content.incentives[instrument].model
    if model.gist is not None:
        return model.gist.get(lang)
    return first_sentence(model.summary.get(lang))


def steps_for(content: Content, result: Result, instrument: str) -> tuple[Text, ...]:
    """The next steps for this person: those the matcher kept in force on the reference date
    (when it gives them), else the instrument's own."""
    kept: tuple[Text, ...] = getattr(result.verdicts[instrument], "next_steps", ())
    return kept or tuple(content.incentives[instrument].model.next_steps)


def summary_for(content: Content, result: Result, instrument: str) -> Text:
    """What it gives: the matcher's dated summary when it gives one, else the instrument's."""
    dated: Text | None = getattr(result.verdicts[instrument], "summary", None)
    return dated or content.incentives[instrument].model.summary


def _first_step(content: Content, result: Result, instrument: str, lang: Lang) -> str:
    steps = steps_for(content, result, instrument)
    return short_step(steps[0].get(lang)) if steps else ""


def applying(result: Result) -> list[str]:
    """The instruments that apply, best first: certain (with a "possibly" that waits only on a
    step of the person's own), then uncertain, then announced; within each, the matcher's ranking
    (fit for the goal, then priority). Announced measures that concern the person
    (``Result.announced``, when the matcher gives it) come after the rest."""
    ranked = list(result.recommended)
    ranked += [i for i in result.announced if i not in ranked]
    ranked = [i for i in ranked if result.verdicts[i].shown_status not in NOT_APPLYING]

    def group(instrument: str) -> int:
        verdict = result.verdicts[instrument]
        # a "possibly" only for a step of the person's own ranks with the certain (docs/ranking.md key 0)
        status = "eligible" if verdict.within_reach else verdict.shown_status
        return STATUS_ORDER.get(status, len(STATUS_ORDER))

    return sorted(ranked, key=group)  # a stable sort: the ranking's order within each group


def weaker_fits(result: Result) -> list[str]:
    """Instruments that apply but serve the goal less well (not recommended, not tips)."""
    chosen = set(result.recommended)
    return [
        i
        for i, v in result.verdicts.items()
        if i not in chosen and not v.tip and v.shown_status in ("eligible", "possibly")
    ]


def _day(day: date, lang: Lang) -> str:
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.isoformat()


def footer_lines(result: Result, lang: Lang) -> tuple[str, ...]:
    def shown(day: date) -> str:
        return _day(day, lang)

    lines = [
        heading("not_a_decision", lang),
        heading("footer", lang, version=result.rules_version, date=shown(result.date)),
    ]
    # Another part of the program may add when the rules were last checked: show it if present.
    for field in fields(result):
        value = getattr(result, field.name)
        if "checked" in field.name and isinstance(value, date):
            lines.append(heading("checked", lang, date=shown(value)))
    return tuple(lines)


def item_detail(item: GlanceItem, lang: Lang) -> str:
    """The second line of an item: the gist, then "Eerst: ..." when there is a first step."""
    if not item.first_step:
        return item.gist
    return f"{item.gist} {heading('first', lang)}: {item.first_step}"


def _item(
    content: Content,
    result: Result,
    number: int,
    instrument: str,
    lang: Lang,
    ascii_only: bool,
    weaker: bool,
) -> GlanceItem:
    verdict = result.verdicts[instrument]
    status = verdict.shown_status
    word = status_word(status, lang)
    name = short_name(instrument_name(content, instrument, lang))
    name = name.removesuffix(f" ({word})")  # "Omscholingsmaatregel (aangekondigd)": said once
    # An announced measure has nothing to apply for yet: its card says when to look again.
    first_step = "" if status == "announced" else _first_step(content, result, instrument, lang)
    return GlanceItem(
        number=number,
        instrument=instrument,
        status=status,
        word=word,
        glyph=status_glyph(status, ascii_only),
        name=name,
        gist=gist_of(content, instrument, lang),
        first_step=first_step,
        weaker=weaker,
    )


def glance(content: Content, result: Result, lang: Lang, *, ascii_only: bool = False) -> Glance:
    """The first screen of the result: see the module docstring."""
    title = heading("title" if result.complete else "provisional", lang)
    shown = applying(result)
    later = [i for i in shown if result.verdicts[i].shown_status == "announced"]
    now = [i for i in shown if i not in later]
    nothing: tuple[str, ...] = ()
    weaker_title = ""
    weaker: list[str] = []
    if not now:
        weaker = weaker_fits(result)
        if weaker:  # nothing fits the goal well, but something fits less well: say exactly that
            weaker_title = heading("weaker_only", lang)
        else:  # and no "also possible" after it; an announced measure is not available now
            referral = (result.referral.get(lang),) if result.referral is not None else ()
            nothing = (heading("nothing", lang), *referral)
    items = tuple(
        _item(content, result, number, instrument, lang, ascii_only, instrument in weaker)
        for number, instrument in enumerate([*now, *weaker, *later], start=1)
    )
    on_list = {item.instrument for item in items}  # a tip may be recommended: named once
    tips = tuple(instrument_name(content, t, lang) for t in result.tips if t not in on_list)
    listed = {item.instrument for item in items} | set(result.tips)
    others = sum(1 for i, v in result.verdicts.items() if i not in listed and not v.tip)
    if end_state(content) and items:
        others = 0  # the other end states are other paths, not outcomes this person missed
    return Glance(
        lang=lang,
        title=title,
        complete=result.complete,
        items=items,
        nothing=nothing,
        weaker_title=weaker_title,
        intro=heading("nothing_certain", lang)
        if now and not any(result.verdicts[i].shown_status == "eligible" for i in now)
        else "",
        tips=tips,
        others=others,
        others_line=heading("others", lang, count=others) if others else "",
        footer=footer_lines(result, lang),
    )


def card(
    content: Content, result: Result, instrument: str, lang: Lang, *, ascii_only: bool = False
) -> Card:
    """One instrument in full (see ``Card``)."""
    verdict: Verdict = result.verdicts[instrument]
    model = content.incentives[instrument].model
    status = verdict.shown_status
    return Card(
        instrument=instrument,
        status=status,
        word=status_word(status, lang),
        glyph=status_glyph(status, ascii_only),
        name=model.name.get(lang).removesuffix(f" ({status_word(status, lang)})"),
        gist=gist_of(content, instrument, lang),
        gives=summary_for(content, result, instrument).get(lang),
        why=tuple(as_sentences(r.get(lang)) for r in verdict.why),
        steps=tuple(step.get(lang) for step in steps_for(content, result, instrument)),
        checks=tuple(item.get(lang) for item in verdict.verify),
        notes=tuple(note.get(lang) for note in verdict.notes),
        links=tuple((link.label.get(lang), link.url) for link in model.links),
        phone=model.phone,
        # only a partner this person may get: one not in force on the date (an ended pilot, review
        # 5 N12) or ruled out for them (VOV for a public servant, review 10) is no partner here
        combines=tuple(
            instrument_name(content, i, lang)
            for i in model.combines_with
            if content.incentives[i].model.in_force(result.date)
            and result.verdicts[i].status in ("eligible", "possibly")
        ),
    )


def cards(content: Content, result: Result, lang: Lang, *, ascii_only: bool = False) -> list[Card]:
    """The cards of every instrument on the glance, in its order."""
    return [
        card(content, result, item.instrument, lang, ascii_only=ascii_only)
        for item in glance(content, result, lang).items
    ]
