"""The content's languages: which texts lack one that graph.yaml declares.

A text may be written in one language only (``{en: "..."}``): the model then reads the same text
for the other (``model.Text``). Whether that is allowed depends on ``languages`` in graph.yaml, so
it is checked here, on the validated models beside the file as written, once both are known.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from wizard.model import Lang, Text

Loc = tuple[int | str, ...]
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}


def missing_languages(
    model: BaseModel, raw: Any, languages: Sequence[Lang], loc: Loc = ()
) -> Iterator[tuple[Loc, Lang]]:
    """(where, language) for every text of ``model`` whose file (``raw``) lacks a declared
    language. Nothing when ``raw`` is None (models read back from the cache were checked)."""
    if raw is None:
        return
    if isinstance(model, Text):
        written = raw if isinstance(raw, dict) else {}
        for lang in languages:
            if lang not in written:
                yield loc, lang
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield from _walk(value, _child(raw, name), languages, (*loc, name))


def _walk(value: Any, raw: Any, languages: Sequence[Lang], loc: Loc) -> Iterator[tuple[Loc, Lang]]:
    if isinstance(value, BaseModel):
        yield from missing_languages(value, raw, languages, loc)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, _child(raw, index), languages, (*loc, index))


def _child(raw: Any, step: int | str) -> Any:
    if isinstance(step, int):
        return raw[step] if isinstance(raw, list) and step < len(raw) else None
    return raw.get(step) if isinstance(raw, dict) else None


def missing_message(lang: Lang, languages: Sequence[Lang]) -> str:
    declared = ", ".join(languages)
    return (
        f"this text has no {LANGUAGE_NAMES[lang]} ('{lang}'); add `{lang}: ...` (graph.yaml "
        f"declares languages [{declared}]; write `languages: [{languages[0]}]` there if the content "
        f"has only {LANGUAGE_NAMES[languages[0]]})"
    )
