"""Issue 14 item 2: the content language grows where real flows need it.

Multi-select questions (``multi_choice``, read with ``contains``), conditions that name the
unknown answer (``is unknown`` / ``is known``) and yes/no ids in English. Each is checked in the
parser (our own nodes, never eval), the three-valued evaluation, answer parsing, saving and the
front ends, on the small content set ``tests/data/multi``.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import DATA, cached_content
from wizard.conditions import (
    UNKNOWN,
    Condition,
    ConditionError,
    Contains,
    FactShape,
    IsUnknown,
    Not,
    evaluate,
    facts_in,
    parse_condition,
    render,
    simplify,
)
from wizard.engine import Engine
from wizard.model import Fact
from wizard.plain import PlainRunner
from wizard.recording import scenario_yaml
from wizard.replay import Scenario, run_scenario
from wizard.sessions import InvalidAnswer, Session, parse_answer
from wizard.understanding import understand

DAY = date(2026, 11, 23)
SHAPES = {
    "benefits": FactShape("multi_choice", frozenset({"housing", "childcare", "carer"})),
    "income": FactShape("integer"),
    "role": FactShape("choice", frozenset({"student", "staff"})),
    "renting": FactShape("yes_no", frozenset({"yes", "no"}), yes="yes"),
}


def parse(text: str) -> Condition:
    return parse_condition(text, SHAPES)


# --- the condition language ----------------------------------------------------------------------


def test_contains_parses_into_our_own_nodes() -> None:
    assert parse("benefits contains housing") == Contains("benefits", frozenset({"housing"}))
    assert parse("benefits contains any [housing, carer]") == Contains(
        "benefits", frozenset({"housing", "carer"})
    )
    assert parse("benefits contains all [housing, carer]") == Contains(
        "benefits", frozenset({"housing", "carer"}), all_of=True
    )
    assert parse("income is unknown") == IsUnknown("income")
    assert parse("income is known") == Not(IsUnknown("income"))
    assert parse("income is not unknown") == Not(IsUnknown("income"))
    assert facts_in(parse("benefits is empty and income is known")) == {"benefits", "income"}


@pytest.mark.parametrize(
    ("text", "chosen", "expected"),
    [
        ("benefits contains housing", {"housing", "carer"}, True),
        ("benefits contains housing", {"carer"}, False),
        ("benefits contains housing", set(), False),
        ("benefits contains any [housing, carer]", {"carer"}, True),
        ("benefits contains any [housing, carer]", {"childcare"}, False),
        ("benefits contains all [housing, carer]", {"carer"}, False),
        ("benefits contains all [housing, carer]", {"carer", "housing", "childcare"}, True),
        ("benefits is empty", set(), True),
        ("benefits is empty", {"carer"}, False),
        ("benefits is not empty", {"carer"}, True),
        ("not benefits contains carer", {"housing"}, True),
    ],
)
def test_contains_reads_the_set_of_answers(text: str, chosen: set[str], expected: bool) -> None:
    assert evaluate(parse(text), {"benefits": frozenset(chosen)}) is expected


def test_a_set_not_yet_answered_or_unknown_leaves_contains_undecided() -> None:
    cond = parse("benefits contains housing or income > 10")
    assert evaluate(cond, {}) is None
    assert evaluate(cond, {"benefits": UNKNOWN}) is None
    assert simplify(cond, {"income": 3}) == Contains("benefits", frozenset({"housing"}))
    assert evaluate(cond, {"benefits": UNKNOWN, "income": 11}) is True


@pytest.mark.parametrize(
    ("known", "unknown", "known_"),
    [
        ({}, None, None),  # not answered yet: undecided, so the question is still asked
        ({"income": UNKNOWN}, True, False),
        ({"income": 1200}, False, True),
        ({"income": 0}, False, True),
    ],
)
def test_is_unknown_reads_the_answer_weet_ik_niet(
    known: dict[str, object], unknown: bool | None, known_: bool | None
) -> None:
    assert evaluate(parse("income is unknown"), known) is unknown  # type: ignore[arg-type]
    assert evaluate(parse("income is known"), known) is known_  # type: ignore[arg-type]


def test_render_reads_back_as_the_same_condition() -> None:
    for text in (
        "benefits contains housing",
        "benefits contains any [carer, housing]",
        "benefits contains all [carer, housing]",
        "income is unknown",
        "benefits is empty",
    ):
        cond = parse(text)
        assert parse(render(cond)) == cond


def test_yes_no_ids_chosen_by_the_content_read_alone() -> None:
    assert evaluate(parse("renting"), {"renting": "yes"}) is True
    assert evaluate(parse("renting"), {"renting": "no"}) is False
    with pytest.raises(ConditionError, match="not a value of 'renting'"):
        parse("renting == ja")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("benefits == housing", "is a multi_choice fact .*contains"),
        ("benefits in [housing]", "is a multi_choice fact .*contains"),
        ("benefits", "is a multi_choice fact .*contains"),
        ("role contains student", "'contains' at column 6 is for multi_choice facts"),
        ("benefits contains rent", "'rent' .* is not a value of 'benefits'"),
        ("benefits contains any [housing, rent]", "'rent' .* is not a value of 'benefits'"),
        ("income is maybe", "expected 'unknown' or 'known' after 'income is'"),
        ("role is empty", "expected 'unknown' or 'known' after 'role is'"),
        ("income is", "ends too early"),
        ("benefits contains", "ends too early"),
        ("role == weet_niet", "write 'role is unknown'"),
    ],
)
def test_mistakes_are_refused_with_the_fix(text: str, message: str) -> None:
    with pytest.raises(ConditionError, match=message):
        parse(text)


# --- answers -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(cached_content(DATA / "multi"))


def situation(engine: Engine) -> Fact:
    return engine.content.facts["situation"]


def test_a_multi_choice_answer_is_a_set_of_value_ids(engine: Engine) -> None:
    fact = situation(engine)
    assert parse_answer(fact, ["children", "housing_costs"]) == frozenset(
        {"children", "housing_costs"}
    )
    assert parse_answer(fact, []) == frozenset()  # "none of these"
    assert parse_answer(fact, "housing_costs") == frozenset({"housing_costs"})
    assert parse_answer(fact, "weet_niet") is UNKNOWN


@pytest.mark.parametrize("raw", [["rent"], ["children", 3], "children, pets", 7])
def test_an_unknown_id_in_the_set_is_refused_with_the_options(engine: Engine, raw: object) -> None:
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(situation(engine), raw)
    assert "Choose from: housing_costs, children, disability" in str(caught.value)
    assert "housing_costs, children, disability" in caught.value.reason.nl


def test_a_saved_session_round_trips_its_sets_through_json(engine: Engine) -> None:
    session = Session(DAY, "en").with_answer("situation", frozenset({"disability", "children"}))
    session = session.with_answer("income", UNKNOWN)
    saved = json.loads(json.dumps(session.to_dict()))
    assert saved["answers"] == {"situation": ["children", "disability"], "income": "weet_niet"}
    assert Session.from_dict(saved, engine.content.facts) == session
    empty = Session(DAY).with_answer("situation", frozenset())
    assert Session.from_dict(json.loads(json.dumps(empty.to_dict())), engine.content.facts) == empty


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1, 3", {"housing_costs", "disability"}),
        ("2 1", {"housing_costs", "children"}),
        ("0", set()),
        ("geen", set()),
        ("none of these", set()),
        ("rent, children", {"housing_costs", "children"}),
        ("kinderen en huur", {"housing_costs", "children"}),
    ],
)
def test_typed_numbers_or_words_become_the_set(
    engine: Engine, typed: str, expected: set[str]
) -> None:
    assert understand(situation(engine), typed).value == frozenset(expected)


@pytest.mark.parametrize("typed", ["1, 9", "1, banana", "12"])
def test_a_set_not_understood_says_how_to_type_it(engine: Engine, typed: str) -> None:
    understood = understand(situation(engine), typed)
    assert understood.value is None
    assert "1, 3" in understood.hint("en")


def test_weet_niet_is_typed_in_words(engine: Engine) -> None:
    assert understand(situation(engine), "weet niet").value is UNKNOWN


# --- the engine, replay, recording and plain mode -----------------------------------------------


def verdicts(engine: Engine, session: Session) -> dict[str, str]:
    return {i: v.status for i, v in engine.result(session).verdicts.items()}


def test_verdicts_follow_the_set_and_the_unknown_answer(engine: Engine) -> None:
    session = engine.start(DAY)
    session = engine.answer(session, ["housing_costs", "children"])
    session = engine.answer(session, "1500")
    assert verdicts(engine, session) == {
        "both_help": "eligible",
        "family_help": "eligible",
        "general_help": "not_eligible",
        "housing_help": "eligible",
        "income_advice": "not_eligible",
    }
    none = engine.answer(engine.start(DAY), [])
    none = engine.answer(none, UNKNOWN)
    assert verdicts(engine, none) == {
        "both_help": "not_eligible",
        "family_help": "not_eligible",
        "general_help": "not_eligible",
        "housing_help": "not_eligible",
        "income_advice": "eligible",
    }


def test_a_scenario_answers_a_set_with_a_yaml_list_and_recording_writes_one(
    engine: Engine,
) -> None:
    scenario = Scenario.model_validate(
        {
            "name": "rent and a disability",
            "date": DAY,
            "answers": {"situation": ["housing_costs", "disability"], "income": 900},
            "expect": {"eligible_exactly": ["family_help", "housing_help"]},
        }
    )
    report = run_scenario(engine, scenario)
    assert report.passed, report.failures
    session = engine.answer(engine.answer(engine.start(DAY), ["disability"]), "900")
    text = scenario_yaml(engine.content, session, engine.result(session), "x")
    assert "  situation: [disability]\n" in text
    none = engine.answer(engine.answer(engine.start(DAY), []), "900")
    assert "  situation: []\n" in scenario_yaml(engine.content, none, engine.result(none), "x")


def test_a_recorded_set_replays_from_its_file(engine: Engine, tmp_path: Path) -> None:
    from wizard.replay import load_scenario

    session = engine.answer(engine.answer(engine.start(DAY), ["children", "disability"]), "50")
    path = tmp_path / "s.yaml"
    path.write_text(scenario_yaml(engine.content, session, engine.result(session), "x"))
    assert run_scenario(engine, load_scenario(path)).passed


def test_plain_mode_lists_the_options_and_takes_numbers_with_commas(engine: Engine) -> None:
    out = io.StringIO()
    runner = PlainRunner(engine, io.StringIO("1, 2\n800\n\n\n"), out)
    assert runner.run(engine.start(DAY, "en")) == 0
    shown = out.getvalue()
    assert "  1. I pay rent\n  2. I have children\n  3. I have a disability\n" in shown
    assert "  0. None of these\n" in shown
    assert "Type the numbers separated by commas" in shown
    assert "You chose: I pay rent, I have children" in shown
    assert "Double help" in shown


def test_plain_mode_takes_0_as_none_of_these(engine: Engine) -> None:
    out = io.StringIO()
    PlainRunner(engine, io.StringIO("0\n800\n\n\n"), out).run(engine.start(DAY, "nl"))
    assert "U koos: Geen van deze" in out.getvalue()


# --- the content declares its languages ---------------------------------------------------------


def test_an_english_only_content_set_loads_and_starts_in_english() -> None:
    content = cached_content(DATA / "english")
    assert content.languages == ("en",)
    engine = Engine(content)
    assert engine.start(DAY, "nl").lang == "en"  # Dutch is not offered: the first language
    fact = content.facts["situation"]
    assert fact.label.get("nl") == fact.label.get("en") == "Your situation"
    out = io.StringIO()
    PlainRunner(engine, io.StringIO("1\n800\n\n\n"), out).run(engine.start(DAY, "nl"))
    assert "What applies to you?" in out.getvalue()
    assert "You chose: I pay rent" in out.getvalue()


def test_the_bundled_content_keeps_both_languages(bundled: object) -> None:
    from wizard.content import Content

    assert isinstance(bundled, Content)
    assert bundled.languages == ("nl", "en")
    assert Engine(bundled).start(DAY, "nl").lang == "nl"


def test_lint_finds_no_missing_translation_in_an_english_only_set() -> None:
    from tests.cli import leerwijzer

    done = leerwijzer("lint", "--content", str(DATA / "english"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "missing_translation" not in done.stdout
    assert "0 errors, 0 warnings" in done.stdout


# --- yes/no ids ----------------------------------------------------------------------------------


def yes_no_fact(ids: tuple[str, str] | None) -> Fact:
    values = [{"id": i, "label": {"en": i.title()}} for i in ids] if ids else []
    return Fact.model_validate(
        {"id": "renting", "kind": "yes_no", "label": {"en": "Renting"}, "values": values}
    )


@pytest.mark.parametrize(
    ("ids", "raw", "expected"),
    [
        (None, "ja", "ja"),
        (None, "yes", "ja"),  # a scenario written in English answers a ja/nee fact
        (None, "no", "nee"),
        (("yes", "no"), "yes", "yes"),
        (("yes", "no"), "ja", "yes"),
        (("yes", "no"), "nee", "no"),
    ],
)
def test_yes_no_answers_in_either_language(
    ids: tuple[str, str] | None, raw: str, expected: str
) -> None:
    assert parse_answer(yes_no_fact(ids), raw) == expected


@pytest.mark.parametrize("typed", ["ja", "yes", "y", "jawel"])
def test_typed_yes_means_the_first_id_whichever_the_content_chose(typed: str) -> None:
    assert understand(yes_no_fact(("yes", "no")), typed).value == "yes"
    assert understand(yes_no_fact(None), typed).value == "ja"


def test_the_bundled_yes_no_facts_keep_ja_and_nee(bundled: object) -> None:
    from wizard.content import Content

    assert isinstance(bundled, Content)
    yes_no = [f for f in bundled.facts.values() if f.kind == "yes_no"]
    assert yes_no and all(f.value_ids() == ("ja", "nee") for f in yes_no)
    with pytest.raises(InvalidAnswer):
        parse_answer(yes_no[0], "maybe")


def test_is_unknown_on_a_fact_that_cannot_be_unknown_is_refused() -> None:
    shapes = {"age": FactShape("integer", may_be_unknown=False)}
    with pytest.raises(ConditionError, match="'age is known' .* can never change"):
        parse_condition("age is known", shapes)
