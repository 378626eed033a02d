"""Keys that tell the truth: every key that works is in the footer (and F1's help), no key is one a
browser keeps for itself (the app is also served in a browser), and no single key wipes answers."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from wizard.tui.app import KioskApp, WizardApp
from wizard.tui.composer import Composer
from wizard.tui.conversation import Reply
from wizard.tui.dialogs import ConfirmEditScreen
from wizard.tui.keybar import page_keys
from wizard.tui.result_view import CardScreen

BROWSER_KEYS = {
    *("ctrl+w", "ctrl+t", "ctrl+n", "ctrl+l", "ctrl+r", "ctrl+tab", "ctrl+shift+tab"),
    *("ctrl+shift+w", "ctrl+shift+t", "ctrl+shift+n", "ctrl+shift+q", "f5", "f6", "f11", "f12"),
}
"""Keys Chromium or Firefox act on before (or instead of) the page: close or open a tab or window,
reload, the address bar, full screen, developer tools."""

SHOWN = {"escape": "Esc", "question_mark": "?"}
OPERATOR_ONLY = {"f10"}
"""The kiosk operator's exit: in the README for operators, never on the citizen's screen."""

PAGES = ("welcome", "question", "check", "result", "card")


def keys_of(owner: type) -> set[str]:
    bindings = [b for b in getattr(owner, "BINDINGS", []) if isinstance(b, Binding)]
    return {key.strip() for b in bindings for key in b.key.split(",")}


def shown_anywhere(mode: str) -> set[str]:
    shown: set[str] = set()
    for page in PAGES:
        for editing in (False, True):
            for key, _ in page_keys(page, "nl", mode=mode, editing=editing):
                shown.update(key.split("/"))
    return shown


@pytest.mark.parametrize(
    "owner", [WizardApp, KioskApp, Composer, Reply, ConfirmEditScreen, CardScreen]
)
def test_no_binding_is_a_key_the_browser_takes(owner: type) -> None:
    assert keys_of(owner) & BROWSER_KEYS == set()


def as_shown(key: str) -> str:
    """A Textual key name as the footer writes it: escape -> Esc, ctrl+s -> Ctrl+S, f4 -> F4."""
    if key in SHOWN:
        return SHOWN[key]
    if key.startswith("ctrl+"):
        return "Ctrl+" + key.removeprefix("ctrl+").upper()
    return key.upper()


@pytest.mark.parametrize(("app", "mode"), [(WizardApp, "counsellor"), (KioskApp, "kiosk")])
def test_every_app_key_is_shown_in_the_footer(app: type, mode: str) -> None:
    shown = shown_anywhere(mode)
    for key in keys_of(app) - OPERATOR_ONLY:
        assert as_shown(key) in shown, f"{key} works but the footer never shows it"


def test_the_kiosk_footer_offers_no_way_out_and_the_citizen_one_does() -> None:
    kiosk = [key for key, _ in page_keys("question", "nl", mode="kiosk")]
    assert "Ctrl+Q" not in kiosk and "Ctrl+P" not in kiosk
    citizen = [key for key, _ in page_keys("question", "nl", mode="citizen")]
    assert "Ctrl+Q" in citizen


def test_no_single_letter_starts_again() -> None:
    for owner in (WizardApp, KioskApp):
        actions = {b.action for b in owner.BINDINGS if isinstance(b, Binding)}
        assert not any("restart" in action for action in actions)
