"""The ``leerwijzer`` command: thin argument parsing over the core; no tracebacks for users."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from wizard.bundled import bundled_content_root
from wizard.problems import ContentError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD") from None


def _add_shared_options(parser: argparse.ArgumentParser, *, on_subcommand: bool) -> None:
    """--content, --lang and --date, accepted before or after the subcommand.

    On a subcommand they default to SUPPRESS: an option given before the subcommand must not be
    overwritten by the subcommand's own default.
    """

    def default(value: object) -> object:
        return argparse.SUPPRESS if on_subcommand else value

    parser.add_argument(
        "--content",
        type=Path,
        default=default(None),
        help="folder holding questions/ and incentives/ (default: the bundled content)",
    )
    parser.add_argument("--lang", choices=["nl", "en"], default=default("nl"))
    parser.add_argument(
        "--date", type=_date, default=default(None), help="reference date (default: today)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leerwijzer",
        description="Leerwijzer: which learning and career support fits you?",
    )
    _add_shared_options(parser, on_subcommand=False)
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="check the content; list every problem")
    replay = sub.add_parser("replay", help="replay scenario files")
    replay.add_argument("targets", nargs="+", type=Path, metavar="FILE_OR_DIR")
    replay.add_argument("--json", action="store_true", help="one JSON object per scenario per line")
    plain = sub.add_parser("plain", help="ask the questions line by line")
    for subcommand in (check, replay, plain):
        _add_shared_options(subcommand, on_subcommand=True)
    return parser


def _content_root(args: argparse.Namespace) -> Path:
    root: Path | None = args.content
    return root if root is not None else bundled_content_root()


def _report_problems(error: ContentError) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
    count = len(error.problems)
    print(
        f"{count} problem{'s' if count != 1 else ''} in the content; fix them and run "
        "'leerwijzer check' again.",
        file=sys.stderr,
    )
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "replay":
            return cmd_replay(args)
        if args.command == "plain":
            return cmd_plain(args)
        return cmd_tui(args)
    except ContentError as error:
        return _report_problems(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `leerwijzer replay ... | head`: the reader left, not an error
        sys.stderr.close()
        return 0


def cmd_check(args: argparse.Namespace) -> int:
    from wizard.loading import load_content

    content = load_content(_content_root(args))
    print(
        f"OK: {len(content.facts)} facts, {len(content.questions)} questions, "
        f"{len(content.incentives)} instruments; rules version {content.version}."
    )
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.replay import replay_file, scenario_files

    engine = Engine(load_content(_content_root(args)))
    files = list(scenario_files(args.targets))
    if not files:
        print("no scenario files found", file=sys.stderr)
        return 1
    failed = 0
    for path in files:
        report = replay_file(engine, path)
        failed += not report.passed
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False))
            continue
        status = "ok  " if report.passed else "FAIL"
        first = report.recommended[0] if report.recommended else "-"
        print(f"{status} {path}  ({len(report.asked)} questions, first: {first})")
        for failure in report.failures:
            print(f"     {failure}")
        if not report.passed and report.asked:
            print(f"     path: {' > '.join(report.asked)}")
    if not args.json:
        print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


def cmd_plain(args: argparse.Namespace) -> int:
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.plain import PlainRunner

    engine = Engine(load_content(_content_root(args)))
    session = engine.start(args.date, args.lang)
    return PlainRunner(engine, sys.stdin, sys.stdout).run(session)


def cmd_tui(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Piped or redirected: a full-screen app cannot work there, the line-by-line mode can.
        print(
            "(geen terminal: vragen regel per regel / no terminal: line by line)", file=sys.stderr
        )
        return cmd_plain(args)
    from wizard.loading import load_content

    content = load_content(_content_root(args))
    from wizard.tui.app import run_app

    return run_app(content, on=args.date, lang=args.lang)
