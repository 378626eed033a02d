"""The widgets of each page, built fresh for the current state: welcome, question, check, result.

The app mounts them into one container and replaces them in place ("attributes down"); the
widgets post the usual Textual messages back up (option selected, input submitted, button pressed).
"""

from __future__ import annotations

from rich.text import Text as RichText
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from wizard.conditions import Unknown
from wizard.content import CompiledQuestion, Content
from wizard.engine import Engine
from wizard.matching import Result
from wizard.model import Lang
from wizard.report import heading, result_sections
from wizard.sessions import Answer, Session
from wizard.tui.widgets import UNKNOWN_ID, ChoiceList
from wizard.ui_texts import say

SECTION_IDS = {"nothing": "referral", "footer": "rules"}
"""Text-only sections that tests and styles address by id."""


def welcome_widgets(lang: Lang) -> list[Widget]:
    return [
        Static(RichText(say("tui.welcome_title", lang), style="bold"), id="welcome-title"),
        Static(say("tui.welcome_body", lang), id="welcome-body", markup=False),
        Button(say("tui.start", lang), id="start", variant="primary"),
    ]


def question_widgets(
    engine: Engine,
    session: Session,
    question: CompiledQuestion,
    preset: Answer | str | None,
    *,
    editing: bool = False,
) -> list[Widget]:
    lang = session.lang
    fact = engine.content.facts[question.fact]
    offer_unknown = fact.offer_unknown or fact.optional
    hint_key = "tui.hint_choice" if fact.kind in ("choice", "yes_no") else f"tui.hint_{fact.kind}"
    hint = say(hint_key, lang) + (say("tui.hint_help", lang) if question.model.help else "")
    if editing:
        top = say("tui.editing", lang)
    else:
        number, total = engine.progress(session)
        top = say("progress", lang, n=number, total=total)
    widgets: list[Widget] = [
        Static(top, id="progress", markup=False),
        Static(question.model.text.get(lang), id="question", markup=False),
        Static(hint, id="hint", markup=False),
    ]
    if fact.kind in ("choice", "yes_no"):
        selected = UNKNOWN_ID if isinstance(preset, Unknown) else preset
        widgets.append(
            ChoiceList(
                [(value, fact.value_label(value, lang)) for value in fact.value_ids()],
                unknown_label=say("unknown", lang) if offer_unknown else None,
                selected=selected if isinstance(selected, str) else None,
                id="choices",
            )
        )
    else:
        shown = "" if preset is None or isinstance(preset, Unknown) else str(preset)
        placeholder = say(f"tui.placeholder_{fact.kind}", lang)
        widgets.append(Input(value=shown, placeholder=placeholder, id="entry"))
        if offer_unknown:
            widgets.append(Button(say("unknown", lang), id="unknown", compact=True))
    error = Static("", id="error", markup=False)
    error.display = False
    widgets.append(error)
    return widgets


def answer_label(content: Content, fact_id: str, value: Answer, lang: Lang) -> str:
    if isinstance(value, Unknown):
        return say("unknown", lang)
    if isinstance(value, str):
        return content.facts[fact_id].value_label(value, lang)
    return str(value)


def check_widgets(engine: Engine, session: Session) -> list[Widget]:
    """GOV.UK's "check your answers": every answer listed, each one a choice that edits it."""
    lang = session.lang
    walk = engine.walk(session)
    rows = [
        (
            question.fact,
            f"{question.model.text.get(lang)}\n     {say('tui.your_answer', lang)}: "
            f"{answer_label(engine.content, question.fact, walk.known[question.fact], lang)}"
            f"  ({say('tui.change', lang)})",
        )
        for question in walk.asked
    ]
    return [
        Static(RichText(say("tui.check_title", lang), style="bold"), id="check-title"),
        Static(say("tui.check_hint", lang), id="hint", markup=False),
        ChoiceList(rows, id="answers"),
        Button(say("tui.show_result", lang), id="show-result", variant="primary"),
    ]


def result_widgets(
    content: Content, result: Result, lang: Lang, *, offer_code: bool = False
) -> list[Widget]:
    title = heading("title" if result.complete else "provisional", lang)
    widgets: list[Widget] = [Static(RichText(title, style="bold"), id="result-title")]
    for section in result_sections(content, result, lang):
        if section.title:
            widgets.append(Static(RichText(section.title, style="bold"), classes="section"))
        for entry in section.entries:
            text = RichText.assemble((entry.title, "bold" if entry.lines else ""))
            for line in entry.lines:
                text.append(f"\n   {line}")
            widgets.append(Static(text, classes=f"card {section.kind}"))
        if section.text:
            widgets.append(
                Static("\n".join(section.text), id=SECTION_IDS.get(section.kind), markup=False)
            )
    if offer_code:  # the kiosk stores nothing unless the person asks for a code
        widgets.append(Button(say("tui.ask_code", lang), id="ask-code"))
    widgets.append(Button(say("tui.restart", lang), id="restart"))
    return widgets
