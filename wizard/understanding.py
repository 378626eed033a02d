"""What a person typed, understood as an answer to one fact: a number, words, an age in a sentence.

The core parser behind every front end that takes typed answers (the TUI chat, plain mode):

- ``understand(fact, typed)`` returns an ``Understood``: the answer (a value id, ``UNKNOWN``, a
  number as text, an ISO date) or, when the text is not understood, a hint saying what the person
  can type. Nothing is guessed: two options that fit equally well give a hint, not a choice.
- A choice is understood from its number ("3"; "0" = "Ik weet het niet"), from the words of its
  label (a long word also by its start: "zelfstandig"), from the ``aliases`` authors add to an option in the content (``werkzoekende``,
  ``ik zoek werk``), from its id read as words, and from "ja"/"nee"/"weet niet" and their English.
- A number is found in a sentence ("ik ben 45", "45 jaar"); "0" alone is "Ik weet het niet"
  where that is offered, as on every list (an age of 0 years is never recorded). It is returned as its digits, not as an
  int: the engine checks the range on the digits, so a 5,000-digit number is "out of range", never
  Python's ValueError. The hint for a number is the engine's own reason.
- A multi_choice answer is numbers or answers in words separated by commas ("1, 3"); "0" or
  "geen" is "none of these" (the empty set); "weet niet" is "Ik weet het niet".
- ``settles_at_once(typed, count, unknown)``: whether typed digits choose an option at once, i.e.
  they cannot be the start of a longer option number ("1" waits when there are 10 options).

Core module: no textual, no rich (tests/test_import_hygiene.py). The hints are ``ui_texts`` keys.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from wizard.conditions import UNKNOWN
from wizard.model import Fact, Lang
from wizard.sessions import UNKNOWN_ANSWER, Answer
from wizard.ui_texts import say

MAX_TYPED = 200
"""Longer text (other than one long number) is not an answer: refused with the hint, unparsed."""

UNKNOWN_PHRASES = (
    "weet niet",
    "weet het niet",
    "weet ik niet",
    "ik weet het niet",
    "ik weet niet",
    "geen idee",
    "onbekend",
    "dont know",
    "do not know",
    "i dont know",
    "i do not know",
    "not sure",
    "no idea",
    "unknown",
)
"""Said as a whole answer, these mean "Ik weet het niet" (accents and punctuation ignored)."""

YES_NO_WORDS = {
    "ja": ("ja", "j", "jawel", "jazeker", "zeker", "yes", "y", "yep", "ok", "oke"),
    "nee": ("nee", "neen", "n", "nie", "nope", "no"),
}
"""Words for the two answers of every yes/no fact, before any alias from the content."""

STOP_WORDS = frozenset(
    [
        "ik",
        "je",
        "u",
        "uw",
        "de",
        "het",
        "een",
        "en",
        "of",
        "in",
        "op",
        "bij",
        "mijn",
        "ben",
        "heb",
        "is",
        "dat",
        "die",
        "met",
        "voor",
        "van",
        "te",
        "aan",
        "nog",
        "ook",
        "naar",
        "als",
        "er",
        "om",
        "zo",
        "maar",
        "wel",
        "al",
        "nu",
        "the",
        "a",
        "an",
        "i",
        "am",
        "my",
        "of",
        "to",
        "in",
        "at",
        "and",
        "or",
        "for",
        "im",
        "is",
        "it",
        "on",
    ]
)
"""Words too common to tell options apart."""

_NUMBER = re.compile(r"(?<![\w.,])[+-]?[0-9]+(?![\w.,])")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{4})")


@dataclass(frozen=True)
class Understood:
    """An answer (``value`` set), or why not (``hint_key`` and its values for ``ui_texts.say``)."""

    value: Answer | None = None
    hint_key: str | None = None
    hint_values: dict[str, object] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.value is not None

    def hint(self, lang: Lang) -> str:
        """What the person can type instead, in ``lang`` ("" when understood)."""
        return "" if self.hint_key is None else say(self.hint_key, lang, **self.hint_values)


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation as spaces, single spaces: 'Wallonië!' -> 'wallonie'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if w not in STOP_WORDS}


def offers_unknown(fact: Fact) -> bool:
    return fact.offer_unknown or fact.optional


def takes_unknown(fact: Fact) -> bool:
    """Whether "Ik weet het niet" (or 0) is an answer: offered by the program, or an option of the
    fact's own (a ``weet_niet`` value listed among the others, which every rule reads as unknown)."""
    return offers_unknown(fact) or (fact.kind == "choice" and UNKNOWN_ANSWER in fact.value_ids())


def settles_at_once(typed: str, count: int, unknown: bool) -> bool:
    """True when ``typed`` is an option number (1..count, or 0 with "Ik weet het niet") that is
    not also the start of a longer one: with 10 options "2" settles, "1" waits for "10" or Enter."""
    if not typed.isascii() or not typed.isdigit() or typed != typed.lstrip("0") and typed != "0":
        return False
    numbers = [str(n) for n in range(1, count + 1)] + (["0"] if unknown else [])
    if typed not in numbers:
        return False
    return not any(n != typed and n.startswith(typed) for n in numbers)


def _is_unknown(said: str) -> bool:
    labels = {normalise(say("unknown", lang)) for lang in ("nl", "en")}
    return said in UNKNOWN_PHRASES or said in labels


