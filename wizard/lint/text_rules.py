"""Texts: translations, plain-language length and B1 readability (rules missing_translation,
text_too_long, hard_to_read)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from wizard.content import Content
from wizard.lint.findings import Finding
from wizard.lint.locator import Loc, Locator, files_read
from wizard.lint.readability import measure
from wizard.yamlio import line_of

TEXT_BUDGETS: dict[str, int] = {
    "text": 120,  # a question: one sentence
    "label": 100,  # an answer option, a fact's name in reasons, a link
    "name": 80,  # an instrument's name, a heading
    "why": 300,  # a reason: one or two short sentences
    "why_not": 300,
    "note": 300,
    "next_steps": 250,  # one action
    "verify": 500,  # what to check: a short paragraph
    "referral": 500,
    "help": 600,  # about one phone screen
    "summary": 700,
}
"""Plain-language length budgets in characters, per kind of citizen text (docs/lint.md says why)."""


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words only one of the two languages has: a handful decide which language a text is in.
_ENGLISH = _word_set(
    "the you your and are with for this that not what which do does have has will can from by "
    "at it if when who how my our they their there been would should"
)
_DUTCH = _word_set(
    "de het een en u uw zijn met voor dit dat niet wat welke doet heeft hebt heb wordt kunt kan "
    "van bij als wanneer wie hoe mijn ons onze zij hun er naar ook nog om te op"
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
"""Quoted words are names of things (a button, a page), often in the other language on purpose."""


def _looks_like(text: str, other: frozenset[str], own: frozenset[str]) -> bool:
    """More function words of the other language than of its own (at least two), quotes aside."""
    found = _WORD.findall(_QUOTED.sub(" ", text))
    if len(found) < 4:
        return False
    # one lower() for all words: a word holds no space, and lowering never makes one
    words = " ".join(found).lower().split(" ")
    theirs = sum(map(other.__contains__, words))
    ours = sum(map(own.__contains__, words))
    return theirs >= 2 and theirs > ours


def text_findings(content: Content, where: Locator) -> Iterator[Finding]:
    for relative in files_read(content):
        raw = where.raw(relative)
        for loc, nl, en in _texts(raw, ()):
            found = [*_translation(nl, en), *_length(loc, nl, en), *_readability(loc, nl)]
            if not found:
                continue  # most texts: no need to find their line and name
            spot = (relative, line_of(raw, loc))
            what = _text_name(raw, loc)
            for rule, message in found:
                yield where.finding(rule, spot, f"{what} {message}")


def _texts(node: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    """Every citizen text ({nl: ..., en: ...}) in a file, with where it sits; a language the
    text does not have (a content set with one language, graph.yaml `languages`) reads as ""."""
    if isinstance(node, dict):
        if isinstance(node.get("nl"), str) or isinstance(node.get("en"), str):
            nl, en = node.get("nl"), node.get("en")
            yield (
                loc,
                (nl if isinstance(nl, str) else "").strip(),
                (en if isinstance(en, str) else "").strip(),
            )
            return
        for key, value in node.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, (*loc, index))


def _field(loc: Loc) -> str:
    return next((step for step in reversed(loc) if isinstance(step, str)), "text")


def _text_name(raw: Any, loc: Loc) -> str:
    """'help of question opleiding_erkenning'-style name: the field and the ids on the way."""
    ids: list[str] = []
    node = raw
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        ids.append(node["id"])
    for step in loc[:-1]:
        node = node[step]
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            ids.append(node["id"])
    name = _field(loc)
    last = loc[-1] if loc else None
    if isinstance(last, int):  # an item of a list, such as the third next step
        name = f"{name} {last + 1}"
    return f"{name} of '{'/'.join(ids)}'" if ids else name


def _snippet(text: str) -> str:
    return text if len(text) <= 40 else text[:40].rstrip() + "..."


NOT_READ_AS_TEXT = frozenset({"name"})
"""An instrument's name is a name: its long compound words are the words people search for."""


SHOWN_SPLIT = frozenset({"why", "why_not"})
"""Reasons: the result shows each "; " part as a sentence of its own."""


def _readability(loc: Loc, nl: str) -> Iterator[tuple[str, str]]:
    """(rule, message after the text's name) for each problem; so are the two below."""
    if _field(loc) in NOT_READ_AS_TEXT:
        return
    problems = measure(nl, semicolon_ends=_field(loc) in SHOWN_SPLIT).problems()
    if not problems:
        return
    yield (
        "hard_to_read",
        f"is hard to read at level B1 in Dutch: {'; '.join(problems)}; split long "
        f'sentences and use shorter, common words ("{_snippet(nl)}")',
    )


def _translation(nl: str, en: str) -> Iterator[tuple[str, str]]:
    if nl == en and len(_WORD.findall(nl)) >= 2:
        problem = f'is the same in Dutch and English ("{_snippet(nl)}"); translate it'
    elif _looks_like(nl, _ENGLISH, _DUTCH):
        problem = f'has a Dutch text that looks English ("{_snippet(nl)}"); write it in Dutch'
    elif _looks_like(en, _DUTCH, _ENGLISH):
        problem = f'has an English text that looks Dutch ("{_snippet(en)}"); write it in English'
    else:
        return
    yield "missing_translation", problem


def _length(loc: Loc, nl: str, en: str) -> Iterator[tuple[str, str]]:
    kind = _field(loc)
    budget = TEXT_BUDGETS.get(kind)
    if budget is None or max(len(nl), len(en)) <= budget:
        return
    yield (
        "text_too_long",
        f"is {len(nl)} characters in Dutch and {len(en)} in English, over the "
        f"plain-language budget of {budget} for {kind}; shorten it or split it (short sentences, "
        "details behind a link)",
    )
