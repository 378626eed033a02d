"""The result to take home: Markdown, or one printable HTML page that needs nothing else.

Both are built from ``report.result_sections`` (what every front end shows), then the person's
answers and the counsellor's notes. The HTML page loads nothing and runs nothing: inline CSS only,
a Content-Security-Policy that forbids the rest, and every text escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from wizard.conditions import Unknown
from wizard.content import CompiledQuestion, Content
from wizard.matching import Result
from wizard.model import Lang
from wizard.report import Entry, Section, heading, result_sections
from wizard.sessions import Answer, Session
from wizard.ui_texts import say


@dataclass(frozen=True)
class Summary:
    """Everything an export shows, in reading order, as plain text (each renderer escapes)."""

    lang: Lang
    title: str
    sections: tuple[Section, ...]
    answers: tuple[tuple[str, str], ...]
    """(question text, chosen option label) for every question on the path, in order."""
    notes: str
    footer: tuple[str, ...]
    """The "not a decision" line, then the rules version and reference date."""


def summarise(
    content: Content, session: Session, result: Result, notes: str = "", lang: Lang | None = None
) -> Summary:
    lang = lang or session.lang
    sections = result_sections(content, result, lang)
    footer = next((s.text for s in sections if s.kind == "footer"), ())
    title = heading("title" if result.complete else "provisional", lang)
    return Summary(
        lang=lang,
        title=title,
        sections=tuple(s for s in sections if s.kind != "footer"),
        answers=answers_given(content, session, result, lang),
        notes=notes.strip(),
        footer=footer,
    )


def answers_given(
    content: Content, session: Session, result: Result, lang: Lang
) -> tuple[tuple[str, str], ...]:
    """The questions the person answered on their path, with the label of what they chose."""
    questions: dict[str, CompiledQuestion] = {}
    for question in content.questions.values():
        questions.setdefault(question.fact, question)
    given = session.answer_map
    rows: list[tuple[str, str]] = []
    for fact in result.asked:
        if fact in given and fact in questions:
            label = answer_label(content, fact, given[fact], lang)
            rows.append((questions[fact].model.text.get(lang), label))
    return tuple(rows)


def answer_label(content: Content, fact_id: str, value: Answer, lang: Lang) -> str:
    fact = content.facts[fact_id]
    if isinstance(value, Unknown):
        return say("unknown", lang)
    if fact.kind in ("choice", "yes_no") and isinstance(value, str):
        return fact.value_label(value, lang)
    if fact.kind == "date" and lang == "nl" and isinstance(value, str):
        year, month, day = value.split("-")
        return f"{day}-{month}-{year}"
    return str(value)


# --- Markdown --------------------------------------------------------------------------------------

_MD_HTML = re.compile(r"([<>\\])")


def _md(text: str) -> str:
    """Keep a Markdown viewer from reading text as HTML: a note may contain anything."""
    return _MD_HTML.sub(r"\\\1", text)


def _md_entry(entry: Entry) -> list[str]:
    if not entry.lines:  # a one-liner: its title is already a list item ("- name: why")
        return [_md(entry.title)]
    title = entry.title.removeprefix("- ")
    return ["", f"### {_md(title)}", "", *(f"- {_md(line)}" for line in entry.lines)]


def to_markdown(
    content: Content, session: Session, result: Result, notes: str = "", lang: Lang | None = None
) -> str:
    summary = summarise(content, session, result, notes, lang)
    lines = [f"# Leerwijzer: {_md(summary.title)}"]
    for section in summary.sections:
        lines.append("")
        if section.title:
            lines += [f"## {_md(section.title)}", ""]
        if section.entries and not section.entries[0].lines:
            lines.append("")
        for entry in section.entries:
            lines += _md_entry(entry)
        lines += [_md(text) for text in section.text]
    lines += ["", f"## {say('export.answers', summary.lang)}", ""]
    lines += [f"- {_md(q)} **{_md(a)}**" for q, a in summary.answers] or [
        say("export.no_answers", summary.lang)
    ]
    if summary.notes:
        lines += ["", f"## {say('export.notes', summary.lang)}", ""]
        # Two trailing spaces keep the counsellor's line breaks inside the quote.
        lines += [
            f"> {_md(line)}  " if line.strip() else ">" for line in summary.notes.splitlines()
        ]
    lines += ["", "---"]
    for text in summary.footer:
        lines += ["", _md(text)]
    return _collapse_blank_lines(lines)


def _collapse_blank_lines(lines: list[str]) -> str:
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n") + "\n"


# --- HTML ------------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
  background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.brand { font-weight: 700; letter-spacing: .05em; text-transform: uppercase; margin: 0; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
a { color: #0b4f8a; overflow-wrap: anywhere; }
.card { border-left: 4px solid #6b6b6b; padding: .1rem 0 .3rem .8rem; margin: .8rem 0; }
.recommended .card { border-left-color: #1d6b2f; }
.possibly .card { border-left-color: #8a5a00; }
dl { margin: .5rem 0; }
dt { font-weight: 600; margin-top: .6rem; }
dd { margin: 0 0 0 1.2rem; }
.notes p { white-space: pre-wrap; background: #f3f3f3; padding: .6rem .8rem; }
footer { margin-top: 2.5rem; border-top: 1px solid #6b6b6b; font-size: .95rem; }
.not-a-decision { font-weight: 600; }
@media print {
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; max-width: none; margin: 0; padding: 0; color: #000; }
  h2 { break-after: avoid; }
  h3, dt { break-after: avoid; }
  li, dd, .notes p { break-inside: avoid; }
  a { color: #000; text-decoration: none; }
  .notes p { background: none; border: 1px solid #000; }
}
"""

