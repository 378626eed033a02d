"""``leerwijzer purge``: delete expired saved sessions now (start-up does it too), or one code."""

from __future__ import annotations

import argparse
import sys

NAME = "purge"
HELP = "delete expired saved sessions, or the session under one code (--code)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--code", metavar="CODE", help="delete the session saved under this code (on request)"
    )


def run(args: argparse.Namespace) -> int:
    from wizard.store import SessionStore, StoreError, format_code, normalise_code

    lang = args.lang
    try:
        with SessionStore() as store:  # opening purges what has expired
            store.purge()
            gone = store.purged
            if args.code is None:
                left = store.count_sessions()
                print(
                    f"{gone} verlopen sessies gewist; {left} bewaard (bewaartermijn "
                    f"{store.retention.days} dagen)."
                    if lang == "nl"
                    else f"{gone} expired sessions deleted; {left} kept (retention "
                    f"{store.retention.days} days)."
                )
                return 0
            deleted = store.delete(args.code)
    except StoreError as error:
        print(error.message(lang), file=sys.stderr)
        return 1
    try:
        shown = format_code(normalise_code(args.code))
    except LookupError:
        shown = args.code.strip()[:40]
    if deleted:
        print(f"Sessie {shown} is gewist." if lang == "nl" else f"Session {shown} is deleted.")
        return 0
    print(
        f"Er was geen sessie met code {shown}."
        if lang == "nl"
        else f"No session had code {shown}.",
        file=sys.stderr,
    )
    return 1
