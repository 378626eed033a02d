"""The result to take home: Markdown, or one printable HTML page that needs nothing else.

Both are built from ``report``'s glance and cards (what every front end shows): the glance on
page 1, then each card, why the others do not fit, the person's answers and the counsellor's notes. The HTML page loads nothing and runs nothing: inline CSS only,
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
from wizard.report import Card, Glance, GlanceItem, card, glance, heading, item_detail
from wizard.report_why_not import WhyNot, why_not, why_not_grouped
from wizard.sessions import Answer, Session
from wizard.ui_texts import say


@dataclass(frozen=True)
class Summary:
    """Everything an export shows, in reading order, as plain text (each renderer escapes):
    the glance first (page 1), then each card, why the others do not fit, the answers."""

    lang: Lang
    title: str
    glance: Glance
    cards: tuple[Card, ...]
    why_not: tuple[WhyNot, ...]
    answers: tuple[tuple[str, str], ...]
    """(question text, chosen option label) for every question on the path, in order."""
    notes: str
    footer: tuple[str, ...]
    """The "not a decision" line, then the rules version and reference date."""


def summarise(
    content: Content, session: Session, result: Result, notes: str = "", lang: Lang | None = None
) -> Summary:
    lang = lang or session.lang
    first = glance(content, result, lang)
    return Summary(
        lang=lang,
        title=first.title,
        glance=first,
        cards=tuple(card(content, result, item.instrument, lang) for item in first.items),
        why_not=tuple(why_not(content, result, lang)),
        answers=answers_given(content, session, result, lang),
        notes=notes.strip(),
        footer=first.footer,
    )


def card_blocks(item: Card, lang: Lang) -> list[tuple[str, tuple[str, ...]]]:
    """A card's labelled blocks in reading order (empty ones left out)."""
    why = heading("why" if item.status == "eligible" else "why_possibly", lang)
    links = tuple(f"{label}: {url}" for label, url in item.links)
    phone = (f"{heading('phone', lang)}: {item.phone}",) if item.phone else ()
    blocks = [
        (heading("gives", lang), (item.gives,)),
        (why, item.why),
        (heading("next", lang), item.steps),
        (heading("check", lang), item.checks),
        (heading("note", lang), item.notes),
        (heading("links", lang), links + phone),
        (heading("combines", lang), ("; ".join(item.combines),) if item.combines else ()),
    ]
    return [(label, texts) for label, texts in blocks if texts]


def glance_line(item: GlanceItem, lang: Lang) -> tuple[str, str]:
    """(the verdict and name, what it gives and the first step) for one glance item."""
    head = f"{item.glyph} {item.word}: {item.name}"
    return head, item_detail(item, lang)


def why_not_groups(summary: Summary) -> list[tuple[str, list[WhyNot]]]:
    return [(heading(g, summary.lang), rows) for g, rows in why_not_grouped(list(summary.why_not))]


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
    if fact.kind in ("choice", "yes_no", "multi_choice") and isinstance(value, str | frozenset):
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


def to_markdown(
    content: Content, session: Session, result: Result, notes: str = "", lang: Lang | None = None
) -> str:
    summary = summarise(content, session, result, notes, lang)
    lang = summary.lang
    first = summary.glance
    lines = [f"# Leerwijzer: {_md(summary.title)}", "", f"## {say('export.glance', lang)}", ""]
    lines += [_md(text) for text in first.nothing]
    if first.weaker_title:
        lines += [_md(first.weaker_title), ""]
    if first.intro:
        lines += [_md(first.intro), ""]
    for item in first.items:
        head, detail = glance_line(item, lang)
        lines.append(f"{item.number}. **{_md(head)}**  ")
        lines.append(f"   {_md(detail)}")
    if first.tips:
        lines += ["", _md(f"{heading('tips', lang)}: {'; '.join(first.tips)}.")]
    if first.others_line:
        lines += ["", _md(f"{first.others_line} {say('export.see_why', lang)}")]
    for number, shown in enumerate(summary.cards, start=1):
        lines += ["", f"### {number}. {_md(f'{shown.glyph} {shown.word}: {shown.name}')}"]
        for label, texts in card_blocks(shown, lang):
            lines += ["", f"**{_md(label)}**", ""]
            lines += [f"- {_md(text)}" for text in texts]
    for title, rows in why_not_groups(summary):
        lines += ["", f"## {_md(title)}", ""]
        lines += [
            f"- {_md(row.name)}{': ' + _md(row.reason) if row.reason else ''}" for row in rows
        ]
    lines += ["", f"## {say('export.answers', lang)}", ""]
    lines += [f"- {_md(q)} **{_md(a)}**" for q, a in summary.answers] or [
        say("export.no_answers", lang)
    ]
    if summary.notes:
        lines += ["", f"## {say('export.notes', lang)}", ""]
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
h4 { font-size: 1rem; margin: .6rem 0 .1rem; }
.glance ol { padding-left: 1.6rem; }
.glance li { margin: .4rem 0; }
.card { border-left: 4px solid #6b6b6b; padding: .1rem 0 .3rem .8rem; margin: .8rem 0; }
.card.eligible { border-left-color: #1d6b2f; }
.card.possibly, .card.announced { border-left-color: #8a5a00; border-left-style: dashed; }
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
  .cards { break-before: page; }  /* the glance alone on page 1 */
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


def _html_glance(summary: Summary) -> list[str]:
    first = summary.glance
    lang = summary.lang
    out = ['<section class="glance">', f"<h2>{_html(say('export.glance', lang))}</h2>"]
    out += [f"<p>{_html(text)}</p>" for text in first.nothing]
    if first.weaker_title:
        out.append(f"<p>{_html(first.weaker_title)}</p>")
    if first.intro:
        out.append(f"<p>{_html(first.intro)}</p>")
    if first.items:
        out.append("<ol>")
        for item in first.items:
            head, detail = glance_line(item, lang)
            status = escape(item.status, quote=True)
            out.append(
                f'<li class="{status}"><strong>{_html(head)}</strong><br>{_html(detail)}</li>'
            )
        out.append("</ol>")
    if first.tips:
        out.append(f"<p>{_html(heading('tips', lang))}: {_html('; '.join(first.tips))}.</p>")
    if first.others_line:
        out.append(f"<p>{_html(first.others_line)} {_html(say('export.see_why', lang))}</p>")
    out.append("</section>")
    return out


def _html_card(number: int, item: Card, lang: Lang) -> list[str]:
    status = escape(item.status, quote=True)
    out = [f'<article class="card {status}">']
    out.append(f"<h3>{number}. {_html(f'{item.glyph} {item.word}: {item.name}')}</h3>")
    for label, texts in card_blocks(item, lang):
        out.append(f"<h4>{_html(label)}</h4>")
        out += ["<ul>", *(f"<li>{_html(text)}</li>" for text in texts), "</ul>"]
    out.append("</article>")
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
    out += _html_glance(summary)
    if summary.cards:
        out.append('<section class="cards">')
        for number, item in enumerate(summary.cards, start=1):
            out += _html_card(number, item, summary.lang)
        out.append("</section>")
    for title, rows in why_not_groups(summary):
        out += ['<section class="why-not">', f"<h2>{_html(title)}</h2>", "<ul>"]
        out += [
            f"<li>{_html(row.name)}{': ' + _html(row.reason) if row.reason else ''}</li>"
            for row in rows
        ]
        out += ["</ul>", "</section>"]
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
