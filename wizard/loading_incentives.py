"""Compiling the incentive files: their conditions and texts, checked against the facts, the need
fact and each other."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wizard.conditions import Condition, FactShape
from wizard.content import CompiledCheck, CompiledIncentive, CompiledRequirement
from wizard.loading_files import FACTS_FILE
from wizard.loading_problems import ProblemCollector
from wizard.model import GraphFile, Incentive
from wizard.problems import Problem


def compile_incentives(
    files: list[tuple[Path, Incentive, Any]],
    graph: GraphFile,
    facts: Mapping[str, Any],
    shapes: Mapping[str, FactShape],
    derived: Mapping[str, Condition],
    problems: list[Problem],
    broken: frozenset[str],
) -> dict[str, CompiledIncentive]:
    compiled: dict[str, CompiledIncentive] = {}
    collectors: dict[str, ProblemCollector] = {}
    need = facts.get(graph.need_fact) if graph.need_fact is not None else None
    need_values = set(need.value_ids()) if need is not None else set()
    for path, incentive, raw in files:
        on_file = ProblemCollector(path, raw, problems, broken)
        if incentive.id != path.stem:
            on_file.add(
                ("id",),
                f"id '{incentive.id}' differs from the file name; rename the file to {incentive.id}.yaml",
            )
        if incentive.id in compiled:
            on_file.add(("id",), f"instrument '{incentive.id}' is defined twice")
            continue
        for need in incentive.serves:
            if graph.need_fact is None:
                on_file.add(("serves",), "serves needs a need_fact in questions/graph.yaml")
            elif need not in need_values:
                on_file.add(
                    ("serves", need), f"'{need}' is not a value of need fact '{graph.need_fact}'"
                )
        requirements = []
        seen: set[str] = set()
        for index, requirement in enumerate(incentive.requires):
            if requirement.id in seen:
                on_file.add(
                    ("requires", index, "id"), f"requirement id '{requirement.id}' is used twice"
                )
            seen.add(requirement.id)
            cond = on_file.condition(("requires", index, "when"), requirement.when, shapes, derived)
            if cond is not None:
                requirements.append(CompiledRequirement(requirement, cond))
            dated_by = requirement.dated_by
            if dated_by is not None and getattr(facts.get(dated_by), "kind", None) != "date":
                on_file.add(
                    ("requires", index, "dated_by"),
                    f"dated_by '{dated_by}' is not a date fact in {FACTS_FILE}; name one",
                )
        texts: dict[str, list[CompiledCheck]] = {}
        keys = ("verify", "next_steps", "summary_dated", "worth_asking", "worth_checking")
        for key in (*keys, "comes_first"):
            texts[key] = []
            for index, text in enumerate(getattr(incentive, key)):
                shown_when = None
                if text.when is not None:
                    shown_when = on_file.condition((key, index, "when"), text.when, shapes, derived)
                    if shown_when is None:
                        continue  # the collector reported why
                texts[key].append(CompiledCheck(text, shown_when))
        compiled[incentive.id] = CompiledIncentive(
            incentive,
            tuple(requirements),
            tuple(texts["verify"]),
            next_steps=tuple(texts["next_steps"]),
            summary_dated=tuple(texts["summary_dated"]),
            worth_asking=tuple(texts["worth_asking"]),
            worth_checking=tuple(texts["worth_checking"]),
            comes_first=tuple(texts["comes_first"]),
        )
        collectors[incentive.id] = on_file
    for incentive_id, item in compiled.items():
        on_file = collectors[incentive_id]
        for index, other in enumerate(item.model.combines_with):
            if other not in compiled:
                on_file.add(
                    ("combines_with", index), f"combines_with names unknown instrument '{other}'"
                )
        for index, exclusion in enumerate(item.model.excludes):
            if exclusion.instrument not in compiled:
                on_file.add(
                    ("excludes", index, "instrument"),
                    f"excludes names unknown instrument '{exclusion.instrument}'",
                )
    return compiled
