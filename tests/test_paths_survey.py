"""The survey `leerwijzer paths` makes of a graph with too many paths to count one by one.

On small graphs the survey is checked against the exact diagram (every witness is a real path
with the engine's outcome; what the survey meets is what the paths can do); on the bundled
content, its golden master and `--check` are checked end to end.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings

from tests.conftest import REPO, cached_content
from tests.test_random_graphs import content_dirs, materialise
from wizard.cli import main
from wizard.content import Content
from wizard.engine import Engine
from wizard.paths import (
    MASTER_FILE,
    Answers,
    Diagram,
    MasterError,
    Outcomes,
    Range,
    Survey,
    all_paths,
    answer_label,
    diagram_json,
    enumerate_paths,
    option_label,
    read_master,
    session_for,
)
from wizard.replay import load_scenario, replay_file, scenario_files

DAY = "2026-11-23"
DATA = Path(__file__).resolve().parent / "data"
SMALL = [DATA / "tiny", DATA / "multi", DATA / "shortcut", REPO / "examples" / "benefits_check"]


def _day() -> date:
    return date.fromisoformat(DAY)


def assert_sound_and_complete(content: Content, walks: int, complete: bool = True) -> None:
    """Every witness is a path of the exact diagram, with its outcome, and every answer of every
    question met was given; with ``complete``, the survey met every question, verdict and first
    recommendation the paths can reach."""
    engine = Engine(content)
    exact = enumerate_paths(engine, _day())
    survey = Survey(engine, _day(), walks=walks)
    found = survey.run()
    assert not found.complete and found.total == len(survey.witnesses) > 0
    for path in all_paths(found):
        assert found.outcome_of(path) == exact.outcome_of(path), path
    met = survey.found
    answers = Answers(content, _day())
    for question in found.questions():
        fact = content.questions[question].fact
        for option in answers.options(fact):
            assert (fact, option_label(option)) in met.answers, (fact, option)
    if complete:
        outcomes = Outcomes(exact)
        reachable = {exact.outcomes[i] for i in outcomes.classes}
        assert found.questions() == exact.questions()
        assert set(met.verdicts) == {v for o in reachable for v in o.verdicts}
        assert set(met.firsts) == {o.recommended[0] if o.recommended else "" for o in reachable}


@pytest.mark.parametrize("folder", SMALL, ids=lambda f: f.name)
def test_on_small_graphs_the_survey_meets_what_every_path_can_reach(folder: Path) -> None:
    assert_sound_and_complete(cached_content(folder), walks=2_000)


@settings(max_examples=40, deadline=None)
@given(spec=content_dirs())
def test_every_witness_on_random_graphs_is_a_real_path_with_its_outcome(
    spec: dict[str, object],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = materialise(spec, Path(folder))
    # the one-change round may miss a question only a rare mix of answers reaches
    assert_sound_and_complete(content, walks=400, complete=False)


@settings(max_examples=20, deadline=None)
@given(spec=content_dirs())
def test_a_survey_stopped_early_reports_only_real_paths(spec: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = materialise(spec, Path(folder))
    engine = Engine(content)
    exact = enumerate_paths(engine, _day())
    survey = Survey(engine, _day(), walks=3)
    found = survey.run()
    assert survey.walked == 3
    for path in all_paths(found):
        assert found.outcome_of(path) == exact.outcome_of(path), path


def test_the_survey_is_the_same_every_run() -> None:
    content = cached_content(DATA / "shortcut")
    first = Survey(Engine(content), _day(), walks=300).run()
    again = Survey(Engine(content), _day(), walks=300).run()
    assert diagram_json(first) == diagram_json(again)


def test_a_survey_master_reads_back_and_refuses_a_bad_complete(tmp_path: Path) -> None:
    found = Survey(Engine(cached_content(DATA / "tiny")), _day(), walks=100).run()
    (tmp_path / MASTER_FILE).write_text(diagram_json(found))
    assert read_master(tmp_path / MASTER_FILE) == found
    text = diagram_json(found).replace('"complete": false', '"complete": "no"')
    (tmp_path / MASTER_FILE).write_text(text)
    with pytest.raises(MasterError, match="'complete' is true or false, not 'no'"):
        read_master(tmp_path / MASTER_FILE)


def test_paths_surveys_when_the_count_passes_its_states(
    capsys: pytest.CaptureFixture[str],
) -> None:
    tiny = str(DATA / "tiny")
    assert main(["--content", tiny, "paths", "--date", DAY, "--max-states", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == ("Too many paths to count one by one: more than 3 walk states for every path.")
    assert re.fullmatch(r"Survey instead: [\d,]+ walks through the real engine \(.*", out[4])
    assert "  answers given, of the questions met: 16 of 16" in out
    assert (
        main(["--content", tiny, "paths", "--date", DAY, "--max-states", "3", "--exhaustive"]) == 0
    )
    assert re.fullmatch(r"36 paths \(.*", capsys.readouterr().out.splitlines()[1])


def test_check_of_a_survey_names_answers_that_appeared_or_disappeared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    master = tmp_path / "master"
    write = ["paths", "--date", DAY, "--max-states", "3", "--write-scenarios", str(master)]
    assert main(["--content", str(DATA / "tiny"), *write]) == 0
    assert not read_master(master / MASTER_FILE).complete
    changed = tmp_path / "content"
    shutil.copytree(DATA / "tiny", changed)
    facts = changed / "questions" / "facts.yaml"
    visitor = "      - {id: visitor, label: {nl: Bezoeker, en: Visitor}}\n"
    text = facts.read_text()
    assert visitor in text and "min: 0\n" in text
    text = text.replace(visitor, visitor + "      - {id: alumnus, label: {nl: Oud, en: Alumnus}}\n")
    facts.write_text(text.replace("min: 0\n", "min: 18\n"))
    capsys.readouterr()
    assert main(["--content", str(changed), "paths", "--check", str(master)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1:4] == [
        "FAIL: 2 answers offered differently (the survey's master):",
        "  answer age=0..17: no longer offered",
        "  answer role=alumnus: offered now, walked by no witness",
    ], out
    assert re.fullmatch(
        r"FAIL: \d+ paths? changed, .* \(of \d+ witness paths\); the first:", out[4]
    )
    assert "    this answer is no longer offered: its paths disappeared (1 path)" in out


# --- the bundled content: too many paths to count, so it is surveyed -------------------------------


@pytest.fixture(scope="module")
def bundled_master(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Diagram]:
    folder = tmp_path_factory.mktemp("golden")
    args = ["--content", str(REPO), "paths", "--date", DAY, "--write-scenarios", str(folder)]
    assert main(args) == 0
    return folder, read_master(folder / MASTER_FILE)


def test_bundled_paths_are_surveyed_and_the_witnesses_replay_green(
    bundled_master: tuple[Path, Diagram],
) -> None:
    folder, master = bundled_master
    assert not master.complete
    engine = Engine(cached_content(REPO))
    files = list(scenario_files([folder]))
    assert len(files) == master.total and 20 < len(files) < 1_000
    assert [f.name for f in files if not replay_file(engine, f).passed] == []


def test_bundled_witnesses_answer_every_option_of_every_question_met(
    bundled_master: tuple[Path, Diagram],
) -> None:
    folder, master = bundled_master
    content = cached_content(REPO)
    answers = Answers(content, master.on)
    offered = {
        (content.questions[q].fact, option_label(a))
        for q in master.questions()
        for a in answers.options(content.questions[q].fact)
    }
    answered = {
        (fact, answer_label(answers, fact, raw))
        for file in scenario_files([folder])
        for fact, raw in load_scenario(file).answers.items()
    }
    assert offered <= answered
    # every question the bundled content can ask on the day but one (its date is out of range)
    assert len(master.questions()) >= len(content.questions) - 1


def test_bundled_check_passes_unchanged_and_names_a_moved_threshold(
    bundled_master: tuple[Path, Diagram],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, _ = bundled_master
    assert main(["--content", str(REPO), "paths", "--check", str(folder)]) == 0
    assert re.fullmatch(
        r"ok: all \d+ witness paths of the survey end as before",
        capsys.readouterr().out.splitlines()[-1],
    )
    changed = tmp_path / "content"
    shutil.copytree(REPO / "questions", changed / "questions")
    shutil.copytree(REPO / "incentives", changed / "incentives")
    rule = changed / "incentives" / "okot_studeren_met_uitkering.yaml"
    text = rule.read_text()
    assert "leeftijd >= 22" in text
    rule.write_text(text.replace("leeftijd >= 22", "leeftijd >= 25", 1))
    assert main(["--content", str(changed), "paths", "--check", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    # the ranges the rules tell apart moved, and a witness on the old edge now ends otherwise
    assert out[1] == "FAIL: 4 answers offered differently (the survey's master):"
    assert any(
        re.fullmatch(r"  answer leeftijd=22\.\.\d+: no longer offered", line) for line in out[2:6]
    )
    start = next(i for i, line in enumerate(out) if "witness paths); the first:" in line)
    assert re.fullmatch(
        r"FAIL: [\d,]+ paths? changed, appeared or disappeared \(of \d+ witness paths\); the first:",
        out[start],
    )
    named = "\n".join(out[start + 1 :])
    assert re.search(r"  path statuut=\S+ > .*leeftijd=22\.\.24", named), named
    # §13: 22 or older without two years out of school rests on one source: "possibly"
    assert "okot_studeren_met_uitkering: possibly -> not_eligible" in named, named


def test_bundled_witnesses_end_as_the_engine_ends_them() -> None:
    """The survey ranks with each verdict remembered by the answers it reads (RankedVerdicts):
    every witness ends exactly as a session answering it does."""
    content = cached_content(REPO)
    engine = Engine(content)
    survey = Survey(engine, _day(), walks=400)
    found = survey.run()
    assert found.total > 20
    for path in all_paths(found):
        result = engine.result(session_for(engine, _day(), path))
        outcome = found.outcome_of(path)
        assert outcome.recommended == result.recommended, path
        statuses = {i: v.status for i, v in result.verdicts.items() if not v.tip}
        assert outcome.statuses == statuses, path


def _bundled_copy(tmp_path: Path) -> Path:
    changed = tmp_path / "content"
    shutil.copytree(REPO / "questions", changed / "questions")
    shutil.copytree(REPO / "incentives", changed / "incentives")
    return changed


def _edit(file: Path, old: str, new: str) -> None:
    text = file.read_text()
    assert old in text, old
    file.write_text(text.replace(old, new, 1))


def test_bundled_check_names_an_answer_that_decides_only_with_others(
    bundled_master: tuple[Path, Diagram], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code review 3, F2: 'beroep_ander' decides the premie only when the need is not a
    secondary diploma; a witness where one changed answer flips a verdict is kept for that."""
    folder, _ = bundled_master
    changed = _bundled_copy(tmp_path)
    _edit(
        changed / "incentives" / "premie_eerste_diploma_so.yaml",
        "vwo_tariefgroep in [algemene_vorming, beroep_knelpunt, beroep_ander]",
        "vwo_tariefgroep in [algemene_vorming, beroep_knelpunt]",
    )
    capsys.readouterr()
    assert main(["--content", str(changed), "paths", "--check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "vwo_tariefgroep=beroep_ander" in out
    assert "premie_eerste_diploma_so: possibly -> not_eligible" in out


def test_bundled_check_names_a_reordered_recommendation(
    bundled_master: tuple[Path, Diagram], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code review 3, F3: every order of two recommendations some walk met is kept."""
    folder, _ = bundled_master
    changed = _bundled_copy(tmp_path)
    _edit(changed / "incentives" / "vlaams_opleidingsverlof.yaml", "priority: 50", "priority: 53")
    capsys.readouterr()
    assert main(["--content", str(changed), "paths", "--check", str(folder)]) == 1
    assert "recommendation changed: " in capsys.readouterr().out


def test_a_small_survey_master_checks_ok_on_unchanged_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code review 3, F4: the master keeps what was offered, not only what its walks gave."""
    master = tmp_path / "master"
    write = ["paths", "--date", DAY, "--walks", "50", "--write-scenarios", str(master)]
    assert main(["--content", str(REPO), *write]) == 0
    assert "answers given, of the questions met: 160 of 160" not in capsys.readouterr().out
    assert main(["--content", str(REPO), "paths", "--check", str(master)]) == 0


def test_each_school_year_of_the_start_date_is_an_answer_and_witnesses_hold_on_its_edges() -> None:
    """Code review 3, F1: the start date picks the rules (dated_by): each school year is its own
    range, and a witness ends the same at both ends of its range."""
    on = date(2026, 6, 1)
    content = cached_content(REPO)
    labels = [option_label(o) for o in Answers(content, on).options("opleiding_startdatum")]
    assert "2025-09-01..2026-08-31" in labels and "2026-09-01..2027-08-31" in labels
    engine = Engine(content)
    found = Survey(engine, on, walks=400).run()
    checked = 0
    for path in all_paths(found):
        for index, (fact, option) in enumerate(path):
            if fact != "opleiding_startdatum" or not isinstance(option, Range):
                continue
            for end in (option.low, option.high):
                if end is None:
                    continue
                moved = (
                    *path[:index],
                    (fact, Range(option.low, option.high, end)),
                    *path[index + 1 :],
                )
                result = engine.result(session_for(engine, on, moved))
                statuses = {i: v.status for i, v in result.verdicts.items() if not v.tip}
                assert statuses == found.outcome_of(path).statuses, (moved, end)
                checked += 1
    assert checked > 0


def test_a_master_whose_links_are_broken_is_refused_with_its_file(tmp_path: Path) -> None:
    found = Survey(Engine(cached_content(DATA / "tiny")), _day(), walks=50).run()
    lines = diagram_json(found).splitlines()
    # the root (last node) points one past the end
    root = next(i for i in range(len(lines) - 1, -1, -1) if lines[i].startswith("  ["))
    lines[root] = re.sub(r",(\d+)\]", lambda m: f",{len(found.nodes) + 5}]", lines[root], count=1)
    (tmp_path / MASTER_FILE).write_text("\n".join(lines) + "\n")
    with pytest.raises(MasterError, match=r"not a golden master .* which is not before it"):
        read_master(tmp_path / MASTER_FILE)
