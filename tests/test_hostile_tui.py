"""The real TUI in a real terminal (tmux), fed what a misconfigured terminal or an attacker sends:
a byte that is not UTF-8 must not stop the app from reading keys, and a 4,301-digit number is
"out of range", not a traceback; the kiosk is left only with the operator code."""

from __future__ import annotations

import sys
import time
from datetime import date

import pytest

from tests.conftest import DATA, REPO
from tests.tmux import TARGET, TMUX, tmux_pane

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (make test installs it)"),
]

ON = date(2026, 11, 23)
WIZARD = [sys.executable, "-m", "wizard", "--date", ON.isoformat(), "--content", str(DATA / "tiny")]
CODE = "482913"
KIOSK = ["env", f"LEERWIJZER_OPERATOR_CODE={CODE}", *WIZARD, "--kiosk"]


def test_a_byte_that_is_not_utf8_does_not_stop_the_keys() -> None:
    with tmux_pane(WIZARD, cwd=REPO) as pane:
        pane.wait_for("Wat is uw rol?")
        pane.tmux("send-keys", "-t", TARGET, "-H", "e9")  # "é" from a Latin-1 terminal
        pane.keys("3")
        # The keys still arrive: "3" answers, or is typed after the replaced byte (U+FFFD).
        screen = pane.wait_for("Woont u in de stad?", "\ufffd3", timeout=20)
        assert "Traceback" not in screen
        assert pane.alive()


def test_a_4301_digit_age_is_out_of_range_in_the_kiosk() -> None:
    with tmux_pane(KIOSK, cwd=REPO) as pane:
        pane.wait_for("Welkom bij Leerwijzer")
        pane.keys("Enter")
        pane.wait_for("Wat is uw rol?")
        pane.keys("3")
        pane.wait_for("Woont u in de stad?")
        pane.keys("1")
        pane.wait_for("Hoe oud bent u?")
        pane.type("9" * 4400)
        pane.keys("Enter")
        screen = pane.wait_for("kan niet", "Geef een getal", timeout=30)
        assert "Traceback" not in screen
        assert pane.alive()  # the kiosk did not drop to the shell


def test_the_kiosk_leaves_only_on_the_operator_code() -> None:
    with tmux_pane(KIOSK, cwd=REPO) as pane:
        pane.wait_for("Welkom bij Leerwijzer")
        pane.keys("F10")
        pane.wait_for("Beheerder")
        pane.keys("Enter")  # an empty code
        pane.wait_for("Dat is niet de juiste code.")
        pane.type("123456")
        pane.keys("Enter")
        time.sleep(0.5)
        assert pane.alive()
        pane.type(CODE)
        pane.keys("Enter")
        deadline = time.monotonic() + 20
        while pane.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not pane.alive(), "the right operator code did not close the kiosk"