def understand(fact: Fact, typed: str) -> Understood:
    """``typed`` as an answer to ``fact`` (see the module docstring); never raises."""
    said = normalise(typed)
    if not said or (len(typed) > MAX_TYPED and not said.isdigit()):
        return _not_understood(fact)
    if _is_unknown(said):
        if takes_unknown(fact):
            return Understood(UNKNOWN)
        return Understood(hint_key="understand.no_unknown")
    if fact.kind == "multi_choice":
        return _multi(fact, typed)
    if fact.kind in ("choice", "yes_no"):
        return _choice(fact, said)
    if fact.kind == "integer":
        if said == "0" and offers_unknown(fact):
            # 0 is "Ik weet het niet" on every question that offers it: never zero years of age.
            return Understood(UNKNOWN)
        return _integer(fact, typed)
    return _date(fact, typed)


def _not_understood(fact: Fact) -> Understood:
    if fact.kind == "multi_choice":
        return Understood(hint_key="understand.multi")
    if fact.kind in ("choice", "yes_no"):
        key = "understand.choice_unknown" if offers_unknown(fact) else "understand.choice"
        return Understood(hint_key=key, hint_values={"last": len(fact.value_ids())})
    if fact.kind == "integer" and offers_unknown(fact):
        return Understood(hint_key="understand.integer_unknown")
    return Understood(hint_key=f"understand.{fact.kind}")


def _choice(fact: Fact, said: str) -> Understood:
    values = fact.value_ids()
    if said.isascii() and said.isdigit():  # '²' is a digit to isdigit(), not to int()
        number = int(said) if len(said) <= 4 else -1  # more digits: never an option number
        if 1 <= number <= len(values):
            return Understood(values[number - 1])
        if number == 0 and takes_unknown(fact):
            return Understood(UNKNOWN)
        return _not_understood(fact)
    # Whole phrases first: a label, an alias, a yes/no word; then the best-fitting words.
    phrases = _phrases(fact)
    exact = {value for value, texts in phrases.items() if said in texts}
    if len(exact) == 1:
        return Understood(exact.pop())
    typed = _words(said)
    if not typed:
        return _not_understood(fact)
    scores = {value: _score(typed, texts) for value, texts in phrases.items()}
    best = max(scores.values())
    winners = [value for value in values if scores[value] == best]
    if best > 0 and len(winners) == 1:
        return Understood(winners[0])
    if best > 0:
        numbers = [str(values.index(v) + 1) for v in winners]
        return Understood(
            hint_key="understand.which",
            hint_values={"numbers": ", ".join(numbers[:-1]) + " / " + numbers[-1]},
        )
    return _not_understood(fact)


NONE_PHRASES = ("0", "geen", "geen van deze", "geen enkel", "none", "none of these", "nothing")
"""Said as a whole answer to a multi_choice question, these mean "none of these"."""


def _multi(fact: Fact, typed: str) -> Understood:
    """Numbers ("1, 3" or "1 3") or answers in words separated by commas; "0": none of these.
    Each part must be understood on its own (as one choice), or nothing is."""
    said = normalise(typed)
    if said in NONE_PHRASES:
        return Understood(frozenset())
    if said.isascii() and said.replace(" ", "").isdigit():
        parts = said.split()
    else:
        parts = [part for part in re.split(r"[,;]|\s+(?:en|and)\s+", typed) if part.strip()]
    chosen: set[str] = set()
    for part in parts:
        one = _choice(fact, normalise(part))
        if not isinstance(one.value, str):
            return Understood(hint_key="understand.multi")
        chosen.add(one.value)
    return Understood(frozenset(chosen)) if chosen else _not_understood(fact)


def _phrases(fact: Fact) -> dict[str, set[str]]:
    """Per value: its labels (both languages), aliases, id as words; all normalised."""
    phrases: dict[str, set[str]] = {}
    for index, value in enumerate(fact.value_ids()):
        texts = {normalise(fact.value_label(value, lang)) for lang in ("nl", "en")}
        texts.add(normalise(value.replace("_", " ")))
        if fact.kind == "yes_no":  # whichever ids the content chose (ja/nee or yes/no)
            texts.update(normalise(word) for word in YES_NO_WORDS[("ja", "nee")[index]])
        phrases[value] = texts
    for item in fact.values:
        aliases: list[str] = getattr(item, "aliases", [])  # aliases are optional in the content
        phrases[item.id].update(normalise(alias) for alias in aliases)
    return phrases


def _alike(typed: str, word: str) -> bool:
    """The same word, or a long one that starts the other ("zelfstandig", "zelfstandige")."""
    if typed == word:
        return True
    short, long = sorted((typed, word), key=len)
    return len(short) >= 5 and long.startswith(short)


def _score(typed: set[str], texts: set[str]) -> int:
    """How many typed words an option's texts hold (a word counts once)."""
    words = set().union(*(text.split() for text in texts))
    return sum(1 for word in typed if any(_alike(word, own) for own in words))


def _integer(fact: Fact, typed: str) -> Understood:
    numbers = _NUMBER.findall(typed)
    if len(numbers) != 1:
        return _not_understood(fact)
    return Understood(numbers[0].lstrip("+"))  # as digits: the engine checks the range on them


def _date(fact: Fact, typed: str) -> Understood:
    text = typed.strip()
    try:
        return Understood(date.fromisoformat(text).isoformat())
    except ValueError:
        pass
    found = _DAY_MONTH_YEAR.fullmatch(text)
    if found is not None:
        day, month, year = (int(part) for part in found.groups())
        try:
            return Understood(date(year, month, day).isoformat())
        except ValueError:
            pass
    return _not_understood(fact)
