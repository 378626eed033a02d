"""``leerwijzer check``: load the content and list every problem, or say it is fine."""

from __future__ import annotations

import argparse

from wizard.commands import content_root

NAME = "check"
HELP = "check the content; list every problem"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # no arguments of its own


def run(args: argparse.Namespace) -> int:
    from wizard.content_cache import load_content_cached

    content = load_content_cached(content_root(args))
    print(
        f"OK: {len(content.facts)} facts, {len(content.questions)} questions, "
        f"{len(content.incentives)} instruments; rules version {content.version}."
    )
    return 0
