"""Issue 14 item 4: `leerwijzer paths` on the bundled content (target <= 5 s) and `check` plus
`lint` (target < 1 s), each timed as a user runs it: a fresh process, wall clock."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS_CAP = 300.0
"""Seconds after which the paths run is stopped and reported as over the cap."""


def timed(args: list[str], cap: float) -> float | None:
    """Wall seconds of ``leerwijzer ARGS``; None when it ran longer than ``cap``."""
    command = [sys.executable, "-m", "wizard", "--content", str(ROOT), *args]
    start = time.perf_counter()
    try:
        subprocess.run(command, capture_output=True, timeout=cap, check=False)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def bench_paths() -> None:
    seconds = timed(["paths", "--date", "2026-11-23"], PATHS_CAP)
    shown = f"{seconds:.1f} s" if seconds is not None else f"over {PATHS_CAP:.0f} s (stopped)"
    print(f"leerwijzer paths (bundled, 2026-11-23): {shown} (target <= 5 s)")
    check, lint = timed(["check"], 60), timed(["lint"], 60)
    if check is None or lint is None:
        print("leerwijzer check + lint: over 60 s (stopped)")
    else:
        print(
            f"leerwijzer check + lint: {check + lint:.2f} s "
            f"(check {check:.2f} s, lint {lint:.2f} s; target < 1 s)"
        )


if __name__ == "__main__":
    bench_paths()
