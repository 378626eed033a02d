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
from wizard.report import glance, heading
from wizard.sanitize import UNDECODABLE
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


TYPED = {"statuut": "werkzoekende", "behoefte": "werk vinden", "leeftijd": "ik ben 29"}
"""Words as a person types them: an alias, words of a label, an age in a sentence."""

OPERATOR_CODE = "482913"


def answer(pane: Pane, fact: Fact, value: str) -> None:
    """As a person would: words, "ja"/"nee", or the option's number; each followed by Enter. A
    number that settles at once leaves that Enter to the next question, where it must do nothing."""
    if fact.id in TYPED:
        pane.type(TYPED[fact.id])
    elif value == "weet niet" or fact.kind == "yes_no":
        pane.type(value)
    elif fact.kind == "choice":
        pane.type(str(fact.value_ids().index(value) + 1))
    else:
        pane.type(value)
    pane.keys("Enter")


def walk_to(pane: Pane, bundled: Content, stop_at: str | None = None) -> Session:
    """Answer the jobseeker's questions in the terminal (up to ``stop_at``, not answered)."""
    engine = Engine(bundled)
    session: Session = engine.start(ON, "nl")
    while (question := engine.current_question(session)) is not None:
        pane.wait_for(question.model.text.get("nl"))
        if question.fact == stop_at:
            break
        fact = bundled.facts[question.fact]
        # A question the content added since: "weet niet" where offered, else the first answer.
        value = JOBSEEKER.get(question.fact)
        if value is None:
            value = "weet niet" if fact.offer_unknown else fact.value_ids()[0]
        answer(pane, fact, value)
        session = engine.answer(session, "weet_niet" if value == "weet niet" else value)
    return session


@needs_tmux
def test_a_jobseeker_types_words_and_reaches_the_result_in_a_real_terminal(
    bundled: Content,
) -> None:
    engine = Engine(bundled)
    with tmux_pane(WIZARD, cwd=REPO, width=80, height=24) as pane:
        pane.wait_for(first_question(bundled))
        pane.keys("Enter")  # a stray Enter on the unselected list: nothing happens
        session = walk_to(pane, bundled)
        result = engine.result(session)
        assert result.recommended, "the jobseeker should get a recommendation"
        best = glance(bundled, result, "nl").items[0]
        # Checking the answers is reading the conversation; the focused action shows the result.
        pane.wait_for(say("tui.check_said", "nl"))
        pane.keys("Enter")
        screen = pane.wait_for(f"1. {best.glyph} {best.word} · {best.name}")
        assert flat(heading("title", "nl")) in flat(screen)
        assert pane.alive()
    asked = len(engine.walk(session).asked)
    assert asked <= 8, f"a jobseeker who wants work should get few questions, not {asked}"
    assert dict(session.answers)["statuut"] == "werkzoekende"


@needs_tmux
def test_the_kiosk_refuses_a_4301_digit_age_with_a_message(bundled: Content) -> None:
    engine = Engine(bundled)
    with tmux_pane(
        [*WIZARD, "--kiosk"], cwd=REPO, env={"LEERWIJZER_OPERATOR_CODE": OPERATOR_CODE}
    ) as pane:
        pane.wait_for(WELCOME)
        pane.keys("Enter")
        session = walk_to(pane, bundled, stop_at="leeftijd")
        pane.type("9" * 4301)
        pane.keys("Enter")
        screen = pane.wait_for("kan niet")
        assert "Traceback" not in screen
        assert pane.alive()
        # under load the refusal above can still be settling: type until the answer shows
        pane.type_until_shown("ik ben 29")
        pane.keys("Enter")
        after = engine.current_question(engine.answer(session, "29"))
        expected = after.model.text.get("nl") if after else say("tui.check_said", "nl")
        pane.wait_for(expected)
        assert pane.alive()


@needs_tmux
def test_a_byte_that_is_not_utf8_is_refused_and_the_keyboard_keeps_working(
    bundled: Content,
) -> None:
    """Latin-1 "é" on a UTF-8 terminal once silenced Textual's input thread for good."""
    engine = Engine(bundled)
    statuut = bundled.facts["statuut"]
    index = statuut.value_ids().index("werkzoekende")
    with tmux_pane(WIZARD, cwd=REPO, width=80, height=24) as pane:
        pane.wait_for(first_question(bundled))
        pane.send_bytes(b"caf\xe9 ")  # "cafe" typed on a Latin-1 terminal
        pane.wait_for(UNDECODABLE[0])
        # the refusal can still be settling (CI load): type until the number shows on the typing line
        pane.type_until_shown(str(index + 1), shown=f"▌{index + 1}")
        pane.keys("Enter")
        session = engine.answer(engine.start(ON, "nl"), "werkzoekende")
        question = engine.current_question(session)
        assert question is not None
        pane.wait_for(question.model.text.get("nl"))
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
            # the conversation keeps the newest message at the bottom: empty rows above it
            empty = next(y for y, text in enumerate(rows) if y != row and not text.strip())
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


@needs_chromium
async def test_in_the_browser_a_typed_word_answers(tmp_path: Path, bundled: Content) -> None:
    """The served app takes typed words too: "werkzoekende" and Enter asks the next question."""
    engine = Engine(bundled)
    after = engine.current_question(engine.answer(engine.start(ON, "nl"), "werkzoekende"))
    assert after is not None
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [*WIZARD, "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        await wait_until_serving(url, server)
        async with chromium_page(tmp_path) as page:
            await page.open(url)
            first = flat(first_question(bundled))
            await page.wait_for_rows(lambda rows: first in flat("\n".join(rows)))
            await page.type("werkzoekende")
            await page.enter()
            wanted = flat(after.model.text.get("nl"))
            await page.wait_for_rows(lambda rows: wanted in flat("\n".join(rows)))
    finally:
        stop_group(server)
