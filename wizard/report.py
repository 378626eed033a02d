"""A result as text a person reads: plain lines (plain mode, replay) and Markdown (export)."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.content import Content
from wizard.matching import Result, Verdict
from wizard.model import Lang
from wizard.ui_texts import say


def heading(key: str, lang: Lang, **values: object) -> str:
    return say(f"result.{key}", lang, **values)


@dataclass(frozen=True)
class Entry:
    """One instrument in a section: its name, and the lines under it (empty for a one-liner)."""

    instrument: str
    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A block of the result page; ``kind`` names it for styling (recommended, possibly, ...)."""

    kind: str
    title: str
    entries: tuple[Entry, ...] = ()
    text: tuple[str, ...] = ()


def _card(content: Content, verdict: Verdict, lang: Lang, prefix: str) -> Entry:
    model = content.incentives[verdict.instrument].model
    why = "why_possibly" if verdict.status == "possibly" else "why"
    partners = [content.incentives[i].model.name.get(lang) for i in model.combines_with]
    lines = [
        f"{heading('gives', lang)}: {model.summary.get(lang)}",
        f"{heading(why, lang)}: {verdict.reason(lang)}",
        *(f"{heading('next', lang)}: {step.get(lang)}" for step in model.next_steps),
        *(f"{link.label.get(lang)}: {link.url}" for link in model.links),
        *([f"{heading('phone', lang)}: {model.phone}"] if model.phone else []),
        *(f"{heading('check', lang)}: {item.get(lang)}" for item in verdict.verify),
        *(f"{heading('note', lang)}: {note.get(lang)}" for note in verdict.notes),
        *([f"{heading('combines', lang)}: {'; '.join(partners)}"] if partners else []),
    ]
    return Entry(verdict.instrument, f"{prefix}{model.name.get(lang)}", tuple(lines))


def _one_line(content: Content, instrument: str, lang: Lang, detail: str) -> Entry:
    name = content.incentives[instrument].model.name.get(lang)
    return Entry(instrument, f"- {name}: {detail}")


def _names(content: Content, verdicts: list[Verdict], lang: Lang) -> str:
    return "- " + "; ".join(content.incentives[v.instrument].model.name.get(lang) for v in verdicts)


def result_sections(content: Content, result: Result, lang: Lang) -> list[Section]:
    """The result page as data, in reading order; every front end renders these the same way."""
    sections: list[Section] = []
    verdicts = result.verdicts
    recommended = set(result.recommended)
    if result.recommended:
        cards = tuple(
            _card(content, verdicts[i], lang, f"{rank}. ")
            for rank, i in enumerate(result.recommended, start=1)
        )
        sections.append(Section("recommended", heading("recommended", lang), cards))
    else:
        text = [heading("nothing", lang)]
        if result.referral is not None:
            text.append(result.referral.get(lang))
        sections.append(Section("nothing", "", text=tuple(text)))

    def cards_for(kind: str, wanted: list[Verdict]) -> None:
        if wanted:
            entries = tuple(_card(content, v, lang, "- ") for v in wanted)
            sections.append(Section(kind, heading(kind, lang), entries))

    others = [v for i, v in verdicts.items() if i not in recommended and not v.tip]
    cards_for("possibly", [v for v in others if v.status == "possibly" and v.assessed])
    cards_for("also", [v for v in others if v.status == "eligible"])
    excluded = [v for v in others if v.status == "not_eligible"]
    # Why not: first for what serves the person's goal; last, in a block of its own, what does not
    # serve it or what the first answer already ruled out (a pupil's bonus for an employee).
    first_fact = content.questions[content.start].fact

    def for_others(verdict: Verdict) -> bool:
        return verdict.fit == 0 or any(facts <= {first_fact} for facts in verdict.ruled_out_by)

    unrelated = [v for v in excluded if for_others(v)]
    if relevant := [v for v in excluded if not for_others(v)]:
        entries = tuple(_one_line(content, v.instrument, lang, v.reason(lang)) for v in relevant)
        sections.append(Section("not_eligible", heading("not_eligible", lang), entries))
    if unrelated:
        entries = tuple(_one_line(content, v.instrument, lang, v.reason(lang)) for v in unrelated)
        sections.append(Section("not_eligible_other", heading("not_eligible_other", lang), entries))
    if skipped := [v for v in others if not v.assessed]:
        names = (_names(content, skipped, lang),)
        sections.append(Section("not_assessed", heading("not_assessed", lang), text=names))
    if result.tips:
        entries = tuple(
            _one_line(content, t, lang, content.incentives[t].model.summary.get(lang))
            for t in result.tips
        )
        sections.append(Section("tips", heading("tips", lang), entries))
    when = result.date.strftime("%d-%m-%Y") if lang == "nl" else result.date.isoformat()
    footer = heading("footer", lang, version=result.rules_version, date=when)
    sections.append(Section("footer", "", text=(heading("not_a_decision", lang), footer)))
    return sections


def render_text(content: Content, result: Result, lang: Lang) -> str:
    """The whole result as plain text: no colour, no box drawing, readable by a screen reader."""
    lines = [heading("title" if result.complete else "provisional", lang), ""]
    for section in result_sections(content, result, lang):
        if section.title:
            lines.append(f"{section.title}:")
        for entry in section.entries:
            lines.append(entry.title)
            indent = " " * (len(entry.title) - len(entry.title.lstrip("0123456789.- ")))
            lines += [f"{indent}{line}" for line in entry.lines]
        lines += section.text
        lines.append("")
    return "\n".join(lines).rstrip("\n")
