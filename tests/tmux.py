"""A real terminal for tests: a private tmux server runs one command; keys in, screen text out."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

TMUX = shutil.which("tmux")
TARGET = "wizard"


def flat(text: str) -> str:
    """Runs of whitespace as one space: text wrapped over lines still matches."""
    return re.sub(r"\s+", " ", text).strip()


class Pane:
    """The one pane of a tmux server of its own (``-L``), so nothing else's tmux is touched."""

    def __init__(self, server: str) -> None:
        self.server = server

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-L", self.server, *args], capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def keys(self, *keys: str) -> None:
        """tmux key names: Enter, Escape, Down, C-q, ..."""
        self.tmux("send-keys", "-t", TARGET, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", TARGET, "-l", text)

    def type_until_shown(self, text: str, shown: str | None = None, attempts: int = 5) -> None:
        """Clear the typing line (C-u) and type ``text`` until ``shown`` (default: ``text``) is on
        the screen. A key typed while a page still changes is dropped on purpose (kiosk.py), and
        under load a page can still be settling after a refusal."""
        for attempt in range(attempts):
            self.keys("C-u")
            self.type(text)
            try:
                self.wait_for(shown or text, timeout=10)
                return
            except AssertionError:
                if attempt == attempts - 1:
                    raise

    def send_bytes(self, data: bytes) -> None:
        """Raw bytes, as a terminal in another encoding would send them (b"\\xe9": Latin-1 é)."""
        self.tmux("send-keys", "-t", TARGET, "-H", *(f"{byte:02x}" for byte in data))

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", TARGET)

    def alive(self) -> bool:
        return self.tmux("display-message", "-p", "-t", TARGET, "#{pane_dead}").strip() == "0"

    def wait_for(self, *texts: str, timeout: float = 60) -> str:
        """Poll the screen until one of ``texts`` shows (whitespace-insensitive); return the screen."""
        wanted = [flat(text) for text in texts]
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if any(text in flat(screen) for text in wanted):
                return screen
            if not self.alive():
                raise AssertionError(f"the program ended; its last screen:\n{screen}")
            time.sleep(0.1)
        raise AssertionError(f"no {texts!r} after {timeout:.0f} s; the screen:\n{screen}")


@contextmanager
def tmux_pane(
    command: Sequence[str],
    *,
    cwd: Path,
    width: int = 120,
    height: int = 40,
    env: dict[str, str] | None = None,
) -> Iterator[Pane]:
    """Run ``command`` in a new detached tmux server (with ``env`` added to the environment);
    the server is always killed afterwards."""
    pane = Pane(f"leerwijzer-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    extra = env or {}
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TMUX_PANE")}
    env["LC_ALL"] = "C.UTF-8"  # box drawing and accents, whatever the caller's locale
    env.update(extra)
    assert TMUX is not None
    subprocess.run(
        [
            *(TMUX, "-L", pane.server, "-f", "/dev/null"),
            # The pane stays after the program ends, so the test can still read why it ended.
            *("start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";"),
            *("new-session", "-d", "-s", TARGET, "-x", str(width), "-y", str(height)),
            *("-c", str(cwd), "--", *command),
        ],
        env=env,
        check=True,
        timeout=30,
    )
    try:
        yield pane
    finally:
        subprocess.run(
            [TMUX, "-L", pane.server, "kill-server"], capture_output=True, timeout=30, check=False
        )
