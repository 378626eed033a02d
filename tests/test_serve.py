"""`leerwijzer serve`: every browser tab runs the wizard itself, with the options it was served with.

The browser itself is in tests/test_real_terminal.py; these need no browser.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from tests.conftest import DATA, REPO
from wizard.cli import build_parser
from wizard.commands import serve_guard
from wizard.commands.serve import served_command
from wizard.commands.serve_guard import GuardedServer


def test_the_served_command_is_the_wizard_with_the_same_options() -> None:
    args = build_parser().parse_args(
        [
            "--kiosk",
            "--lang",
            "en",
            "serve",
            "--date",
            "2026-11-23",
            "--content",
            str(DATA / "tiny"),
        ]
    )
    argv = shlex.split(served_command(args))
    assert argv[:3] == [sys.executable, "-m", "wizard"]
    assert argv[-2:] == ["serve", "--served"]
    again = build_parser().parse_args(argv[3:])
    assert again.served and again.kiosk and not again.counsellor
    assert (again.lang, again.date, again.content) == (args.lang, args.date, args.content.resolve())


def test_the_served_command_leaves_out_what_was_not_given() -> None:
    argv = shlex.split(served_command(build_parser().parse_args(["serve"])))
    again = build_parser().parse_args(argv[3:])
    assert (again.date, again.content, again.kiosk, again.lang) == (None, None, False, "nl")


def test_serve_stops_with_a_message_on_broken_content(tmp_path: Path) -> None:
    """Broken content is reported where the server was started, not in every browser tab."""
    done = subprocess.run(
        [sys.executable, "-m", "wizard", "--content", str(tmp_path), "serve", "--port", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "problem" in done.stderr
    assert "Serving" not in done.stdout


# --- the guard: cap, Origin, bounded screens, sessions that end with their socket, SIGTERM ----

FAKE_WIZARD = r"""
import json, signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a wizard that will not stop by itself
log = open(sys.argv[1], "a")
log.write(json.dumps({"type": "start", "width": __import__("os").environ["COLUMNS"],
                      "height": __import__("os").environ["ROWS"]}) + "\n"); log.flush()
sys.stdout.write("__GANGLION__\n"); sys.stdout.flush()
stdin = sys.stdin.buffer
while True:
    kind = stdin.read(1)
    if not kind:
        time.sleep(3600)  # even without its input it stays: only a kill ends it
        continue
    size = int.from_bytes(stdin.read(4), "big")
    payload = stdin.read(size)
    if kind == b"M":
        log.write(payload.decode() + "\n"); log.flush()  # "quit" is logged and ignored
