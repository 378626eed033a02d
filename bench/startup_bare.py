"""A bare one-label Textual app: the yardstick for Leerwijzer's start-up (bench/run.py)."""

import time

START = time.perf_counter()

from textual.app import App, ComposeResult  # noqa: E402  (the import is part of what is timed)
from textual.widgets import Label  # noqa: E402


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Wat is nu uw belangrijkste situatie?")

    def on_mount(self) -> None:
        self.call_after_refresh(self.painted)

    def painted(self) -> None:
        print(time.perf_counter() - START)
        self.exit()


Bare().run(headless=True, size=(80, 24))
