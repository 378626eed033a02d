"""The ``leerwijzer`` command: thin argument parsing over the core; no tracebacks for users."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from wizard.commands import COMMANDS, content_root, load
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


def version_text() -> str:
    """The program version and the bundled rules version, as ``leerwijzer --version`` prints them."""
    from importlib.metadata import PackageNotFoundError, version

    from wizard.bundled import bundled_content_root
    from wizard.content_cache import load_content_cached

    try:
        program = version("leerwijzer")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout that was never installed
        program = "unknown (not installed)"
    try:
        rules = load_content_cached(bundled_content_root()).version
    except ContentError:
        rules = "unreadable (run 'leerwijzer check')"
    return f"leerwijzer {program}\nrules (regels) {rules}"


class _VersionAction(argparse.Action):
    """``--version``: like argparse's own, but the rules version is only read when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(version_text())
        parser.exit()


class _Unparsed(Exception):
    """The arguments did not parse with only the commands they name: parse with all of them."""


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Unparsed(message)


def build_parser(only: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser; with ``only``, one that knows just those commands (it imports fewer
    command modules, and raises instead of printing an error)."""
    parser = (argparse.ArgumentParser if only is None else _QuietParser)(
        prog="leerwijzer",
        description="Leerwijzer: which learning and career support fits you?",
    )
    _add_shared_options(parser, on_subcommand=False)
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="print the program version and the version of the rules it carries, then exit",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--kiosk",
        action="store_true",
        help="1700 terminal: no key quits (operator: F10 and LEERWIJZER_OPERATOR_CODE), idle wipe",
    )
    modes.add_argument(
        "--counsellor",
        action="store_true",
        help="counsellor mode: trace panel, notes, autosave, export, what-if",
    )
    parser.add_argument("--resume", metavar="CODE", help="resume a saved session (counsellor mode)")
    parser.add_argument(
        "--idle-timeout",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="kiosk: wipe after this many seconds without a key (default 120)",
    )
    sub = parser.add_subparsers(dest="command")
    for name in COMMANDS if only is None else [n for n in COMMANDS if n in only]:
        command = load(name)
        subparser = sub.add_parser(command.NAME, help=command.HELP)
        command.configure(subparser)
        _add_shared_options(subparser, on_subcommand=True)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """What ``build_parser().parse_args(argv)`` gives, importing only the commands ``argv`` names
    (``leerwijzer check`` need not load the other nine); help and errors come from the full one."""
    named = [word for word in argv if word in COMMANDS]
    if named and not any(word in ("-h", "--help") or word.startswith("--h") for word in argv):
        with contextlib.suppress(_Unparsed):
            return build_parser(only=named).parse_args(argv)
    return build_parser().parse_args(argv)


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


DEBUG_VARIABLE = "LEERWIJZER_DEBUG"
"""Set it to see the traceback of an unexpected error (developers)."""


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        if args.command is not None:
            return load(args.command).run(args)
        return cmd_tui(args)
    except ContentError as error:
        return _report_problems(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `leerwijzer replay ... | head`: the reader left, not an error
        sys.stderr.close()
        return 0
    except Exception as error:  # a bug of ours: a message, never a traceback with answers in it
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(
            f"leerwijzer: an unexpected error ({type(error).__name__}); nothing was saved or "
            f"changed. Please report it; {DEBUG_VARIABLE}=1 shows the details.",
            file=sys.stderr,
        )
        return 70  # EX_SOFTWARE


_NO_TERMINAL_TO_RESUME = (
    "--resume {code} heeft een terminal nodig: start leerwijzer --resume {code} in een "
    "terminalvenster. Er is geen nieuwe sessie gestart.",
    "--resume {code} needs a terminal: run leerwijzer --resume {code} in a terminal window. "
    "No new session was started.",
)


def cmd_tui(args: argparse.Namespace) -> int:
    from wizard.sanitize import shown
    from wizard.tui.launch import kiosk_refusal  # light: the app itself is imported later

    refusal = kiosk_refusal(args)  # a kiosk anyone could leave does not start, piped or not
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 2
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        if args.resume:  # line by line cannot resume: say so rather than start afresh
            print(
                _NO_TERMINAL_TO_RESUME[args.lang == "en"].format(code=shown(args.resume)),
                file=sys.stderr,
            )
            return 2
        # Piped or redirected: a full-screen app cannot work there, the line-by-line mode can.
        print(
            "(geen terminal: vragen regel per regel / no terminal: line by line)", file=sys.stderr
        )
        return load("plain").run(args)
    from wizard.content_cache import load_content_cached

    content = load_content_cached(content_root(args))  # no YAML parsing on a warm start
    from wizard.tui.launch import launch

    return launch(content, args)
