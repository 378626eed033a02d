"""A session: the reference date, the language and the answers given, in order. Immutable.

Answers are checked here before they enter a session: an invalid answer raises InvalidAnswer with a
reason in Dutch and English, and the session it was offered to is left exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from wizard.conditions import UNKNOWN, Unknown, Value
from wizard.model import Fact, Lang, Text

UNKNOWN_ANSWER = "weet_niet"
"""How "Ik weet het niet" is written in scenario files, saved sessions and plain mode."""

Answer = Value | Unknown


class InvalidAnswer(ValueError):
    """An answer the fact does not allow; ``reason`` says why, in both languages."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


def parse_answer(fact: Fact, raw: object) -> Answer:
    """Turn what a person or a file gave into a valid answer for ``fact``, or raise InvalidAnswer."""
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
    if fact.kind in ("choice", "yes_no"):
        allowed = fact.value_ids()
        if isinstance(raw, str) and raw in allowed:
            return raw
        options = ", ".join(allowed)
        raise InvalidAnswer(
            Text(
                nl=f"'{raw}' is geen mogelijk antwoord op '{fact.label.nl}'. Kies uit: {options}.",
                en=f"'{raw}' is not an answer to '{fact.label.en}'. Choose from: {options}.",
            )
        )
    if fact.kind == "integer":
        return _parse_integer(fact, raw)
    return _parse_date(fact, raw)


_WHOLE_NUMBER = re.compile(r"-?[0-9]+")


def is_whole_number(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts '²', which int() then refuses."""
    return _WHOLE_NUMBER.fullmatch(text.strip()) is not None


def _parse_integer(fact: Fact, raw: object) -> int:
    number: int | None = None
    if isinstance(raw, int) and not isinstance(raw, bool):
        number = raw
    elif isinstance(raw, str) and is_whole_number(raw):
        number = int(raw.strip())
    if number is None:
        raise InvalidAnswer(
            Text(
                nl=f"Geef een getal voor '{fact.label.nl}', bijvoorbeeld 35.",
                en=f"Give a number for '{fact.label.en}', for example 35.",
            )
        )
    low = fact.min if fact.min is not None else number
    high = fact.max if fact.max is not None else number
    if not low <= number <= high:
        raise InvalidAnswer(
            Text(
                nl=f"{number} kan niet: geef een getal van {fact.min} tot {fact.max}.",
                en=f"{number} is not possible: give a number from {fact.min} to {fact.max}.",
            )
        )
    return number


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
            "answers": {
                f: UNKNOWN_ANSWER if isinstance(v, Unknown) else v for f, v in self.answers
            },
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
