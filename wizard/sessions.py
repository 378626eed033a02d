"""A session: the reference date, the language and the answers given, in order. Immutable.

Answers are checked here before they enter a session: an invalid answer raises InvalidAnswer with a
reason in Dutch and English, and the session it was offered to is left exactly as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from wizard.conditions import UNKNOWN, Chosen, Unknown, Value
from wizard.model import YES_NO_ENGLISH, YES_NO_VALUES, Fact, Lang, Text
from wizard.sanitize import (
    UNBOUNDED_DIGITS,
    UNDECODABLE,
    BoundedNumber,
    bounded_int,
    shown,
    undecodable,
)

UNKNOWN_ANSWER = "weet_niet"
"""How "Ik weet het niet" is written in scenario files, saved sessions and plain mode."""

Answer = Value | Chosen | Unknown
"""A value id, a number, an ISO date, the set of ids chosen (multi_choice), or "weet ik niet"."""


class InvalidAnswer(ValueError):
    """An answer the fact does not allow; ``reason`` says why, in both languages."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


def parse_answer(fact: Fact, raw: object) -> Answer:
    """Turn what a person or a file gave into a valid answer for ``fact``, or raise InvalidAnswer."""
    if isinstance(raw, str) and undecodable(raw):  # e.g. "é" typed on a Latin-1 terminal
        raise InvalidAnswer(Text(nl=UNDECODABLE[0], en=UNDECODABLE[1]))
    if raw is UNKNOWN or raw == UNKNOWN_ANSWER:
        # A choice may list "weet_niet" as a value of its own (shown among the options): it means
        # the same as "weet ik niet", so every rule treats it as unknown.
        if fact.offer_unknown or fact.optional or UNKNOWN_ANSWER in fact.value_ids():
            return UNKNOWN
        raise InvalidAnswer(
            Text(
                nl=f"Voor '{fact.label.nl}' is 'weet ik niet' geen mogelijk antwoord.",
                en=f"'I don't know' is not an option for '{fact.label.en}'.",
            )
        )
    if fact.kind == "multi_choice":
        return _parse_chosen(fact, raw)
    if fact.kind in ("choice", "yes_no"):
        allowed = fact.value_ids()
        if isinstance(raw, str) and raw in allowed:
            return raw
        if fact.kind == "yes_no" and isinstance(raw, str):
            # ja/nee and yes/no name the same two answers, whichever ids the content chose.
            for ids in (YES_NO_VALUES, YES_NO_ENGLISH):
                if raw in ids:
                    return allowed[ids.index(raw)]
        options = ", ".join(allowed)
        raw = shown(raw)  # typed text is repeated back clean and short, whatever it held
        raise InvalidAnswer(
            Text(
                nl=f"'{raw}' is geen mogelijk antwoord op '{fact.label.nl}'. Kies uit: {options}.",
                en=f"'{raw}' is not an answer to '{fact.label.en}'. Choose from: {options}.",
            )
        )
    if fact.kind == "integer":
        return _parse_integer(fact, raw)
    return _parse_date(fact, raw)


def _parse_chosen(fact: Fact, raw: object) -> Chosen:
    """A multi_choice answer: a list (or set) of value ids, or one id; an empty list is "none of
    these". Every id must be one of the fact's values."""
    if isinstance(raw, str):
        items: list[object] = [part.strip() for part in raw.split(",") if part.strip()]
    elif isinstance(raw, list | tuple | set | frozenset):
        items = list(raw)
    else:
        items = [raw]
    allowed = fact.value_ids()
    wrong = [item for item in items if not (isinstance(item, str) and item in allowed)]
    if wrong:
        bad = ", ".join(f"'{shown(item)}'" for item in wrong[:3])
        options = ", ".join(allowed)
        raise InvalidAnswer(
            Text(
                nl=f"{bad}: geen mogelijk antwoord op '{fact.label.nl}'. Kies uit: {options} "
                "(een lijst; een lege lijst is 'geen van deze').",
                en=f"{bad}: not an answer to '{fact.label.en}'. Choose from: {options} "
                "(a list; an empty list is 'none of these').",
            )
        )
    return frozenset(str(item) for item in items)


