"""What ``leerwijzer paths`` prints for a survey: a graph with too many paths to count one by one."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date

from wizard.engine import Engine
from wizard.paths import Survey, option_label
from wizard.paths.diagram import Diagram
from wizard.replay import Scenario


def survey(
    engine: Engine, on: date, scenarios: Sequence[Scenario], walks: int, why: str
) -> Diagram:
    """Run the survey and print what its walks met."""
    started = time.perf_counter()
    run = Survey(engine, on, walks=walks, personas=[s.answers for s in scenarios])
    diagram = run.run()
    seconds = time.perf_counter() - started
    found = run.found
    print(f"Too many paths to count one by one: {why}.")
    print("  (--exhaustive counts every path however long it takes; --budget stops it.)")
    rounds = ", ".join(f"{count:,} {name}" for name, count in found.rounds.items())
    print(
        f"\nSurvey instead: {run.walked:,} walks through the real engine ({rounds}; "
        f"{seconds:.1f} s). These are real paths, not a count of all paths."
    )
    _print_met(run, diagram)
    more = " (--walks N for more)" if found.varied < len(run.witnesses) else ""
    print(
        f"  kept as witnesses: {len(run.witnesses):,} paths (each met something new); every "
        f"answer varied on the first {found.varied:,} of them{more}"
    )
    print(
        f"  answers that decide a verdict on their own: {len(found.flips):,}; "
        f"orders of two recommendations: {len(found.orders):,}"
    )
    counts = found.questions_per_walk
    print(f"  questions per walk: mean {sum(counts) / len(counts):.1f}, max {max(counts)}")
    print(f"  distinct outcomes met: {len(found.outcomes):,}")
    print("\nWalks per first recommendation (a survey, not a count of paths):")
    for first, count in found.firsts.most_common():
        print(f"  {count:>22,}  {first or 'nothing applies'}")
    return diagram


def _print_met(run: Survey, diagram: Diagram) -> None:
    content, answers, found = run.content, run.answers, run.found
    met = diagram.questions()
    questions = sorted(content.questions)
    print(f"  questions met: {len(met)} of {len(questions)}")
    if missed := [q for q in questions if q not in met]:
        print(f"    not met (lint says whether any path can ask them): {', '.join(missed)}")
    offered = [
        (content.questions[q].fact, option_label(o))
        for q in sorted(met)
        for o in answers.options(content.questions[q].fact)
    ]
    given = [o for o in offered if o in found.answers]
    print(f"  answers given, of the questions met: {len(given)} of {len(offered)}")
    if not_given := [f"{fact}={label}" for fact, label in offered if (fact, label) not in given]:
        print(f"    not given: {', '.join(not_given)}")
    statuses: dict[str, list[str]] = {}
    for instrument, status in sorted(found.verdicts):
        statuses.setdefault(instrument, []).append(status)
    print(f"  verdicts met, per instrument ({len(statuses)}):")
    for instrument, seen in statuses.items():
        print(f"    {instrument}: {', '.join(seen)}")
    if found.boundaries:
        edges = sorted(found.boundaries)
        shown = ", ".join(f"{i} at {f} {a} | {b}" for i, f, a, b, _, _ in edges[:8])
        more = f" and {len(edges) - 8} more" if len(edges) > 8 else ""
        print(f"  range edges where a verdict flips: {len(edges)} ({shown}{more})")
