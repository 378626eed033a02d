"""``leerwijzer graph``: draw the question graph as Mermaid or DOT, optionally with a path marked."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wizard.commands import content_root

NAME = "graph"
HELP = "draw the question graph (Mermaid or Graphviz DOT)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["mermaid", "dot"], default="mermaid")
    parser.add_argument(
        "--highlight",
        type=Path,
        metavar="SCENARIO",
        help="mark the path this scenario file takes",
    )
    parser.add_argument(
        "--markdown",
        action="store_true",
        help="print the Markdown page docs/graph.md (Mermaid only)",
    )


def run(args: argparse.Namespace) -> int:
    from wizard.drawing import draw, markdown_page, scenario_path
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.problems import ContentError
    from wizard.replay import load_scenario

    content = load_content(content_root(args))
    if args.markdown:
        if args.format != "mermaid" or args.highlight is not None:
            print(
                "--markdown draws the plain Mermaid page; leave out --format dot and --highlight",
                file=sys.stderr,
            )
            return 2
        print(markdown_page(content, args.lang), end="")
        return 0
    path = None
    if args.highlight is not None:
        try:
            scenario = load_scenario(args.highlight)
        except ContentError as error:  # the scenario, not the content: say so
            for problem in error.problems:
                print(problem, file=sys.stderr)
            print(f"cannot highlight {args.highlight}: fix the scenario file", file=sys.stderr)
            return 1
        path = scenario_path(Engine(content), scenario)
    print(draw(content, args.format, args.lang, path), end="")
    return 0
