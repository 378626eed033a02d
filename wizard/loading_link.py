"""Validated files -> ``Content``: the facts, the questions and the incentives compiled, and the
checks across files (the need fact, the languages every text must have)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wizard.conditions import Condition, FactShape, facts_in
from wizard.content import CompiledIncentive, CompiledQuestion, Content
from wizard.languages import missing_languages, missing_message
from wizard.loading_facts import (
    check_fact_use,
    check_shortcuts_unread,
    derive,
    if_not_asked_defaults,
    shortcut_answers,
)
from wizard.loading_files import FACTS_FILE, GRAPH_FILE
from wizard.loading_graph import check_graph, compile_questions
from wizard.loading_incentives import compile_incentives
from wizard.loading_problems import ProblemCollector, readable_location
from wizard.model import FactsFile, GraphFile, Incentive
from wizard.problems import Problem
from wizard.sessions import UNKNOWN_ANSWER


def link(
    root: Path,
    facts_loaded: tuple[FactsFile, Any],
    graph_loaded: tuple[GraphFile, Any],
    incentive_files: list[tuple[Path, Incentive, Any]],
    problems: list[Problem],
) -> Content | None:
    """The files' models compiled and checked against each other; None once a problem is found
    (each one added to ``problems``). A raw file (for line numbers) may be None: from the cache."""
    facts_file, facts_raw = facts_loaded
    graph, graph_raw = graph_loaded
    on_facts = ProblemCollector(FACTS_FILE, facts_raw, problems)
    on_graph = ProblemCollector(GRAPH_FILE, graph_raw, problems)

    facts = {}
    for index, fact in enumerate(facts_file.facts):
        if fact.id in facts:
            on_facts.add(("facts", index, "id"), f"fact '{fact.id}' is declared twice; keep one")
            continue
        facts[fact.id] = fact
    shapes = {
        f.id: FactShape(
            f.kind,
            frozenset(f.value_ids()),
            yes=f.value_ids()[0] if f.kind == "yes_no" else "ja",
            may_be_unknown=f.offer_unknown or f.optional or UNKNOWN_ANSWER in f.value_ids(),
        )
        for f in facts.values()
    }
    derived = derive(facts_file, shapes, on_facts)
    broken = frozenset(d.id for d in facts_file.derived) - set(derived)
    on_graph.quiet = broken

    questions = compile_questions(graph, shapes, derived, facts, on_graph)
    check_graph(graph, questions, on_graph)
    if graph.pursue_min_fit and graph.need_fact is None:
        on_graph.add(("pursue_min_fit",), "pursue_min_fit needs a need_fact; add one or remove it")
    if graph.need_fact is not None and graph.need_fact not in facts:
        on_graph.add(("need_fact",), f"need_fact '{graph.need_fact}' is not a fact in {FACTS_FILE}")
    elif graph.need_fact is not None and facts[graph.need_fact].kind == "multi_choice":
        on_graph.add(
            ("need_fact",),
            f"need_fact '{graph.need_fact}' is a multi_choice fact; the need is one answer: make "
            "it a choice fact (or rank without a need_fact)",
        )

    check_fact_use(facts_file, questions, on_facts)
    if_not_asked = if_not_asked_defaults(facts_file, on_facts)
    shortcuts = shortcut_answers(facts_file, questions, on_facts)
    incentives = compile_incentives(
        incentive_files, graph, facts, shapes, derived, problems, broken
    )
    if shortcuts:
        readers = _condition_readers(questions, incentives, derived)
        check_shortcuts_unread(facts_file, shortcuts, readers, graph.need_fact, on_facts)
    _check_languages(graph, [on_facts, on_graph], facts_file, incentive_files, problems)
    if problems:
        return None
    routing: set[str] = set()
    for question in questions.values():
        conditions = [question.ask_when, *(r.condition for r in question.routes)]
        for cond in conditions:
            if cond is not None:
                routing |= facts_in(cond)
    return Content(
        root=root,
        version=graph.version,
        fingerprint=_fingerprint(
            root, [FACTS_FILE, GRAPH_FILE, *(p for p, _, _ in incentive_files)]
        ),
        start=graph.start,
        need_fact=graph.need_fact,
        pursue_min_fit=graph.pursue_min_fit,
        referral=graph.referral,
        facts=facts,
        derived={d.id: d for d in facts_file.derived},
        questions=questions,
        incentives=incentives,
        routing_facts=frozenset(routing),
        rules_checked_on=graph.rules_checked_on,
        languages=tuple(dict.fromkeys(graph.languages)),
        if_not_asked=if_not_asked,
        shortcuts=shortcuts,
        result_mode=graph.result_mode,
    )


def _condition_readers(
    questions: Mapping[str, CompiledQuestion],
    incentives: Mapping[str, CompiledIncentive],
    derived: Mapping[str, Condition],
) -> dict[str, Condition | None]:
    """Every condition of the content, named as an author finds it."""
    readers: dict[str, Condition | None] = {f"derived fact '{d}'": c for d, c in derived.items()}
    for question in questions.values():
        readers[f"the ask_when of question '{question.id}'"] = question.ask_when
        for number, route in enumerate(question.routes, start=1):
            readers[f"route {number} of question '{question.id}'"] = route.condition
    for incentive in incentives.values():
        read = [r.condition for r in incentive.requirements] + incentive.text_conditions()
        for number, condition in enumerate(read, start=1):
            readers[f"condition {number} of instrument '{incentive.id}'"] = condition
    return readers


def _check_languages(
    graph: GraphFile,
    collectors: list[ProblemCollector],
    facts_file: FactsFile,
    incentive_files: list[tuple[Path, Incentive, Any]],
    problems: list[Problem],
) -> None:
    """Every text has each language graph.yaml declares (``languages``, default nl and en)."""
    on_facts, on_graph = collectors
    languages = graph.languages
    for index, lang in enumerate(languages):
        if lang in languages[:index]:
            on_graph.add(("languages", index), f"language '{lang}' is listed twice; keep one")
    checks: list[tuple[ProblemCollector, BaseModel]] = [(on_facts, facts_file), (on_graph, graph)]
    checks += [
        (ProblemCollector(path, raw, problems), model) for path, model, raw in incentive_files
    ]
    for collector, model in checks:
        for loc, lang in missing_languages(model, collector.raw, languages):
            where = readable_location(collector.raw, loc)
            collector.add(loc, f"{where}: {missing_message(lang, languages)}")


def _fingerprint(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for relative in sorted(files):
        digest.update(str(relative).encode())
        digest.update((root / relative).read_bytes())
    return digest.hexdigest()[:12]
