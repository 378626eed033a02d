"""Compiling facts.yaml: derived facts in dependency order, each fact's if_not_asked, and
whether every fact is asked."""

from __future__ import annotations

import re
from collections.abc import Mapping

from wizard.conditions import Condition, FactShape
from wizard.content import CompiledQuestion
from wizard.loading_problems import ProblemCollector
from wizard.model import FactsFile
from wizard.sessions import UNKNOWN_ANSWER, Answer, InvalidAnswer, parse_answer

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

MAX_DERIVED_CHAIN = 32
"""How many derived facts may build on each other in a row."""


def derive(
    facts_file: FactsFile, shapes: Mapping[str, FactShape], on_facts: ProblemCollector
) -> dict[str, Condition]:
    """Parse derived facts in dependency order, so each may use those before or after it."""
    pending = {d.id: (index, d) for index, d in enumerate(facts_file.derived)}
    done: dict[str, Condition] = {}
    for derived_id, (index, _) in pending.items():
        if derived_id in shapes:
            on_facts.add(
                ("derived", index, "id"), f"'{derived_id}' is both a fact and a derived fact"
            )
    visiting: list[str] = []
    too_deep: set[str] = set()
    on_derived = ProblemCollector(
        on_facts.path, on_facts.raw, on_facts.problems, frozenset(pending)
    )

    def resolve(name: str) -> None:
        if name in done or name in too_deep or name not in pending:
            return
        index, derived = pending[name]
        if len(visiting) >= MAX_DERIVED_CHAIN:  # before Python's own recursion limit is near
            chain = f"{visiting[0]} -> ... -> {visiting[-1]} -> {name}"
            on_facts.add(
                ("derived", index, "when"),
                f"derived fact '{name}' is reached through more than {MAX_DERIVED_CHAIN} derived "
                f"facts in a row ({chain}); let them read the asked facts more directly",
            )
            too_deep.add(name)
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            on_facts.add(
                ("derived", index, "when"),
                f"derived facts depend on each other in a cycle: {cycle}",
            )
            return
        visiting.append(name)
        words = set(_WORD.findall(derived.when)) - {name}
        for word in words:
            resolve(word)
        visiting.pop()
        if any(word in pending and word not in done for word in words):
            return  # it reads a derived fact already reported broken: no second error
        cond = on_derived.condition(("derived", index, "when"), derived.when, shapes, done)
        if cond is not None:
            done[name] = cond

    for name in pending:
        resolve(name)
    return done


def if_not_asked_defaults(facts_file: FactsFile, on_facts: ProblemCollector) -> dict[str, Answer]:
    """Each fact's ``if_not_asked``, checked as an answer to it (never "weet ik niet")."""
    defaults: dict[str, Answer] = {}
    for index, fact in enumerate(facts_file.facts):
        raw = fact.if_not_asked
        if raw is None:
            continue
        where = ("facts", index, "if_not_asked")
        if raw == UNKNOWN_ANSWER:
            on_facts.add(
                where,
                f"if_not_asked of fact '{fact.id}' is 'weet_niet': a fact that is not asked is "
                "unknown already; remove if_not_asked or give a value",
            )
            continue
        try:
            defaults[fact.id] = parse_answer(fact, raw)
        except InvalidAnswer as exc:
            on_facts.add(where, f"if_not_asked of fact '{fact.id}' = {raw!r}: {exc.reason.en}")
    return defaults


def check_fact_use(
    facts_file: FactsFile, questions: Mapping[str, CompiledQuestion], on_facts: ProblemCollector
) -> None:
    """Every fact is asked by some question, or says why not; a fact marked unused is not asked."""
    asked = {q.fact for q in questions.values()}
    for index, fact in enumerate(facts_file.facts):
        if fact.id not in asked and fact.unused is None:
            on_facts.add(
                ("facts", index, "id"),
                f"fact '{fact.id}' is asked by no question; add a question for it or mark it "
                "`unused: <reason>`",
            )
        elif fact.id in asked and fact.unused is not None:
            on_facts.add(
                ("facts", index, "unused"),
                f"fact '{fact.id}' is marked unused but a question asks it; remove `unused`",
            )