_URL = re.compile(r"https?://[^\s<>\"'&]+(?:&amp;[^\s<>\"'&]+)*")
"""A web address in escaped text: ``&amp;`` may be part of it, another entity (a quote) ends it."""


def _link(match: re.Match[str]) -> str:
    url = match.group(0)
    address = url.rstrip(".,;:!?)")  # sentence punctuation after an address is not part of it
    return f'<a href="{address}">{address}</a>{url[len(address) :]}'


def _html(text: str) -> str:
    """Escape, then make the (already escaped) web addresses clickable on screen."""
    return _URL.sub(_link, escape(text, quote=True))


def _html_section(section: Section) -> list[str]:
    kind = escape(section.kind, quote=True)
    out = [f'<section class="{kind}">']
    if section.title:
        out.append(f"<h2>{_html(section.title)}</h2>")
    one_liners = [e for e in section.entries if not e.lines]
    for entry in section.entries:
        if entry.lines:
            out.append('<article class="card">')
            out.append(f"<h3>{_html(entry.title.removeprefix('- '))}</h3>")
            out += ["<ul>", *(f"<li>{_html(line)}</li>" for line in entry.lines), "</ul>"]
            out.append("</article>")
    if one_liners:
        items = (f"<li>{_html(e.title.removeprefix('- '))}</li>" for e in one_liners)
        out += ["<ul>", *items, "</ul>"]
    out += [f"<p>{_html(text.removeprefix('- '))}</p>" for text in section.text]
    out.append("</section>")
    return out


def to_html(
    content: Content, session: Session, result: Result, notes: str = "", lang: Lang | None = None
) -> str:
    summary = summarise(content, session, result, notes, lang)
    lang_attr = escape(summary.lang, quote=True)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang_attr}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may load or run, even if a text slipped through unescaped.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>Leerwijzer: {_html(summary.title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        '<p class="brand">Leerwijzer</p>',
        f"<h1>{_html(summary.title)}</h1>",
        "</header>",
        "<main>",
    ]
    for section in summary.sections:
        out += _html_section(section)
    out += ['<section class="answers">', f"<h2>{_html(say('export.answers', summary.lang))}</h2>"]
    if summary.answers:
        out.append("<dl>")
        for question, answer in summary.answers:
            out += [f"<dt>{_html(question)}</dt>", f"<dd>{_html(answer)}</dd>"]
        out.append("</dl>")
    else:
        out.append(f"<p>{_html(say('export.no_answers', summary.lang))}</p>")
    out.append("</section>")
    if summary.notes:
        out += [
            '<section class="notes">',
            f"<h2>{_html(say('export.notes', summary.lang))}</h2>",
            f"<p>{_html(summary.notes)}</p>",
            "</section>",
        ]
    out += ["</main>", "<footer>"]
    for text in summary.footer:
        css = ' class="not-a-decision"' if text == heading("not_a_decision", summary.lang) else ""
        out.append(f"<p{css}>{_html(text)}</p>")
    out += ["</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
