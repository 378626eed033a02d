"""``leerwijzer paths``: every answer path, memoised, against brute force; the golden master."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings

from tests.conftest import cached_content
from tests.test_random_graphs import content_dirs, materialise
from wizard.cli import main
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.matching import Result
from wizard.paths import (
    MASTER_FILE,
    Answers,
    Diagram,
    Explorer,
    Outcomes,
    PathSteps,
    Picked,
    Range,
    all_paths,
    answer_label,
    compare,
    diagram_json,
    enumerate_paths,
    option_label,
    ranges,
    read_master,
    write_golden,
)
from wizard.replay import replay_file, scenario_files
from wizard.sessions import Session, parse_answer

DAY = date(2026, 11, 23)
TINY = Path(__file__).resolve().parent / "data" / "tiny"
MULTI = Path(__file__).resolve().parent / "data" / "multi"

# Worked out by hand from tests/data/tiny (and equal to the brute force below): a visitor is asked
# resident and age, everyone else goal (and a student fulltime); "weet ik niet" counts as an answer.
TINY_OUTCOMES = {
    ("campus_card",): 9,
    ("town_pass",): 8,
    (): 7,
    ("study_room", "campus_card"): 3,
    ("campus_card", "town_pass"): 4,
    ("campus_card", "study_room"): 3,
    ("campus_card", "study_room", "town_pass"): 2,
}


def brute_force(content: Content, on: date) -> dict[PathSteps, Result]:
    """Every path one by one through the public step API, without any memo: the reference."""
    engine = Engine(content)
    answers = Answers(content, on)
    results: dict[PathSteps, Result] = {}

    def walk(session: Session, path: PathSteps) -> None:
        step = engine.step(session)
        question = step.question
        if question is None:
            assert step.result is not None
            results[path] = step.result
            return
        for option in answers.options(question.fact):
            answer = answers.answer(question.fact, option)
            walk(session.with_answer(question.fact, answer), (*path, (question.fact, option)))

    walk(engine.start(on), ())
    return results


def assert_matches_brute_force(content: Content, on: date) -> Diagram:
    """The diagram has exactly the brute-force paths, each with the engine's verdicts and ranking
    (the property test: the public step API and the memoised paths find the same outcomes)."""
    engine = Engine(content)
    diagram = enumerate_paths(engine, on)
    outcomes = Outcomes(diagram)
    reference = brute_force(content, on)
    assert set(all_paths(diagram)) == set(reference)
    for path, result in reference.items():
        outcome = diagram.outcome_of(path)
        assert outcome.recommended == result.recommended, path
        statuses = {i: v.status for i, v in result.verdicts.items() if not v.tip}
        assert outcome.statuses == statuses, path
    assert outcomes.by_outcome() == Counter(r.recommended for r in reference.values())
    return diagram


def test_tiny_path_count_and_outcomes(tiny: Content) -> None:
    engine = Engine(tiny)
    diagram = enumerate_paths(engine, DAY)
    outcomes = Outcomes(diagram)
    assert diagram.total == outcomes.total == 36
    assert dict(outcomes.by_outcome()) == TINY_OUTCOMES
    assert_matches_brute_force(tiny, DAY)


def test_tiny_before_the_age_rule_never_asks_the_age(tiny: Content) -> None:
    # town_pass's "age >= 18" is in force from 2025-01-01: before it, no path asks the age.
    diagram = assert_matches_brute_force(tiny, date(2024, 6, 1))
    assert diagram.total == 28
    assert "age" not in diagram.questions()


def test_an_instrument_settled_before_any_question_counts_too(tmp_path: Path) -> None:
    content = _copy(TINY, tmp_path)
    (content / "incentives" / "open_day.yaml").write_text(
        "id: open_day\nname: {nl: Opendeur, en: Open day}\nsummary: {nl: Kom kijken., en: Visit.}\n"
        "valid_from: 2020-01-01\nconfidence: high\nserves: {borrow: 1, study: 2}\n"
        'sources:\n  - {url: "https://example.org/open", title: Open, read_on: 2026-11-23}\n'
    )
    diagram = assert_matches_brute_force(load_content(content), DAY)
    assert {o.statuses["open_day"] for o in diagram.outcomes} == {"eligible"}


def test_an_integer_fact_offers_one_answer_per_range_the_rules_tell_apart(tiny: Content) -> None:
    assert Answers(tiny, DAY).options("age") == (
        Range(0, 17, 17),
        Range(18, 120, 18),
        "weet_niet",
    )
    assert Answers(tiny, DAY).options("resident") == ("ja", "nee", "weet_niet")


def test_a_date_fact_offers_ranges_of_dates() -> None:
    assert ranges(["2026-01-01"], None, None, "2026-11-23") == [
        Range(None, "2025-12-31", "2025-12-31"),
        Range("2026-01-01", None, "2026-01-01"),
    ]
    assert ranges([], None, None, "2026-11-23") == [Range(None, None, "2026-11-23")]


def test_a_multi_choice_fact_offers_one_set_per_group_its_conditions_tell_apart() -> None:
    # tests/data/multi reads 'situation' with: contains all [housing_costs, children], (derived)
    # contains any [children, disability], is empty, contains housing_costs. Of the 8 sets,
    # {children}, {disability} and {children, disability} read alike, and so do
    # {children, housing_costs} and all three; "none of these" (the empty set) is one answer.
    content = cached_content(MULTI)
    assert Answers(content, DAY).options("situation") == (
        Picked(()),
        Picked(("children",)),
        Picked(("housing_costs",)),
        Picked(("children", "housing_costs")),
        Picked(("disability", "housing_costs")),
        "weet_niet",
    )


def test_every_set_of_a_multi_choice_fact_ends_like_the_set_that_stands_for_it() -> None:
    content = cached_content(MULTI)
    engine = Engine(content)
    diagram = assert_matches_brute_force(content, DAY)
    answers = Answers(content, DAY)
    values = content.facts["situation"].value_ids()
    given: list[dict[str, object]] = [
        {"situation": list(chosen), "income": income}
        for size in range(len(values) + 1)
        for chosen in combinations(values, size)
        for income in (0, 1999, 2000, 100_000, "weet_niet")
    ]
    for raw in given:
        session, path = engine.start(DAY), []
        while (step := engine.step(session)).question is not None:
            fact = step.question.fact
            label = answer_label(answers, fact, raw[fact])
            path.append((fact, next(o for o in answers.options(fact) if option_label(o) == label)))
            session = session.with_answer(fact, parse_answer(content.facts[fact], raw[fact]))
        result = engine.step(session).result
        assert result is not None
        outcome = diagram.outcome_of(path)
        assert outcome.recommended == result.recommended, raw
        assert outcome.statuses == {i: v.status for i, v in result.verdicts.items() if not v.tip}


def test_a_multi_choice_master_reads_back_and_its_scenarios_replay_green(tmp_path: Path) -> None:
    content = cached_content(MULTI)
    engine = Engine(content)
    diagram = enumerate_paths(engine, DAY)
    (tmp_path / MASTER_FILE).write_text(diagram_json(diagram))
    assert read_master(tmp_path / MASTER_FILE) == diagram
    assert write_golden(engine, diagram, Outcomes(diagram), tmp_path) == diagram.total
    files = list(scenario_files([tmp_path]))
    assert [f.name for f in files if not replay_file(engine, f).passed] == []
    written = "\n".join(f.read_text() for f in files)
    assert "  situation: []" in written and '  situation: ["children", "housing_costs"]' in written


def test_the_diagram_is_the_same_when_every_walk_is_checked_against_engine_walk(
    tiny: Content,
) -> None:
    checked = Explorer(Engine(tiny), DAY, verify_walks=True)
    checked.start()
    assert tuple(checked.nodes) == enumerate_paths(Engine(tiny), DAY).nodes


@settings(max_examples=60, deadline=None)
@given(spec=content_dirs())
def test_memoised_paths_equal_brute_force_on_random_graphs(spec: dict[str, object]) -> None:
    on = DAY
    with tempfile.TemporaryDirectory() as folder:
        content = materialise(spec, Path(folder))
    engine = Engine(content)
    diagram = assert_matches_brute_force(content, on)
    checked = Explorer(engine, on, verify_walks=True)
    checked.start()
    assert tuple(checked.nodes) == diagram.nodes
    assert compare(diagram, diagram) == (0, [])


def test_the_master_reads_back_as_written(tiny: Content, tmp_path: Path) -> None:
    diagram = enumerate_paths(Engine(tiny), DAY)
    (tmp_path / MASTER_FILE).write_text(diagram_json(diagram))
    assert read_master(tmp_path / MASTER_FILE) == diagram


def test_a_broken_master_is_reported_with_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / MASTER_FILE).write_text('{"format": 1}')
    assert main(["--content", str(TINY), "paths", "--check", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path / MASTER_FILE}: not a golden master of leerwijzer paths: format 1, "
        "expected 2; write it again with 'leerwijzer paths --write-scenarios'\n"
    )
    assert main(["--content", str(TINY), "paths", "--check", str(tmp_path / "elsewhere")]) == 1
    assert capsys.readouterr().err == (
        f"{tmp_path / 'elsewhere' / MASTER_FILE}: no golden master here; "
        "write one with 'leerwijzer paths --write-scenarios'\n"
    )


def test_paths_prints_the_total_and_every_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(TINY), "paths", "--date", "2026-11-23"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "leerwijzer paths: rules tiny-1 on 2026-11-23"
    assert re.fullmatch(r"36 paths \(31 states, 38 answer groups; \d+\.\d s\)", lines[1])
    assert lines[2:13] == [
        "7 distinct outcomes, 16 distinct verdict sets",
        "",
        "Paths per outcome:",
        f"{9:>24,}  campus_card",
        f"{8:>24,}  town_pass",
        f"{7:>24,}  nothing applies",
        f"{4:>24,}  campus_card, town_pass",
        f"{3:>24,}  study_room, campus_card",
        f"{3:>24,}  campus_card, study_room",
        f"{2:>24,}  campus_card, study_room, town_pass",
        "",
    ]


def test_coverage_names_what_the_scenarios_miss(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "visitor.yaml").write_text(
        "name: visitor\ndate: 2026-11-23\nanswers: {role: visitor, resident: ja, age: 40, goal: borrow}\n"
    )
    args = ["--content", str(TINY), "paths", "--date", "2026-11-23", "--scenarios", str(tmp_path)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.split("Coverage by ")[1].splitlines() == [
        f"{tmp_path} (1 scenarios):",
        "  questions asked: 4 of 5",
        "    covered: age, goal, resident, role",
        "    missed: fulltime",
        "  options answered: 4 of 16",
        "    covered: age=18..120, goal=borrow, resident=ja, role=visitor",
        "    missed: age=0..17, age=weet_niet, fulltime=ja, fulltime=nee, fulltime=weet_niet, "
        "goal=study, goal=weet_niet, resident=nee, resident=weet_niet, role=student, role=staff, "
        "role=weet_niet",
        "  instruments eligible: 1 of 3",
        "    covered: town_pass",
        "    missed: campus_card, study_room",
    ]


def test_small_graphs_get_one_scenario_per_path_and_they_replay_green(
    tiny: Content, tmp_path: Path
) -> None:
    engine = Engine(tiny)
    diagram = enumerate_paths(engine, DAY)
    assert write_golden(engine, diagram, Outcomes(diagram), tmp_path) == 36
    files = list(scenario_files([tmp_path]))
    assert len(files) == 36 == len(list(all_paths(diagram)))
    assert all(replay_file(engine, f).passed for f in files)
    assert (tmp_path / "path_0001_campus_card.yaml").read_text().splitlines() == [
        "# Written by `leerwijzer paths --write-scenarios` (rules tiny-1, 2026-11-23); "
        "rewrite, do not edit.",
        "# 1 path ends with these verdicts; this is one.",
        "# A comment lists the other answers that lead to the same state: any of them gives this",
        "# same outcome.",
        'name: "path 0001: campus_card"',
        "date: 2026-11-23",
        "answers:",
        '  role: "student"',
        '  goal: "borrow"',
        '  fulltime: "ja"',
        "expect:",
        '  recommended_first: "campus_card"',
        '  recommended_includes: ["campus_card"]',
        '  eligible_exactly: ["campus_card", "study_room"]',
        '  not_eligible_includes: ["town_pass"]',
        "  nothing_applies: false",
        "  max_questions: 3",
    ]


def test_write_then_check_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--content", str(TINY), "paths"]
    assert main([*base, "--date", "2026-11-23", "--write-scenarios", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["--content", str(TINY), "replay", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "36 passed, 0 failed"
    assert main([*base, "--check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok: all 36 paths end as before"


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source / "questions", target / "questions")
    shutil.copytree(source / "incentives", target / "incentives")
    return target


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new, 1))


def test_check_names_the_paths_a_moved_threshold_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "master"
    assert (
        main(
            [
                "--content",
                str(TINY),
                "paths",
                "--date",
                "2026-11-23",
                "--write-scenarios",
                str(master),
            ]
        )
        == 0
    )
    changed = _copy(TINY, tmp_path / "content")
    _edit(changed / "incentives" / "town_pass.yaml", "age >= 18", "age >= 21")
    capsys.readouterr()
    assert main(["--content", str(changed), "paths", "--check", str(master)]) == 1
    assert capsys.readouterr().out.splitlines()[1:6] == [
        "FAIL: 6 paths changed, appeared or disappeared; the first:",
        "  path role=visitor > resident=ja > age=18..20",
        "    the wizard asked goal here, now nothing more (the end); verdicts changed: "
        "town_pass: eligible -> not_eligible (3 paths)",
        "  path role=visitor > resident=weet_niet > age=18..20",
        "    the wizard asked goal here, now nothing more (the end); verdicts changed: "
        "town_pass: possibly -> not_eligible (3 paths)",
    ]


def test_check_names_the_paths_a_new_priority_reorders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "master"
    assert (
        main(
            [
                "--content",
                str(TINY),
                "paths",
                "--date",
                "2026-11-23",
                "--write-scenarios",
                str(master),
            ]
        )
        == 0
    )
    changed = _copy(TINY, tmp_path / "content")
    _edit(changed / "incentives" / "campus_card.yaml", "priority: 10", "priority: -10")
    capsys.readouterr()
    assert main(["--content", str(changed), "paths", "--check", str(master)]) == 1
    assert capsys.readouterr().out.splitlines()[1:6] == [
        "FAIL: 3 paths changed, appeared or disappeared; the first:",
        "  path role=student > goal=weet_niet > fulltime=ja",
        "    recommendation changed: campus_card, study_room -> study_room, campus_card (1 path)",
        "  path role=weet_niet > goal=weet_niet > fulltime=ja",
        "    recommendation changed: campus_card, study_room, town_pass -> "
        "study_room, campus_card, town_pass (1 path)",
    ]


def test_check_names_answers_that_appeared_or_disappeared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "master"
    write = ["paths", "--date", "2026-11-23", "--write-scenarios", str(master)]
    assert main(["--content", str(TINY), *write]) == 0
    changed = _copy(TINY, tmp_path / "content")
    facts = changed / "questions" / "facts.yaml"
    visitor = "      - {id: visitor, label: {nl: Bezoeker, en: Visitor}}\n"
    _edit(facts, visitor, visitor + "      - {id: alumnus, label: {nl: Oud, en: Alumnus}}\n")
    _edit(facts, "min: 0\n", "min: 18\n")
    capsys.readouterr()
    assert main(["--content", str(changed), "paths", "--check", str(master)]) == 1
    assert capsys.readouterr().out.splitlines()[1:8] == [
        "FAIL: 3 paths changed, appeared or disappeared; the first:",
        "  path role=visitor > resident=ja > age=0..17",
        "    this answer is no longer offered: its paths disappeared (1 path)",
        "  path role=visitor > resident=weet_niet > age=0..17",
        "    this answer is no longer offered: its paths disappeared (1 path)",
        "  path role=alumnus",
        "    this answer is new: its paths appeared (1 path)",
    ]


def test_the_core_module_does_not_import_textual_or_rich() -> None:
    probe = (
        "import sys, wizard.paths; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_a_run_over_its_budget_stops_with_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["--content", str(TINY), "paths", "--date", "2026-11-23", "--exhaustive"]
    assert main([*args, "--budget", "1e-9"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("leerwijzer paths: more than 0 s for every path")
    assert "leave out --exhaustive for a survey, or give a larger --budget (0: no limit)" in err
    assert "Traceback" not in err
