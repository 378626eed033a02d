"""Served at scale: two ``leerwijzer serve`` processes against one PostgreSQL, one tab on each.

Each tab is its own wizard process (textual-serve starts one per websocket), in counsellor mode so
that it autosaves; the tabs type different answers and each ends up as its own saved session.
The servers listen on 127.0.0.1 only, as nobody told them otherwise.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO
from tests.postgres import postgres_server, postgres_url
from wizard.store import DATABASE_URL_ENV
from wizard.store.postgres import PostgresStore

__all__ = ["postgres_server", "postgres_url"]  # fixtures

aiohttp = pytest.importorskip("aiohttp", reason="leerwijzer serve needs the 'serve' extra")
pytest.importorskip("textual_serve", reason="leerwijzer serve needs the 'serve' extra")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _listening_hosts(port: int) -> set[str]:
    """The local addresses listening on ``port`` (from /proc/net/tcp, IPv4)."""
    hosts = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if int(hex_port, 16) == port and state == "0A":  # LISTEN
            hosts.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return hosts


@pytest.fixture()
def servers(postgres_url: str, tmp_path: Path) -> Iterator[list[int]]:
    ports = [_free_port(), _free_port()]
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        DATABASE_URL_ENV: postgres_url,
        "LEERWIJZER_DATA_DIR": str(tmp_path / "not-used"),
    }
    command = [sys.executable, "-m", "wizard", "--counsellor", "--content", str(DATA / "tiny")]
    started = [
        subprocess.Popen(
            [*command, "--date", "2026-01-01", "serve", "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its tab processes too, so that all of them are stopped
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 60
        for port in ports:
            while not _listening_hosts(port):
                assert time.monotonic() < deadline, "leerwijzer serve did not start listening"
                time.sleep(0.2)
        yield ports
    finally:
        for server in started:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


async def _tab(port: int, keys: str, url: str, answer: str) -> None:
    """A browser tab: connect, type ``keys`` once the app is drawn, until the answer is saved."""
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(
            f"http://127.0.0.1:{port}/ws?width=120&height=40",
            headers={"Origin": f"http://127.0.0.1:{port}"},  # a browser on the server's own page
        ) as ws,
    ):
        deadline = time.monotonic() + 60
        drawn = 0
        while drawn < 2000:  # the first screen: bytes of the terminal drawing
            message = await asyncio.wait_for(ws.receive(), timeout=60)
            drawn += len(message.data) if isinstance(message.data, bytes | str) else 0
        await asyncio.sleep(1.0)
        for key in keys:
            await ws.send_json(["stdin", key])
            await asyncio.sleep(0.3)
        while time.monotonic() < deadline:
            if answer in _saved_roles(url):
                return
            await asyncio.sleep(0.5)
        raise AssertionError(f"the tab on port {port} never saved role={answer}")


def _saved_roles(url: str) -> list[str]:
    with PostgresStore(url) as store, store._tx(write=False) as tx:
        rows = tx.execute("SELECT session FROM sessions").fetchall()
    return [json.loads(row[0])["answers"].get("role", "") for row in rows]


async def test_two_servers_one_database_each_tab_its_own_session(
    servers: list[int], postgres_url: str, tmp_path: Path
) -> None:
    for port in servers:
        assert _listening_hosts(port) == {"127.0.0.1"}  # not reachable from other machines
    await asyncio.gather(
        _tab(servers[0], "1", postgres_url, "student"),
        _tab(servers[1], "2", postgres_url, "staff"),
    )
    assert sorted(_saved_roles(postgres_url)) == ["staff", "student"]  # two sessions, not one
    assert not (tmp_path / "not-used").exists()  # nothing went to a local file
