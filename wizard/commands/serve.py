"""``leerwijzer serve``: the same Textual wizard in a web browser, through textual-serve.

textual-serve starts one wizard process per browser tab and talks to it over pipes (its web driver),
not a terminal. The plain ``leerwijzer`` would see no terminal there and fall back to line-by-line
mode, so the served command is ``leerwijzer ... serve --served``: the wizard itself, told to draw the
Textual app whatever its standard streams are.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from wizard.commands import content_root

NAME = "serve"
HELP = "serve the wizard in a web browser"


SERVE_EXTRA_MISSING = (
    "leerwijzer serve needs the optional web server (textual-serve), which this install lacks.\n"
    "Install it with:  pip install 'leerwijzer[serve]'   (in a checkout: make run or make test)"
)


DEFAULT_MAX_SESSIONS = 8
"""Each wizard is a process of about 50 MB: eight fit a small helpdesk machine."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--public-url",
        default=None,
        help="address browsers reach the server at, when it differs from http://HOST:PORT",
    )
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"at most N wizards at once; one more gets a 'busy' page (default {DEFAULT_MAX_SESSIONS})",
    )
    # The process textual-serve starts for each browser tab; not for people to type.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)


def served_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs per tab: this wizard with the same options."""
    argv = [sys.executable, "-m", "wizard", "--lang", args.lang]
    if args.date is not None:
        argv += ["--date", args.date.isoformat()]
    if args.content is not None:
        argv += ["--content", str(args.content.resolve())]
    # The modes of `leerwijzer --kiosk serve` and the like carry over to every tab.
    for flag in ("kiosk", "counsellor"):
        if getattr(args, flag, False):
            argv.append(f"--{flag}")
    idle_timeout = getattr(args, "idle_timeout", None)
    if idle_timeout is not None:
        argv += ["--idle-timeout", str(idle_timeout)]
    return shlex.join([*argv, "serve", "--served"])


def run(args: argparse.Namespace) -> int:
    from wizard.tui.launch import kiosk_refusal

    refusal = kiosk_refusal(args)  # said once where the server starts, and in every tab
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 2
    if args.served:
        return _run_served(args)
    from wizard.content_cache import load_content_cached

    # Fail here, in the terminal that started the server, not later in every browser tab; this
    # also warms the cache every tab starts from.
    load_content_cached(content_root(args))
    try:
        from wizard.commands.serve_guard import GuardedServer
    except ImportError:  # a kiosk install has no web server: say how to add one
        print(SERVE_EXTRA_MISSING, file=sys.stderr)
        return 1
    if args.max_sessions < 1:
        print("leerwijzer serve: --max-sessions must be 1 or more", file=sys.stderr)
        return 2
    # The guard: a cap on sessions, an Origin check, bounded screens, a wizard that ends with its
    # socket, SIGTERM obeyed, and a page that loads nothing from elsewhere (see serve_guard).
    server = GuardedServer(
        served_command(args),
        host=args.host,
        port=args.port,
        public_url=args.public_url,
        lang=args.lang,
        max_sessions=args.max_sessions,
    )
    try:
        server.serve()
    except OSError as error:  # e.g. the port is taken
        print(f"leerwijzer serve: {error}", file=sys.stderr)
        return 1
    return 0


def _run_served(args: argparse.Namespace) -> int:
    """What ``leerwijzer`` does in a terminal, minus the check for one (see the module's text)."""
    from wizard.content_cache import load_content_cached
    from wizard.tui.launch import launch

    return launch(load_content_cached(content_root(args)), args)
