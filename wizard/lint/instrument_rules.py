"""Instruments: eligible on the date, reachable without "weet ik niet", no dead ends (rules
never_eligible, only_via_weet_niet, dead_end).

Each check searches the answers an instrument reads, then confirms each claim with the real
engine, so a finding names a path the wizard really takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, combinations, islice

from wizard.conditions import FALSE, UNKNOWN, Condition, Unknown, facts_in
from wizard.content import CompiledIncentive, CompiledRequirement, Content
from wizard.engine import Engine, Walk
from wizard.lint.domains import Domains
from wizard.lint.findings import Finding, describe
from wizard.lint.graph_walk import GraphWalk
from wizard.lint.locator import Loc, Locator
from wizard.lint.search import Judge, Values, most_read_first, search_answers
from wizard.matching import Result, Verdict, is_pursued, outstanding_facts
from wizard.replay import shortcut_option
from wizard.sessions import Answer, Session

MAX_ASSIGNMENTS = 50
"""Answer sets an instrument check hands to the engine before it concludes."""
MAX_WALKS = 400
"""Engine walks one confirmation may take (it branches only on routing facts and the need)."""
QUICK_WALKS = 25
"""Walks of a first, cheap try at confirming eligibility: the other answers in their plain order.
Most instruments are met within a few walks; only when that try fails does the full search
(the answers that keep the most open first, up to MAX_WALKS walks) run, as before."""


Want = Callable[[Verdict, Walk], bool]


def _is_eligible(verdict: Verdict, walk: Walk) -> bool:
    return verdict.status == "eligible"


class InstrumentChecks:
    """Search the answers an instrument reads, then confirm each claim with the real engine."""

    def __init__(self, content: Content, on: date, domains: Domains, where: Locator) -> None:
        self.content = content
        self.on = on
        self.domains = domains
        self.where = where
        self.engine = Engine(content)
        self.open_after: dict[frozenset[tuple[str, Answer]], int] = {}
        self.results: dict[tuple[frozenset[tuple[str, Answer]], bool], Result] = {}
        """The engine's result at the end of each walk the checks made (walks repeat)."""
        self.seen_eligible: set[str] = set()
        """Instruments the engine found eligible at the end of some walk without "weet ik niet"."""
        self.steering = set(content.routing_facts)
        if content.need_fact is not None:
            self.steering.add(content.need_fact)

    def run(self, graph: GraphWalk) -> Iterator[Finding]:
        for incentive in self.content.incentives.values():
            requirements = self.in_force(incentive)
            if requirements is None:
                continue
            yield from self.eligibility(incentive, requirements)
            if incentive.model.kind != "tip":  # a tip never makes the wizard ask anything
                yield from self.dead_ends(incentive, requirements, graph)

    def in_force(self, incentive: CompiledIncentive) -> list[CompiledRequirement] | None:
        """The requirements in force on the date; None when nobody can qualify on purpose."""
        if not incentive.model.in_force(self.on) or incentive.model.announced is not None:
            return None  # an announced measure is never eligible on purpose (docs/ranking.md)
        requirements = [r for r in incentive.requirements if r.model.in_force(self.on)]
        if any(r.condition == FALSE for r in requirements):
            return None  # `when: false`: an ended or only announced instrument, said outright
        return requirements

    def values_for(self, incentive: CompiledIncentive) -> Values:
        serves = incentive.model.serves

        def values(fact: str) -> Sequence[Answer]:
            answers = self.domains.values(fact)
            if fact != self.content.need_fact:
                return answers
            # the needs it serves best first: there it is pursued
            return sorted(answers, key=lambda need: -serves.get(str(need), 0))

        return values

    # eligibility

    def eligibility(
        self, incentive: CompiledIncentive, requirements: list[CompiledRequirement]
    ) -> Iterator[Finding]:
        if incentive.id in self.seen_eligible:
            return  # a walk of an earlier check already ended with it eligible: confirmed
        values = self.values_for(incentive)
        conditions = [r.condition for r in requirements]
        # answer sets are searched one at a time: most instruments are confirmed on the first
        hits = search_answers(conditions, values)
        first = next(hits, None)
        if first is None:
            yield self.conflict(incentive, requirements, values)
            return
        for answers in chain([first], islice(hits, MAX_ASSIGNMENTS - 1)):
            quick = self.confirm(
                incentive, answers, _is_eligible, False, ordered=False, max_walks=QUICK_WALKS
            )
            if quick or self.confirm(incentive, answers, _is_eligible, unknown_elsewhere=False):
                return

        # "Weet ik niet" also steers (an undecided route is not taken, an undecided ask_when
        # asks): try it first, on the instrument's own facts too, where it leaves them true.
        def unknown_first(fact: str) -> Sequence[Answer]:
            unknown = [UNKNOWN] if self.domains.may_be_unknown(fact) else []
            return [*unknown, *values(fact)]

        for answers in islice(search_answers(conditions, unknown_first), MAX_ASSIGNMENTS):
            session = self.confirm(incentive, answers, _is_eligible, unknown_elsewhere=True)
            if session is not None:
                yield self.only_via_unknown(incentive, session)
                return
        yield self.not_reached(incentive, first)

    def conflict(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        values: Values,
    ) -> Finding:
        loc: Loc = ("id",)
        why = "its requirements never all hold together"
        index_of = {r.model.id: i for i, r in enumerate(incentive.requirements)}
        singles = [r for r in requirements if not any(search_answers([r.condition], values))]
        pairs = [
            (a, b)
            for a, b in combinations(requirements, 2)
            if not any(search_answers([a.condition, b.condition], values))
        ]
        if singles:
            one = singles[0]
            loc = ("requires", index_of[one.model.id], "when")
            why = f"requirement '{one.model.id}' (`{one.model.when}`) holds for no answer"
        elif pairs:
            a, b = pairs[0]
            loc = ("requires", index_of[b.model.id], "when")
            why = f"requirements '{a.model.id}' and '{b.model.id}' never hold together"
        return self.where.finding(
            "never_eligible",
            self.where.incentive(incentive.id, *loc),
            f"'{incentive.id}' can never be eligible on {self.on}: {why}; fix the conditions "
            "(to end an instrument on purpose, give it valid_until or a dated `when: false` "
            "requirement)",
        )

    def only_via_unknown(self, incentive: CompiledIncentive, session: Session) -> Finding:
        unknown = [f for f, v in session.answers if isinstance(v, Unknown)]
        steering = [f for f in unknown if f in self.steering] or unknown
        question = next(q for q in self.content.questions.values() if q.fact == steering[0])
        names = " or ".join(f"'{f}'" for f in steering)
        path = {f: v for f, v in session.answers if f in self.steering}
        return self.where.finding(
            "only_via_weet_niet",
            self.where.question(question.id, "next"),
            f"'{incentive.id}' can only be eligible on a path where {names} is answered "
            f"'weet ik niet' (such as {describe(path)}): whoever knows the answer never gets there; "
            f"fix the routes of question '{question.id}' so that a known answer leads there too",
        )

    def not_reached(self, incentive: CompiledIncentive, answers: dict[str, Answer]) -> Finding:
        session = self.engine.start(self.on)
        walk = self.engine.walk(session)
        while walk.current is not None:
            answer = self.answers(walk, incentive, answers, unknown_elsewhere=False)[0]
            session = session.with_answer(walk.current.fact, answer)
            walk = self.engine.walk(session)
        reads = set().union(*(facts_in(r.condition) for r in incentive.requirements))
        shown = {f: v for f, v in answers.items() if f in reads}
        never = [f for f in shown if f not in walk.known]
        them = "it" if len(never) == 1 else "them"
        gap = (
            f"the wizard never asks {', '.join(repr(f) for f in never)} on those paths; ask "
            f"{them} there (check the ask_when of the questions and the routes to them)"
            if never
            else f"no path the lint tried gets there ({MAX_WALKS} walks per answer set)"
        )
        return self.where.finding(
            "never_eligible",
            self.where.incentive(incentive.id, "id"),
            f"'{incentive.id}' meets every requirement on {self.on} when {describe(shown)}, "
            f"but no answer path gets there: {gap}",
        )

    # dead ends

    def dead_ends(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        graph: GraphWalk,
    ) -> Iterator[Finding]:
        """Per path: can the questions end with a verdict hanging on a fact the path never asks?

        The search answers the facts the path asks (the need first: it decides what is pursued)
        with the path's own steering answers fixed; the engine confirms each hit.
        """
        conditions = [r.condition for r in requirements]
        reads: set[str] = set().union(*(facts_in(c) for c in conditions))
        order = [
            *([self.content.need_fact] if self.content.need_fact else []),
            *most_read_first(conditions),
        ]
        reported: set[str] = set()
        for path in dict.fromkeys(graph.paths):
            steering = dict(path.steering)
            missing = reads - path.asked - set(steering) - reported
            if not missing or any(isinstance(v, Unknown) for v in steering.values()):
                continue  # after "weet ik niet" the result is 'possibly' anyway: not a dead end
            variables = [f for f in dict.fromkeys(order) if f in path.asked and f not in steering]
            judge = self.dead_end_judge(incentive, requirements, missing)
            hits = search_answers(
                conditions, self.values_for(incentive), variables, steering, judge
            )
            for answers in islice(hits, 5):
                found = self.confirm_dead_end(incentive, requirements, answers, missing)
                if found is not None:
                    reported.add(found.fact)
                    yield found.finding
                    break

    def dead_end_judge(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        missing: set[str],
    ) -> Judge:
        def judge(
            residuals: list[Condition], complete: bool, known: Mapping[str, Answer]
        ) -> bool | None:
            for residual, requirement in zip(residuals, requirements, strict=True):
                if residual == FALSE and requirement.model.if_unmet == "not_eligible":
                    return False  # ruled out: nothing is left hanging
            if self.content.need_fact in known and not is_pursued(self.content, incentive, known):
                return False  # not pursued: left open on purpose (not assessed)
            hanging = set().union(*(facts_in(r) for r in residuals))
            if not hanging & missing:
                return False
            return True if complete else None

        return judge

    def confirm_dead_end(
        self,
        incentive: CompiledIncentive,
        requirements: list[CompiledRequirement],
        answers: dict[str, Answer],
        missing: set[str],
    ) -> _DeadEnd | None:
        def hangs(verdict: Verdict, walk: Walk) -> bool:
            return (
                verdict.status == "possibly"
                and verdict.assessed
                and any(f in missing and f not in walk.known for f in verdict.missing)
            )

        session = self.confirm(incentive, answers, hangs, unknown_elsewhere=False)
        if session is None:
            return None
        walk = self.engine.walk(session)
        verdict = self.verdict(incentive, walk)
        fact = next(f for f in verdict.missing if f in missing and f not in walk.known)
        asking = [q for q in self.content.questions.values() if q.fact == fact]
        skipped = dict(walk.skipped)
        if not asking:
            detail = "no question asks it"
        elif skipped.get(asking[0].id) == "ask_when":
            detail = f"there the ask_when of question '{asking[0].id}' is false"
        else:
            detail = f"no route leads to question '{asking[0].id}' there"
        index, requirement = next(
            (i, r)
            for i, r in enumerate(incentive.requirements)
            if r in requirements and fact in facts_in(r.condition)
        )
        path = {f: v for f, v in session.answers if f in self.content.routing_facts}
        on_path = f"on the path where {describe(path)}" if path else "on some paths"
        finding = self.where.finding(
            "dead_end",
            self.where.incentive(incentive.id, "requires", index, "when"),
            f"{on_path}, the questions end while '{incentive.id}' still depends on '{fact}' "
            f"({detail}), so the result can only say 'possibly'; ask '{fact}' on that path, "
            f"or make requirement '{requirement.model.id}' not depend on it there",
        )
        return _DeadEnd(fact, finding)

    # the engine

    def verdict(self, incentive: CompiledIncentive, walk: Walk) -> Verdict:
        key = (frozenset(walk.known.items()), walk.complete)
        result = self.results.get(key)
        if result is None:
            result = self.results[key] = self.engine.matcher.result(
                walk.known, self.on, walk.complete
            )
            if walk.complete and not any(isinstance(v, Unknown) for v in walk.known.values()):
                # every eligible verdict here is a real path to it without "weet ik niet"
                eligible = (i for i, v in result.verdicts.items() if v.status == "eligible")
                self.seen_eligible.update(eligible)
        return result.verdicts[incentive.id]

    def confirm(
        self,
        incentive: CompiledIncentive,
        answers: Mapping[str, Answer],
        want: Want,
        unknown_elsewhere: bool,
        *,
        ordered: bool = True,
        max_walks: int | None = None,
    ) -> Session | None:
        """A session the real engine walks to the end with ``want`` true of the verdict, or None.

        The facts in ``answers`` are answered from it. The others are tried, depth first: the
        steering facts (routes, ask_when, the need) over their answers; any other fact gets "weet
        ik niet" when ``unknown_elsewhere`` allows it, else its answers, the one that keeps the
        most open first (``ordered``; else in their plain order, which costs the engine nothing).
        At most ``max_walks`` walks (default ``MAX_WALKS``).
        """
        budget = MAX_WALKS if max_walks is None else max_walks
        stack = [self.engine.start(self.on)]
        walks = 0
        while stack and walks < budget:
            session = stack.pop()
            walks += 1
            walk = self.engine.walk(session)
            if walk.current is None:
                if want(self.verdict(incentive, walk), walk):
                    return session
                continue
            fact = walk.current.fact
            options = self.answers(walk, incentive, answers, unknown_elsewhere, ordered=ordered)
            for answer in reversed(options):
                stack.append(session.with_answer(fact, answer))
        return None

    def answers(
        self,
        walk: Walk,
        incentive: CompiledIncentive,
        answers: Mapping[str, Answer],
        unknown_elsewhere: bool,
        *,
        ordered: bool = True,
    ) -> list[Answer]:
        assert walk.current is not None
        fact = walk.current.fact
        if fact in answers:
            return [answers[fact]]
        if fact in self.content.shortcuts:
            # a question for several facts: the option that gives the answers searched for, else
            # "every other case", whose single questions can reach any combination
            return [shortcut_option(self.content, fact, answers)]
        unknown: list[Answer] = [UNKNOWN] if self.domains.may_be_unknown(fact) else []
        if fact in self.steering:
            options = list(self.values_for(incentive)(fact))
            return options + unknown if unknown_elsewhere else options
        if unknown_elsewhere and unknown:
            # "weet ik niet" first, then the answers: a steering "weet ik niet" can open a
            # question that only a known answer elsewhere then makes worth asking
            return [*unknown, *self.domains.values(fact)]

        values = self.domains.values(fact)
        if len(values) < 2 or not ordered:
            return list(values)  # nothing to order: spare the engine the counting below

        # The answer that keeps the most open first: open instruments keep questions coming, and
        # a tip (or a weak fit) is only settled by questions asked for the others.
        def still_open(answer: Answer) -> int:
            after = frozenset({**walk.known, fact: answer}.items())
            if after not in self.open_after:
                self.open_after[after] = len(outstanding_facts(self.content, dict(after), self.on))
            return -self.open_after[after]

        return sorted(values, key=still_open)


@dataclass(frozen=True)
class _DeadEnd:
    fact: str
    finding: Finding
