"""Files -> validated, cross-checked ``Content``, or a ContentError listing every problem at once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from wizard.conditions import (
    MAX_TREE_DEPTH,
    MAX_TREE_SIZE,
    Condition,
    ConditionError,
    FactShape,
    facts_in,
    measure,
    parse_condition,
)
from wizard.content import (
    CompiledCheck,
    CompiledIncentive,
    CompiledQuestion,
    CompiledRequirement,
    Content,
    Route,
)
from wizard.languages import missing_languages, missing_message
from wizard.model import END, FactsFile, GraphFile, Incentive
from wizard.problems import ContentError, Problem
from wizard.sanitize import first_control, visible
from wizard.sessions import UNKNOWN_ANSWER, Answer, InvalidAnswer, parse_answer
from wizard.yamlio import line_of, read_yaml

M = TypeVar("M", bound=BaseModel)
Loc = tuple[int | str, ...]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
FACTS_FILE = Path("questions") / "facts.yaml"
GRAPH_FILE = Path("questions") / "graph.yaml"
INCENTIVES_DIR = Path("incentives")


class _Collector:
    """Gathers problems for one file, turning a location path into its line."""

    def __init__(
        self, path: Path, raw: Any, problems: list[Problem], quiet: frozenset[str] = frozenset()
    ) -> None:
        self.path = path
        self.raw = raw
        self.problems = problems
        self.quiet = quiet
        """Derived facts already reported broken: a condition naming one adds no second error."""

    def add(self, loc: Loc, message: str) -> None:
        # A message quotes the file (a condition, a value): its control characters are shown
        # as escapes, never sent to the terminal that prints the problem.
        self.problems.append(Problem(self.path, line_of(self.raw, loc), visible(message)))

    def condition(
        self,
        loc: Loc,
        text: str,
        shapes: Mapping[str, FactShape],
        derived: Mapping[str, Condition],
    ) -> Condition | None:
        try:
            cond = parse_condition(text, shapes, derived)
        except ConditionError as exc:
            if exc.unknown_fact not in self.quiet:
                self.add(loc, f"condition `{text}`: {exc}")
            return None
        # Derived facts are filled in where they are read: bound what the engine will walk, so
        # `check` refuses what could not be evaluated quickly (or would overflow the stack).
        depth, size = measure(cond, cap=MAX_TREE_SIZE + 1)
        if depth > MAX_TREE_DEPTH:
            self.add(
                loc,
                f"condition `{text}`: nests {depth} levels deep once its derived facts are filled "
                f"in (at most {MAX_TREE_DEPTH}); let it read the asked facts more directly",
            )
            return None
        if size > MAX_TREE_SIZE:
            self.add(
                loc,
                f"condition `{text}`: has more than {MAX_TREE_SIZE} parts once its derived facts "
                "are filled in (a derived fact counts each time it is read, so chains of them "
                "double); read the asked facts directly or use fewer derived facts in it",
            )
            return None
        return cond


_HINTS = {
    "date_": "write dates as YYYY-MM-DD",
    "datetime_": "write dates as YYYY-MM-DD",
    "string_type": "write it as text (put it in quotes if it looks like a number or true/false)",
    "list_type": "write a list, one item per line starting with '- '",
    "int_": "write a whole number",
    "bool_": "write true or false",
    "literal_error": "use one of the values listed",
    "too_short": "add at least one item",
    "greater_than": "use a larger number",
    "less_than": "use a smaller number",
}


def readable_location(raw: Any, loc: Sequence[int | str]) -> str:
    """Where in a file an error sits, as an author reads it: 1-based items named by their id.

    ``("facts", 1, "values", 3, "id")`` becomes ``facts > item 2 ('role') > values > item 4 > id``.
    """
    parts: list[str] = []
    node: Any = raw
    for step in loc:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            named = isinstance(ident, str) and re.fullmatch(r"[a-z][a-z0-9_]*", ident)
            parts.append(f"item {step + 1}" + (f" ('{ident}')" if named else ""))
            node = item
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return " > ".join(parts)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"


def _as_id(value: str) -> str:
    """A suggestion for a malformed id: lower case, words joined by underscores."""
    words = re.findall(r"[a-z0-9]+", value.lower())
    suggestion = "_".join(words)
    return suggestion if suggestion[:1].isalpha() else f"x_{suggestion}"


def describe_error(error: Mapping[str, Any], raw: Any = None) -> str:
    """One pydantic error as a plain message: where, the offending value and the fix.

    The caller adds ``file:line``. ``raw`` (the file as read) lets the location name items by
    their id instead of pydantic's zero-based internal path.
    """
    loc = list(error["loc"])
    where = readable_location(raw, loc) if loc else "(top level)"
    value = error.get("input")
    kind = error["type"]
    if kind == "extra_forbidden":
        return (
            f"unknown key '{loc[-1]}'; remove it or fix its spelling (see docs/content-format.md)"
        )
    if kind == "missing":
        return f"missing required key '{where}'; add it (see docs/content-format.md)"
    if kind == "string_pattern_mismatch" and "url" in [str(s) for s in loc[-1:]]:
        return f"{where}: {_shown(value)} must be a web address starting with http:// or https://"
    if kind == "string_pattern_mismatch":
        fix = f"; write it as '{_as_id(value)}'" if isinstance(value, str) else ""
        return (
            f"{where}: {_shown(value)} is not an id: ids are lower-case snake_case "
            f"(letters, digits, _), starting with a letter{fix}"
        )
    if kind in ("model_type", "dict_type"):
        return f"{where}: expected a mapping of keys (key: value), not {_shown(value)}"
    message = str(error["msg"]).removeprefix("Value error, ")
    hint = next((h for prefix, h in _HINTS.items() if kind.startswith(prefix)), None)
    if hint is not None:
        message += f"; {hint}"
    if value is not None and not isinstance(value, dict | list) and kind != "value_error":
        where = f"{where} = {_shown(value)}"  # the offending value, as the author typed it
    return f"{where}: {message}" if loc else message


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
    collector = _Collector(relative, raw, problems)
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
    content = _link(root, (models.facts, None), (models.graph, None), incentives, problems)
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
    content = _link(root, facts, graph, incentives, problems)
    if problems or content is None:
        raise ContentError(problems)
    models = ContentModels(facts[0], graph[0], tuple((p, i) for p, i, _ in incentives))
    return content, models


def _link(
    root: Path,
    facts_loaded: tuple[FactsFile, Any],
    graph_loaded: tuple[GraphFile, Any],
    incentive_files: list[tuple[Path, Incentive, Any]],
    problems: list[Problem],
) -> Content | None:
    facts_file, facts_raw = facts_loaded
    graph, graph_raw = graph_loaded
    on_facts = _Collector(FACTS_FILE, facts_raw, problems)
    on_graph = _Collector(GRAPH_FILE, graph_raw, problems)

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
    derived = _derive(facts_file, shapes, on_facts)
    broken = frozenset(d.id for d in facts_file.derived) - set(derived)
    on_graph.quiet = broken

    questions = _compile_questions(graph, shapes, derived, facts, on_graph)
    _check_graph(graph, questions, on_graph)
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

    _check_fact_use(facts_file, questions, on_facts)
    if_not_asked = _if_not_asked(facts_file, on_facts)
    incentives = _compile_incentives(
        incentive_files, graph, facts, shapes, derived, problems, broken
    )
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
        result_mode=graph.result_mode,
    )


def _if_not_asked(facts_file: FactsFile, on_facts: _Collector) -> dict[str, Answer]:
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


def _check_languages(
    graph: GraphFile,
    collectors: list[_Collector],
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
    checks: list[tuple[_Collector, BaseModel]] = [(on_facts, facts_file), (on_graph, graph)]
    checks += [(_Collector(path, raw, problems), model) for path, model, raw in incentive_files]
    for collector, model in checks:
        for loc, lang in missing_languages(model, collector.raw, languages):
            where = readable_location(collector.raw, loc)
            collector.add(loc, f"{where}: {missing_message(lang, languages)}")


MAX_DERIVED_CHAIN = 32
"""How many derived facts may build on each other in a row."""


def _derive(
    facts_file: FactsFile, shapes: Mapping[str, FactShape], on_facts: _Collector
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
    on_derived = _Collector(on_facts.path, on_facts.raw, on_facts.problems, frozenset(pending))

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


def _compile_questions(
    graph: GraphFile,
    shapes: Mapping[str, FactShape],
    derived: Mapping[str, Condition],
    facts: Mapping[str, Any],
    on_graph: _Collector,
) -> dict[str, CompiledQuestion]:
    questions: dict[str, CompiledQuestion] = {}
    for index, question in enumerate(graph.questions):
        loc: Loc = ("questions", index)
        if question.id in questions or question.id == END:
            on_graph.add(
                (*loc, "id"),
                f"question id '{question.id}' is used twice (or is reserved); rename one",
            )
            continue
        if question.fact not in facts:
            hint = (
                "it is a derived fact, which is never asked"
                if question.fact in derived
                else f"declare it in {FACTS_FILE}"
            )
            on_graph.add(
                (*loc, "fact"),
                f"question '{question.id}' asks unknown fact '{question.fact}'; {hint}",
            )
        ask_when = None
        if question.ask_when is not None:
            ask_when = on_graph.condition((*loc, "ask_when"), question.ask_when, shapes, derived)
        routes = []
        for r_index, route in enumerate(question.next):
            r_loc: Loc = (*loc, "next", r_index)
            is_last = r_index == len(question.next) - 1
            cond = None
            if route.when is not None:
                cond = on_graph.condition((*r_loc, "when"), route.when, shapes, derived)
                if is_last:
                    on_graph.add(
                        r_loc,
                        f"question '{question.id}' has no default route; end `next` with a route without `when`",
                    )
            elif not is_last:
                on_graph.add(
                    r_loc,
                    f"question '{question.id}': only the last route may omit `when`; routes after it are never taken",
                )
            routes.append(Route(cond, route.goto))
        questions[question.id] = CompiledQuestion(question, ask_when, tuple(routes))
    return questions


def _check_graph(
    graph: GraphFile, questions: Mapping[str, CompiledQuestion], on_graph: _Collector
) -> None:
    index_of = {q.id: i for i, q in enumerate(graph.questions)}
    for question in questions.values():
        for r_index, route in enumerate(question.routes):
            if route.goto != END and route.goto not in questions:
                on_graph.add(
                    ("questions", index_of[question.id], "next", r_index, "goto"),
                    f"goto '{route.goto}' is not a question; use an existing id or 'end'",
                )
    if graph.start not in questions:
        on_graph.add(("start",), f"start '{graph.start}' is not a question id")
        return
    # Depth-first walk from start: finds cycles (grey nodes seen again) and what is reachable.
    colour: dict[str, int] = {}
    stack: list[tuple[str, int]] = [(graph.start, 0)]
    colour[graph.start] = 1
    while stack:
        node, next_route = stack.pop()
        routes = questions[node].routes
        if next_route < len(routes):
            stack.append((node, next_route + 1))
            target = routes[next_route].goto
            if target not in questions:
                continue
            if colour.get(target) == 1:
                on_graph.add(
                    ("questions", index_of[node], "next", next_route, "goto"),
                    f"route from '{node}' to '{target}' closes a cycle; the graph must only go forward",
                )
            elif target not in colour:
                colour[target] = 1
                stack.append((target, 0))
        else:
            colour[node] = 2
    for question_id in questions:
        if question_id not in colour:
            on_graph.add(
                ("questions", index_of[question_id], "id"),
                f"question '{question_id}' is unreachable from start '{graph.start}'; route to it or remove it",
            )


def _check_fact_use(
    facts_file: FactsFile, questions: Mapping[str, CompiledQuestion], on_facts: _Collector
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


def _compile_incentives(
    files: list[tuple[Path, Incentive, Any]],
    graph: GraphFile,
    facts: Mapping[str, Any],
    shapes: Mapping[str, FactShape],
    derived: Mapping[str, Condition],
    problems: list[Problem],
    broken: frozenset[str],
) -> dict[str, CompiledIncentive]:
    compiled: dict[str, CompiledIncentive] = {}
    collectors: dict[str, _Collector] = {}
    need = facts.get(graph.need_fact) if graph.need_fact is not None else None
    need_values = set(need.value_ids()) if need is not None else set()
    for path, incentive, raw in files:
        on_file = _Collector(path, raw, problems, broken)
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


def _fingerprint(root: Path, files: list[Path]) -> str:
    digest = hashlib.sha256()
    for relative in sorted(files):
        digest.update(str(relative).encode())
        digest.update((root / relative).read_bytes())
    return digest.hexdigest()[:12]
