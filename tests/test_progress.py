"""'Vraag N van ongeveer M': the total never grows as answers come in, "weet ik niet" included,
unless the person has already gone past it (then it can only follow them, one by one)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, cached_content
from wizard.conditions import UNKNOWN
from wizard.engine import Engine
from wizard.progress import sample_answers
from wizard.sessions import Answer

ENGINE = Engine(cached_content(REPO))


def options(fact_id: str) -> list[Answer]:
    fact = ENGINE.content.facts[fact_id]
    values: list[Answer] = []
    if fact.kind in ("choice", "yes_no"):
        values = list(fact.value_ids())
    elif fact.kind == "integer":
        low, high = fact.min or 0, fact.max if fact.max is not None else 100
        values = [low, (low + high) // 2, high]
    else:
        values = ["2026-01-01", "2020-06-30"]
    if fact.offer_unknown or fact.optional:
        values += [UNKNOWN, UNKNOWN]  # "weet ik niet" often: that is where the total grew
    return values


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(), day=st.sampled_from([date(2025, 3, 1), date(2026, 11, 23), date(2027, 2, 1)])
)
def test_the_total_never_grows(data: st.DataObject, day: date) -> None:
    session = ENGINE.start(day)
    number, total = ENGINE.progress(session)
    while (question := ENGINE.current_question(session)) is not None:
        answer = data.draw(st.sampled_from(options(question.fact)))
        session = ENGINE.answer(session, answer)
        if ENGINE.current_question(session) is None:
            break
        new_number, new_total = ENGINE.progress(session)
        assert new_number == number + 1
        if number < total:  # the estimate still lay ahead of the person
            assert new_total <= total, f"total grew from {total} to {new_total} after {answer!r}"
        else:  # already past it: it follows, one question at a time, never jumps
            assert new_total == new_number
        number, total = new_number, new_total


def test_weet_niet_is_among_the_answers_the_estimate_looks_at() -> None:
    question = ENGINE.current_question(ENGINE.start(date(2026, 11, 23)))
    assert question is not None
    fact = ENGINE.content.facts[question.fact]
    assert fact.offer_unknown
    assert UNKNOWN in sample_answers(ENGINE.content, question)


def test_the_total_is_shown_only_near_the_end() -> None:
    """At the first question the estimate is an upper bound far above what people answer
    (28 against 8 on average): the line then says only "Vraag 1"."""
    from wizard.ui_texts import TOTAL_SHOWN_WITHIN, progress_line

    number, total = ENGINE.progress(ENGINE.start(date(2026, 11, 23)))
    assert number == 1 and total - number > TOTAL_SHOWN_WITHIN
    assert progress_line(number, total, "nl") == "Vraag 1"
    assert progress_line(7, 11, "nl") == "Vraag 7 van ongeveer 11"
    assert progress_line(7, 11, "en") == "Question 7 of about 11"
    assert progress_line(7, 13, "en") == "Question 7"
