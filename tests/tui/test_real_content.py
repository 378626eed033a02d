"""The conversation on the real content, as the issue tried it: question 1 has ten options.

Pilot at 80x24: every option (with "Ik weet het niet") on screen without scrolling a box; "1"
waits, "1" "0" chooses option 10, "1" Enter chooses option 1; a stray Enter answers nothing;
typed words ("werkzoekende", "ja", "ik ben 45") are understood; a 4,301-digit age is refused with a
message; and the result is reached by keyboard from the check step. What to expect comes from the
engine on the bundled content, so content changes move these tests along.
"""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from tests.conftest import REPO, cached_content
from tests.tui.test_app import (
    error_of,
    glance_text,
    page_of,
    press,
    question_of,
    settle,
    type_text,
)
from wizard.content import Content
from wizard.engine import Engine
from wizard.report import glance
from wizard.tui.app import WizardApp
from wizard.tui.conversation import Said

ON = date(2026, 11, 23)
SIZE = (80, 24)


def bundled() -> Content:
    return cached_content(REPO)


def first_question_app() -> WizardApp:
    return WizardApp(bundled(), on=ON)


async def test_every_option_of_question_one_is_on_screen_at_80x24() -> None:
    app = first_question_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        choices = app.composer.choices
        statuut = bundled().facts["statuut"]
        assert choices.option_count == len(statuut.value_ids()) + 1 == 11
        assert choices.max_scroll_y == 0  # the list is not a box that scrolls
        screen = app.screen.region
        assert screen.contains_region(choices.region)
        assert screen.contains_region(app.composer.entry.region)
        # the question itself is visible just above its options
        question = app.query(Said).last()
        assert screen.contains_region(question.region)
        assert question.region.bottom <= choices.region.y
        assert app.composer.choices.shown_labels()[-1].strip() == "0. Ik weet het niet"


async def test_one_then_zero_chooses_option_ten_and_one_then_enter_option_one() -> None:
    values = bundled().facts["statuut"].value_ids()
    app = first_question_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1")
        assert app.session.answers == ()  # "1" may be the start of "10": it waits
        await press(pilot, "0")
        assert dict(app.session.answers) == {"statuut": values[9]}
        await press(pilot, "escape")
        assert app.session.answers == ()
        await press(pilot, "1", "enter")
        assert dict(app.session.answers) == {"statuut": values[0]}


async def test_a_stray_enter_answers_nothing() -> None:
    app = first_question_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(15):  # the 15 fast Enters answered 8 questions
            await pilot.press("enter")
        await settle(pilot)
        assert app.session.answers == ()


async def test_typed_words_lead_a_jobseeker_to_the_result() -> None:
    """'werkzoekende', 'ja' and 'nee', 'ik ben 45': typed as a person would, then the result."""
    engine = Engine(bundled())
    session = engine.start(ON, "nl")
    typed = {"statuut": "werkzoekende", "behoefte": "werk vinden", "leeftijd": "ik ben 45"}
    app = first_question_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        while (question := engine.current_question(session)) is not None:
            fact = bundled().facts[question.fact]
            assert question_of(app) == question.model.text.get("nl")
            if question.fact in typed:
                words = typed[question.fact]
            elif fact.kind == "yes_no":
                words = "ja"
            elif fact.kind == "choice":
                words = "weet niet"
            else:
                words = "45"
            await type_text(pilot, words)
            assert error_of(app) == "", f"'{words}' not understood for {question.fact}"
            expected = {"ja": "ja", "weet niet": "weet_niet"}.get(words, words)
            if question.fact == "statuut":
                expected = "werkzoekende"
            elif question.fact == "behoefte":
                expected = "werk_vinden"
            elif fact.kind == "integer":
                expected = "45"
            session = engine.answer(session, expected)
            assert app.session == session
        assert page_of(app) == "check"
        await press(pilot, "enter")  # from the check step, by keyboard
        assert page_of(app) == "result"
        items = glance(bundled(), engine.result(session), "nl").items
        assert items, "a jobseeker of 45 who wants work should get something"
        assert f"1. {items[0].glyph} {items[0].word} · {items[0].name}" in glance_text(app)


async def test_a_number_of_4301_digits_is_refused_with_a_message() -> None:
    app = first_question_app()
    engine = Engine(bundled())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = engine.start(ON, "nl")
        while (question := engine.current_question(session)) is not None:
            if question.fact == "leeftijd":
                break
            fact = bundled().facts[question.fact]
            session = engine.answer(session, "weet_niet" if fact.offer_unknown else "ja")
        assert question is not None and question.fact == "leeftijd", "no age question"
        app.session = session
        app._show()
        await settle(pilot)
        before = app.session
        app.query_one("#entry", Input).value = "9" * 4301
        await press(pilot, "enter")
        assert app.is_running
        assert app.session == before
        assert "kan niet" in error_of(app)
        assert len(error_of(app)) < 200  # the number is not repeated back in full


PEOPLE = {
    "worker": ("werknemer_prive", "bijscholen_huidige_job"),
    "jobseeker": ("werkzoekende", "werk_vinden"),
    "career switcher": ("werknemer_prive", "omscholen_ander_beroep"),
}


@pytest.mark.parametrize("person", sorted(PEOPLE))
async def test_the_result_glance_fits_80x24_for_typical_people(person: str) -> None:
    engine = Engine(bundled())
    session = engine.start(ON, "nl")
    first = list(PEOPLE[person])
    while (question := engine.current_question(session)) is not None:
        fact = bundled().facts[question.fact]
        if first:
            value = first.pop(0)
        elif fact.kind in ("choice", "yes_no"):
            value = fact.value_ids()[0]
        else:
            value = "45"
        session = engine.answer(session, value)
    app = WizardApp(bundled(), on=ON, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert page_of(app) == "result"
        view = app.query_one("#result")
        assert view.max_scroll_y == 0, f"the glance of a {person} needs scrolling at 80x24"
        assert app.screen.region.contains_region(app.query_one("#restart").region)


async def test_a_long_explanation_scrolls_and_the_way_out_stays_on_screen() -> None:
    app = first_question_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        dialog = app.screen.query_one("#help-dialog")
        closing = app.screen.query_one("#help-closing")
        assert app.screen.region.contains_region(dialog.region)
        assert dialog.region.contains_region(closing.region), "the way out is cut off"
        scroll = app.screen.query_one("#help-scroll")
        assert scroll.max_scroll_y > 0  # question 1's help and the keys: longer than fits
        await press(pilot, "escape")
        assert app.session.answers == ()
