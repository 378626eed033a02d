"""Random key presses on the real content never crash the app or leave it in a broken state."""

from __future__ import annotations

import random
from datetime import date

from tests.conftest import REPO, cached_content
from wizard.tui.app import WizardApp

KEYS = [
    *"0123456789",
    "up",
    "down",
    "enter",
    "escape",
    "f1",
    "question_mark",
    "f2",
    "r",
    "tab",
    "a",
    "space",
    "backspace",
]


async def test_a_hundred_and_twenty_random_keys_keep_the_app_consistent() -> None:
    rng = random.Random(20261123)  # fixed: a failure can be replayed exactly
    app = WizardApp(cached_content(REPO), on=date(2026, 11, 23))
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(120):
            await pilot.press(rng.choice(KEYS))
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The page shown always matches the engine's view of the session.
        expected = "question" if app.engine.current_question(app.session) else "result"
        assert app.page == expected
        assert app.is_running
