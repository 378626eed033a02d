"""``leerwijzer paths``: every answer path counted per outcome, with coverage; a golden master."""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.commands import content_root

if TYPE_CHECKING:
    from wizard.engine import Engine
    from wizard.paths import Coverage, Covered, Difference

NAME = "paths"
HELP = "count every answer path per outcome, show scenario coverage, write or check a golden master"
DEFAULT_BUDGET = 300.0
"""Seconds ``paths`` walks before it stops and says so (the bundled catalogue is over it: issue 14)."""


def configure(parser: argparse.ArgumentParser) -> None:
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--write-scenarios",
        type=Path,
        metavar="DIR",
        help="write the golden master (paths.json) and scenario files for replay to DIR",
    )
    target.add_argument(
        "--check",
        type=Path,
        metavar="DIR",
        help="compare every path with the golden master in DIR; exit 1 naming what changed",
    )
    parser.add_argument(
        "--scenarios",
        type=Path,
        metavar="DIR",
        help="scenario files to measure coverage by (default: tests/scenarios beside the content, "
        "else scenarios/)",
    )
    parser.add_argument(
        "--top", type=int, default=20, metavar="N", help="outcomes to list (default 20)"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET,
        metavar="SECONDS",
        help=f"stop with a message after this many seconds (default {DEFAULT_BUDGET:.0f}; 0: no "
        "limit): a large catalogue can have more paths than an exact count can walk",
    )


def default_scenarios(root: Path) -> Path:
    """Where a content set keeps its scenarios: tests/scenarios (the bundled layout), else
    scenarios/ (a flow of its own, as examples/benefits_check)."""
    bundled_layout = root / "tests" / "scenarios"
    return (
        bundled_layout
        if bundled_layout.is_dir() or not (root / "scenarios").is_dir()
        else root / "scenarios"
    )


def run(args: argparse.Namespace) -> int:
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.paths import PathsError

    root = content_root(args)
    engine = Engine(load_content(root))
    on: date | None = getattr(args, "date", None)
    budget = args.budget if args.budget > 0 else None
    try:
        if args.check is not None:
            return _check(engine, args.check, on, budget)
        return _report(engine, on or date.today(), root, args, budget)
    except PathsError as error:
        print(f"leerwijzer paths: {error}", file=sys.stderr)
        if "s for every path" in str(error):
            print(
                "This content has more answer paths than an exact count can walk in that time; "
                "give a larger --budget (0: no limit), or count a smaller content.",
                file=sys.stderr,
            )
        return 1


def _report(
    engine: Engine, on: date, root: Path, args: argparse.Namespace, budget: float | None
) -> int:
    from wizard.paths import MASTER_FILE, Outcomes, enumerate_paths, scenario_coverage, write_golden
    from wizard.replay import scenario_files

    started = time.perf_counter()
    diagram = enumerate_paths(engine, on, budget=budget)
    outcomes = Outcomes(diagram)
    counts = outcomes.by_outcome()
    seconds = time.perf_counter() - started
    print(f"leerwijzer paths: rules {diagram.version} on {on.isoformat()}")
    print(
        f"{outcomes.total:,} paths ({len(diagram.nodes):,} states, "
        f"{diagram.edge_count:,} answer groups; {seconds:.1f} s)"
    )
    print(f"{len(counts):,} distinct outcomes, {len(outcomes.classes):,} distinct verdict sets")
    _print_outcomes(counts, args.top)
    firsts: Counter[str] = Counter()
    for recommended, count in counts.items():
        firsts[recommended[0] if recommended else "nothing applies"] += count
    print("\nPaths per first recommendation:")
    for first, count in firsts.most_common():
        print(f"  {count:>22,}  {first}")
    scenarios = args.scenarios if args.scenarios is not None else default_scenarios(root)
    files = list(scenario_files([scenarios])) if scenarios.is_dir() else []
    if files:
        _print_coverage(scenario_coverage(engine, diagram, files), scenarios)
    else:
        print(f"\nCoverage: no scenario files in {scenarios}")
    if args.write_scenarios is not None:
        written = write_golden(engine, diagram, outcomes, args.write_scenarios)
        print(
            f"\nwrote {args.write_scenarios / MASTER_FILE} (every path) and {written} scenario "
            f"files; replay them with 'leerwijzer replay {args.write_scenarios}'"
        )
    return 0


def _print_outcomes(counts: Counter[tuple[str, ...]], top: int) -> None:
    shown = counts.most_common(top)
    title = "Paths per outcome" if len(shown) == len(counts) else f"Paths per outcome ({top} most)"
    print(f"\n{title}:")
    for recommended, count in shown:
        print(f"  {count:>22,}  {', '.join(recommended) or 'nothing applies'}")
    if len(shown) < len(counts):
        print(f"  ({len(counts) - len(shown):,} more outcomes)")
        if () in counts and () not in dict(shown):
            print(f"  {counts[()]:>22,}  nothing applies")


def _print_coverage(coverage: Coverage, folder: Path) -> None:
    print(f"\nCoverage by {folder} ({coverage.scenarios} scenarios):")
    _print_covered("questions asked", coverage.questions)
    _print_covered("options answered", coverage.options)
    _print_covered("instruments eligible", coverage.instruments)
    if coverage.never_asked:
        print(f"  asked on no path on this date: {', '.join(coverage.never_asked)}")
    for path in coverage.unreadable:
        print(f"  unreadable, left out: {path}")


def _print_covered(what: str, covered: Covered) -> None:
    total = len(covered.covered) + len(covered.missed)
    print(f"  {what}: {len(covered.covered)} of {total}")
    for label, items in (("covered", covered.covered), ("missed", covered.missed)):
        if items:
            print(f"    {label}: {', '.join(items)}")


def _check(engine: Engine, folder: Path, on: date | None, budget: float | None) -> int:
    from wizard.paths import (
        MASTER_FILE,
        MasterError,
        compare,
        count_paths,
        enumerate_paths,
        read_master,
    )

    try:
        old = read_master(folder / MASTER_FILE)
    except MasterError as error:
        print(error, file=sys.stderr)
        return 1
    if on is not None and on != old.on:
        print(
            f"the master in {folder} is for {old.on.isoformat()}; leave out --date or give that date",
            file=sys.stderr,
        )
        return 1
    new = enumerate_paths(engine, old.on, budget=budget)
    print(
        f"checking {folder / MASTER_FILE} (rules {old.version}, {old.on.isoformat()}) "
        f"against the content now (rules {new.version})"
    )
    changed, differences = compare(old, new)
    if not changed:
        print(f"ok: all {new.total:,} paths end as before")
        return 0
    print(f"FAIL: {count_paths(changed)} changed, appeared or disappeared; the first:")
    for difference in differences:
        _print_difference(engine, old.on, difference)
    print(
        f"If the change is intended, write the master again: "
        f"leerwijzer paths --date {old.on.isoformat()} --write-scenarios {folder}"
    )
    return 1


def _print_difference(engine: Engine, on: date, difference: Difference) -> None:
    from wizard.paths import count_paths, describe_path, session_for
    from wizard.sessions import InvalidAnswer

    print(f"  path {describe_path(difference.path)}")
    print(f"    {difference.message} ({count_paths(difference.paths)})")
    if difference.message.startswith("verdicts changed"):
        try:
            result = engine.result(session_for(engine, on, difference.path))
        except (InvalidAnswer, KeyError):
            return
        print(f"    now recommended: {', '.join(result.recommended) or 'nothing applies'}")