"""


@contextlib.asynccontextmanager
async def guarded(
    tmp_path: Path, *, lang: str = "nl", max_sessions: int = 4
) -> AsyncIterator[tuple[GuardedServer, str, Path]]:
    script = tmp_path / "fake_wizard.py"
    script.write_text(FAKE_WIZARD)
    log = tmp_path / "meta.jsonl"
    port = free_port()
    command = shlex.join([sys.executable, str(script), str(log)])
    server = GuardedServer(
        command,
        host="127.0.0.1",
        port=port,
        public_url=None,
        lang=lang,  # type: ignore[arg-type]
        max_sessions=max_sessions,
    )
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    grace, serve_guard.QUIT_GRACE = serve_guard.QUIT_GRACE, 0.3  # the fake wizard never quits
    try:
        yield server, f"http://127.0.0.1:{port}", log
    finally:
        await runner.cleanup()
        serve_guard.QUIT_GRACE = grace


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def wait_for(check: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def metas(log: Path) -> list[dict[str, object]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_the_page_loads_nothing_from_elsewhere_and_speaks_the_session_language(
    tmp_path: Path,
) -> None:
    for lang, ended in (("nl", "De sessie is afgesloten."), ("en", "The session has ended.")):
        async with guarded(tmp_path, lang=lang) as (_, url, _log), aiohttp.ClientSession() as http:
            async with http.get(url + "/") as response:
                assert response.status == 200
                body = await response.text()
                policy = response.headers["Content-Security-Policy"]
            assert "googleapis" not in body and "Session ended" not in body
            assert ended in body
            for link in re.findall(r"""(?:src|href|url)\s*[=(]\s*['"]([^'"]+)""", body):
                ours = (url + "/static/", url.replace("http", "ws", 1) + "/ws")
                assert link.startswith(ours), link
            assert "default-src 'self'" in policy and "connect-src 'self' ws://127.0.0.1" in policy


async def test_a_websocket_from_another_origin_is_refused(tmp_path: Path) -> None:
    async with guarded(tmp_path) as (server, url, _log), aiohttp.ClientSession() as http:
        for headers in ({"Origin": "http://evil.example"}, {}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(url + "/ws", headers=headers)
            assert refused.value.status == 403
        assert server.sessions == set()


async def test_sessions_are_capped_and_the_next_one_is_told_it_is_busy(tmp_path: Path) -> None:
    async with (
        guarded(tmp_path, max_sessions=1) as (server, url, log),
        aiohttp.ClientSession() as http,
    ):
        first = await http.ws_connect(url + "/ws", headers={"Origin": url})
        await wait_for(lambda: len(metas(log)) >= 1)
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await http.ws_connect(url + "/ws", headers={"Origin": url})
        assert refused.value.status == 503
        async with http.get(url + "/") as page:
            assert page.status == 503
            assert "Leerwijzer is nu te druk" in await page.text()
        await first.close()
        await wait_for(lambda: not server.busy())
        second = await http.ws_connect(url + "/ws", headers={"Origin": url})  # room again
        await second.close()


async def test_screen_sizes_are_bounded(tmp_path: Path) -> None:
    async with guarded(tmp_path) as (_, url, log), aiohttp.ClientSession() as http:
        socket_ = await http.ws_connect(url + "/ws?width=99999&height=-5", headers={"Origin": url})
        await wait_for(lambda: len(metas(log)) >= 1)
        assert metas(log)[0] == {"type": "start", "width": "300", "height": "8"}
        await socket_.send_str(json.dumps(["resize", {"width": 20000, "height": 20000}]))
        await socket_.send_str("not json")  # ignored, the session goes on
        await socket_.send_str(json.dumps(["resize", {"width": "x", "height": None}]))
        await wait_for(lambda: len(metas(log)) >= 3)
        assert metas(log)[1] == {"type": "resize", "width": 300, "height": 120}
        assert metas(log)[2] == {"type": "resize", "width": 80, "height": 24}
        await socket_.close()


async def test_a_wizard_ends_with_its_socket_even_if_it_will_not_quit(tmp_path: Path) -> None:
    async with guarded(tmp_path) as (server, url, log), aiohttp.ClientSession() as http:
        socket_ = await http.ws_connect(url + "/ws", headers={"Origin": url})
        await wait_for(lambda: len(server.sessions) == 1 and len(metas(log)) >= 1)
        (service,) = server.sessions
        assert service._process is not None
        pid = service._process.pid
        assert alive(pid)
        await socket_.close()
        await wait_for(lambda: not alive(pid), seconds=5)
        assert {"type": "quit"} in metas(log)  # asked first, then stopped
        await wait_for(lambda: server.sessions == set())


def test_sigterm_stops_the_server_and_every_wizard_it_started(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wizard",
            "--content",
            str(DATA / "tiny"),
            "serve",
            "--port",
            str(port),
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO), "LEERWIJZER_CACHE_DIR": str(tmp_path)},
    )
    url = f"http://127.0.0.1:{port}"

    async def open_a_session() -> list[int]:
        async with aiohttp.ClientSession() as http:
            for _ in range(200):
                try:
                    async with http.get(url + "/"):
                        break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.05)
            await http.ws_connect(url + "/ws", headers={"Origin": url})
            deadline = time.monotonic() + 10
            while not (children := children_of(server.pid)) and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            server.send_signal(signal.SIGTERM)  # with the session still open
            return children

    try:
        children = asyncio.run(open_a_session())
        assert children, "no wizard was started"
        assert server.wait(timeout=20) is not None
    finally:
        if server.poll() is None:
            server.kill()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in children)


def children_of(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if int(stat.read_text().split(")")[-1].split()[1]) == parent:
                found.append(int(stat.parent.name))
    return found
