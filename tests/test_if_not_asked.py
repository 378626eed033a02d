"""``if_not_asked``: what a fact reads as once its question is off the path (issue 14 item 2).

Semantics (docs/content-format.md): a fact with ``if_not_asked: v`` reads as ``v`` once no
question still ahead can ask it (its ask_when is false, the routes went elsewhere, or the
questionnaire ended). Such a question is never skipped as "cannot change the outcome": the
default would then decide in place of the person. Checked on a small flow and, with hypothesis,
on random graphs: skipping equals asking everything, and the verdicts equal those of a plain
reference walk over a linear graph.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, cached_content
from tests.test_engine_properties import assert_same_outcome, run
from tests.test_random_graphs import VALUES, answers_for, content_dirs, materialise
from wizard.conditions import UNKNOWN, evaluate
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.problems import ContentError
from wizard.sessions import Answer

DAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(cached_content(DATA / "defaults"))


def statuses(engine: Engine, answers: list[object]) -> tuple[list[str], dict[str, str]]:
    session = engine.start(DAY)
    for raw in answers:
        session = engine.answer(session, raw)
    assert engine.current_question(session) is None
    result = engine.result(session)
    return list(result.asked), {i: v.status for i, v in result.verdicts.items()}


def test_a_question_never_reached_reads_as_its_default(engine: Engine) -> None:
    asked, verdicts = statuses(engine, ["no", "ja"])
    assert asked == ["has_children", "carer"]
    # child_under_5 and benefits were never reached: "no" and "none of these", not "possibly"
    assert verdicts == {"toddler_grant": "not_eligible", "carer_grant": "eligible"}


def test_an_asked_fact_keeps_the_persons_answer(engine: Engine) -> None:
    asked, verdicts = statuses(engine, ["yes", "yes", ["pension"]])
    assert asked == ["has_children", "child_under_5", "benefits"]
    assert verdicts == {"toddler_grant": "eligible", "carer_grant": "not_eligible"}


def test_a_question_with_a_default_is_asked_even_when_it_cannot_change_the_outcome(
    engine: Engine,
) -> None:
    # carer reads "nee" (not reachable after has_children == yes), so carer_grant is out and the
    # benefits question cannot change anything; it is asked all the same, never defaulted.
    session = engine.answer(engine.answer(engine.start(DAY), "yes"), "no")
    step = engine.step(session)
    assert step.question is not None and step.question.id == "benefits"
    assert "benefits" not in step.known
    assert step.known["carer"] == "nee"


def test_the_skip_reason_of_a_false_ask_when_is_kept(engine: Engine) -> None:
    walk = engine.walk(engine.answer(engine.answer(engine.start(DAY), "yes"), "no"))
    assert ("carer", "ask_when") not in walk.skipped  # not on this path at all: never passed
    assert walk.known["carer"] == "nee"


def test_answers_to_questions_off_the_path_are_dropped_on_edit(engine: Engine) -> None:
    session = engine.start(DAY)
    for raw in ["no", "ja"]:
        session = engine.answer(session, raw)
    outcome = engine.edit(session, "has_children", "yes")
    assert outcome.dropped == ("carer",)
    assert outcome.now_asks == "child_under_5"


def test_a_default_that_is_no_answer_is_refused(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "c"
    shutil.copytree(DATA / "defaults", root)
    facts = root / "questions" / "facts.yaml"
    facts.write_text(facts.read_text().replace('if_not_asked: "no"', "if_not_asked: maybe"))
    with pytest.raises(ContentError) as caught:
        load_content(root)
    assert [str(p) for p in caught.value.problems] == [
        "questions/facts.yaml:15: if_not_asked of fact 'child_under_5' = 'maybe': 'maybe' is not "
        "an answer to 'A child under 5'. Choose from: yes, no."
    ]


# --- properties on random graphs -----------------------------------------------------------------


@st.composite
def with_defaults(draw: st.DrawFn, linear: bool) -> dict[str, object]:
    spec = draw(content_dirs(shortcuts=False))  # a fact with a default is never set by an option
    facts: list[dict[str, object]] = spec["facts"]["facts"]  # type: ignore[index]
    for fact in facts[1:]:  # f0 is the need fact
        if draw(st.booleans()):
            fact["if_not_asked"] = draw(st.sampled_from(VALUES))
    if linear:
        for question in spec["graph"]["questions"]:  # type: ignore[index]
            question["next"] = question["next"][-1:]
    return spec


def people(content: Content, data: st.DataObject) -> dict[str, Answer]:
    return {
        fact.id: data.draw(st.sampled_from(answers_for(fact.value_ids(), fact.offer_unknown)))
        for fact in content.facts.values()
    }


def load(spec: dict[str, object]) -> Content:
    with tempfile.TemporaryDirectory() as folder:
        return materialise(spec, Path(folder))


@settings(max_examples=120, deadline=None)
@given(spec=with_defaults(linear=False), data=st.data())
def test_skipping_equals_asking_everything_with_defaults(
    spec: dict[str, object], data: st.DataObject
) -> None:
    content = load(spec)
    for _ in range(4):
        person = people(content, data)
        session, short = run(Engine(content), person, DAY)
        _, full = run(Engine(content, ask_everything=True), person, DAY)
        assert_same_outcome(short, full)
        walk = Engine(content).walk(session)
        for question_id, reason in walk.skipped:
            fact = content.questions[question_id].fact
            assert not (reason == "cannot_change_outcome" and fact in content.if_not_asked)
        for fact in short.asked:
            assert walk.known[fact] == person[fact]  # an answer is never replaced by a default


@settings(max_examples=120, deadline=None)
@given(spec=with_defaults(linear=True), data=st.data())
def test_verdicts_equal_a_reference_walk_on_linear_graphs(
    spec: dict[str, object], data: st.DataObject
) -> None:
    """Each question in order: asked when its ask_when is not false, else its fact reads as its
    default (ask_when reads only earlier facts here, so this simple walk is the whole rule)."""
    content = load(spec)
    engine = Engine(content, ask_everything=True)
    for _ in range(4):
        person = people(content, data)
        known: dict[str, Answer] = {}
        for question in content.questions.values():  # q0, q1, ... in order
            off = question.ask_when is not None and evaluate(question.ask_when, known) is False
            if not off:
                known[question.fact] = person[question.fact]
            elif question.fact in content.if_not_asked:
                known[question.fact] = content.if_not_asked[question.fact]
        expected = engine.matcher.result(known, DAY, True)
        _, result = run(Engine(content), person, DAY)
        assert_same_outcome(result, expected)  # a weak fit left open may be decided in full
        assert UNKNOWN not in [content.if_not_asked.get(f) for f in content.facts]


def test_the_step_api_fills_defaults_as_the_walk_does(engine: Engine) -> None:
    """``advance`` (used by ``paths``) continues a walk one answer at a time: same defaults."""
    options: dict[str, list[object]] = {
        "has_children": ["yes", "no"],
        "child_under_5": ["yes", "no"],
        "carer": ["ja", "nee", UNKNOWN],
        "benefits": [[], ["housing"], ["housing", "pension"]],
    }
    todo: list[list[object]] = [[]]
    checked = 0
    while todo:
        answers = todo.pop()
        session = engine.start(DAY)
        step = engine.step(session)
        known = dict(step.known)
        current = step.question
        for raw in answers:
            assert current is not None
            value = engine.content.facts[current.fact]
            parsed = engine.answer(session, raw).answer_map[current.fact]
            session = session.with_answer(value.id, parsed)
            known, current, _ = engine.advance(known, current, parsed, DAY)
        walked = engine.step(session)
        assert known == walked.known
        assert (current is None) == (walked.question is None)
        if current is None:
            assert walked.result is not None
            final = engine.final_result(known, DAY)
            assert {i: v.status for i, v in final.verdicts.items()} == {
                i: v.status for i, v in walked.result.verdicts.items()
            }
            checked += 1
        else:
            todo += [[*answers, raw] for raw in options[current.fact]]
    assert checked == 9  # no: 3 carer answers; yes: 2 x 3 benefits answers
