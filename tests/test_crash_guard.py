"""An unexpected error in the TUI: no traceback on screen (Textual would print the person's answers
among its local variables), a private log without them, and a kiosk that starts afresh."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from tests.tui.test_app import ON, SIZE, settle, tiny_content
from wizard.tui.app import make_app
from wizard.tui.launch import MAX_KIOSK_RESTARTS, hide_tracebacks, run_supervised

SECRET = "geheim-antwoord-4711"


class Boom(RuntimeError):
    pass


async def test_an_unexpected_error_prints_no_traceback_with_the_answers(
    capfd: pytest.CaptureFixture[str],
) -> None:
    app = make_app(tiny_content(), on=ON)
    hide_tracebacks(app)

    def fail() -> None:
        answer = SECRET  # a local, as Textual's traceback would show it
        raise Boom(answer)

    with pytest.raises(Boom):
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.call_later(fail)
            await pilot.pause()
    assert app.return_code == 1
    out, err = capfd.readouterr()
    assert SECRET not in out and SECRET not in err and "Traceback" not in err


class FakeApp:
    """Stands in for the Textual app: fails the first ``fails`` runs, then exits normally."""

    runs = 0

    def __init__(self, fails: int) -> None:
        self.fails = fails
        self._exception: BaseException | None = None
        self.return_code: int | None = None

    def run(self) -> None:
        FakeApp.runs += 1
        if FakeApp.runs <= self.fails:
            try:
                raise Boom(SECRET)
            except Boom as error:
                self._exception = error
                self.return_code = 1
        else:
            self.return_code = 0


def fake_factory(fails: int) -> Any:
    FakeApp.runs = 0

    def make(content: object, **options: object) -> FakeApp:
        return FakeApp(fails)

    return make


@pytest.fixture(autouse=True)
def no_real_hiding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("wizard.tui.launch.hide_tracebacks", lambda app: None)
    monkeypatch.setenv("LEERWIJZER_LOG_DIR", str(tmp_path / "log"))


def test_the_kiosk_starts_afresh_after_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_supervised(tiny_content(), "kiosk", {"lang": "nl"}, make=fake_factory(fails=2))
    assert code == 0 and FakeApp.runs == 3  # two failures, each followed by a fresh kiosk
    log = tmp_path / "log" / "crash.log"
    text = log.read_text()
    assert text.count(" Boom\n") == 2 and SECRET not in text  # the code, never the answers
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert capsys.readouterr().err == ""  # the person at the kiosk sees a fresh start


def test_a_kiosk_that_keeps_failing_gives_up_with_a_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run_supervised(
        tiny_content(), "kiosk", {"lang": "nl"}, make=fake_factory(fails=100), clock=lambda: 0.0
    )
    assert code == 1 and FakeApp.runs == MAX_KIOSK_RESTARTS + 1
    err = capsys.readouterr().err
    assert "De kiosk stopt: Leerwijzer liep 6 keer vast binnen een minuut." in err
    assert "Traceback" not in err and SECRET not in err


def test_other_modes_say_it_stopped_without_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run_supervised(tiny_content(), "citizen", {"lang": "en"}, make=fake_factory(fails=1))
    assert code == 1 and FakeApp.runs == 1
    err = capsys.readouterr().err
    assert err.startswith("Leerwijzer stopped unexpectedly. None of your answers were shown.")
    assert "Traceback" not in err and SECRET not in err


def test_hide_tracebacks_keeps_the_exit(capfd: pytest.CaptureFixture[str]) -> None:
    app: App[None] = App()
    hide_tracebacks(app)
    app.panic(SECRET)  # must not raise
    app.error_console.print(SECRET)  # what Textual prints at the exit goes nowhere
    out, err = capfd.readouterr()
    assert SECRET not in out and SECRET not in err
