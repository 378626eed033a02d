"""The Textual front end, driven by key presses on the tiny content set (not the real content):
the conversation, input that forgives, the result glance, keys and help that tell the truth."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.loading import load_content
from wizard.tui.app import WizardApp
from wizard.tui.composer import MARKER
from wizard.tui.conversation import Reply, Said
from wizard.tui.dialogs import ConfirmEditScreen
from wizard.tui.result_view import CardScreen
from wizard.tui.widgets import HelpScreen

TINY = Path(__file__).resolve().parent.parent / "data" / "tiny"
ON = date(2026, 1, 1)
SIZE = (80, 24)


def tiny_content() -> Content:
    return load_content(TINY)


def make_app(lang: str = "nl") -> WizardApp:
    return WizardApp(tiny_content(), on=ON, lang=lang)  # type: ignore[arg-type]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the page has been brought up to date and the app accepts keys again."""
    app = pilot.app
    assert isinstance(app, WizardApp)
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.busy or len(app.screen_stack) > 1:
            return
    raise AssertionError("the page never finished loading")


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys one at a time, each on a fully loaded page."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` (letters, digits, spaces) and press Enter."""
    await pilot.press(*[("space" if char == " " else char) for char in text])
    await press(pilot, "enter")


def text_of(app: WizardApp, selector: str) -> str:
    return "\n".join(str(widget.render()) for widget in app.screen.query(selector).results(Static))


def page_of(app: WizardApp) -> str:
    """Read through a call, so mypy does not narrow ``page`` across key presses."""
    return app.page


def lang_of(app: WizardApp) -> str:
    return app.session.lang


def asked(app: WizardApp) -> str:
    """Leerwijzer's last message: the question being asked (with the progress above it)."""
    return str(app.query(Said).last().render())


def question_of(app: WizardApp) -> str:
    return asked(app).splitlines()[-1]


def conversation_text(app: WizardApp) -> str:
    return "\n".join(str(w.render()) for w in app.conversation.children)


def option_prompts(app: WizardApp) -> list[str]:
    return app.composer.choices.shown_labels()


def error_of(app: WizardApp) -> str:
    error = app.query_one("#error", Static)
    return str(error.render()) if error.display else ""


def glance_text(app: WizardApp) -> str:
    """The glance as text: its lines, each instrument as "1. ✔ zeker · Name: gist" + first step."""
    shown = [text_of(app, "#result Static")]
    for option in app.query_one("#glance", OptionList).options:
        prompt = option.prompt
        shown.append(str(prompt))
    return "\n".join(shown)


def expected_progress(app: WizardApp, number: int) -> str:
    shown, total = app.engine.progress(app.session)
    assert shown == number
    return f"Vraag {number} van ongeveer {total}" if total - number <= 5 else f"Vraag {number}"


async def test_a_conversation_from_the_first_question_to_the_result_by_keys() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert asked(app) == f"{expected_progress(app, 1)}\nWat is uw rol?"
        prompts = option_prompts(app)
        assert prompts[0] == "   1. Student"  # nothing is highlighted: a stray Enter never answers
        assert prompts[-1] == "   0. Ik weet het niet"
        assert isinstance(app.focused, Input)
        await press(pilot, "1")  # three options: "1" cannot grow, so it answers at once
        assert question_of(app) == "Wat wilt u doen?"
        # the history stays: the question and the reply above the new question
        assert "Wat is uw rol?\nStudent\n" in conversation_text(app)
        await type_text(pilot, "lenen")  # a word from the label
        assert question_of(app) == "Studeert u voltijds?"
        await type_text(pilot, "ja")
        assert page_of(app) == "check"  # checking the answers is reading the conversation
        assert dict(app.session.answers) == {"role": "student", "goal": "borrow", "fulltime": "ja"}
        assert [reply.line.text for reply in app.query(Reply)] == ["Student", "Lenen", "Ja"]
        focused: object = app.focused
        assert focused is app.query_one("#go", Button)
        assert str(app.query_one("#go", Button).label) == "Toon mijn resultaat"
        await press(pilot, "enter")  # the focused action shows the result
        assert page_of(app) == "result"
        shown = glance_text(app)
        assert "Uw resultaat" in shown
        assert "1. ✔ zeker · Campuskaart: Gratis lenen." in shown
        assert "Eerst: Ga naar de balie." in shown
        assert "Regels versie tiny-1, peildatum 01-01-2026" in shown
        await press(pilot, "enter")  # the best one's card
        assert isinstance(app.screen, CardScreen)
        assert "Ga naar de balie." in text_of(app, "#card-body")
        await press(pilot, "escape")
        assert page_of(app) == "result"
        assert not isinstance(app.screen, CardScreen)