def is_whole_number(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts '²', which int() then refuses."""
    return bounded_int(text, None, None).status != "not_a_number"


def _parse_integer(fact: Fact, raw: object) -> int:
    # The range is checked on the digits before any int(): a 5,000-digit answer is "out of
    # range", never Python's ValueError for over 4,300 digits.
    checked: BoundedNumber | None = None
    if isinstance(raw, int) and not isinstance(raw, bool):
        # From a file or a program: compared as a number (str() of a huge int raises too).
        in_range = (fact.min is None or raw >= fact.min) and (fact.max is None or raw <= fact.max)
        small = abs(raw) < 10**UNBOUNDED_DIGITS
        checked = BoundedNumber("ok", raw) if in_range and small else BoundedNumber("out_of_range")
        raw = str(raw) if small else "…"
    elif isinstance(raw, str):
        checked = bounded_int(raw, fact.min, fact.max)
    if checked is None or checked.status == "not_a_number":
        raise InvalidAnswer(
            Text(
                nl=f"Geef een getal voor '{fact.label.nl}', bijvoorbeeld 35.",
                en=f"Give a number for '{fact.label.en}', for example 35.",
            )
        )
    if checked.value is None:
        number = shown(raw)
        if fact.min is None or fact.max is None:
            raise InvalidAnswer(
                Text(
                    nl=f"{number} kan niet: dat getal is te groot of te klein.",
                    en=f"{number} is not possible: that number is too large or too small.",
                )
            )
        raise InvalidAnswer(
            Text(
                nl=f"{number} kan niet: geef een getal van {fact.min} tot {fact.max}.",
                en=f"{number} is not possible: give a number from {fact.min} to {fact.max}.",
            )
        )
    return checked.value


def _parse_date(fact: Fact, raw: object) -> str:
    if isinstance(raw, date):
        return raw.isoformat()
    try:
        return date.fromisoformat(str(raw).strip()).isoformat()
    except ValueError:
        raise InvalidAnswer(
            Text(
                nl=f"Geef een datum voor '{fact.label.nl}' als JJJJ-MM-DD, bijvoorbeeld 2026-09-01.",
                en=f"Give a date for '{fact.label.en}' as YYYY-MM-DD, for example 2026-09-01.",
            )
        ) from None


def saved_answer(value: Answer) -> str | int | list[str]:
    """An answer as JSON and YAML hold it: "weet_niet", a value, or a sorted list of ids."""
    if isinstance(value, Unknown):
        return UNKNOWN_ANSWER
    if isinstance(value, frozenset):
        return sorted(value)
    return value


@dataclass(frozen=True)
class Session:
    """What one person told the wizard, on which reference date, in which language."""

    date: date
    lang: Lang = "nl"
    answers: tuple[tuple[str, Answer], ...] = field(default_factory=tuple)

    @property
    def answer_map(self) -> dict[str, Answer]:
        return dict(self.answers)

    def with_answer(self, fact: str, value: Answer) -> Session:
        """Set ``fact`` (replacing an earlier answer in place, so the order stays meaningful)."""
        if fact in self.answer_map:
            answers = tuple((f, value if f == fact else v) for f, v in self.answers)
        else:
            answers = (*self.answers, (fact, value))
        return replace(self, answers=answers)

    def without(self, facts: set[str]) -> Session:
        return replace(self, answers=tuple((f, v) for f, v in self.answers if f not in facts))

    def with_lang(self, lang: Lang) -> Session:
        return replace(self, lang=lang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "lang": self.lang,
            "answers": {f: saved_answer(v) for f, v in self.answers},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], facts: Mapping[str, Fact]) -> Session:
        """Rebuild a saved session, checking every answer again against the current content."""
        session = cls(date=date.fromisoformat(str(data["date"])), lang=data.get("lang", "nl"))
        for fact_id, raw in dict(data.get("answers", {})).items():
            fact = facts.get(fact_id)
            if fact is None:
                raise InvalidAnswer(
                    Text(nl=f"Onbekend gegeven '{fact_id}'.", en=f"Unknown fact '{fact_id}'.")
                )
            session = session.with_answer(fact_id, parse_answer(fact, raw))
        return session
