"""Files -> validated, cross-checked ``Content``, or a ContentError listing every problem at once.

This module reads and validates each file (what the content cache keeps, so its bytes are part
of the cache's key); loading_link compiles and cross-checks them. The names other modules use
from the loading modules are all importable from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from wizard.content import Content
from wizard.loading_facts import MAX_DERIVED_CHAIN
from wizard.loading_files import FACTS_FILE, GRAPH_FILE, INCENTIVES_DIR
from wizard.loading_link import link
from wizard.loading_problems import Loc, ProblemCollector, describe_error, readable_location
from wizard.model import FactsFile, GraphFile, Incentive
from wizard.problems import ContentError, Problem
from wizard.sanitize import first_control, visible
from wizard.yamlio import read_yaml

__all__ = [
    "FACTS_FILE",
    "GRAPH_FILE",
    "INCENTIVES_DIR",
    "MAX_DERIVED_CHAIN",
    "ContentModels",
    "describe_error",
    "link_models",
    "load_content",
    "load_content_models",
    "readable_location",
]

M = TypeVar("M", bound=BaseModel)


def _validate(
    root: Path, relative: Path, model: type[M], problems: list[Problem]
) -> tuple[M, Any] | None:
    path = root / relative
    if not path.is_file():
        problems.append(Problem(relative, 0, f"file is missing; create {relative}"))
        return None
    try:
        raw = read_yaml(path)
    except ContentError as exc:
        problems.extend(_relative(p, root) for p in exc.problems)
        return None
    collector = ProblemCollector(relative, raw, problems)
    if not isinstance(raw, dict):
        collector.add((), "expected a mapping of keys at the top of the file")
        return None
    for loc, char in _control_characters(raw):
        collector.add(
            loc,
            f"the text holds the control character {visible(char)}; remove it (an escape "
            "sequence in a text would drive the terminal that shows it)",
        )
    try:
        return model.model_validate(raw), raw
    except ValidationError as exc:
        for error in exc.errors():
            collector.add(tuple(error["loc"]), describe_error(error, raw))
        return None


def _control_characters(raw: Any) -> list[tuple[Loc, str]]:
    """Where a text of the file holds a control character (new lines and tabs are text)."""
    found: list[tuple[Loc, str]] = []
    todo: list[tuple[Loc, Any]] = [((), raw)]
    while todo:
        loc, node = todo.pop()
        if isinstance(node, str):
            bad = first_control(node)
            if bad is not None:
                found.append((loc, bad))
        elif isinstance(node, dict):
            todo.extend(((*loc, str(key)), value) for key, value in node.items())
        elif isinstance(node, list):
            todo.extend(((*loc, index), value) for index, value in enumerate(node))
    return sorted(found, key=lambda item: [str(step) for step in item[0]])


def _relative(problem: Problem, root: Path) -> Problem:
    try:
        return Problem(problem.path.relative_to(root), problem.line, problem.message)
    except ValueError:
        return problem


@dataclass(frozen=True)
class ContentModels:
    """The validated files before they are linked: what the content cache keeps, as JSON."""

    facts: FactsFile
    graph: GraphFile
    incentives: tuple[tuple[Path, Incentive], ...]


def load_content(root: Path) -> Content:
    """Load ``root/questions`` and ``root/incentives``; raise ContentError with every problem."""
    return load_content_models(root)[0]


def link_models(root: Path, models: ContentModels) -> Content:
    """Content from files validated before (the cache); ContentError as load_content, but
    without line numbers: a caller that meets one loads from the files instead."""
    problems: list[Problem] = []
    incentives = [(path, incentive, None) for path, incentive in models.incentives]
    content = link(root, (models.facts, None), (models.graph, None), incentives, problems)
    if problems or content is None:
        raise ContentError(problems)
    return content


def load_content_models(root: Path) -> tuple[Content, ContentModels]:
    """load_content, and the validated models it was built from."""
    problems: list[Problem] = []
    facts = _validate(root, FACTS_FILE, FactsFile, problems)
    graph = _validate(root, GRAPH_FILE, GraphFile, problems)
    incentives: list[tuple[Path, Incentive, Any]] = []
    incentive_dir = root / INCENTIVES_DIR
    if not incentive_dir.is_dir():
        problems.append(
            Problem(INCENTIVES_DIR, 0, "folder is missing; create it with one file per instrument")
        )
    else:
        for path in sorted(incentive_dir.glob("*.yaml")):
            relative = path.relative_to(root)
            loaded = _validate(root, relative, Incentive, problems)
            if loaded is not None:
                incentives.append((relative, *loaded))
    if facts is None or graph is None:
        raise ContentError(problems)
    content = link(root, facts, graph, incentives, problems)
    if problems or content is None:
        raise ContentError(problems)
    models = ContentModels(facts[0], graph[0], tuple((p, i) for p, i, _ in incentives))
    return content, models
