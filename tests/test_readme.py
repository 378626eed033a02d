"""The README's promises hold as printed: its example command runs, its two commands exist."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text()


def test_the_readme_example_works_as_printed() -> None:
    (example,) = re.findall(r"^Example: `(.+)`\.?$", README, flags=re.MULTILINE)
    assert "leerwijzer plain" in example
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {example}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "Traceback" not in done.stderr


def test_the_readme_gives_exactly_make_run_and_make_test_for_a_fresh_machine() -> None:
    fresh = README.split("## On a fresh machine", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in fresh.splitlines()[1:] if line.strip()]
    assert commands == ["make run", "make test"]
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^run:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)
