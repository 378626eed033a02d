"""Memory stays flat however many questions change (issue #13): no widget outlives its page.

The pinned Textual's Footer kept every key widget it ever built alive (upstream #6666), and the
app rebuilt the footer on every page: 0.38 MB per question change. The app now draws its own
footer; here the widgets alive at the first question are counted before and after many answers
and steps back, and must be the same. ``bench/tui_soak.py`` prints the RSS figures.
"""

from __future__ import annotations

import gc

from textual.dom import DOMNode

from tests.tui.test_app import make_app, press, settle


def live_nodes() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, DOMNode))


async def test_no_widget_outlives_a_hundred_question_changes() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1", "1", "escape", "escape", "escape")  # warm up
        assert app.session.answers == ()
        before = live_nodes()
        for _ in range(20):  # 120 question changes: to the check step and back, twenty times
            await press(pilot, "1", "1", "1")
            assert app.page == "check"
            await press(pilot, "escape", "escape", "escape")
        assert app.session.answers == ()
        assert live_nodes() == before
