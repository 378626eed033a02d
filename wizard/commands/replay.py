"""``leerwijzer replay``: run scenario files and report, readable or as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wizard.commands import content_root

NAME = "replay"
HELP = "replay scenario files"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", type=Path, metavar="FILE_OR_DIR")
    parser.add_argument("--json", action="store_true", help="one JSON object per scenario per line")


def run(args: argparse.Namespace) -> int:
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.replay import replay_file, scenario_files

    engine = Engine(load_content(content_root(args)))
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
