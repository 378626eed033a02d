"""The condition language: grammar, checks against the facts, three-valued evaluation, no eval."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wizard.conditions import (
    FALSE,
    TRUE,
    UNKNOWN,
    And,
    Compare,
    Condition,
    ConditionError,
    FactShape,
    Member,
    Not,
    evaluate,
    facts_in,
    parse_condition,
    render,
    simplify,
)

SHAPES = {
    "statuut": FactShape("choice", frozenset({"werknemer_prive", "uitzendkracht", "student"})),
    "gewest": FactShape("choice", frozenset({"vlaanderen", "brussel"})),
    "leeftijd": FactShape("integer"),
    "start": FactShape("date"),
    "bijberoep": FactShape("yes_no", frozenset({"ja", "nee"})),
}


def parse(text: str) -> Condition:
    return parse_condition(text, SHAPES, {"werkt": parse_condition("statuut != student", SHAPES)})


def test_the_example_from_the_issue_parses_into_our_nodes() -> None:
    cond = parse(
        "statuut in [werknemer_prive, uitzendkracht] and gewest == vlaanderen and leeftijd >= 18"
    )
    assert cond == And(
        (
            Member("statuut", frozenset({"werknemer_prive", "uitzendkracht"})),
            Compare("gewest", "==", "vlaanderen"),
            Compare("leeftijd", ">=", 18),
        )
    )


def test_precedence_not_binds_tighter_than_and_than_or() -> None:
    cond = parse("not bijberoep and gewest == brussel or leeftijd < 5")
    assert render(cond) == "((not (bijberoep == ja)) and (gewest == brussel)) or (leeftijd < 5)"


def test_true_and_false_are_constants() -> None:
    assert parse("false") == FALSE
    assert parse("true") == TRUE
    assert evaluate(parse("false or bijberoep"), {"bijberoep": "ja"}) is True
    assert evaluate(parse("true and not false"), {}) is True


def test_derived_fact_is_inlined_and_dates_compare() -> None:
    assert parse("werkt") == Compare("statuut", "!=", "student")
    assert evaluate(parse("start >= 2026-01-01"), {"start": "2026-03-01"}) is True


@pytest.mark.parametrize(
    ("known", "expected"),
    [
        ({}, None),
        ({"statuut": "student"}, False),
        ({"statuut": "uitzendkracht"}, None),
        ({"statuut": "uitzendkracht", "gewest": "vlaanderen"}, True),
        ({"statuut": "uitzendkracht", "gewest": UNKNOWN}, None),
        ({"statuut": UNKNOWN, "gewest": "brussel"}, False),
    ],
)
def test_three_valued_evaluation(known: dict[str, object], expected: bool | None) -> None:
    cond = parse("statuut in [werknemer_prive, uitzendkracht] and gewest == vlaanderen")
    assert evaluate(cond, known) is expected  # type: ignore[arg-type]


def test_or_is_decided_by_one_true_operand_even_with_unknowns() -> None:
    cond = parse("gewest == vlaanderen or leeftijd >= 18")
    assert evaluate(cond, {"gewest": UNKNOWN, "leeftijd": 40}) is True


def test_residual_keeps_only_open_facts() -> None:
    cond = parse("statuut == student or (gewest == brussel and leeftijd > 20)")
    residual = simplify(cond, {"statuut": "uitzendkracht", "leeftijd": 30})
    assert residual == Compare("gewest", "==", "brussel")
    assert facts_in(residual) == {"gewest"}
    assert simplify(Not(TRUE), {}) == FALSE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "__import__('os')",
            "unexpected character '_' at column 1: names must start with a letter",
        ),
        (
            "statuut.__class__",
            "unexpected character '.' at column 8: attribute access is not allowed",
        ),
        ("open('x')", "'open(' at column 1: function calls are not allowed"),
        ("lambda: 1", "unexpected character ':' at column 7: lambdas and slices are not allowed"),
        ("[c for c in statuut]", "expected a fact id at column 1, found '['"),
        ("statuut[0] == student", "'statuut[' at column 1: subscripts are not allowed"),
        (
            "().__class__.__bases__[0].__subclasses__()",
            "'.' at column 3: attribute access is not allowed",
        ),
        ("'{0.__class__}'.format(statuut)", "'.' at column 16: attribute access is not allowed"),
        ("leeftijd ** 99999", "unexpected character '*' at column 10: arithmetic is not allowed"),
        ("statuut = student", "unexpected character '=' at column 9: use == to compare"),
        ("statuut == manager", "'manager' (column 12) is not a value of 'statuut'"),
        ("statut == student", "unknown fact 'statut' at column 1; did you mean 'statuut'?"),
        ("statuut > student", "'>' at column 9 needs an integer or date fact"),
        ("leeftijd == achttien", "'leeftijd' is a number: expected a whole number at column 13"),
        ("start < 2026-13-01", "'start' is a date: expected YYYY-MM-DD at column 9"),
        ("statuut", "'statuut' at column 1 is a choice fact; compare it"),
        ("werkt == ja", "'werkt' is a derived fact: use it alone"),
        ("statuut == student and", "the condition ends too early"),
        ("", "the condition is empty"),
        ("not " * 60 + "bijberoep", "nested more than 40 levels deep"),
        ("(" * 60 + "bijberoep" + ")" * 60, "nested more than 40 levels deep"),
        ("bijberoep " + "or bijberoep " * 200, "longer than 2000 characters"),
    ],
)
def test_anything_outside_the_grammar_is_a_clean_error(text: str, message: str) -> None:
    with pytest.raises(ConditionError) as caught:
        parse(text)
    assert message in str(caught.value)


@given(st.text(max_size=80))
def test_arbitrary_text_either_parses_or_raises_condition_error(text: str) -> None:
    with contextlib.suppress(ConditionError):
        parse(text)


def test_the_module_never_calls_eval_or_exec() -> None:
    import inspect

    import wizard.conditions

    source = inspect.getsource(wizard.conditions)
    assert "eval(" not in source.replace("evaluate(", "").replace("_eval", "")
    assert "exec(" not in source
