"""Leerwijzer from a cold start to its first question painted, headless (bench/run.py)."""

import time

START = time.perf_counter()

from pathlib import Path  # noqa: E402  (the imports are part of what is timed)

import wizard.tui.app  # noqa: E402
from wizard.bundled import bundled_content_root  # noqa: E402
from wizard.content_cache import load_content_cached  # noqa: E402
from wizard.tui.app import WizardApp  # noqa: E402


class Timed(WizardApp):
    CSS_PATH = str(Path(wizard.tui.app.__file__).with_name("app.tcss"))

    def _page_ready(self) -> None:
        super()._page_ready()
        print(time.perf_counter() - START)
        self.exit()


# As `leerwijzer` starts: from the content cache (warm after the first run).
Timed(load_content_cached(bundled_content_root())).run(headless=True, size=(80, 24))