async def test_enter_on_an_unselected_list_does_nothing() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(5):
            await press(pilot, "enter")
        assert app.session.answers == ()
        assert question_of(app) == "Wat is uw rol?"
        assert error_of(app) == ""


async def test_arrow_keys_move_the_marker_and_enter_chooses() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down", "down", "down", "up")
        prompts = option_prompts(app)
        assert prompts[1] == f"{MARKER} 2. Personeel"
        assert not prompts[0].startswith(MARKER)
        await press(pilot, "enter")
        assert dict(app.session.answers) == {"role": "staff"}
        assert question_of(app) == "Wat wilt u doen?"
        assert not any(p.startswith(MARKER) for p in option_prompts(app))  # a fresh start


async def test_what_is_not_understood_is_answered_with_what_to_type() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "banaan")
        assert app.session.answers == ()
        assert "een nummer van 1 tot 3" in error_of(app)  # what the person can type
        app.composer.entry.value = ""
        await type_text(pilot, "ik ben bezoeker")
        assert dict(app.session.answers) == {"role": "visitor"}
        assert error_of(app) == ""  # the next question starts clean


async def test_escape_goes_back_and_says_the_earlier_answer() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "2", "1")  # role = staff, goal = borrow: all asked
        assert page_of(app) == "check"
        await press(pilot, "enter")
        assert page_of(app) == "result"
        await press(pilot, "escape")  # from the result to the answers (as help says)
        assert page_of(app) == "check"
        await press(pilot, "escape")  # from the answers to the last question
        assert page_of(app) == "question"
        assert dict(app.session.answers) == {"role": "staff"}
        assert question_of(app) == "Wat wilt u doen?"
        assert text_of(app, "#hint") == "Eerder koos u: Lenen"
        assert not any(p.startswith(MARKER) for p in option_prompts(app))
        await press(pilot, "escape")
        assert app.session.answers == ()
        assert asked(app) == f"{expected_progress(app, 1)}\nWat is uw rol?"
        await press(pilot, "escape")  # nothing before the first question: nothing changes
        assert app.session.answers == ()
        await press(pilot, "1", "2")  # a different path still works after going back
        assert dict(app.session.answers) == {"role": "student", "goal": "study"}
        assert question_of(app) == "Studeert u voltijds?"


async def test_numbers_are_refused_with_a_reason_and_understood_in_a_sentence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "3", "1")  # visitor, resident = ja
        assert question_of(app) == "Hoe oud bent u?"
        before = app.session
        await type_text(pilot, "abc")
        assert app.session == before
        assert "een getal, bijvoorbeeld 45" in error_of(app)
        entry = app.query_one("#entry", Input)
        entry.value = ""
        await type_text(pilot, "200")
        assert app.session == before
        assert "200 kan niet" in error_of(app)
        entry.value = "9" * 4301  # Python's int() refuses this many digits: never a traceback
        await press(pilot, "enter")
        assert app.session == before
        assert "kan niet" in error_of(app)
        assert app.is_running
        entry.value = ""
        await type_text(pilot, "ik ben 42")
        assert dict(app.session.answers) == {"role": "visitor", "resident": "ja", "age": 42}
        assert question_of(app) == "Wat wilt u doen?"


async def test_language_toggle_keeps_answers_and_what_is_typed() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1", "l", "e")  # role = student; "le" typed
        answers = app.session.answers
        await press(pilot, "f2")
        assert lang_of(app) == "en"
        assert app.session.answers == answers
        assert question_of(app) == "What do you want to do?"
        assert app.composer.entry.value == "le"
        assert option_prompts(app)[-1] == "   0. I don't know"
        app.composer.entry.value = ""
        await press(pilot, "2", "1", "enter")  # goal = study, fulltime = yes, the result
        assert page_of(app) == "result"
        assert "1. ✔ certain · Study room" in glance_text(app)
        await press(pilot, "f2")
        assert lang_of(app) == "nl"
        assert "1. ✔ zeker · Studiezaal" in glance_text(app)


async def test_f1_explains_the_page_you_are_on() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")  # typed in the answer line, it still opens help
        assert isinstance(app.screen, HelpScreen)
        assert "Kies wat het best past." in text_of(app, "#help-body")
        assert "Esc: vorige vraag" in text_of(app, "#help-body")
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)
        assert app.session.answers == ()  # Escape closed the help; it did not go back
        assert app.composer.entry.value == ""  # and '?' was not typed
        await press(pilot, "1", "1", "1")
        await press(pilot, "f1")
        help_text = text_of(app, "#help-body")
        assert "Klopt alles? Druk op Enter voor uw resultaat." in help_text
        assert "Escape gaat naar de laatste vraag." in help_text
        await press(pilot, "escape", "enter", "f1")
        help_text = text_of(app, "#help-body")
        assert "Dit is uw resultaat." in help_text
        assert "Escape gaat terug naar uw antwoorden." in help_text
        await press(pilot, "escape", "escape")
        assert page_of(app) == "check"  # Escape did what help said


