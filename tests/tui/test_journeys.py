"""Whole journeys through the three modes: edit with a preview, kiosk wipe, counsellor save and
resume, export, what-if. Driven with Pilot on the tiny content set; the clock is injected."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Button, Static, TextArea

from tests.tui.test_app import (
    ON,
    SIZE,
    asked,
    conversation_text,
    page_of,
    press,
    question_of,
    settle,
    text_of,
    tiny_content,
)
from wizard.engine import Engine
from wizard.replay import replay_file
from wizard.store import SessionStore
from wizard.tui.app import KioskApp, WizardApp, make_app
from wizard.tui.conversation import Reply
from wizard.tui.dialogs import ConfirmEditScreen, WhatIfScreen
from wizard.tui.widgets import HelpScreen

WORKER = {"statuut": "werknemer_prive", "behoefte": "bijscholen_huidige_job"}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_an_edit_shows_what_it_changes_and_only_then_changes_it() -> None:
    app = make_app(tiny_content(), on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1", "1")  # student, borrow, full-time: check your answers
        assert page_of(app) == "check"
        await press(pilot, "up", "up", "up")  # from the button up to the first reply
        assert isinstance(app.focused, Reply) and app.focused.line.text == "Student"
        await press(pilot, "enter")  # change it
        assert page_of(app) == "question"
        assert "U wijzigt een antwoord" in asked(app)
        assert "Wat is uw rol?\nUw antwoord nu: Student" in asked(app)
        before = app.session
        await press(pilot, "3")  # visitor
        assert isinstance(app.screen, ConfirmEditScreen)
        preview = text_of(app, "#confirm-body")
        assert "Daarna krijgt u deze vraag: Woont u in de stad?" in preview
        assert "Campuskaart: zeker → niet voor u" in preview
        assert app.session == before  # nothing changed yet
        await press(pilot, "enter")  # the focused button is the safe one: "Nee, laat het zo"
        assert app.session == before
        assert page_of(app) == "check"

        await press(pilot, "up", "up", "up", "enter", "3")  # again, and this time confirm
        assert isinstance(app.screen, ConfirmEditScreen)
        await press(pilot, "right", "enter")  # "Ja, wijzig"
        assert app.session.answer_map["role"] == "visitor"
        assert question_of(app) == "Woont u in de stad?"


async def test_a_big_edit_preview_scrolls_and_keeps_both_buttons_on_screen() -> None:
    from tests.conftest import REPO, cached_content

    bundled = cached_content(REPO)
    app = make_app(bundled, on=date(2026, 11, 23))
    engine = Engine(bundled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        session = engine.start(date(2026, 11, 23), "nl")
        # a worker who wants to learn for the job, "weet ik niet" where it can, up to the check
        while (question := engine.current_question(session)) is not None:
            fact = bundled.facts[question.fact]
            value = WORKER.get(question.fact)
            if value is None:
                value = "weet_niet" if fact.offer_unknown else fact.value_ids()[0]
            session = engine.answer(session, value)
        app.session = session
        app._show()
        await settle(pilot)
        assert page_of(app) == "check"
        first = app.query(Reply).first()
        first.focus()
        await press(pilot, "enter", "6")  # worker -> jobseeker: a big change
        assert isinstance(app.screen, ConfirmEditScreen)
        dialog = app.screen.query_one("#confirm-dialog")
        assert app.screen.region.contains_region(dialog.region)
        for button_id in ("#confirm-no", "#confirm-yes"):
            button = app.screen.query_one(button_id)
            assert dialog.region.contains_region(button.region), "a button is cut off"
        scroll = app.screen.query_one("#confirm-scroll")
        assert scroll.max_scroll_y > 0  # this preview is long: it scrolls inside the dialog
        assert app.screen.focused is app.screen.query_one("#confirm-no")


async def test_kiosk_idle_countdown_then_a_full_wipe() -> None:
    clock = FakeClock()
    app = make_app(tiny_content(), on=ON, mode="kiosk", clock=clock, idle_timeout=120)
    assert isinstance(app, KioskApp)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert page_of(app) == "welcome"
        assert "Welkom bij Leerwijzer" in conversation_text(app)
        await press(pilot, "enter")  # Start
        await press(pilot, "1", "1")
        assert len(app.session.answers) == 2
        clock.now += 100
        app.tick_idle()
        warning = app.query_one("#idle-warning", Static)
        assert not warning.display  # 20 s before the timeout: no countdown yet
        clock.now += 25  # 5 s after the timeout: the 15 s countdown runs
        app.tick_idle()
        assert warning.display
        assert "Over 10 seconden" in str(warning.render())
        await press(pilot, "down")  # someone is there: the countdown stops
        assert not warning.display
        assert len(app.session.answers) == 2
        clock.now += 135  # the timeout and the whole countdown
        app.tick_idle()
        await settle(pilot)
        assert page_of(app) == "welcome"
        assert app.session.answers == ()
        assert "Student" not in conversation_text(app)
        assert app.code is None and app.notes == ""


async def test_kiosk_keys_that_would_quit_do_nothing() -> None:
    app = make_app(tiny_content(), on=ON, mode="kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ("ctrl+q", "ctrl+c", "ctrl+p", "ctrl+z", "ctrl+d", "escape", "ctrl+backslash"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
        assert page_of(app) == "welcome"
        assert len(app.screen_stack) == 1  # no command palette opened


async def test_counsellor_saves_and_a_new_app_resumes_the_same_state(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    app = make_app(tiny_content(), on=ON, mode="counsellor", store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1")  # student, borrow: autosaved after each answer
        assert app.code is not None
        assert "Rol: Student" in text_of(app, "#trace")
        assert "Volgende vraag: Voltijds" in text_of(app, "#trace")
        notes = app.query_one("#notes", TextArea)
        notes.text = "Klant komt terug met attest."
        await pilot.pause()
        await press(pilot, "ctrl+s")
        code, session = app.code, app.session
    saved = store.load(code)
    resumed = make_app(
        tiny_content(),
        on=ON,
        mode="counsellor",
        store=store,
        session=saved.to_session(tiny_content().facts),
        notes=saved.notes,
        code=code,
    )
    async with resumed.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert resumed.session == session
        assert resumed.query_one("#notes", TextArea).text == "Klant komt terug met attest."
        assert question_of(resumed) == "Studeert u voltijds?"


async def test_export_gives_markdown_and_html_with_the_recommendation(tmp_path: Path) -> None:
    app = make_app(tiny_content(), on=ON, mode="counsellor", export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1", "1", "enter")
        assert page_of(app) == "result"
        await press(pilot, "ctrl+e")
        for _ in range(50):
            if len(list(tmp_path.iterdir())) == 3:
                break
            await pilot.pause(0.05)
    markdown = (tmp_path / "leerwijzer-2026-01-01.md").read_text(encoding="utf-8")
    html = (tmp_path / "leerwijzer-2026-01-01.html").read_text(encoding="utf-8")
    for text in (markdown, html):
        assert "Campuskaart" in text
        assert "tudeert of werkt hier" in text  # the reason (as a sentence since the glance)
    assert html.lstrip().lower().startswith("<!doctype html>")
    # ... and the session as a scenario: replayed, it gives the same result
    recorded = tmp_path / "leerwijzer-2026-01-01.scenario.yaml"
    report = replay_file(Engine(tiny_content()), recorded)
    assert report.passed, report.failures
    assert report.recommended == ["campus_card"]


async def test_what_if_shows_both_results_and_changes_nothing() -> None:
    app = make_app(tiny_content(), on=ON, mode="counsellor")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1", "1", "enter")
        session = app.session
        await press(pilot, "f4")
        await press(pilot, "2")  # the goal ...
        await press(pilot, "2")  # ... as "study"
        assert isinstance(app.screen, WhatIfScreen)
        now = text_of(app, "#what-if-now Static")
        then = text_of(app, "#what-if-then Static")
        assert "1. Campuskaart" in now
        assert "1. Studiezaal" in then
        assert "Als Doel: Studeren" in then
        await press(pilot, "escape")
        assert app.session == session
        assert page_of(app) == "result"


async def test_check_page_lists_every_answer_in_english_too() -> None:
    app = make_app(tiny_content(), on=ON, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1", "1")
        listed = conversation_text(app)
        assert "What is your role?\nStudent" in listed
        assert "Do you study full-time?\nYes" in listed
        assert str(app.query_one("#go", Button).label) == "Show my result"


def test_apps_are_wizard_apps() -> None:
    assert isinstance(make_app(tiny_content()), WizardApp)


async def test_kiosk_stores_nothing_until_the_person_asks_for_a_code(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app = make_app(tiny_content(), on=ON, mode="kiosk", store=lambda: SessionStore(data))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "1", "1", "1", "enter")
        assert page_of(app) == "result"
        assert app.code is None
        assert not data.exists()  # nothing on disk yet
        app.query_one("#ask-code", Button).press()
        await settle(pilot)
        code = app.code
        assert code is not None
        assert code in text_of(app, "#your-code")
    assert (
        SessionStore(data).load(code).to_session(tiny_content().facts).answer_map["role"]
        == "student"
    )


async def test_linux_console_gets_ascii_borders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "linux")
    app = make_app(tiny_content(), on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-ascii")
        assert app.query_one("#composer").styles.border_top[0] == "ascii"


async def test_high_contrast_theme_toggles_from_the_palette_action() -> None:
    app = make_app(tiny_content(), on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_toggle_contrast()
        await pilot.pause()
        assert app.theme == "ansi-dark"
        app.action_toggle_contrast()
        assert app.theme == "textual-dark"


async def test_kiosk_help_explains_the_welcome_and_the_check_pages() -> None:
    app = make_app(tiny_content(), on=ON, mode="kiosk")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        welcome_help = text_of(app, "#help-body")
        assert "Druk op Enter om te beginnen." in welcome_help
        assert "Ctrl+Q" not in welcome_help  # the kiosk offers no way out
        await press(pilot, "escape", "enter", "1", "1", "1")
        assert page_of(app) == "check"
        await press(pilot, "f1")
        assert "Klopt alles? Druk op Enter voor uw resultaat." in text_of(app, "#help-body")
        assert "Dit is uw resultaat" not in text_of(app, "#help-body")
        await press(pilot, "escape")
        assert page_of(app) == "check"  # Escape closed the help only


async def test_after_a_new_situation_the_goal_is_asked_again() -> None:
    app = make_app(tiny_content(), on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "2", "1")  # staff, borrow: the check step
        assert page_of(app) == "check"
        await press(pilot, "up", "up", "enter", "1")  # the situation: staff -> student
        assert isinstance(app.screen, ConfirmEditScreen)
        await press(pilot, "right", "enter")
        assert app.session.answer_map["role"] == "student"
        assert app.editing == "goal"  # what a member of staff wanted may not fit a student
        assert "Uw situatie is veranderd. Past dit nog?" in asked(app)
        assert "Uw antwoord nu: Lenen" in asked(app)
        await press(pilot, "escape")  # keep it
        assert app.editing is None
        assert app.session.answer_map["goal"] == "borrow"
        assert question_of(app) == "Studeert u voltijds?"


async def test_choosing_the_same_answer_again_changes_nothing_and_asks_nothing() -> None:
    app = make_app(tiny_content(), on=ON)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "2", "1")
        session = app.session
        await press(pilot, "up", "enter", "1")  # the goal, "Lenen" again
        assert not isinstance(app.screen, ConfirmEditScreen)
        assert app.session == session
        assert page_of(app) == "check"
