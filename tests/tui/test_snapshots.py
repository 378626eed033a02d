"""SVG snapshots of every screen a person sees, at the smallest supported size and a roomy one.

Tiny content and a fixed date, so a snapshot changes only when the screens do. After a deliberate
change: `pytest tests/tui/test_snapshots.py --snapshot-update`, then look at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.test_app import ON, press, settle, tiny_content
from wizard.tui.app import Mode, make_app

SIZES = {"80x24": (80, 24), "100x30": (100, 30)}
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def first_question(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def conversation(pilot: Pilot[None]) -> None:
    """Two answers in, a word typed that is not understood: history, question, options, hint."""
    await settle(pilot)
    await press(pilot, "3", "1")
    await pilot.press("a", "b", "enter")
    await settle(pilot)


async def check_answers(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await press(pilot, "1", "1", "1")


async def result(pilot: Pilot[None]) -> None:
    await check_answers(pilot)
    await press(pilot, "enter")


async def card(pilot: Pilot[None]) -> None:
    await result(pilot)
    await press(pilot, "enter")


async def edit_preview(pilot: Pilot[None]) -> None:
    await check_answers(pilot)
    await press(pilot, "up", "up", "up", "enter", "3")


async def counsellor_midway(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await press(pilot, "1", "1")


SCREENS: dict[str, tuple[Mode, Steps]] = {
    "question": ("citizen", first_question),
    "conversation": ("citizen", conversation),
    "check": ("citizen", check_answers),
    "result": ("citizen", result),
    "card": ("citizen", card),
    "edit_preview": ("citizen", edit_preview),
    "counsellor": ("counsellor", counsellor_midway),
    "kiosk_welcome": ("kiosk", first_question),
}


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen_snapshot(screen: str, size: str, snap_compare: Any) -> None:
    mode, steps = SCREENS[screen]
    app = make_app(tiny_content(), on=ON, mode=mode)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps)