async def test_dont_know_is_an_answer() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "3", "0")  # visitor; resident = "Ik weet het niet"
        assert app.session.answer_map["resident"] is UNKNOWN
        assert question_of(app) == "Hoe oud bent u?"
        await type_text(pilot, "weet niet")
        assert app.session.answer_map["age"] is UNKNOWN


async def test_mashed_selections_answer_only_the_question_shown() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        choices = app.composer.choices
        choices.highlighted = choices.option_count - 1  # "Ik weet het niet": valid on every page
        for _ in range(3):  # three selections queued before the page can change
            choices.action_select()
        await settle(pilot)
        assert list(app.session.answer_map) == ["role"]
        assert app.session.answer_map["role"] is UNKNOWN
        assert question_of(app) == "Wat wilt u doen?"


async def test_keys_pressed_while_the_question_is_replaced_never_answer_the_next() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1")
        app.busy = True  # as between an answer and the next question on screen
        await pilot.press("2", "enter", "x")
        assert dict(app.session.answers) == {"role": "student"}
        assert app.composer.entry.value == ""
        app.busy = False
        await press(pilot, "2")
        assert dict(app.session.answers) == {"role": "student", "goal": "study"}


async def test_no_single_key_throws_every_answer_away() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1", "1", "enter")
        assert page_of(app) == "result"
        answers = app.session.answers
        await press(pilot, "r")
        assert app.session.answers == answers  # "r" no longer starts again
        app.query_one("#restart", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, ConfirmEditScreen)
        await press(pilot, "enter")  # the focused button is the safe one
        assert app.session.answers == answers
        app.query_one("#restart", Button).press()
        await settle(pilot)
        await press(pilot, "right", "enter")  # "Ja, wis alles"
        assert app.session.answers == ()
        assert page_of(app) == "question"


async def test_changing_a_number_starts_from_the_number_given() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "3", "1")
        await type_text(pilot, "42")
        await press(pilot, "1")  # goal: borrow -> check
        assert page_of(app) == "check"
        age = next(r for r in app.query(Reply) if r.line.fact == "age")
        age.focus()
        await press(pilot, "enter")
        assert app.editing == "age"
        assert app.composer.entry.value == "42"
        await press(pilot, "4", "3", "enter")  # the number is selected: typing replaces it
        assert isinstance(app.screen, ConfirmEditScreen)
        await press(pilot, "right", "enter")
        assert app.session.answer_map["age"] == 43


async def test_escape_sequences_typed_or_pasted_change_nothing_and_are_never_echoed() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.composer.entry.value = "\x1b]0;pwned\x07\x1b[2J\x9b31m"  # nothing else: as an Enter
        await press(pilot, "enter")
        assert app.session.answers == ()
        assert error_of(app) == ""
        app.composer.entry.value = "\x1b]0;pwned\x07xyz\x1b[2J"
        await press(pilot, "enter")
        assert app.session.answers == ()
        assert app.is_running
        shown = error_of(app)
        assert shown and "\x1b" not in shown and "pwned" not in shown
        app.composer.entry.value = "\x1b[31mbezoeker\x1b[0m"  # colour codes round a word
        await press(pilot, "enter")
        assert dict(app.session.answers) == {"role": "visitor"}


async def test_a_character_the_terminal_could_not_decode_is_refused_with_a_message() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # what the key reader makes of a byte that is not UTF-8, as the terminal driver sends it
        app.composer.entry.post_message(events.Key("\ufffd", "\ufffd"))
        await settle(pilot)
        assert app.composer.entry.value == ""
        assert error_of(app).startswith("Dat antwoord bevat tekens die we niet kunnen lezen.")
        await press(pilot, "2")
        assert dict(app.session.answers) == {"role": "staff"}  # and the keyboard goes on


async def test_a_click_chooses_an_option_and_a_click_on_a_reply_changes_it() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#choices", offset=(8, 1))  # the second row: "2. Personeel"
        await settle(pilot)
        assert dict(app.session.answers) == {"role": "staff"}
        await pilot.click(Reply)
        await settle(pilot)
        assert app.editing == "role"
        assert isinstance(app.focused, Input)  # the typing line, for the new answer
