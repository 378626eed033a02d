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

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def first_question(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def check_answers(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await press(pilot, "1", "1", "1")


async def result(pilot: Pilot[None]) -> None:
    await check_answers(pilot)
    await press(pilot, "tab", "enter")


async def counsellor_midway(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await press(pilot, "1", "1")


SCREENS: dict[str, tuple[Mode, Steps]] = {
    "question": ("citizen", first_question),
    "check": ("citizen", check_answers),
    "result": ("citizen", result),
    "counsellor": ("counsellor", counsellor_midway),
    "kiosk_welcome": ("kiosk", first_question),
}


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_screen_snapshot(screen: str, size: str, snap_compare: Any) -> None:
    mode, steps = SCREENS[screen]
    app = make_app(tiny_content(), on=ON, mode=mode)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=steps)
