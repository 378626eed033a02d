"""``leerwijzer plain``: the questions line by line, for pipes and screen readers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard.commands import content_root

NAME = "plain"
HELP = "ask the questions line by line"


def configure(parser: argparse.ArgumentParser) -> None:
    # --content, --lang and --date are shared by every command
    parser.add_argument(
        "--record",
        type=Path,
        metavar="FILE",
        help="when the questions are done, save the answers and the result as a scenario file",
    )


def run(args: argparse.Namespace) -> int:
    from wizard.loading import load_content
    from wizard.plain import PlainRunner
    from wizard.ui_texts import say
    from wizard.usage import finish, observed

    record: Path | None = getattr(args, "record", None)  # absent when the TUI falls back here
    if record is not None and not record.parent.is_dir():
        # Say so before the questions, not after the person answered them all.
        reason = say("plain.no_folder", args.lang)
        print(say("plain.record_failed", args.lang, path=record, reason=reason), file=sys.stderr)
        return 2
    engine = observed(load_content(content_root(args)), "plain")  # figures, when switched on
    session = engine.start(args.date, args.lang)
    try:
        return PlainRunner(engine, sys.stdin, sys.stdout, record).run(session)
    finally:
        finish(engine)
