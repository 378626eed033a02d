"""The real app as a person meets it: in a terminal (tmux) and in a browser (headless Chromium).

Slower than the Pilot tests and needing tmux and Chromium, which `make test` installs; select them
with ``-m terminal`` or leave them out with ``-m "not terminal"``. What to expect on screen comes
from the engine on the bundled content, so a content change moves these tests along with it.
"""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import aiohttp
import pytest

from tests.chromium import CHROMIUM, chromium_page, stop_group
from tests.conftest import REPO
from tests.png import decode, size
from tests.tmux import TMUX, Pane, flat, tmux_pane
from wizard.content import Content
from wizard.engine import Engine
from wizard.model import Fact
from wizard.report import heading
from wizard.sessions import Session
from wizard.ui_texts import say

pytestmark = pytest.mark.terminal

ON = date(2026, 11, 23)
WIZARD = [sys.executable, "-m", "wizard", "--date", ON.isoformat()]
WELCOME = say("tui.welcome_title", "nl")  # "Welkom bij Leerwijzer"
START = say("tui.start", "nl")

JOBSEEKER = {
    "statuut": "werkzoekende",
    "behoefte": "werk_vinden",
    "woonplaats": "vlaanderen",
    "uitkering": "geen",
    "vwo_tariefgroep": "geen",
    "leeftijd": "29",
    "zelfstandige_bijberoep": "nee",
    "doelberoep_knelpunt": "nee",
    "opleiding_gestart": "nog_niet",
    "min_2j_uit_dagonderwijs": "ja",
}
"""A man of 29 in Genk without work who wants a job (as in scenario 09): a handful of questions."""

needs_tmux = pytest.mark.skipif(
    TMUX is None, reason="tmux is not installed (make test installs it)"
)
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="chromium is not installed (make test installs it)"
)


def first_question(content: Content) -> str:
    question = Engine(content).current_question(Engine(content).start(ON, "nl"))
    assert question is not None
    return question.model.text.get("nl")


def answer(pane: Pane, fact: Fact, value: str) -> None:
    """As a person would: the answer's number (or arrows and Enter), or typed text and Enter."""
    if fact.kind not in ("choice", "yes_no"):
        pane.type(value)
        pane.keys("Enter")
        return
    index = fact.value_ids().index(value)
    if index < 9:
        pane.keys(str(index + 1))
    else:
        pane.keys(*["Down"] * index, "Enter")


@needs_tmux
def test_a_jobseeker_reaches_a_result_in_a_real_terminal(bundled: Content) -> None:
    engine = Engine(bundled)
    session: Session = engine.start(ON, "nl")
    with tmux_pane(WIZARD, cwd=REPO) as pane:
        asked = 0
        while (question := engine.current_question(session)) is not None:
            assert question.fact in JOBSEEKER, f"the content now asks '{question.fact}': add it"
            pane.wait_for(question.model.text.get("nl"))
            answer(pane, bundled.facts[question.fact], JOBSEEKER[question.fact])
            session = engine.answer(session, JOBSEEKER[question.fact])
            asked += 1
        result = engine.result(session)
        assert result.recommended, "the jobseeker should get a recommendation"
        best = bundled.incentives[result.recommended[0]].model.name.get("nl")
        # First the answers, to check; Tab goes from the list of answers to "Toon mijn resultaat".
        pane.wait_for(say("tui.check_title", "nl"))
        pane.keys("Tab", "Enter")
        screen = pane.wait_for(f"1. {best}")
        assert flat(heading("title", "nl")) in flat(screen)
        assert pane.alive()
    assert asked <= 8, f"a jobseeker who wants work should get few questions, not {asked}"


@needs_tmux
def test_the_kiosk_ignores_the_keys_that_would_leave_it(bundled: Content) -> None:
    kiosk = ["env", "LEERWIJZER_OPERATOR_CODE=246810", *WIZARD, "--kiosk"]  # no code: no start
    with tmux_pane(kiosk, cwd=REPO) as pane:
        screen = pane.wait_for(WELCOME)
        assert START in screen
        pane.keys("C-q", "C-c", "C-p", "C-z", "Escape")
        # Nothing must happen: watch the screen for a while (the only fixed wait here; it also
        # keeps Escape and the Enter below apart, which would otherwise read as Alt+Enter).
        watch_until = time.monotonic() + 2
        while time.monotonic() < watch_until:
            assert pane.alive(), f"the kiosk ended; its last screen:\n{pane.screen()}"
            assert WELCOME in flat(pane.screen())
            time.sleep(0.1)
        # Keys are handled in order: the first question after Enter proves every key above was
        # handled without leaving the welcome screen or stopping the app.
        pane.keys("Enter")
        pane.wait_for(first_question(bundled))
        assert pane.alive()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def wait_until_serving(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            assert server.poll() is None, "leerwijzer serve ended before serving"
            try:
                async with http.get(url) as page:
                    if page.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError(f"leerwijzer serve did not answer on {url} in 60 s")


@needs_chromium
async def test_the_browser_shows_the_first_question(tmp_path: Path, bundled: Content) -> None:
    question = first_question(bundled)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [*WIZARD, "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # serve and the wizard it starts per tab stop together
        )
    try:
        await wait_until_serving(url, server)
        async with chromium_page(tmp_path) as page:
            await page.open(url)
            rows = await page.wait_for_rows(lambda rows: flat(question) in flat("\n".join(rows)))
            shot = await page.screenshot()
            row = next(y for y, text in enumerate(rows) if question in text)
            empty = next(y for y, text in enumerate(rows) if y > row and not text.strip())
            question_row = decode(await page.row_screenshot(row))
            empty_row = decode(await page.row_screenshot(empty))
    finally:
        stop_group(server)
    (tmp_path / "first-question.png").write_bytes(shot)
    assert size(shot) == (1280, 800)
    image = decode(shot)
    assert len(image.pixels()) > 50 and 0.02 < image.ink() < 0.98, "the screenshot looks blank"
    # The row where xterm.js holds the question has ink; a row it holds empty has none.
    assert question_row.ink() > 0.02
    assert empty_row.ink() < 0.005
