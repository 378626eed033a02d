"""``leerwijzer stats``: the anonymous usage figures as tables, and as an HTML page with charts."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from wizard.commands import content_root

NAME = "stats"
HELP = "anonymous usage figures: drop-off, questions per session, outcomes (see docs/store.md)"


def _since(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD") from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=_since, metavar="D", help="only events from this day on")
    parser.add_argument(
        "--html", type=Path, metavar="FILE", help="also write an HTML page with SVG charts"
    )


def _labels(args: argparse.Namespace) -> tuple[dict[str, str], list[str]]:
    """Question texts and instrument names in the chosen language, and the questions' order."""
    from wizard.loading import load_content
    from wizard.problems import ContentError

    try:
        content = load_content(content_root(args))
    except (ContentError, OSError):
        return {}, []  # the figures still stand on their ids
    lang = args.lang
    labels = {q.id: q.model.text.get(lang) for q in content.questions.values()}
    labels.update({i: c.model.name.get(lang) for i, c in content.incentives.items()})
    return labels, list(content.questions)


def run(args: argparse.Namespace) -> int:
    from wizard.store import SessionStore, StoreError
    from wizard.usage_html import html_report
    from wizard.usage_stats import summarise, text_report

    try:
        with SessionStore() as store:
            events = store.events(args.since)
    except StoreError as error:
        print(error.message(args.lang), file=sys.stderr)
        return 1
    labels, order = _labels(args)
    summary = summarise(events, order)
    # The page first: a console piped into `head` may close before the tables are printed.
    if args.html is not None:
        try:
            # 0600 like every other file that comes out of the store; the figures are anonymous,
            # but who may read them is the team's call, not ours.
            fd = os.open(args.html, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as page:
                page.write(html_report(summary, labels))
        except OSError as error:
            print(f"cannot write {args.html}: {error.strerror}", file=sys.stderr)
            return 1
    print(text_report(summary, labels))
    if args.html is not None:
        print(f"HTML: {args.html.resolve()}")
    return 0
