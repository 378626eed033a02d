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
from wizard.paths.survey import DEFAULT_WALKS

if TYPE_CHECKING:
    from wizard.engine import Engine
    from wizard.paths import Coverage, Covered, Diagram, Difference, Outcomes
    from wizard.replay import Scenario

NAME = "paths"
HELP = (
    "count every answer path per outcome (or survey them when there are too many), show scenario "
    "coverage, write or check a golden master"
)
DEFAULT_BUDGET = 300.0
"""Seconds an exhaustive count walks before it stops and says so."""
DEFAULT_MAX_STATES = 150
"""Walk states the count may take before ``paths`` surveys instead (about 0.3 s here; the
example flow takes 19, the bundled catalogue hundreds of thousands)."""


def _at_least_one(text: str) -> int:
    """An argparse type: a whole number of at least 1 (0 walks or states would mean nothing)."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too few: give at least 1")
    return number


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
        "--exhaustive",
        action="store_true",
        help="count every path however many there are (no survey; only --budget stops it)",
    )
    parser.add_argument(
        "--max-states",
        type=_at_least_one,
        default=DEFAULT_MAX_STATES,
        metavar="N",
        help=f"survey instead of counting when the count passes N walk states (default "
        f"{DEFAULT_MAX_STATES})",
    )
    parser.add_argument(
        "--walks",
        type=_at_least_one,
        default=DEFAULT_WALKS,
        metavar="N",
        help=f"walks a survey makes (default {DEFAULT_WALKS:,})",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET,
        metavar="SECONDS",
        help=f"stop an exhaustive count with a message after this many seconds (default "
        f"{DEFAULT_BUDGET:.0f}; 0: no limit)",
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
    from wizard.paths import PathsError, TooManyPaths

    root = content_root(args)
    engine = Engine(load_content(root))
    on: date | None = getattr(args, "date", None)
    budget = args.budget if args.budget > 0 else None
    try:
        if args.check is not None:
            return _check(engine, args.check, on, budget)
        return _report(engine, on or date.today(), root, args, budget)
    except TooManyPaths as error:
        print(f"leerwijzer paths: {error}", file=sys.stderr)
        instead = (
            "leave out --exhaustive for a survey, or give"
            if args.exhaustive
            else "write the master again (a large content gets a survey), or give"
        )
        print(
            "This content has more answer paths than an exact count can walk in that time; "
            f"{instead} a larger --budget (0: no limit).",
            file=sys.stderr,
        )
        return 1
    except PathsError as error:
        print(f"leerwijzer paths: {error}", file=sys.stderr)
        return 1


def _report(
    engine: Engine, on: date, root: Path, args: argparse.Namespace, budget: float | None
) -> int:
    from wizard.commands.paths_survey import survey
    from wizard.paths import (
        MASTER_FILE,
        Outcomes,
        TooManyPaths,
        enumerate_paths,
        scenario_coverage,
        write_golden,
    )

    folder = args.scenarios if args.scenarios is not None else default_scenarios(root)
    files, scenarios = _scenarios(folder)
    started = time.perf_counter()
    print(f"leerwijzer paths: rules {engine.content.version} on {on.isoformat()}")
    max_states = None if args.exhaustive else args.max_states
    try:
        diagram = enumerate_paths(engine, on, budget=budget, max_states=max_states)
    except TooManyPaths as error:
        if args.exhaustive:
            raise
        diagram = survey(engine, on, scenarios, args.walks, str(error))
    outcomes = Outcomes(diagram)  # counted once: the report and the golden scenarios read it
    if diagram.complete:
        _print_count(diagram, outcomes, time.perf_counter() - started, args.top)
    if files:
        _print_coverage(scenario_coverage(engine, diagram, files), folder, diagram.complete)
    else:
        print(f"\nCoverage: no scenario files in {folder}")
    if args.write_scenarios is not None:
        written = write_golden(engine, diagram, outcomes, args.write_scenarios)
        kept = "every path" if diagram.complete else "the survey's witness paths"
        print(
            f"\nwrote {args.write_scenarios / MASTER_FILE} ({kept}) and {written} scenario "
            f"files; replay them with 'leerwijzer replay {args.write_scenarios}'"
        )
    return 0


def _scenarios(folder: Path) -> tuple[list[Path], list[Scenario]]:
    """The scenario files in ``folder`` and those that read (the survey walks them first)."""
    from wizard.paths.golden import written_by_paths
    from wizard.problems import ContentError
    from wizard.replay import load_scenario, scenario_files

    files = list(scenario_files([folder])) if folder.is_dir() else []
    scenarios = []
    for file in files:
        if written_by_paths(file):
            continue  # a survey's own witnesses are no personas: the next master would drift
        try:
            scenarios.append(load_scenario(file))
        except ContentError:
            continue  # the coverage lines name it
    return files, scenarios


def _print_count(diagram: Diagram, outcomes: Outcomes, seconds: float, top: int) -> None:
    counts = outcomes.by_outcome()
    print(
        f"{outcomes.total:,} paths ({len(diagram.nodes):,} states, "
        f"{diagram.edge_count:,} answer groups; {seconds:.1f} s)"
    )
    print(f"{len(counts):,} distinct outcomes, {len(outcomes.classes):,} distinct verdict sets")
    _print_outcomes(counts, top)
    firsts: Counter[str] = Counter()
    for recommended, count in counts.items():
        firsts[recommended[0] if recommended else "nothing applies"] += count
    print("\nPaths per first recommendation:")
    for first, count in firsts.most_common():
        print(f"  {count:>22,}  {first}")


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


def _print_coverage(coverage: Coverage, folder: Path, complete: bool) -> None:
    of = "" if complete else "; questions and answers: of what the survey met"
    print(f"\nCoverage by {folder} ({coverage.scenarios} scenarios{of}):")
    _print_covered("questions asked", coverage.questions)
    _print_covered("options answered", coverage.options)
    _print_covered("instruments eligible", coverage.instruments)
    if coverage.never_asked:
        where = "on no path on this date" if complete else "by no walk of the survey"
        print(f"  asked {where}: {', '.join(coverage.never_asked)}")
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
        all_paths,
        compare,
        count_paths,
        enumerate_paths,
        offered_changes,
        read_master,
        rewalk,
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
    offered: list[tuple[str, str, bool]] = []
    if old.complete:
        new = enumerate_paths(engine, old.on, budget=budget)
    else:
        # a survey's master: its witness paths walked again, each answering as before
        new = rewalk(engine, old.on, all_paths(old))
        offered = offered_changes(old, engine)
    kind = "paths" if old.complete else "witness paths of the survey"
    print(
        f"checking {folder / MASTER_FILE} (rules {old.version}, {old.on.isoformat()}) "
        f"against the content now (rules {new.version})"
    )
    changed, differences = compare(old, new)
    if offered:
        print(f"FAIL: {len(offered)} answers offered differently (the survey's master):")
        for fact, label, now in offered[:10]:
            shown = "offered now, walked by no witness" if now else "no longer offered"
            print(f"  answer {fact}={label}: {shown}")
    if not changed and not offered:
        print(f"ok: all {new.total:,} {kind} end as before")
        return 0
    if changed:
        print(
            f"FAIL: {count_paths(changed)} changed, appeared or disappeared"
            f"{'' if old.complete else f' (of {old.total:,} witness paths)'}; the first:"
        )
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
