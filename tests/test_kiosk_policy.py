"""The kiosk's way out is for the operator only: no start without a real code, an empty code never
opens, wrong tries back off; and a resume that cannot work says so instead of starting afresh."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import ClassVar

import pytest
from textual.app import App
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.cli import REPO
from tests.tui.test_app import ON, SIZE, tiny_content
from wizard.tui.app import make_app
from wizard.tui.dialogs import OperatorGate, OperatorScreen, gate_for
from wizard.tui.launch import OPERATOR_CODE_VARIABLE, valid_operator_code

CODE = "246810"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def run(*args: str, code: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != OPERATOR_CODE_VARIABLE}
    if code is not None:
        env[OPERATOR_CODE_VARIABLE] = code
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.parametrize("code", [None, "", "12345", "abcdef", "12 345", "１２３４５６"])
def test_the_kiosk_refuses_to_start_without_a_six_digit_operator_code(code: str | None) -> None:
    done = run("--kiosk", code=code)
    assert done.returncode == 2
    assert "De kiosk start niet: er is geen geldige beheerderscode." in done.stderr
    assert f"code van minstens 6 cijfers, zet die in {OPERATOR_CODE_VARIABLE}" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""  # not a single question: it did not fall back to plain mode


def test_the_refusal_speaks_english_when_asked() -> None:
    done = run("--kiosk", "--lang", "en", code="")
    assert "The kiosk does not start: there is no valid operator code." in done.stderr


def test_a_served_kiosk_refuses_the_same_way() -> None:
    done = run("--kiosk", "serve", "--served", code="1")
    assert done.returncode == 2
    assert "De kiosk start niet" in done.stderr


def test_the_policy() -> None:
    assert valid_operator_code("000000") and valid_operator_code("1234567890")
    assert not any(map(valid_operator_code, ["", "12345", "12345a", "١٢٣٤٥٦", " 123456"]))


def test_resume_without_a_terminal_says_so_instead_of_starting_afresh() -> None:
    done = run("--resume", "ABC-123", code=None)
    assert done.returncode == 2
    assert "--resume ABC-123 heeft een terminal nodig" in done.stderr
    assert "Er is geen nieuwe sessie gestart." in done.stderr
    assert done.stdout == ""


def test_the_gate_backs_off_after_wrong_tries() -> None:
    clock = FakeClock()
    gate = OperatorGate(CODE, clock)
    assert not gate.attempt("111111") and gate.wait_left() == 0
    assert not gate.attempt("222222") and gate.wait_left() == 0  # two typos cost nothing
    assert not gate.attempt("333333") and gate.wait_left() == 5
    assert not gate.attempt(CODE)  # the right code too early is not even looked at
    clock.now += 5
    assert not gate.attempt("444444") and gate.wait_left() == 10  # each wrong try doubles the wait
    for _ in range(20):
        clock.now += gate.wait_left()
        gate.attempt("000000")
    assert gate.wait_left() == 300  # at most five minutes
    clock.now += 300
    assert gate.attempt(CODE)
    assert gate.failures == 0


@pytest.mark.parametrize("code", ["", "12345", "abcdef"])
def test_a_gate_without_a_valid_code_never_opens(code: str) -> None:
    gate = OperatorGate(code, FakeClock())
    assert not gate.attempt(code)
    assert not gate.attempt("")


class Host(App[None]):
    """A bare app that opens the operator dialog as the kiosk does (F10), and exits on the code."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("f10", "operator")]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def action_operator(self) -> None:
        def leave(confirmed: bool | None) -> None:
            if confirmed:
                self.exit(return_code=0)

        self.push_screen(
            OperatorScreen("Beheerder", "Typ de code.", "Niet juist.", self.code), leave
        )


async def enter_code(pilot: Pilot[None], typed: str) -> None:
    pilot.app.screen.query_one("#operator-code", Input).value = typed
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("code", ["", "12345"])
async def test_f10_and_enter_never_leave_without_a_valid_code(code: str) -> None:
    app = Host(code)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await pilot.press("f10")
            await pilot.pause()
            assert isinstance(app.screen, OperatorScreen)
            await pilot.press("enter")  # the empty code
            await pilot.pause()
            await enter_code(pilot, code)  # the configured (invalid) code itself
            assert app.return_code is None
            await pilot.press("escape")
            await pilot.pause()
        assert app.return_code is None


async def test_wrong_tries_back_off_across_dialogs_and_the_right_code_leaves() -> None:
    app = Host(CODE)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        gate_for(app, CODE).clock = clock
        await pilot.press("f10")
        await pilot.pause()
        for wrong in ("1", "2"):
            await enter_code(pilot, wrong)
        error = app.screen.query_one("#operator-error", Static)
        assert str(error.render()) == "Niet juist."
        await enter_code(pilot, "3")
        assert "Te veel foute codes. Wacht 5 seconden." in str(error.render())
        await pilot.press("escape")  # closing the dialog does not reset the count
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        await enter_code(pilot, CODE)
        assert app.return_code is None  # too early: not even looked at
        clock.now += 5
        await enter_code(pilot, CODE)
        assert app.return_code == 0  # the operator left


async def test_the_real_kiosk_does_not_open_on_an_empty_code() -> None:
    app = make_app(tiny_content(), on=ON, mode="kiosk", operator_code="")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, OperatorScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code is None
