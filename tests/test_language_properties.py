"""The new condition forms on random graphs (issue 14 item 2): multi_choice facts read with
``contains`` / ``contains any`` / ``contains all`` / ``is empty``, and ``is unknown`` / ``is known``.

Loaded through the real loader; the engine's skipping must give the result of asking everything,
and a set answer must evaluate as the plain set operations say.
"""

from __future__ import annotations

import tempfile
from datetime import date
from itertools import combinations
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_engine_properties import assert_same_outcome, run
from tests.test_random_graphs import VALUES, materialise, text
from wizard.conditions import UNKNOWN, FactShape, evaluate, parse_condition
from wizard.content import Content
from wizard.engine import Engine
from wizard.sessions import Answer

DAY = date(2026, 11, 23)
SETS = [frozenset(c) for size in range(len(VALUES) + 1) for c in combinations(VALUES, size)]


def is_multi(i: int) -> bool:
    return i % 2 == 1  # f1, f3, f5: multi_choice; f0 (the need), f2, f4: choice


@st.composite
def atoms(draw: st.DrawFn, facts: int, offers: list[bool]) -> str:
    i = draw(st.integers(0, facts - 1))
    fact = f"f{i}"
    if offers[i] and draw(st.integers(0, 5)) == 0:  # only where "weet ik niet" is possible
        return f"{fact} is {draw(st.sampled_from(['unknown', 'known', 'not unknown']))}"
    value = draw(st.sampled_from(VALUES))
    if not is_multi(i):
        return f"{fact} {draw(st.sampled_from(['==', '!=']))} {value}"
    chosen = draw(st.lists(st.sampled_from(VALUES), min_size=1, max_size=2, unique=True))
    return draw(
        st.sampled_from(
            [
                f"{fact} contains {value}",
                f"{fact} contains any [{', '.join(chosen)}]",
                f"{fact} contains all [{', '.join(chosen)}]",
                f"{fact} is empty",
                f"not {fact} contains {value}",
            ]
        )
    )


@st.composite
def conditions(draw: st.DrawFn, facts: int, offers: list[bool]) -> str:
    parts = draw(st.lists(atoms(facts, offers), min_size=1, max_size=3))
    return draw(st.sampled_from([" and ", " or "])).join(parts)


@st.composite
def content_specs(draw: st.DrawFn) -> dict[str, object]:
    n = draw(st.integers(2, 6))
    offers = [draw(st.booleans()) for _ in range(n)]
    facts = [
        {
            "id": f"f{i}",
            "kind": "multi_choice" if is_multi(i) else "choice",
            "label": text(f"f{i}"),
            "values": [{"id": v, "label": text(v)} for v in VALUES],
            "offer_unknown": offers[i],
        }
        for i in range(n)
    ]
    questions = []
    for i in range(n):
        routes = []
        if i + 2 < n and draw(st.booleans()):
            routes.append(
                {
                    "when": draw(conditions(i + 1, offers)),
                    "goto": f"q{draw(st.integers(i + 2, n - 1))}",
                }
            )
        routes.append({"goto": f"q{i + 1}" if i + 1 < n else "end"})
        question: dict[str, object] = {
            "id": f"q{i}",
            "fact": f"f{i}",
            "text": text(f"q{i}"),
            "next": routes,
        }
        if i > 0 and draw(st.integers(0, 3)) == 0:
            question["ask_when"] = draw(conditions(i, offers))
        questions.append(question)
    incentives = [
        {
            "id": f"i{k}",
            "name": text(f"i{k}"),
            "summary": text("s"),
            "valid_from": "2020-01-01",
            "confidence": "high",
            "serves": {v: draw(st.integers(1, 3)) for v in VALUES[: draw(st.integers(0, 3))]},
            "requires": [
                {"id": f"r{j}", "when": draw(conditions(n, offers)), "why_not": text("no")}
                for j in range(draw(st.integers(1, 3)))
            ],
            "sources": [{"url": "https://example.org", "title": "t", "read_on": "2026-11-23"}],
        }
        for k in range(draw(st.integers(1, 4)))
    ]
    graph = {
        "version": "random",
        "start": "q0",
        "need_fact": "f0",
        "pursue_min_fit": draw(st.integers(0, 3)),
        "referral": text("r"),
        "questions": questions,
    }
    return {"facts": {"facts": facts}, "graph": graph, "incentives": incentives}


def person(content: Content, data: st.DataObject) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for fact in content.facts.values():
        options: list[Answer] = list(SETS) if fact.kind == "multi_choice" else list(VALUES)
        answers[fact.id] = data.draw(st.sampled_from([*options, *([UNKNOWN] * fact.offer_unknown)]))
    return answers


@settings(max_examples=120, deadline=None)
@given(spec=content_specs(), data=st.data())
def test_skipping_equals_asking_everything_with_sets_and_unknowns(
    spec: dict[str, object], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = materialise(spec, Path(folder))
    for _ in range(4):
        someone = person(content, data)
        _, short = run(Engine(content), someone, DAY)
        _, full = run(Engine(content, ask_everything=True), someone, DAY)
        assert_same_outcome(short, full)
        assert set(short.asked) <= set(full.asked)


SHAPE = {"s": FactShape("multi_choice", frozenset(VALUES))}


@given(
    chosen=st.sampled_from(SETS), wanted=st.lists(st.sampled_from(VALUES), min_size=1, unique=True)
)
def test_contains_is_set_intersection_and_inclusion(
    chosen: frozenset[str], wanted: list[str]
) -> None:
    listed = ", ".join(wanted)
    known = {"s": chosen}
    assert evaluate(parse_condition(f"s contains any [{listed}]", SHAPE), known) == bool(
        chosen & set(wanted)
    )
    assert evaluate(parse_condition(f"s contains all [{listed}]", SHAPE), known) == (
        set(wanted) <= chosen
    )
    assert evaluate(parse_condition("s is empty", SHAPE), known) == (not chosen)
    for value in VALUES:
        assert evaluate(parse_condition(f"s contains {value}", SHAPE), known) == (value in chosen)


@given(typed=st.text(max_size=80))
def test_whatever_is_typed_at_a_checklist_is_a_set_or_a_hint_never_an_error(typed: str) -> None:
    from tests.conftest import DATA, cached_content
    from wizard.sessions import parse_answer
    from wizard.understanding import understand

    fact = cached_content(DATA / "multi").facts["situation"]
    understood = understand(fact, typed)
    if understood.value is None:
        assert understood.hint("nl") and understood.hint("en")
    else:
        assert parse_answer(fact, understood.value) == understood.value


def test_a_set_answer_is_exported_as_its_labels() -> None:
    from tests.conftest import DATA, cached_content
    from wizard.export import to_markdown

    engine = Engine(cached_content(DATA / "multi"))
    session = engine.answer(engine.start(DAY, "en"), ["children", "housing_costs"])
    session = engine.answer(session, "900")
    assert "**I pay rent, I have children**" in to_markdown(
        engine.content, session, engine.result(session)
    )
