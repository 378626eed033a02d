"""The example flow under examples/ (issue 14 item 5): a content set that is not Flemish runs on the
same engine and passes `check`, `lint` (0 errors), `paths` and its own scenarios.

The commands run as testers and CI run them (a fresh interpreter); the path walk below is our own,
through the public step functions, so it does not depend on how `paths` counts.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from tests.cli import REPO, leerwijzer
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.report import glance
from wizard.report_text import render_text
from wizard.report_why_not import why_not
from wizard.sessions import Answer, Session

EXAMPLE = REPO / "examples" / "benefits_check"
SCENARIOS = EXAMPLE / "scenarios"
DAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def example() -> Content:
    return load_content(EXAMPLE)


def run(*args: str) -> tuple[int, str]:
    done = leerwijzer("--content", str(EXAMPLE), *args)
    return done.returncode, done.stdout + done.stderr


def test_the_example_passes_check() -> None:
    code, out = run("check")
    assert code == 0, out
    assert "OK: 7 facts, 7 questions, 12 instruments" in out


def test_the_example_passes_lint_with_no_errors() -> None:
    code, out = run("lint", "--date", DAY.isoformat())
    assert code == 0, out
    assert re.search(r"^0 errors,", out, re.M), out
    assert "Traceback" not in out


def test_the_example_passes_paths() -> None:
    code, out = run("paths", "--date", DAY.isoformat(), "--scenarios", str(SCENARIOS))
    assert code == 0, out
    assert "Traceback" not in out and "nothing applies" not in out, out
    # the scenarios ask every question and reach every outcome
    assert re.search(r"questions asked: (\d+) of \1\b", out), out
    assert re.search(r"instruments eligible: 12 of 12\b", out), out


def test_paths_finds_the_example_scenarios_without_being_told() -> None:
    # a flow of its own keeps them in scenarios/ (the bundled content in tests/scenarios)
    code, out = run("paths", "--date", DAY.isoformat())
    assert code == 0, out
    assert "no scenario files" not in out and re.search(r"instruments eligible: 12 of 12\b", out), (
        out
    )


def test_the_example_scenarios_pass_in_replay() -> None:
    code, out = run("replay", str(SCENARIOS))
    assert code == 0, out
    count = len(list(SCENARIOS.glob("*.yaml")))
    assert f"{count} passed, 0 failed" in out


def test_the_pytest_plugin_runs_the_example_scenarios_as_tests() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(SCENARIOS)]
        + ["--leerwijzer-content", str(EXAMPLE)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    count = len(list(SCENARIOS.glob("*.yaml")))
    assert done.returncode == 0, done.stdout[-3000:]
    assert f"{count} passed" in done.stdout


def test_the_example_uses_what_issue_14_asks_of_it(example: Content) -> None:
    # English only, a multi-select question, a condition on an unknown answer, single end states
    graph = (EXAMPLE / "questions" / "graph.yaml").read_text()
    assert re.search(r"^languages: \[en\]$", graph, re.M)
    assert example.result_mode == "end_state" and example.need_fact is None
    assert any(f.kind == "multi_choice" for f in example.facts.values())
    conditions = [r.model.when for i in example.incentives.values() for r in i.requirements]
    assert any(" is unknown" in c for c in conditions)
    assert any(" contains " in c for c in conditions)
    for path in [*EXAMPLE.rglob("*.yaml")]:
        assert "nl:" not in path.read_text(), f"{path} has a Dutch text"


# --- every path reaches exactly one outcome --------------------------------------------------------


def options(content: Content, fact_id: str) -> list[Answer]:
    fact = content.facts[fact_id]
    values = fact.value_ids()
    answers: list[Answer] = (
        [frozenset(c) for n in range(len(values) + 1) for c in combinations(values, n)]
        if fact.kind == "multi_choice"
        else list(values)
    )
    return [*answers, UNKNOWN] if fact.offer_unknown else answers


def every_path(engine: Engine, session: Session) -> Iterator[Session]:
    question = engine.current_question(session)
    if question is None:
        yield session
        return
    for answer in options(engine.content, question.fact):
        yield from every_path(engine, session.with_answer(question.fact, answer))


def test_every_path_reaches_exactly_one_outcome_and_every_outcome_is_reached(
    example: Content,
) -> None:
    engine = Engine(example)
    reached: dict[str, int] = {}
    paths = 0
    for session in every_path(engine, engine.start(DAY, "en")):
        paths += 1
        result = engine.result(session)
        assert len(result.recommended) == 1, (dict(session.answers), result.recommended)
        (outcome,) = result.recommended
        assert result.verdicts[outcome].status == "eligible", dict(session.answers)
        reached[outcome] = reached.get(outcome, 0) + 1
    assert paths > 50
    assert set(reached) == set(example.incentives)


def test_the_result_shows_the_outcome_reached_and_nothing_else(example: Content) -> None:
    engine = Engine(example)
    answers: dict[str, Answer] = {
        "where_live": "eastbrook",
        "age_group": "working_age",
        "work_status": "employed",
        "circumstances": frozenset({"caring"}),
        "caring_hours": "yes",
        "savings": "under_6000",
    }
    session = engine.start(DAY, "en")
    while (question := engine.current_question(session)) is not None:
        session = session.with_answer(question.fact, answers[question.fact])
    assert "hours_worked" not in session.answer_map  # no outcome still depends on it
    result = engine.result(session)
    shown = glance(example, result, "en")
    assert [item.instrument for item in shown.items] == ["carer_support"]
    assert not shown.nothing and not shown.others_line
    assert why_not(example, result, "en") == []
    text = render_text(example, result, "en")
    assert "Eastbrook Carer Payment" in text and "Family Support" not in text


def test_savings_unknown_leads_to_its_own_outcome(example: Content) -> None:
    engine = Engine(example)
    answers: dict[str, Answer] = {
        "where_live": "eastbrook",
        "age_group": "pension_age",
        "savings": UNKNOWN,
    }
    session = engine.start(DAY, "en")
    while (question := engine.current_question(session)) is not None:
        session = session.with_answer(question.fact, answers[question.fact])
    result = engine.result(session)
    assert result.recommended == ("find_out_savings",)
    # the payments that hang on the savings stay open underneath, and are not shown
    assert result.verdicts["pension_age_support"].status == "possibly"
    assert [i.instrument for i in glance(example, result, "en").items] == ["find_out_savings"]


def test_the_example_readme_says_the_rules_are_illustrative() -> None:
    readme = (EXAMPLE / "README.md").read_text()
    assert "illustrative, not real entitlements" in readme
    assert Path(REPO / "docs" / "own-flow.md").exists()


async def test_the_wizard_runs_the_example_in_english_to_one_outcome(example: Content) -> None:
    from tests.tui.test_app import SIZE, glance_text, page_of, press, settle
    from wizard.tui.app import WizardApp

    app = WizardApp(example, on=DAY, lang="nl")  # nl is not offered: it starts in English
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1")  # In Eastbrook
        await press(pilot, "3")  # State Pension age or over
        await press(pilot, "2")  # £6,000 to £16,000
        assert page_of(app) == "check"
        await press(pilot, "enter")
        assert page_of(app) == "result"
        shown = glance_text(app)
        assert "Your result" in shown
        assert "1. ✔ certain · Eastbrook Later Life Payment" in shown
        assert "2." not in shown and "do not fit" not in shown


def test_plain_mode_runs_the_example_with_a_multi_select_answer() -> None:
    # Eastbrook, working age, not working, "children, pregnant" ticked, savings under £6,000
    typed = "1\n2\n3\n1, 2\n1\n\n\n"
    done = leerwijzer("--content", str(EXAMPLE), "plain", "--date", DAY.isoformat(), stdin=typed)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    result = done.stdout.split("Your result", 1)[1]
    assert "1. ✔ certain: Eastbrook Family Support Payment" in result
    assert "2. " not in result and "do not fit" not in result
    # single end states: nothing "does not fit", so no 'why' is offered
    assert "Type 1 to read all of it, or press Enter to stop." in result
    assert "'why'" not in result
