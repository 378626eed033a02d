"""From command-line options to a running app: the mode, the store, a resumed session.

The kiosk's policy is checked here, before anything is drawn: a kiosk whose operator code is
missing or short could be left by anyone (F10, then Enter on an empty code), so it does not start.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.content import Content
from wizard.model import Lang
from wizard.sessions import InvalidAnswer

if TYPE_CHECKING:
    from textual.app import App

    from wizard.tui.app import Mode

OPERATOR_CODE_VARIABLE = "LEERWIJZER_OPERATOR_CODE"
"""The kiosk's exit code (F10); a kiosk without it can only be stopped from outside."""

MIN_OPERATOR_DIGITS = 6

_NO_OPERATOR_CODE = (
    "De kiosk start niet: er is geen geldige beheerderscode. Kies zelf een code van minstens "
    "{digits} cijfers, zet die in {variable} en start opnieuw. Met F10 en die code sluit de "
    "beheerder de kiosk.",
    "The kiosk does not start: there is no valid operator code. Choose a code of at least "
    "{digits} digits, put it in {variable} and start again. The operator closes the kiosk with "
    "F10 and that code.",
)


def valid_operator_code(code: str) -> bool:
    """At least six ASCII digits: short enough to type, long enough not to be guessed by chance."""
    return len(code) >= MIN_OPERATOR_DIGITS and code.isascii() and code.isdigit()


def operator_code() -> str:
    return os.environ.get(OPERATOR_CODE_VARIABLE, "").strip()


def kiosk_refusal(args: argparse.Namespace) -> str | None:
    """Why a kiosk must not start with these options (in the session's language), or None."""
    if not getattr(args, "kiosk", False) or valid_operator_code(operator_code()):
        return None
    lang: Lang = "en" if getattr(args, "lang", "nl") == "en" else "nl"
    text = _NO_OPERATOR_CODE[lang == "en"]
    return text.format(variable=OPERATOR_CODE_VARIABLE, digits=MIN_OPERATOR_DIGITS)


def tolerate_undecodable_input() -> None:
    """Textual's key reader decodes strict UTF-8 in its own thread: one byte that is not UTF-8
    ("é" typed on a Latin-1 terminal) raised there, and the app read no key again. Such bytes
    become U+FFFD instead, which the sanitiser refuses with a message (sessions.parse_answer)."""
    import codecs
    import functools

    from textual.drivers import linux_driver, web_driver

    def tolerant(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
        return functools.partial(codecs.getincrementaldecoder(encoding), errors="replace")

    for module in (linux_driver, web_driver):
        module.getincrementaldecoder = tolerant  # type: ignore[attr-defined]


def launch(content: Content, args: argparse.Namespace) -> int:
    from wizard.store import SessionStore, StoreError, UnknownCode

    refusal = kiosk_refusal(args)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 2
    tolerate_undecodable_input()
    mode: Mode = (
        "kiosk" if args.kiosk else "counsellor" if args.counsellor or args.resume else "citizen"
    )
    options: dict[str, object] = {
        "on": args.date,
        "lang": args.lang,
        # Opened on first use: a kiosk or citizen session writes nothing unless asked to.
        "store": SessionStore,
        "idle_timeout": args.idle_timeout,
        "operator_code": operator_code(),
    }
    if args.resume:
        try:
            store = SessionStore()
            saved = store.load(args.resume)
            session = saved.to_session(content.facts)
        except UnknownCode as unknown:
            print(unknown.message(args.lang), file=sys.stderr)
            return 1
        except StoreError as error:  # unreadable, damaged, unreachable: said, never a traceback
            print(error.message(args.lang), file=sys.stderr)
            return 1
        except InvalidAnswer as invalid:  # the content changed since it was saved
            print(invalid.reason.get(args.lang), file=sys.stderr)
            return 1
        # The store that read it knows its version: a save from here after another desk's
        # is refused and kept under a new code, never silently overwriting.
        options.update(
            store=store, session=session, notes=saved.notes, code=saved.code, on=session.date
        )
    return run_supervised(content, mode, options)


# --- an unexpected error: no traceback on screen, and a kiosk that starts afresh -----------------

MAX_KIOSK_RESTARTS = 5
"""Restarts within a minute before a kiosk gives up (something is broken, not just unlucky)."""

_CRASHED = (
    "Leerwijzer is onverwacht gestopt. Er is niets van uw antwoorden getoond. Voor de beheerder "
    "staat de fout in {log}.",
    "Leerwijzer stopped unexpectedly. None of your answers were shown. For the operator, the "
    "error is written in {log}.",
)
_GAVE_UP = (
    "De kiosk stopt: Leerwijzer liep {count} keer vast binnen een minuut. De fout staat in {log}.",
    "The kiosk stops: Leerwijzer failed {count} times within a minute. The error is in {log}.",
)


class _Discard(io.StringIO):
    """A file that keeps nothing: where Textual's error console writes in Leerwijzer."""

    def write(self, text: str) -> int:
        return len(text)


def hide_tracebacks(app: App[Any]) -> None:
    """Textual prints an unexpected error's traceback WITH its local variables when the app ends;
    in Leerwijzer those hold a person's answers. Textual's bell and exit stay; its error console
    (a public attribute) writes into nothing, so the printout never reaches the terminal."""
    from rich.console import Console

    app.error_console = Console(file=_Discard(), markup=False, highlight=False)


def write_crash_log(error: BaseException) -> Path | None:
    """Where the operator finds the error: its type and the code's lines, never its message or
    variables (they can hold answers). A private file; None when it cannot be written."""
    from datetime import datetime

    from platformdirs import user_log_dir

    folder = Path(os.environ.get("LEERWIJZER_LOG_DIR") or user_log_dir("leerwijzer"))
    lines = [f"{datetime.now().isoformat(timespec='seconds')} {type(error).__name__}\n"]
    lines += traceback.format_tb(error.__traceback__)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / "crash.log"
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(path, flags, 0o600)
        with os.fdopen(handle, "a", encoding="utf-8") as file:
            file.writelines([*lines, "\n"])
    except OSError:
        return None
    return path


def run_supervised(
    content: Content,
    mode: Mode,
    options: dict[str, object],
    *,
    make: Callable[..., App[Any]] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Run the app; after an unexpected error say so without a traceback, and in the kiosk start
    a fresh session (nothing of the person is kept: a kiosk never resumes one)."""
    if make is None:
        from wizard.tui.app import make_app

        make = make_app
    lang = options.get("lang", "nl")
    english = lang == "en"
    failures: list[float] = []
    while True:
        app = make(content, mode=mode, **options)
        hide_tracebacks(app)
        app.run()
        error = getattr(app, "_exception", None)
        if error is None:
            return app.return_code or 0
        where = write_crash_log(error) or "(geen logboek / no log)"
        now = clock()
        failures = [moment for moment in failures if now - moment < 60] + [now]
        if mode != "kiosk":
            print(_CRASHED[english].format(log=where), file=sys.stderr)
            return 1
        if len(failures) > MAX_KIOSK_RESTARTS:
            print(_GAVE_UP[english].format(count=len(failures), log=where), file=sys.stderr)
            return 1
