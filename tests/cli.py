"""Running the real ``leerwijzer`` command in a fresh interpreter, as testers and CI run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def leerwijzer(
    *args: str, stdin: str = "", cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m wizard ARGS`` with ``stdin`` piped in; this checkout's wizard comes first."""
    return subprocess.run(
        [sys.executable, "-m", "wizard", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
    )
