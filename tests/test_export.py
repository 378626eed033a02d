"""The summary to take home: Markdown and one printable HTML page, both from the shared glance
and cards: the glance first (page 1 when printed), then the cards, why not, the answers."""

from __future__ import annotations

import re
from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest

from tests.conftest import SCENARIOS
from tests.profiles import scenario_session
from wizard.conditions import UNKNOWN, Unknown
from wizard.content import Content
from wizard.engine import Engine
from wizard.export import to_html, to_markdown
from wizard.matching import Result
from wizard.model import Lang
from wizard.report import steps_for
from wizard.sessions import Session

NOTES = "Belt maandag terug.\n<script>alert('x')</script> & meer"


def walk_scenario(bundled: Content, number: str, lang: Lang = "nl") -> tuple[Session, Result]:
    engine = Engine(bundled)
    session, _ = scenario_session(engine, next(SCENARIOS.glob(f"{number}_*.yaml")), lang)
    return session, engine.result(session)


class Page(HTMLParser):
    """What a browser would see: tags, attributes and the text, with entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"</{tag}> closes nothing open"

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.open == [], f"left open: {parser.open}"
    return parser


def squeeze(text: str) -> str:
    return " ".join(text.split())


def test_markdown_carries_the_recommendation_its_reasons_steps_and_the_answers(
    bundled: Content,
) -> None:
    session, result = walk_scenario(bundled, "01")
    first = result.recommended[0]
    model = bundled.incentives[first].model
    page = to_markdown(bundled, session, result, notes=NOTES)
    assert page.startswith("# Leerwijzer: Uw resultaat\n\n## In één oogopslag\n\n1. **✔ zeker: ")
    assert f"### 1. ✔ zeker: {model.name.nl}\n" in page
    # The glance (page 1) comes before any card; reasons are sentences without echoed answers.
    assert page.index("In één oogopslag") < page.index("### 1.") < page.index("## Niet voor u")
    assert "- U werkt in loondienst bij een bedrijf, een vzw of via een uitzendkantoor.\n" in page
    assert "uw antwoord:" not in page
    assert all(
        step.nl in page for step in steps_for(bundled, result, first)
    )  # those for this person
    assert "## Uw antwoorden" in page
    assert "- Wat is nu uw belangrijkste situatie? **Ik werk in loondienst" in page
    assert "Dit resultaat wijst u de weg; het is geen beslissing." in page
    assert f"Regels versie {bundled.version}, peildatum 23-11-2026" in page
    assert "## Notities van de begeleider" in page
    assert "\\<script\\>" in page and "<script>" not in page  # a viewer shows it, never runs it
    assert "\n\n\n" not in page


def test_every_question_asked_is_listed_with_the_label_chosen(bundled: Content) -> None:
    session, result = walk_scenario(bundled, "01")
    page = to_markdown(bundled, session, result)
    listed = re.findall(r"^- (.+) \*\*(.+)\*\*$", page, flags=re.MULTILINE)
    assert len(listed) == len(result.asked) > 3
    facts = {q.model.text.nl: q.fact for q in bundled.questions.values()}
    for question, label in listed:
        fact = bundled.facts[facts[question]]
        value = session.answer_map[fact.id]
        if isinstance(value, Unknown):
            expected = "Ik weet het niet"
        else:
            expected = fact.value_label(value, "nl") if isinstance(value, str) else str(value)
        assert label == expected
    assert "Notities" not in page  # no notes, no empty heading


def test_an_unknown_answer_reads_ik_weet_het_niet(bundled: Content) -> None:
    engine = Engine(bundled)
    session = engine.start(date(2026, 11, 23))
    session = engine.answer(session, "werknemer_prive")
    session = engine.answer(session, UNKNOWN)  # the second question, whatever it is
    result = engine.result(session)
    assert not result.complete
    page = to_markdown(bundled, session, result)
    assert page.startswith("# Leerwijzer: Voorlopig resultaat")
    assert "**Ik weet het niet**" in page
    html = parse(to_html(bundled, session, result))
    assert "Ik weet het niet" in html.visible


def test_the_html_page_is_whole_self_contained_and_escapes_everything(bundled: Content) -> None:
    session, result = walk_scenario(bundled, "01")
    first = result.recommended[0]
    model = bundled.incentives[first].model
    page = to_html(bundled, session, result, notes=NOTES)
    html = parse(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')
    # Nothing to fetch, nothing to run: only <a href> links, and those are only for the reader.
    assert "script" not in html.tags
    assert not {"link", "img", "iframe", "object", "embed"} & set(html.tags)
    assert all(
        name not in ("src", "srcset") and not name.startswith("on") for name, _ in html.attrs
    )
    assert "default-src 'none'" in page
    assert "@media print" in page
    assert "<script>" not in page and escape("<script>") in page
    assert "<script>alert('x')</script> & meer" in html.visible  # shown as text, not run
    visible = html.visible
    assert model.name.nl in visible
    assert "U werkt in loondienst bij een bedrijf, een vzw of via een uitzendkantoor." in visible
    assert visible.index("In één oogopslag") < visible.index("Wat u krijgt")
    assert ".cards { break-before: page; }" in page  # printed, the glance is page 1 on its own
    assert all(squeeze(step.nl) in visible for step in steps_for(bundled, result, first))
    assert "Uw antwoorden" in visible and "Wat is nu uw belangrijkste situatie?" in visible
    assert "Dit resultaat wijst u de weg; het is geen beslissing." in visible
    assert f"Regels versie {bundled.version}, peildatum 23-11-2026" in visible
    links = [value for name, value in html.attrs if name == "href"]
    assert links and all(str(link).startswith("https://") for link in links)
    assert {link.url for link in model.links} <= set(links)


@pytest.mark.parametrize("how", ["session", "argument"])
def test_english_output(bundled: Content, how: str) -> None:
    lang: Lang = "en"
    if how == "session":
        session, result = walk_scenario(bundled, "01", lang="en")
        markdown = to_markdown(bundled, session, result, notes="Call back")
        page = to_html(bundled, session, result, notes="Call back")
    else:
        session, result = walk_scenario(bundled, "01")
        markdown = to_markdown(bundled, session, result, notes="Call back", lang=lang)
        page = to_html(bundled, session, result, notes="Call back", lang=lang)
    name = bundled.incentives[result.recommended[0]].model.name.en
    assert markdown.startswith("# Leerwijzer: Your result\n")
    assert f"### 1. ✔ certain: {name}" in markdown
    assert "## Your answers" in markdown and "## Notes from the counsellor" in markdown
    assert "it is not a decision" in markdown
    assert f"reference date {result.date.isoformat()}" in markdown
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert name in parse(page).visible
    assert "Uw antwoorden" not in page and "Aanbevolen" not in page
