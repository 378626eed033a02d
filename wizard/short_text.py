"""Content text made short for the result: reasons as sentences without echoed answers, the
first thing to do in a few words, names without long asides. Pure string functions (core)."""

from __future__ import annotations

import re

_ECHO = (" (uw antwoord: ", " (your answer: ")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9'‘\"])")


def without_echo(text: str) -> str:
    """A reason without the "(uw antwoord: ...)" the matcher appends: the person just said it."""
    for marker in _ECHO:
        cut = text.rfind(marker)
        if cut > 0 and text.endswith(")"):
            return text[:cut]
    return text


def as_sentences(text: str) -> str:
    """A reason clause as sentences: capital first, full stop last, "; " becomes ". "."""
    parts = [part.strip() for part in without_echo(text).split("; ") if part.strip()]
    out = []
    for part in parts:
        part = part[0].upper() + part[1:]
        out.append(part if part[-1] in ".!?" else part + ".")
    return " ".join(out)


def first_sentence(text: str, *, skip_questions: bool = False) -> str:
    """The first sentence; with ``skip_questions``, the first that is not a question ("Stelt
    een werkgever u iets voor?" sets the scene, the next sentence says what to do)."""
    sentences = _SENTENCE_END.split(text.strip())
    if skip_questions:
        for sentence in sentences:
            if not sentence.endswith("?"):
                return sentence
    return sentences[0]


STEP_MAX_WORDS = 10
_CONDITION_FIRST = re.compile(r"^(\w+t u|if you|when you)\b", re.IGNORECASE)
"""A step that opens with a condition: "Krijgt u een uitkering, vraag dan ...", "If you ..."."""
_DROPPABLE_TAIL = ("bijvoorbeeld", "for example", "als u dat", "if you have not", "if you did not")
"""After a comma, what the glance may leave to the card (never an alternative: "of ...")."""


def short_step(text: str) -> str:
    """The first thing to do, short: the first sentence of a step that is not a question,
    without asides in brackets; a long one keeps its main clause (the card keeps it whole)."""
    sentence = first_sentence(text, skip_questions=True)
    short = _ASIDE.sub("", sentence).strip() or sentence
    if len(short.split()) <= STEP_MAX_WORDS:
        return short
    head, comma, tail = short.partition(", ")
    if comma and _CONDITION_FIRST.match(head) and not tail.lower().startswith(("of ", "or ")):
        # the condition is on the card; the glance says what to do
        tail = re.sub(r"^(\w+) dan\b", r"\1", tail)
        return tail[0].upper() + tail[1:]
    if comma and tail.lower().startswith(_DROPPABLE_TAIL):
        return head.rstrip(" ,.") + "."
    for conjunction in (" en ", " and "):
        head, found, _ = short.partition(conjunction)
        if found and len(head.split()) >= 4:
            return head.rstrip(" ,.") + "."
    return short


_LONG_ASIDE = re.compile(r"\s*\((?:[^()\s]+\s+)+[^()]*\)")


def short_name(name: str) -> str:
    """A name for the glance: an aside of several words goes ("(met vergoedingen)"); a one-word
    one stays, it may be what people know it by ("(VOV)") or matter ("(aangekondigd)")."""
    return _LONG_ASIDE.sub("", name).strip() or name
