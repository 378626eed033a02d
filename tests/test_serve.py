"""`leerwijzer serve`: every browser tab runs the wizard itself, with the options it was served with.

The browser itself is in tests/test_real_terminal.py; these need no browser.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from tests.conftest import DATA, REPO
from wizard.cli import build_parser
from wizard.commands.serve import served_command


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
