"""Rules on the question graph: questions never asked, a fact asked twice, routes that overlap,
answers no route handles, routes never taken (rules unreachable_question, fact_asked_twice,
route_overlap, unhandled_option, route_never_taken)."""

from __future__ import annotations

from collections.abc import Iterator

from wizard.conditions import TRUE, facts_in
from wizard.content import Content
from wizard.lint.domains import Domains
from wizard.lint.findings import Finding, describe
from wizard.lint.graph_walk import GraphWalk
from wizard.lint.locator import Locator
from wizard.lint.search import search_answers
from wizard.loading import GRAPH_FILE


def graph_findings(
    content: Content, graph: GraphWalk, domains: Domains, where: Locator
) -> Iterator[Finding]:
    yield from _unreachable(content, graph, where)
    for question_id, (earlier, known) in graph.twice.items():
        fact = content.questions[question_id].fact
        on_path = f" (when {describe(known)})" if known else ""
        yield where.finding(
            "fact_asked_twice",
            where.question(question_id, "id"),
            f"question '{question_id}' asks '{fact}' again after question '{earlier}' on the same "
            f"path{on_path}; there it is skipped as already answered; remove one of the two or "
            "put them on separate paths",
        )
    for (question_id, first, later), known in graph.overlaps.items():
        question = content.questions[question_id]
        read = facts_in(question.routes[first].condition or TRUE) | facts_in(
            question.routes[later].condition or TRUE
        )
        shown = {f: v for f, v in known.items() if f in read}
        when = describe(shown) if shown else "anything is answered"
        yield where.finding(
            "route_overlap",
            where.question(question_id, "next", later, "when"),
            f"routes {first + 1} and {later + 1} of question '{question_id}' are both true when "
            f"{when}; the first wins, so route {later + 1} "
            f"(goto {question.routes[later].goto}) never gets that answer; make the conditions "
            "exclusive or merge the routes",
        )
    for question_id, options in graph.unhandled.items():
        question = content.questions[question_id]
        names = ", ".join(str(v) for v in options)
        them = "it" if len(options) == 1 else "them"
        yield where.finding(
            "unhandled_option",
            where.question(question_id, "next"),
            f"question '{question_id}' routes on its answer, but no route handles "
            f"{question.fact} = {names}: {'it falls' if them == 'it' else 'they fall'} through "
            f"to the default route (goto {question.routes[-1].goto}); add a `when` for {them}, "
            f"or make sure the default route is meant for {them}",
        )
    if graph.complete:
        yield from _never_taken(content, graph, domains, where)
    else:
        yield where.finding(
            "unreachable_question",
            where.at(GRAPH_FILE, ("start",)),
            f"the graph has too many paths to explore (over {graph.max_states:,} question "
            "visits): questions never reached and routes never taken were not checked; split "
            "the graph or steer it with fewer facts",
            severity="warning",  # nothing is known to be wrong, only left unchecked
        )


def _unreachable(content: Content, graph: GraphWalk, where: Locator) -> Iterator[Finding]:
    read = set(content.routing_facts)
    if content.need_fact is not None:
        read.add(content.need_fact)
    for incentive in content.incentives.values():
        if incentive.model.kind != "tip":
            for requirement in incentive.requirements:
                read |= facts_in(requirement.condition)
                if requirement.model.dated_by is not None:
                    read.add(requirement.model.dated_by)  # picks the rules' date (docs/ranking.md)
    # a question for several facts is read wherever one of the facts it sets is read
    read |= {
        fact for fact in content.shortcuts if not content.shortcut_targets(fact).isdisjoint(read)
    }
    for question in content.questions.values():
        if question.id in graph.asked:
            if question.fact not in read:
                yield where.finding(
                    "unreachable_question",
                    where.question(question.id, "id"),
                    f"question '{question.id}' is never asked: no requirement, route or ask_when "
                    f"reads '{question.fact}', so its answer cannot change any outcome and the "
                    "wizard always skips it; use the fact in a rule, or remove the question and "
                    "mark the fact `unused: <reason>`",
                )
            continue
        if not graph.complete or question.id in graph.twice:
            continue  # an incomplete exploration proves nothing; asked twice is its own rule
        if question.id in graph.arrived:
            yield where.finding(
                "unreachable_question",
                where.question(question.id, "ask_when"),
                f"question '{question.id}' is never asked: wherever a path reaches it, its "
                f"ask_when `{question.model.ask_when}` is false; correct the ask_when or remove "
                "the question",
            )
            continue
        sources = sorted(
            q.id for q in content.questions.values() if any(r.goto == question.id for r in q.routes)
        )
        yield where.finding(
            "unreachable_question",
            where.question(question.id, "id"),
            f"no answer path reaches question '{question.id}': the routes to it (from "
            f"{', '.join(repr(s) for s in sources)}) are never taken or sit on questions that are "
            "never asked; fix those routes or remove the question",
        )


def _never_taken(
    content: Content, graph: GraphWalk, domains: Domains, where: Locator
) -> Iterator[Finding]:
    for question_id in sorted(graph.arrived, key=list(content.questions).index):
        question = content.questions[question_id]
        for index, route in enumerate(question.routes):
            if route.condition is None or index in graph.taken.get(question_id, set()):
                continue
            unknown_there = sorted(
                facts_in(route.condition) - graph.known_at.get(question_id, set()) - {question.fact}
            )
            if unknown_there:
                names = ", ".join(f"'{f}'" for f in unknown_there)
                why = f"it reads {names}, which no path has answered when it reaches this question"
            elif not any(search_answers([route.condition], domains.values)):
                why = "its condition can never be true"
            else:
                why = "every answer that makes it true is taken by an earlier route"
            yield where.finding(
                "route_never_taken",
                where.question(question_id, "next", index, "when"),
                f"route {index + 1} of question '{question_id}' (`when: "
                f"{question.model.next[index].when}` -> goto {route.goto}) is never taken: {why}; "
                "fix the condition or remove the route",
            )
