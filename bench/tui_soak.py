"""TUI soak: resident memory at start and after many question changes, in a headless Pilot run.

A question change is one answer (the next question appears) or one step back (Escape); the run
walks forward through the real questionnaire to the check step and back to the first question,
again and again, as a kiosk does all day. Also counts the keys from start to result for typical
people. Prints figures; ``tests/tui/test_memory.py`` asserts the growth stays small.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from textual.pilot import Pilot  # noqa: E402

from wizard.content import Content  # noqa: E402
from wizard.tui.app import WizardApp  # noqa: E402

ON = date(2026, 11, 23)


def rss_mb() -> float:
    """This process's resident set size, in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def settle(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, WizardApp)
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.busy or len(app.screen_stack) > 1:
            return
    raise RuntimeError("the page never finished loading")


async def change_questions(app: WizardApp, pilot: Pilot[None], changes: int) -> None:
    """``changes`` question changes: forward with "1" (or "weet niet") to the check, then back."""
    done = 0
    forward = True
    while done < changes:
        if forward and app.page == "question":
            question = app.question
            assert question is not None
            fact = app.content.facts[question.fact]
            if fact.kind in ("choice", "yes_no"):
                await pilot.press("1")
                if len(fact.value_ids()) >= 10:
                    await pilot.press("enter")
            else:
                await pilot.press(*"45", "enter")
        elif app.session.answers:
            forward = False
            await pilot.press("escape")
        else:
            forward = True
            continue
        await settle(pilot)
        done += 1


async def soak(content: Content, changes: int, warm_up: int = 50, steps: int = 2) -> list[float]:
    """RSS in MB after a warm-up, then after each of ``steps`` equal parts of ``changes`` more
    question changes (a leak grows part after part; caches filling up do not)."""
    app = WizardApp(content, on=ON)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await change_questions(app, pilot, warm_up)  # caches and first-use imports filled
        gc.collect()
        figures = [rss_mb()]
        for _ in range(steps):
            await change_questions(app, pilot, changes // steps)
            gc.collect()
            figures.append(rss_mb())
        return figures


PEOPLE = {
    "worker": ["1", "1"],
    "jobseeker": ["6", "7"],
    "career switcher": ["1", "2"],
}
"""Typical people by their first two answers (situation, goal); every later question gets "1"."""


async def keys_to_result(content: Content, first: list[str]) -> int:
    """Keys pressed from the first question to the result screen, answering by number."""
    app = WizardApp(content, on=ON)
    pressed = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        planned = list(first)
        while app.page == "question":
            question = app.question
            assert question is not None
            fact = app.content.facts[question.fact]
            if fact.kind in ("choice", "yes_no"):
                keys = [planned.pop(0) if planned else "1"]
                if keys[0] == "1" and len(fact.value_ids()) >= 10:
                    keys.append("enter")  # "1" could be the start of "10"
            else:
                keys = ["4", "5", "enter"]
            await pilot.press(*keys)
            pressed += len(keys)
            await settle(pilot)
        await pilot.press("enter")  # the focused "Toon mijn resultaat"
        pressed += 1
        await settle(pilot)
        assert app.page == "result", app.page
    return pressed


def main() -> None:
    from wizard.bundled import bundled_content_root
    from wizard.content_cache import load_content_cached

    content = load_content_cached(bundled_content_root())
    start, half, end = asyncio.run(soak(content, 1000))
    print(
        f"TUI soak: RSS {start:.1f} MB at start, {half:.1f} MB after 500 and {end:.1f} MB after "
        f"1,000 question changes (growth {end - start:+.1f} MB; target under 10 MB)"
    )
    for person, first in PEOPLE.items():
        keys = asyncio.run(keys_to_result(content, first))
        print(f"keys from start to result, {person}: {keys}")


if __name__ == "__main__":
    main()
