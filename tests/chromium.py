"""Headless Debian Chromium, driven over its DevTools protocol with aiohttp: open, read, screenshot.

textual-serve draws the app with xterm.js on a canvas, so the page's DOM holds no text. To read what
the terminal shows, a script installed before the page loads catches the xterm.js ``Terminal`` that
textual-serve's page stores as ``this.terminal``; its public buffer API gives the screen's rows.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = Path("/usr/bin/chromium")
VIEWPORT = (1280, 800)
FLAGS = [
    # Debian's Chromium as root in a closed network: no sandbox, no GPU, no calls home.
    *("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"),
    *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]

CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer && value.buffer.active) {
      window.__xterm = value;
      delete Object.prototype.terminal;
    }
  },
});
"""
"""Keeps the first ``x.terminal = new Terminal(...)`` on the page, then removes itself."""

SCREEN_ROWS = """(() => {
  const t = window.__xterm;
  const shown = document.querySelector(".textual-terminal");
  if (!t || !shown || getComputedStyle(shown).opacity !== "1") return null;
  const buffer = t.buffer.active;
  const rows = [];
  for (let y = 0; y < t.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows;
})()"""
"""The terminal's rows once it is fully faded in (null before that)."""

ROW_BOX = """((row) => {
  const t = window.__xterm;
  const box = t.element.querySelector(".xterm-screen").getBoundingClientRect();
  const height = box.height / t.rows;
  return {x: box.x, y: box.y + row * height, width: box.width, height: height, scale: 1};
})"""

NEXT_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
"""Resolves once the renderer has painted what is in the buffer."""


class PageError(AssertionError):
    pass


class Page:
    """One browser tab over the DevTools protocol: each call waits for its own answer."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self._socket = socket
        self._ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self._ids)
        await self._socket.send_json({"id": number, "method": method, "params": params})
        while True:
            message = json.loads(await self._socket.receive_str())
            if message.get("id") != number:
                continue  # an event: nothing here subscribes to any
            if "error" in message:
                raise PageError(f"{method}: {message['error']}")
            result: dict[str, Any] = message["result"]
            return result

    async def evaluate(self, expression: str, *, await_promise: bool = False) -> Any:
        result = await self.call(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        if "exceptionDetails" in result:
            raise PageError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def open(self, url: str) -> None:
        width, height = VIEWPORT
        await self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        await self.call("Page.enable")  # without it the script below is not installed
        await self.call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
        await self.call("Page.navigate", url=url)

    async def rows(self) -> list[str] | None:
        rows: list[str] | None = await self.evaluate(SCREEN_ROWS)
        return rows

    async def wait_for_rows(
        self, ready: Callable[[list[str]], bool], *, timeout: float = 60
    ) -> list[str]:
        """Poll the terminal's rows until ``ready`` says yes; fail with the last screen seen."""
        deadline = time.monotonic() + timeout
        rows: list[str] | None = None
        while time.monotonic() < deadline:
            rows = await self.rows()
            if rows is not None and ready(rows):
                await self.evaluate(NEXT_FRAMES, await_promise=True)
                return rows
            await asyncio.sleep(0.2)
        shown = "\n".join(rows) if rows is not None else "(no terminal on the page)"
        raise PageError(f"timed out after {timeout:.0f} s; the terminal showed:\n{shown}")

    async def screenshot(self, clip: dict[str, float] | None = None) -> bytes:
        params: dict[str, Any] = {"format": "png"}
        if clip is not None:
            params["clip"] = clip
        shot = await self.call("Page.captureScreenshot", **params)
        return base64.b64decode(shot["data"])

    async def type(self, text: str) -> None:
        """Type ``text`` into the terminal, as a person does (xterm.js reads its hidden textarea)."""
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await self.call("Input.insertText", text=text)

    async def enter(self) -> None:
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent",
                type=kind,
                key="Enter",
                code="Enter",
                windowsVirtualKeyCode=13,
                **({"text": "\r"} if kind == "keyDown" else {}),
            )

    async def row_screenshot(self, row: int) -> bytes:
        """Only the pixels of one terminal row."""
        clip: dict[str, float] = await self.evaluate(f"{ROW_BOX}({row})")
        return await self.screenshot(clip)


async def _devtools_port(profile: Path, browser: subprocess.Popen[bytes]) -> int:
    """Chromium writes the port it chose into the profile once it listens."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if browser.poll() is not None:
            raise PageError(f"chromium exited with {browser.returncode}")
        text = marker.read_text() if marker.exists() else ""
        if text.strip():
            return int(text.split()[0])
        await asyncio.sleep(0.1)
    raise PageError("chromium did not open its DevTools port in 60 s")


@asynccontextmanager
async def chromium_page(workdir: Path) -> AsyncIterator[Page]:
    """A fresh headless Chromium with one blank tab; the browser is always stopped afterwards."""
    profile = workdir / "chromium-profile"
    profile.mkdir()
    with (workdir / "chromium.log").open("wb") as log:
        browser = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped with every helper process
        )
    try:
        port = await _devtools_port(profile, browser)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as answer:
                targets = await answer.json()
            tab = next(t for t in targets if t["type"] == "page")
            async with http.ws_connect(tab["webSocketDebuggerUrl"], max_msg_size=0) as socket:
                yield Page(socket)
    finally:
        stop_group(browser)


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started with start_new_session=True, and everything it started."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError):  # children may outlive their parent
        os.killpg(process.pid, signal.SIGKILL)
