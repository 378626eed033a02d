"""Issue 14 item 4: `leerwijzer paths` on the bundled content (target <= 5 s) and `check` plus
`lint` (target < 1 s), each timed as a user runs it: a fresh process, wall clock. The bundled
content has too many paths to count one by one, so `paths` surveys them; the line says so."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS_CAP = 300.0
"""Seconds after which the paths run is stopped and reported as over the cap."""


def timed(
    args: list[str], cap: float, env: dict[str, str] | None = None, output: list[str] | None = None
) -> float | None:
    """Wall seconds of ``leerwijzer ARGS``; None when it ran longer than ``cap``. Its standard
    output goes to ``output`` when given."""
    command = [sys.executable, "-m", "wizard", "--content", str(ROOT), *args]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=cap, check=False, env=env
        )
    except subprocess.TimeoutExpired:
        return None
    if output is not None:
        output += done.stdout.splitlines()
    return time.perf_counter() - start


def bench_check_and_lint() -> None:
    """First run (an empty content cache, as on a fresh machine or after an edit) and again (the
    median of three, the cache filled: what an author meets on every run after the first)."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "LEERWIJZER_CACHE_DIR": cache}
        first = [timed([command], 60, env) for command in ("check", "lint")]
        again = [[timed([command], 60, env) for _ in range(3)] for command in ("check", "lint")]
    done = [t for t in first if t is not None]
    runs = [[t for t in timings if t is not None] for timings in again]
    if len(done) < 2 or any(len(timings) < 3 for timings in runs):
        print("leerwijzer check + lint: over 60 s (stopped)")
        return
    check, lint = (statistics.median(timings) for timings in runs)
    print(
        f"leerwijzer check + lint: {check + lint:.2f} s (check {check:.2f} s, lint {lint:.2f} s; "
        f"target < 1 s); first run, empty cache: {sum(done):.2f} s"
    )


def child_cpu() -> float:
    """CPU seconds used so far by the child processes waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_paths() -> None:
    # The machine is shared: wall time can be several times the CPU time, so both are shown.
    before = child_cpu()
    output: list[str] = []
    seconds = timed(["paths", "--date", "2026-11-23"], PATHS_CAP, output=output)
    cpu = child_cpu() - before
    if seconds is not None:
        shown = f"{seconds:.1f} s wall, {cpu:.1f} s CPU"
    else:
        shown = f"over {PATHS_CAP:.0f} s wall (stopped after {cpu:.1f} s CPU)"
    # too many paths to count one by one: paths surveys them (docs/paths.md); say which it did
    survey = next((line for line in output if line.startswith("Survey instead: ")), None)
    kind = survey.split(" (")[0].removeprefix("Survey instead: ") if survey else "every path"
    print(f"leerwijzer paths (bundled, 2026-11-23): {shown} (target <= 5 s; {kind})")
    bench_check_and_lint()


if __name__ == "__main__":
    bench_paths()
