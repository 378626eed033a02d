"""``leerwijzer schema``: write or check the JSON Schemas beside the content, for editors."""

from __future__ import annotations

import argparse

from wizard.commands import content_root

NAME = "schema"
HELP = "write or check the JSON Schemas of the content files"
REGENERATE = "leerwijzer schema --write"


def configure(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--write",
        action="store_true",
        help="write the schemas and name them on the first line of every content file",
    )
    action.add_argument(
        "--check",
        action="store_true",
        help="exit 1, naming each file, when a schema or a first line is out of date",
    )


def run(args: argparse.Namespace) -> int:
    from wizard.schema import TARGETS, pending_changes, write_changes

    root = content_root(args)
    changes = pending_changes(root)
    if args.write:
        write_changes(root, changes)
        for change in changes:
            print(f"wrote {change.path}")
        print(f"{len(changes)} file{'s' if len(changes) != 1 else ''} written.")
        return 0
    for change in changes:
        print(f"{change.path}: {change.reason}")
    if changes:
        print(
            f"{len(changes)} file{'s' if len(changes) != 1 else ''} out of date; run '{REGENERATE}'."
        )
        return 1
    print(f"OK: {len(TARGETS)} schemas and the first line of every content file are current.")
    return 0
