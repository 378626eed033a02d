"""From command-line options to a running app: the mode, the store, a resumed session.

The kiosk's policy is checked here, before anything is drawn: a kiosk whose operator code is
missing or short could be left by anyone (F10, then Enter on an empty code), so it does not start.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from wizard.content import Content
from wizard.model import Lang
from wizard.sessions import InvalidAnswer

if TYPE_CHECKING:
    from wizard.tui.app import Mode

OPERATOR_CODE_VARIABLE = "LEERWIJZER_OPERATOR_CODE"
"""The kiosk's exit code (F10); a kiosk without it can only be stopped from outside."""

MIN_OPERATOR_DIGITS = 6

_NO_OPERATOR_CODE = (
    "De kiosk start niet: er is geen geldige beheerderscode. Zet {variable} op een code van "
    "minstens {digits} cijfers, bijvoorbeeld: {variable}=482913 leerwijzer --kiosk. "
    "Met F10 en die code sluit de beheerder de kiosk.",
    "The kiosk does not start: there is no valid operator code. Set {variable} to a code of at "
    "least {digits} digits, for example: {variable}=482913 leerwijzer --kiosk. "
    "The operator closes the kiosk with F10 and that code.",
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
    from wizard.tui.app import run_app

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
    return run_app(content, mode=mode, **options)
