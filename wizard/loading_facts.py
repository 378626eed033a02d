"""Compiling facts.yaml: derived facts in dependency order, each fact's if_not_asked, and
whether every fact is asked."""

from __future__ import annotations

import re
from collections.abc import Mapping

from wizard.conditions import Condition, FactShape, facts_in
from wizard.content import CompiledQuestion, OptionSets
from wizard.loading_problems import ProblemCollector
from wizard.model import Fact, FactsFile
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


def shortcut_answers(
    facts_file: FactsFile, questions: Mapping[str, CompiledQuestion], on_facts: ProblemCollector
) -> dict[str, OptionSets]:
    """Per fact whose options ``set`` other facts, per option, the answers it gives them.

    Such a fact is one question for several facts; its options without ``sets`` stand for every
    other case, after which each fact's own question is asked (so each needs one)."""
    facts = {fact.id: fact for fact in facts_file.facts}
    asked = {q.fact for q in questions.values()}
    setters = {
        f.id for f in facts_file.facts if f.kind == "choice" and any(v.sets for v in f.values)
    }
    found: dict[str, OptionSets] = {}
    for index, fact in enumerate(facts_file.facts):
        if not any(value.sets for value in fact.values):
            continue
        options: dict[str, dict[str, Answer]] = {}
        for number, value in enumerate(fact.values):
            where = ("facts", index, "values", number, "sets")
            if value.sets and fact.kind != "choice":
                on_facts.add(
                    where,
                    f"option '{value.id}' of {fact.kind} fact '{fact.id}' has `sets`: only an "
                    "option of a choice fact can answer other facts; make the fact a choice",
                )
                continue
            given: dict[str, Answer] = {}
            for target, raw in value.sets.items():
                problem = _sets_problem(fact.id, target, facts, asked, setters)
                if problem is None and raw == UNKNOWN_ANSWER:
                    problem = f"{target}: 'weet_niet'; an option gives a value: name one"
                elif problem is None:
                    try:
                        given[target] = parse_answer(facts[target], raw)
                        continue
                    except InvalidAnswer as exc:
                        problem = f"{target}: {raw!r}: {exc.reason.en}"
                on_facts.add(where, f"option '{value.id}' of fact '{fact.id}' sets {problem}")
            if given:
                options[value.id] = given
        if fact.id not in setters:
            continue  # reported above: only a choice fact answers other facts
        targets = {target for value in fact.values for target in value.sets}
        if all(value.sets for value in fact.values):
            on_facts.add(
                ("facts", index, "values"),
                f"every option of fact '{fact.id}' has `sets`: add an option without `sets` for "
                "every other case (then each fact's own question is asked)",
            )
        elif len(targets) < 2:
            on_facts.add(
                ("facts", index, "values"),
                f"the options of fact '{fact.id}' set {len(targets)} fact(s): a question for "
                "several facts sets at least two (the wizard asks it only while two are open); "
                "ask the fact itself instead",
            )
        found[fact.id] = options
    return found


def _sets_problem(
    source: str,
    target: str,
    facts: Mapping[str, Fact],
    asked: set[str],
    setters: set[str],
) -> str | None:
    if target not in facts:
        return f"'{target}', which is not a fact in facts.yaml; name a fact it defines"
    if target == source or target in setters:
        return (
            f"'{target}', itself a question for several facts; set only facts that have a "
            "question of their own"
        )
    if target not in asked:
        return f"'{target}', which no question asks; the option for every other case needs it"
    if facts[target].if_not_asked is not None:
        return (
            f"'{target}', which has if_not_asked: its default and this option would both "
            "decide it; remove one of them"
        )
    return None


def check_shortcuts_unread(
    facts_file: FactsFile,
    shortcuts: Mapping[str, OptionSets],
    readers: Mapping[str, Condition | None],
    need_fact: str | None,
    on_facts: ProblemCollector,
) -> None:
    """No condition, default or need reads a question for several facts: the skip rule counts
    only the facts it sets, so a condition on its own answer would read a question it skipped."""
    for index, fact in enumerate(facts_file.facts):
        if fact.id not in shortcuts:
            continue
        sets = ", ".join(sorted({t for given in shortcuts[fact.id].values() for t in given}))
        if fact.if_not_asked is not None:
            on_facts.add(
                ("facts", index, "if_not_asked"),
                f"fact '{fact.id}' is a question for several facts and has if_not_asked; "
                "remove it (its facts' own questions ask them when it is skipped)",
            )
        where = sorted(
            name
            for name, condition in readers.items()
            if condition is not None and fact.id in facts_in(condition)
        )
        if fact.id == need_fact:
            where.insert(0, "need_fact")
        if where:
            on_facts.add(
                ("facts", index, "id"),
                f"fact '{fact.id}' is a question for several facts, but {', '.join(where)} "
                f"read(s) it; read the facts it sets ({sets}) instead",
            )
