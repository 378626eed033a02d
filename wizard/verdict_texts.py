"""The reason texts of a verdict: dated texts in force, answers inside a sentence, "not in force"."""

from __future__ import annotations

from datetime import date

from wizard.conditions import FALSE, Known, evaluate, simplify
from wizard.content import CompiledCheck, CompiledIncentive
from wizard.model import Text


def texts_in_force(checks: tuple[CompiledCheck, ...], known: Known, on: date) -> list[Text]:
    """Dated texts in force on ``on`` that the answers do not rule out."""
    return [
        Text(nl=c.model.nl, en=c.model.en)
        for c in checks
        if c.model.in_force(on) and (c.condition is None or simplify(c.condition, known) != FALSE)
    ]


def route_texts(incentive: CompiledIncentive, known: Known, on: date | None) -> list[Text]:
    """The texts of the ``comes_first`` entries the answers make true (on ``on``; None: any
    date): why this is the person's route. None of them: it is not."""
    return [
        Text(nl=c.model.nl, en=c.model.en)
        for c in incentive.comes_first
        if (on is None or c.model.in_force(on))
        and (c.condition is None or evaluate(c.condition, known) is True)
    ]


def in_sentence(label: str) -> str:
    """ "Uw hoogste diploma" -> "uw hoogste diploma"; "VDAB-opleiding" stays as it is."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def with_answers(text: Text, deciding: Text | None) -> Text:
    """A rule's text followed by the answers that decided it (when there are any)."""
    if deciding is None:
        return text
    return Text(nl=f"{text.nl} {deciding.nl}", en=f"{text.en} {deciding.en}")


def not_in_force(
    valid_from: date,
    valid_until: date | None,
    on: date,
    valid_from_is_start: bool = True,
    phone: str | None = None,
) -> Text:
    """Why an instrument not in force on ``on`` cannot be used (not yet, no longer, or unknown)."""
    if on < valid_from and not valid_from_is_start:
        ask_nl = (
            f" Vraag het na op {phone}." if phone else " Vraag het na bij de dienst die het geeft."
        )
        ask_en = f" Ask on {phone}." if phone else " Ask the service that provides it."
        return Text(
            nl=f"Deze gids kent de regels pas vanaf {valid_from:%d-%m-%Y}; op {on:%d-%m-%Y} kunnen "
            f"we niet zeggen of het bestond.{ask_nl}",
            en=f"This guide only knows the rules from {valid_from:%Y-%m-%d}; on {on:%Y-%m-%d} we "
            f"cannot say whether it existed.{ask_en}",
        )
    if on < valid_from:
        return Text(
            nl=f"Bestaat pas vanaf {valid_from:%d-%m-%Y}; op {on:%d-%m-%Y} kunt u het nog niet gebruiken.",
            en=f"Only exists from {valid_from:%Y-%m-%d}; on {on:%Y-%m-%d} you cannot use it yet.",
        )
    assert valid_until is not None
    return Text(
        nl=f"Liep af op {valid_until:%d-%m-%Y}; op {on:%d-%m-%Y} kunt u het niet meer aanvragen.",
        en=f"Ended on {valid_until:%Y-%m-%d}; on {on:%Y-%m-%d} you can no longer apply.",
    )
