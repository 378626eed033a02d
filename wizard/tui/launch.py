"""From command-line options to a running app: the mode, the store, a resumed session."""

from __future__ import annotations

import argparse
import os
import sys

from wizard.content import Content
from wizard.sessions import InvalidAnswer
from wizard.tui.app import Mode, run_app

OPERATOR_CODE_VARIABLE = "LEERWIJZER_OPERATOR_CODE"
"""The kiosk's exit code (F10); a kiosk without it can only be stopped from outside."""


def launch(content: Content, args: argparse.Namespace) -> int:
    from wizard.store import SessionStore, UnknownCode

    mode: Mode = (
        "kiosk" if args.kiosk else "counsellor" if args.counsellor or args.resume else "citizen"
    )
    options: dict[str, object] = {
        "on": args.date,
        "lang": args.lang,
        # Opened on first use: a kiosk or citizen session writes nothing unless asked to.
        "store": SessionStore,
        "idle_timeout": args.idle_timeout,
        "operator_code": os.environ.get(OPERATOR_CODE_VARIABLE, ""),
    }
    if args.resume:
        try:
            saved = SessionStore().load(args.resume)
            session = saved.to_session(content.facts)
        except UnknownCode as unknown:
            print(unknown.message(args.lang), file=sys.stderr)
            return 1
        except InvalidAnswer as invalid:  # the content changed since it was saved
            print(invalid.reason.get(args.lang), file=sys.stderr)
            return 1
        options.update(session=session, notes=saved.notes, code=args.resume, on=session.date)
    return run_app(content, mode=mode, **options)
