"""Golden scenarios: replayable scenario files for the paths of a diagram, with the master."""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Iterator
from pathlib import Path

from wizard.engine import Engine
from wizard.paths.answers import PathSteps, Picked, Range, describe_path, option_label, option_raw
from wizard.paths.compare import count_paths
from wizard.paths.diagram import Diagram, PathsError
from wizard.paths.master import MASTER_FILE, diagram_json
from wizard.paths.outcomes import Outcomes
from wizard.replay import Scenario, ScenarioReport, run_scenario

GOLDEN_PREFIX = "path_"
ONE_FILE_PER_PATH = 20_000
"""Up to this many paths, every path gets its own scenario file; above it, ``golden_paths``."""
GOLDEN_MARK = "# Written by `leerwijzer paths --write-scenarios`"


def _prefixes(diagram: Diagram) -> dict[int, PathSteps]:
    """One path from the root to each node (parents come after their children)."""
    prefixes: dict[int, PathSteps] = {diagram.root: ()}
    for index in range(diagram.root, -1, -1):
        node = diagram.nodes[index]
        for edge in node.edges:
            if edge.to not in prefixes:
                prefixes[edge.to] = (*prefixes[index], (node.fact or "", edge.options[0]))
    return prefixes


def _suffixes(diagram: Diagram) -> list[PathSteps]:
    """One path from each node to the end: always the first edge."""
    suffixes: list[PathSteps] = []
    for node in diagram.nodes:
        first = node.edges[0] if node.edges else None
        suffixes.append(
            () if first is None else ((node.fact or "", first.options[0]), *suffixes[first.to])
        )
    return suffixes


def all_paths(diagram: Diagram) -> Iterator[PathSteps]:
    """Every path, one by one (only sensible for small graphs: see ``Diagram.total``)."""

    def below(index: int) -> Iterator[PathSteps]:
        node = diagram.nodes[index]
        if not node.edges:
            yield ()
        for edge in node.edges:
            for option in edge.options:
                for rest in below(edge.to):
                    yield ((node.fact or "", option), *rest)

    return below(diagram.root)


def golden_paths(diagram: Diagram, outcomes: Outcomes) -> list[PathSteps]:
    """A small set of paths that together reach every verdict any instrument can end with,
    every first recommendation (or "nothing applies"), and that answer every option of every
    question somewhere. The master holds all paths; these are for reading and replaying."""
    chosen: list[PathSteps] = []
    reached: set[Hashable] = set()
    for index, _ in sorted(outcomes.classes.items(), key=lambda item: (-item[1], item[0])):
        outcome = diagram.outcomes[index]
        recommended = outcome.recommended
        features: set[Hashable] = {("verdict", i, s) for i, s in outcome.verdicts}
        features.add(("first", recommended[0] if recommended else None))
        if not features <= reached:
            reached |= features
            chosen.append(outcomes.example(index))
    answered = {(fact, option_label(option)) for path in chosen for fact, option in path}
    prefixes, suffixes = _prefixes(diagram), _suffixes(diagram)
    for index in range(diagram.root, -1, -1):
        node = diagram.nodes[index]
        for edge in node.edges:
            for option in edge.options:
                if (node.fact, option_label(option)) not in answered:
                    path = (*prefixes[index], (node.fact or "", option), *suffixes[edge.to])
                    answered |= {(fact, option_label(o)) for fact, o in path}
                    chosen.append(path)
    return chosen


def _yaml_scalar(value: str | int | list[str]) -> str:
    if isinstance(value, list):
        return _yaml_list(value)
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


def _yaml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_yaml_scalar(v) for v in values) + "]"


def expectation_of(report: ScenarioReport) -> dict[str, object]:
    """Expectations that pin the outcome ``report`` shows: every verdict and the ranking."""
    eligible = sorted(set(report.eligible) - report.tip_ids)
    possibly = set(report.possibly) - report.tip_ids
    expect: dict[str, object] = {}
    if report.recommended:
        expect["recommended_first"] = report.recommended[0]
        expect["recommended_includes"] = list(report.recommended)
    expect["eligible_exactly"] = eligible
    for status in ("possibly", "not_eligible", "not_assessed"):
        listed = sorted(getattr(report, status))
        if listed:
            expect[f"{status}_includes"] = listed
    expect["nothing_applies"] = not report.recommended and not eligible and not possibly
    expect["max_questions"] = len(report.asked)
    return expect


