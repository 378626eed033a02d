"""Anonymous usage events: what they say, what they never say, and that they are off by default."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.cli import leerwijzer
from tests.conftest import REPO, SCENARIOS
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.plain import PlainRunner
from wizard.replay import load_scenario, scenario_files
from wizard.sessions import UNKNOWN_ANSWER
from wizard.store import SqliteStore, UsageRow
from wizard.usage import FIGURES_ENV, Figures, ObservedEngine, figures_on, observed

ON = date(2026, 11, 23)


class Collected:
    """A sink that keeps the rows, as the store would."""

    def __init__(self) -> None:
        self.rows: list[UsageRow] = []

    def __call__(self, rows: Sequence[UsageRow]) -> None:
        self.rows.extend(rows)

    def kinds(self) -> list[tuple[str, str | None, str | None]]:
        return [(r.kind, r.question, r.answer or r.outcome) for r in self.rows]


def watched(content: Content, mode: str = "test") -> tuple[ObservedEngine, Collected]:
    sink = Collected()
    figures = Figures(content, mode, sink, today=lambda: ON)
    return ObservedEngine(content, figures), sink


def test_a_session_becomes_shown_answered_back_edited_finished(tiny: Content) -> None:
    engine, sink = watched(tiny)
    session = engine.start(ON, "nl")
    engine.current_question(session)
    session = engine.answer(session, "visitor")
    engine.current_question(session)
    session = engine.answer(session, UNKNOWN)  # resident: "weet ik niet"
    engine.current_question(session)
    session, _ = engine.back(session)
    engine.current_question(session)
    session = engine.answer(session, "ja")
    engine.current_question(session)
    session = engine.answer(session, 47)  # age: a number, never recorded
    engine.current_question(session)
    session = engine.answer(session, "borrow")
    engine.current_question(session)
    before_edit = " ".join(engine.result(session).recommended) or "nothing"
    session = engine.edit(session, "resident", "nee").session
    engine.current_question(session)
    engine.figures.close()
    assert sink.kinds() == [
        ("shown", "role", None),
        ("answered", "role", "visitor"),
        ("shown", "resident", None),
        ("answered", "resident", UNKNOWN_ANSWER),
        ("shown", "age", None),
        ("back", "resident", None),
        ("shown", "resident", None),
        ("answered", "resident", "ja"),
        ("shown", "age", None),
        ("answered", "age", None),
        ("shown", "goal", None),
        ("answered", "goal", "borrow"),
        ("finished", None, before_edit),
        ("edited", "resident", "nee"),
        ("finished", None, " ".join(engine.result(session).recommended) or "nothing"),
    ]
    assert {r.run for r in sink.rows} == {sink.rows[0].run} and len(sink.rows[0].run) == 16
    assert [r.seq for r in sink.rows] == list(range(len(sink.rows)))
    assert {(r.day, r.mode, r.rules_version) for r in sink.rows} == {(ON, "test", "tiny-1")}


def test_a_session_left_half_way_is_abandoned_at_its_question(tiny: Content) -> None:
    engine, sink = watched(tiny)
    session = engine.start(ON)
    engine.current_question(engine.answer(session, "student"))
    second = engine.start(ON)  # a new person: the first session ends here
    engine.current_question(second)
    engine.figures.close()
    first_run, second_run = sink.rows[0].run, sink.rows[-1].run
    assert first_run != second_run
    assert [k for k in sink.kinds() if k[0] == "abandoned"] == [
        ("abandoned", "goal", None),
        ("abandoned", "role", None),
    ]


def test_plain_mode_from_a_pipe_records_no_number_and_no_typed_text(tiny: Content) -> None:
    engine, sink = watched(tiny, "plain")
    typed = io.StringIO("3\n1\n47\n1\n")  # visitor, lives in town, age 47, borrow
    out = io.StringIO()
    assert PlainRunner(engine, typed, out).run(engine.start(ON)) == 0
    engine.figures.close()
    assert ("answered", "age", None) in sink.kinds()
    for row in sink.rows:
        # The run id is random hex and may contain "47" by chance; it is checked for its shape instead.
        assert re.fullmatch(r"[0-9a-f]+", row.run)
        assert "47" not in repr(dataclasses.replace(row, run=""))


def test_figures_are_off_unless_switched_on(tiny: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FIGURES_ENV, raising=False)
    assert not figures_on()
    assert type(observed(tiny, "plain")) is Engine
    monkeypatch.setenv(FIGURES_ENV, "1")
    assert isinstance(observed(tiny, "plain"), ObservedEngine)
    monkeypatch.setenv(FIGURES_ENV, "0")
    assert type(observed(tiny, "plain")) is Engine


def test_a_broken_store_costs_the_figures_only(
    tiny: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("LEERWIJZER_DATA_DIR", str(tmp_path / "file"))
    engine = observed(tiny, "plain", force=True)
    out = io.StringIO()
    assert PlainRunner(engine, io.StringIO("2\n1\n"), out).run(engine.start(ON)) == 0
    assert isinstance(engine, ObservedEngine)
    engine.figures.close()  # writes to a "folder" that is a file: no error reaches the person
    assert "Traceback" not in out.getvalue()


def _loadable_scenarios() -> list[Path]:
    from wizard.problems import ContentError

    loadable = []
    for path in scenario_files([SCENARIOS]):
        try:
            load_scenario(path)
        except ContentError:
            continue
        loadable.append(path)
    return loadable


def _personal_values() -> set[str]:
    """Every answer in the scenarios to a number or date fact (ages, hours, dates)."""
    from tests.conftest import cached_content

    content = cached_content(REPO)
    values: set[str] = set()
    for path in _loadable_scenarios():
        for fact, value in load_scenario(path).answers.items():
            if fact in content.facts and content.facts[fact].kind in ("integer", "date"):
                values.add(str(value))
    return values


def test_replaying_the_scenarios_with_figures_on_fills_the_events_without_personal_values(
    tmp_path: Path,
) -> None:
    from tests.conftest import cached_content

    done = leerwijzer(
        "replay", "--figures", str(SCENARIOS), env={"LEERWIJZER_DATA_DIR": str(tmp_path)}
    )
    assert "passed" in done.stdout, done.stderr
    rows = SqliteStore(tmp_path).events()
    content = cached_content(REPO)
    runs = {r.run for r in rows}
    assert len(runs) == len(_loadable_scenarios())  # one session per scenario that loads
    assert {r.mode for r in rows} == {"replay"}
    personal = _personal_values()
    assert personal, "the scenarios answer no number: this test would prove nothing"
    for row in rows:
        if row.answer is not None:  # an option id of a choice, or "weet niet": nothing else
            fact = content.facts[content.questions[str(row.question)].fact]
            assert row.answer == UNKNOWN_ANSWER or (
                fact.kind in ("choice", "yes_no") and row.answer in fact.value_ids()
            ), row
        assert not personal & {row.answer, row.outcome, row.question}, row
    numbers = [r for r in rows if r.kind == "answered" and r.answer is None]
    assert numbers, "no number or date was answered: the privacy check did not run"


def test_replay_without_figures_writes_nothing(tmp_path: Path) -> None:
    leerwijzer(
        "replay",
        str(SCENARIOS / "01_bediende_voltijds_bijscholen.yaml"),
        env={"LEERWIJZER_DATA_DIR": str(tmp_path / "data"), FIGURES_ENV: ""},
    )
    assert not (tmp_path / "data").exists()


@settings(max_examples=60, deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from(["answer", "back", "edit"]), st.integers(0, 200))))
def test_any_walk_gives_ordered_events_and_never_a_number(
    steps: list[tuple[str, int]],
) -> None:
    """Random answers, backs and edits: events stay in order, one run, and no age is recorded."""
    from tests.conftest import DATA, cached_content

    tiny = cached_content(DATA / "tiny")
    engine, sink = watched(tiny)
    session = engine.start(ON)
    ages: set[str] = set()
    for action, number in steps:
        question = engine.current_question(session)
        if action == "back":
            session, _ = engine.back(session)
        elif action == "edit" and session.answers:
            fact = session.answers[number % len(session.answers)][0]
            value: object = number % 121 if tiny.facts[fact].kind == "integer" else UNKNOWN
            if tiny.facts[fact].kind == "integer":
                ages.add(str(value))
            session = engine.edit(session, fact, value).session
        elif question is not None:
            values = tiny.facts[question.fact].value_ids()
            raw: object = values[number % len(values)] if values else number % 121
            if not values:
                ages.add(str(raw))
            session = engine.answer(session, raw)
    engine.current_question(session)
    engine.figures.close()
    assert [r.seq for r in sink.rows] == list(range(len(sink.rows)))
    assert len({r.run for r in sink.rows}) <= 1
    for row in sink.rows:
        assert (
            row.answer is None
            or row.answer == UNKNOWN_ANSWER
            or row.answer in {v for f in tiny.facts.values() for v in f.value_ids()}
        )
        assert not ages & {row.answer, row.outcome}
    ends = [r.kind for r in sink.rows if r.kind in ("finished", "abandoned")]
    assert ends.count("abandoned") <= 1 and (not ends or ends[-1] in ("finished", "abandoned"))
    complete = engine.current_question(session) is None
    assert (ends[-1:] == ["finished"]) == (complete and bool(ends))
