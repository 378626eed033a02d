"""``leerwijzer plain``: the questions line by line, for pipes and screen readers."""

from __future__ import annotations

import argparse
import sys

from wizard.commands import content_root

NAME = "plain"
HELP = "ask the questions line by line"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # --content, --lang and --date are shared by every command


def run(args: argparse.Namespace) -> int:
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.plain import PlainRunner

    engine = Engine(load_content(content_root(args)))
    session = engine.start(args.date, args.lang)
    return PlainRunner(engine, sys.stdin, sys.stdout).run(session)
