"""Compiling graph.yaml's questions and checking the graph: routes, a start, no cycles, nothing
unreachable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wizard.conditions import Condition, FactShape
from wizard.content import CompiledQuestion, Route
from wizard.loading_files import FACTS_FILE
from wizard.loading_problems import Loc, ProblemCollector
from wizard.model import END, GraphFile


def compile_questions(
    graph: GraphFile,
    shapes: Mapping[str, FactShape],
    derived: Mapping[str, Condition],
    facts: Mapping[str, Any],
    on_graph: ProblemCollector,
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


def check_graph(
    graph: GraphFile, questions: Mapping[str, CompiledQuestion], on_graph: ProblemCollector
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
