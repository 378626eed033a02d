"""A result as text a person reads: plain lines (plain mode, replay) and Markdown (export)."""

from __future__ import annotations

from wizard.content import Content
from wizard.matching import Result, Verdict
from wizard.model import Lang

HEADINGS: dict[str, tuple[str, str]] = {
    "title": ("Uw resultaat", "Your result"),
    "provisional": (
        "Voorlopig resultaat (nog niet alle vragen beantwoord)",
        "Provisional result (not all questions answered)",
    ),
    "recommended": ("Aanbevolen voor u", "Recommended for you"),
    "possibly": ("Misschien, na te gaan", "Possibly: to be checked"),
    "not_eligible": ("Niet voor u", "Not for you"),
    "also": (
        "Ook mogelijk voor u, maar minder passend bij wat u wilt",
        "Also open to you, but a weaker fit for your goal",
    ),
    "not_assessed": (
        "Niet nagevraagd, omdat het minder past bij wat u wilt bereiken",
        "Not looked into, because it fits your goal less well",
    ),
    "tips": ("Ook handig", "Also useful"),
    "nothing": (
        "Op basis van uw antwoorden past geen enkele maatregel.",
        "Based on your answers, no measure applies.",
    ),
    "gives": ("Wat u krijgt", "What you get"),
    "why": ("Waarom", "Why"),
    "next": ("Wat nu", "What next"),
    "check": ("Controleer", "Check"),
    "note": ("Let op", "Note"),
    "phone": ("Telefoon", "Phone"),
    "footer": (
        "Regels versie {version}, peildatum {date}",
        "Rules version {version}, reference date {date}",
    ),
    "not_a_decision": (
        "Dit resultaat wijst u de weg; het is geen beslissing. De dienst die de steun geeft, beslist.",
        "This result shows you the way; it is not a decision. The service that gives the support decides.",
    ),
}


def heading(key: str, lang: Lang) -> str:
    nl, en = HEADINGS[key]
    return en if lang == "en" else nl


def _card(content: Content, verdict: Verdict, lang: Lang, bullet: str, indent: str) -> list[str]:
    model = content.incentives[verdict.instrument].model
    lines = [f"{bullet}{model.name.get(lang)}"]
    lines.append(f"{indent}{heading('gives', lang)}: {model.summary.get(lang)}")
    lines.append(f"{indent}{heading('why', lang)}: {verdict.reason(lang)}")
    for step in model.next_steps:
        lines.append(f"{indent}{heading('next', lang)}: {step.get(lang)}")
    for link in model.links:
        lines.append(f"{indent}{link.label.get(lang)}: {link.url}")
    if model.phone:
        lines.append(f"{indent}{heading('phone', lang)}: {model.phone}")
    for item in verdict.verify:
        lines.append(f"{indent}{heading('check', lang)}: {item.get(lang)}")
    for note in verdict.notes:
        lines.append(f"{indent}{heading('note', lang)}: {note.get(lang)}")
    return lines


def render_text(content: Content, result: Result, lang: Lang) -> str:
    """The whole result as plain text: no colour, no box drawing, readable by a screen reader."""
    lines = [heading("title" if result.complete else "provisional", lang), ""]
    if result.recommended:
        lines.append(f"{heading('recommended', lang)}:")
        for rank, instrument in enumerate(result.recommended, start=1):
            lines += _card(content, result.verdicts[instrument], lang, f"{rank}. ", "   ")
            lines.append("")
    else:
        lines += [heading("nothing", lang)]
        if result.referral is not None:
            lines.append(result.referral.get(lang))
        lines.append("")
    possibly = [
        v
        for i, v in result.verdicts.items()
        if v.status == "possibly" and i not in result.recommended
    ]
    if possibly:
        lines.append(f"{heading('possibly', lang)}:")
        for verdict in possibly:
            lines += _card(content, verdict, lang, "- ", "  ")
        lines.append("")
    excluded = [v for v in result.verdicts.values() if v.status == "not_eligible"]
    eligible_other = [
        v
        for i, v in result.verdicts.items()
        if v.status == "eligible" and i not in result.recommended
    ]
    if eligible_other:
        lines.append(f"{heading('also', lang)}:")
        for verdict in eligible_other:
            lines += _card(content, verdict, lang, "- ", "  ")
        lines.append("")
    if excluded:
        lines.append(f"{heading('not_eligible', lang)}:")
        for verdict in excluded:
            name = content.incentives[verdict.instrument].model.name.get(lang)
            lines.append(f"- {name}: {verdict.reason(lang)}")
        lines.append("")
    skipped = [v for v in result.verdicts.values() if not v.assessed]
    if skipped:
        lines.append(f"{heading('not_assessed', lang)}:")
        names = [content.incentives[v.instrument].model.name.get(lang) for v in skipped]
        lines.append("- " + "; ".join(names))
        lines.append("")
    if result.tips:
        lines.append(f"{heading('tips', lang)}:")
        for tip in result.tips:
            model = content.incentives[tip].model
            lines.append(f"- {model.name.get(lang)}: {model.summary.get(lang)}")
        lines.append("")
    when = result.date.strftime("%d-%m-%Y") if lang == "nl" else result.date.isoformat()
    lines.append(heading("not_a_decision", lang))
    lines.append(heading("footer", lang).format(version=result.rules_version, date=when))
    return "\n".join(lines)