def golden_scenario(
    engine: Engine, diagram: Diagram, outcomes: Outcomes, path: PathSteps, number: int
) -> tuple[str, str]:
    """(file name, YAML text) of one golden scenario, its expectations taken from a real replay."""
    answers = {fact: option_raw(option) for fact, option in path}
    name = f"path {number:04d}"
    scenario = Scenario(name=name, date=diagram.on, answers=answers)
    report = run_scenario(engine, scenario)
    end = diagram.end_of(path)
    if end.outcome is None:
        raise PathsError(f"{describe_path(path)} does not reach the end of the diagram")
    expected_order = diagram.outcomes[end.outcome].recommended
    if (
        not report.passed
        or report.asked != [fact for fact, _ in path]
        or tuple(report.recommended) != expected_order
    ):
        raise PathsError(
            f"replaying {describe_path(path)} gives {report.asked} -> {report.recommended} "
            f"{report.failures}, the diagram says {expected_order}"
        )
    first = report.recommended[0] if report.recommended else "nothing_applies"
    same = outcomes.classes[end.outcome]
    lines = [
        f"{GOLDEN_MARK} (rules {diagram.version}, {diagram.on.isoformat()}); rewrite, do not edit.",
        (
            f"# {count_paths(same)} {'ends' if same == 1 else 'end'} with these verdicts; this is one."
            if diagram.complete
            else "# A witness of the survey: a path that met an answer, verdict, first recommendation"
            " or range edge no path before it met."
        ),
        "# A comment lists the other answers that lead to the same state: any of them gives this",
        "# same outcome.",
        f"name: {_yaml_scalar(f'{name}: {first}')}",
        f"date: {diagram.on.isoformat()}",
        "answers:",
    ]
    node = diagram.nodes[diagram.root]
    for fact, option in path:
        edge = next(e for e in node.edges if option in e.options)
        others = [option_label(o) for o in edge.options if o != option]
        notes = [f"any value in {option.label}"] if isinstance(option, Range) else []
        notes += ["or any set the rules read alike"] if isinstance(option, Picked) else []
        notes += [f"or: {', '.join(others)}"] if others else []
        comment = f"  # {'; '.join(notes)}" if notes else ""
        lines.append(f"  {fact}: {_yaml_scalar(option_raw(option))}{comment}")
        node = diagram.nodes[edge.to]
    lines.append("expect:")
    for field_name, value in expectation_of(report).items():
        if isinstance(value, list):
            shown = _yaml_list(value)
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        else:
            shown = _yaml_scalar(value)  # type: ignore[arg-type]
        lines.append(f"  {field_name}: {shown}")
    return f"{GOLDEN_PREFIX}{number:04d}_{first}.yaml", "\n".join(lines) + "\n"


def written_by_paths(file: Path) -> bool:
    """Whether ``file`` is a scenario that ``write_golden`` wrote (its first line says so)."""
    with file.open(encoding="utf-8", errors="replace") as text:
        return text.readline().startswith(GOLDEN_MARK)


def write_golden(engine: Engine, diagram: Diagram, outcomes: Outcomes, folder: Path) -> int:
    """Write the master and the golden scenarios to ``folder`` (earlier ones are replaced)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{GOLDEN_PREFIX}*.yaml"):
        if written_by_paths(old):
            old.unlink()
    (folder / MASTER_FILE).write_text(diagram_json(diagram), encoding="utf-8")
    if diagram.total <= ONE_FILE_PER_PATH or not diagram.complete:
        paths = list(all_paths(diagram))
    else:
        paths = golden_paths(diagram, outcomes)
    for number, path in enumerate(paths, start=1):
        file_name, text = golden_scenario(engine, diagram, outcomes, path, number)
        (folder / file_name).write_text(text, encoding="utf-8")
    return len(paths)


# --- coverage by scenario files ------------------------------------------------------------------
