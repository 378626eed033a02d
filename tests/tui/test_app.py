"""The Textual front end, driven by key presses on the tiny content set (not the real content)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.loading import load_content
from wizard.tui.app import WizardApp
from wizard.tui.widgets import MARKER, ChoiceList

TINY = Path(__file__).resolve().parent.parent / "data" / "tiny"
ON = date(2026, 1, 1)
SIZE = (80, 24)


def tiny_content() -> Content:
    return load_content(TINY)


def make_app(lang: str = "nl") -> WizardApp:
    return WizardApp(tiny_content(), on=ON, lang=lang)  # type: ignore[arg-type]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the page has been replaced and the app accepts keys again."""
    app = pilot.app
    assert isinstance(app, WizardApp)
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.busy:
            return
    raise AssertionError("the page never finished loading")


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one at a time, each on a fully loaded page."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def text_of(app: WizardApp, selector: str) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(selector).results(Static))


def expected_progress(
    app: WizardApp, number: int, word: str = "Vraag", about: str = "van ongeveer"
) -> str:
    """The progress line for question ``number``; the estimate itself is the engine's business."""
    shown, total = app.engine.progress(app.session)
    assert shown == number
    return f"{word} {number} {about} {total}"


def page_of(app: WizardApp) -> str:
    """Read through a call, so mypy does not narrow ``page`` across key presses."""
    return app.page


def lang_of(app: WizardApp) -> str:
    return app.session.lang


def page_text(app: WizardApp) -> str:
    return text_of(app, "#page Static")


def option_text(app: WizardApp, selector: str) -> str:
    return "\n".join(str(o.prompt) for o in app.query_one(selector, ChoiceList).options)


def option_prompts(app: WizardApp) -> list[str]:
    choices = app.query_one("#choices", ChoiceList)
    return [str(option.prompt) for option in choices.options]


async def test_full_path_to_result_by_keys() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app, "#progress") == expected_progress(app, 1)
        assert text_of(app, "#question") == "Wat is uw rol?"
        prompts = option_prompts(app)
        assert prompts[0] == "▶ 1. Student"  # the cursor: a glyph and bold, not colour alone
        assert prompts[1] == "  2. Personeel"
        assert prompts[-1].strip() == "0. Ik weet het niet"
        await press(pilot, "1")  # role = Student
        assert text_of(app, "#question") == "Wat wilt u doen?"
        assert text_of(app, "#progress") == expected_progress(app, 2)
        await press(pilot, "1")  # goal = Lenen
        assert text_of(app, "#question") == "Studeert u voltijds?"
        await press(pilot, "enter")  # fulltime = ja (highlighted first)
        assert page_of(app) == "check"  # check your answers before the result
        assert dict(app.session.answers) == {"role": "student", "goal": "borrow", "fulltime": "ja"}
        assert "Uw antwoord: Student" in option_text(app, "#answers")
        await press(pilot, "tab", "enter")  # "Toon mijn resultaat"
        assert page_of(app) == "result"
        shown = page_text(app)
        recommended = shown.index("Aanbevolen voor u")
        assert "1. Campuskaart" in shown
        assert shown.index("1. Campuskaart") > recommended
        assert "Wat nu: Ga naar de balie." in shown
        assert shown.index("Stadspas: u hebt al een campuskaart") > shown.index("1. Campuskaart")
        assert "Regels versie tiny-1, peildatum 01-01-2026" in shown

        await press(pilot, "r")  # start again
        assert page_of(app) == "question"
        assert app.session.answers == ()
        assert text_of(app, "#question") == "Wat is uw rol?"


async def test_arrow_keys_move_the_marker_and_enter_chooses() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down", "down")
        prompts = option_prompts(app)
        assert prompts[2] == f"{MARKER}3. Bezoeker"
        assert not prompts[0].startswith(MARKER)
        await press(pilot, "enter")
        assert dict(app.session.answers) == {"role": "visitor"}
        assert text_of(app, "#question") == "Woont u in de stad?"


