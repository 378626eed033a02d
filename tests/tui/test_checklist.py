"""A multi_choice question in the TUI: a keyboard-only checklist (tests/data/multi).

↑ ↓ move, space ticks or unticks, Enter confirms what is ticked; typed numbers with commas
answer at once ("1, 3"), 0 is "none of these". A digit never answers on its own here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.tui.test_app import SIZE, option_prompts, press, settle, type_text
from wizard.conditions import UNKNOWN
from wizard.loading import load_content
from wizard.tui.app import WizardApp
from wizard.tui.composer import MARKER

MULTI = Path(__file__).resolve().parent.parent / "data" / "multi"
ON = date(2026, 1, 1)


def make_app() -> WizardApp:
    return WizardApp(load_content(MULTI), on=ON, lang="en")


def answers(app: WizardApp) -> dict[str, object]:
    return dict(app.session.answers)


async def test_space_ticks_and_enter_confirms_the_ticked_answers() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [p.strip() for p in option_prompts(app)] == [
            "1. [ ] I pay rent",
            "2. [ ] I have children",
            "3. [ ] I have a disability",
            "0. None of these",
            "I don't know",
        ]
        await press(pilot, "down", "space", "down", "down", "space")
        prompts = option_prompts(app)
        assert prompts[0].strip() == "1. [x] I pay rent"
        assert prompts[2].startswith(MARKER) and prompts[2].endswith("3. [x] I have a disability")
        await press(pilot, "up", "space", "space", "space")  # children: on, off, on
        assert "[x] I have children" in option_prompts(app)[1]
        await press(pilot, "enter")
        assert answers(app) == {"situation": frozenset({"housing_costs", "children", "disability"})}


async def test_a_digit_does_not_answer_at_once_and_numbers_with_commas_do() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert answers(app) == {}  # "2" waits: more numbers may follow
        await pilot.press("comma", "space", "3")
        await press(pilot, "enter")
        assert answers(app) == {"situation": frozenset({"children", "disability"})}


async def test_none_of_these_and_dont_know_from_the_list() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "up", "up", "enter")  # "None of these"
        assert answers(app) == {"situation": frozenset()}
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "up", "enter")  # "I don't know"
        assert answers(app) == {"situation": UNKNOWN}
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "0")
        assert answers(app) == {"situation": frozenset()}


async def test_enter_on_an_untouched_checklist_does_nothing() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "space", "enter")
        assert answers(app) == {}


async def test_changing_a_set_starts_with_the_earlier_answers_ticked() -> None:
    from wizard.tui.conversation import Reply
    from wizard.tui.dialogs import ConfirmEditScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "1, 3")
        await type_text(pilot, "800")
        assert app.page == "check"
        reply = next(r for r in app.query(Reply) if r.line.fact == "situation")
        reply.focus()
        await press(pilot, "enter")
        assert app.editing == "situation"
        prompts = [p.strip() for p in option_prompts(app)]
        assert prompts[:3] == [
            "1. [x] I pay rent",
            "2. [ ] I have children",
            "3. [x] I have a disability",
        ]
        await press(pilot, "down", "space", "enter")  # untick rent, confirm
        assert isinstance(app.screen, ConfirmEditScreen)
        await press(pilot, "right", "enter")
        assert app.session.answer_map["situation"] == frozenset({"disability"})