async def test_escape_goes_back_and_keeps_the_app_consistent() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "2", "1", "tab", "enter")  # role = staff, goal = borrow -> result
        assert page_of(app) == "result"
        await press(pilot, "escape")  # back from the result to checking the answers
        assert page_of(app) == "check"
        await press(pilot, "escape")  # and from there to the goal question
        assert page_of(app) == "question"
        assert dict(app.session.answers) == {"role": "staff"}
        assert text_of(app, "#question") == "Wat wilt u doen?"
        assert option_prompts(app)[0] == f"{MARKER}1. Lenen"  # the earlier answer is pre-selected
        await press(pilot, "escape")
        assert app.session.answers == ()
        assert text_of(app, "#question") == "Wat is uw rol?"
        assert text_of(app, "#progress") == expected_progress(app, 1)
        assert option_prompts(app)[1] == f"{MARKER}2. Personeel"
        await press(pilot, "escape")  # nothing before the first question: nothing changes
        assert app.session.answers == ()
        assert text_of(app, "#question") == "Wat is uw rol?"
        await press(pilot, "1", "2")  # a different path still works after going back
        assert dict(app.session.answers) == {"role": "student", "goal": "study"}
        assert text_of(app, "#question") == "Studeert u voltijds?"


async def test_invalid_integer_shows_the_reason_and_the_question_stays() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "3", "1")  # visitor, resident = ja
        assert text_of(app, "#question") == "Hoe oud bent u?"
        before = app.session
        assert not app.query_one("#error", Static).display
        await pilot.press("a", "b", "c", "enter")
        await settle(pilot)
        assert app.session == before
        assert text_of(app, "#question") == "Hoe oud bent u?"
        error = app.query_one("#error", Static)
        assert error.display
        assert str(error.render()) == "Let op: Geef een getal voor 'Leeftijd', bijvoorbeeld 35."
        entry = app.query_one("#entry", Input)
        entry.value = ""
        await pilot.press("2", "0", "0", "enter")  # out of range
        await settle(pilot)
        assert app.session == before
        assert "200 kan niet" in str(app.query_one("#error", Static).render())
        entry.value = ""
        await pilot.press("4", "2", "enter")
        await settle(pilot)
        assert dict(app.session.answers) == {"role": "visitor", "resident": "ja", "age": 42}
        assert text_of(app, "#question") == "Wat wilt u doen?"


async def test_language_toggle_keeps_answers() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1", "down")  # role = student; cursor on "Studeren"
        answers = app.session.answers
        await press(pilot, "f2")
        assert lang_of(app) == "en"
        assert app.session.answers == answers
        assert text_of(app, "#question") == "What do you want to do?"
        assert text_of(app, "#progress") == expected_progress(app, 2, "Question", "of about")
        assert option_prompts(app)[1] == f"{MARKER}2. Study"  # the cursor stayed put
        assert option_prompts(app)[-1].strip() == "0. I don't know"
        await press(pilot, "enter", "1", "tab", "enter")  # goal = study, fulltime = yes, result
        assert page_of(app) == "result"
        assert "Recommended for you" in page_text(app)
        assert "1. Study room" in page_text(app)
        await press(pilot, "ctrl+l")
        assert lang_of(app) == "nl"
        assert dict(app.session.answers) == {"role": "student", "goal": "study", "fulltime": "ja"}
        assert "1. Studiezaal" in page_text(app)


async def test_help_opens_and_closes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Kies wat het best past." in text_of(app, "#help-body")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.query("#help-body")
        assert app.session.answers == ()  # Escape closed the help; it did not go back
        assert text_of(app, "#question") == "Wat is uw rol?"


async def test_dont_know_is_an_answer() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "3", "0")  # visitor; resident = "Ik weet het niet"
        assert "resident" in app.session.answer_map
        assert text_of(app, "#question") == "Hoe oud bent u?"


async def test_mashed_selections_answer_only_the_question_shown() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        choices = app.query_one("#choices", ChoiceList)
        choices.highlighted = len(choices.options) - 1  # "Ik weet het niet": valid on every page
        for _ in range(3):  # three selections queued before the page can change
            choices.action_select()
        await settle(pilot)
        await pilot.pause()
        assert list(app.session.answer_map) == ["role"]
        assert app.session.answer_map["role"] is UNKNOWN
        assert text_of(app, "#question") == "Wat wilt u doen?"
