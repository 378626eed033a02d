"""`leerwijzer graph`: the question graph drawn, a scenario's path marked, docs/graph.md kept current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO, SCENARIOS, cached_content
from tests.test_import_hygiene import PROBE
from wizard.cli import main
from wizard.content import Content
from wizard.drawing import REGENERATE, draw, markdown_page, path_of, scenario_path
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.replay import Scenario, load_scenario, run_scenario, scenario_files

VISITOR = Scenario(
    name="visitor", answers={"role": "visitor", "resident": "ja", "age": 30, "goal": "borrow"}
)


def test_tiny_graph_as_mermaid(tiny: Content) -> None:
    assert draw(tiny, "mermaid") == (
        "flowchart TD\n"
        '    q_role["role<br/>Wat is uw rol?"]\n'
        '    q_goal["goal<br/>Wat wilt u doen?"]\n'
        '    q_fulltime["fulltime<br/>Studeert u voltijds?<br/>ask_when: role == student"]\n'
        '    q_resident["resident<br/>Woont u in de stad?"]\n'
        '    q_age["age<br/>Hoe oud bent u?"]\n'
        '    END(["end: result"])\n'
        '    q_role -->|"role == visitor"| q_resident\n'
        '    q_role -->|"otherwise"| q_goal\n'
        "    q_goal --> q_fulltime\n"
        "    q_fulltime --> END\n"
        "    q_resident --> q_age\n"
        "    q_age --> q_goal\n"
    )


def test_highlighted_mermaid_marks_asked_skipped_and_every_route_taken(tiny: Content) -> None:
    drawing = draw(tiny, "mermaid", "en", scenario_path(Engine(tiny), VISITOR))
    assert "    %% highlighted: visitor\n" in drawing
    assert '    q_role["role<br/>What is your role?"]\n' in drawing
    assert "    class q_role,q_resident,q_age,q_goal asked\n" in drawing
    assert "    class q_fulltime skipped\n" in drawing  # ask_when role == student is false
    assert "    class END asked\n" in drawing
    # Edge 1 (role -> goal, "otherwise") is the one route the visitor does not take.
    assert "    linkStyle 0,2,3,4,5 stroke:#b8860b,stroke-width:3px\n" in drawing


def test_highlighted_dot_marks_the_same_path(tiny: Content) -> None:
    drawing = draw(tiny, "dot", "nl", scenario_path(Engine(tiny), VISITOR))
    assert drawing.startswith("digraph questions {\n")
    assert drawing.endswith("}\n")
    assert '    label="highlighted: visitor";\n' in drawing
    assert (
        '    "role" [label="role\\nWat is uw rol?", style="rounded,filled", '
        'fillcolor="#ffe08a", color="#b8860b", penwidth=3];\n'
    ) in drawing
    assert (
        '    "fulltime" [label="fulltime\\nStudeert u voltijds?\\nask_when: role == student", '
        'style="rounded,dashed", color="#b8860b"];\n'
    ) in drawing
    assert '    "role" -> "resident" [label="role == visitor", color="#b8860b", penwidth=3];\n' in (
        drawing
    )
    assert '    "role" -> "goal" [label="otherwise"];\n' in drawing


def test_an_unfinished_path_leaves_the_end_unmarked(tiny: Content) -> None:
    stops = Scenario(name="stops", answers={"role": "student"})
    path = scenario_path(Engine(tiny), stops)
    assert (path.asked, path.complete) == (("role",), False)
    assert path.routes == frozenset({("role", 1)})
    drawing = draw(tiny, "mermaid", "nl", path)
    assert "class END asked" not in drawing
    assert "    linkStyle 1 stroke:#b8860b,stroke-width:3px\n" in drawing


def test_labels_are_escaped_for_both_formats(tmp_path: Path) -> None:
    shutil.copytree(DATA / "tiny", tmp_path, dirs_exist_ok=True)
    graph = tmp_path / "questions" / "graph.yaml"
    text = graph.read_text()
    text = text.replace('"Hoe oud bent u?"', "'Hoe \"oud\" bent u? #1'")
    text = text.replace(
        "      - when: role == visitor\n",
        "      - when: age < 18\n        goto: end\n      - when: role == visitor\n",
    )
    graph.write_text(text)
    content = load_content(tmp_path)
    mermaid = draw(content, "mermaid")
    assert '    q_age["age<br/>Hoe #quot;oud#quot; bent u? #35;1"]\n' in mermaid
    assert '    q_role -->|"age #lt; 18"| END\n' in mermaid
    dot = draw(content, "dot")
    assert '    "age" [label="age\\nHoe \\"oud\\" bent u? #1"];\n' in dot
    assert '    "role" -> "end" [label="age < 18"];\n' in dot


def test_every_bundled_scenario_path_is_the_path_replay_takes() -> None:
    engine = Engine(cached_content(REPO))
    files = list(scenario_files([SCENARIOS]))
    assert files
    for file in files:
        scenario = load_scenario(file)
        report = run_scenario(engine, scenario)
        path = scenario_path(engine, scenario)
        asked_facts = [engine.content.questions[q].fact for q in path.asked]
        assert asked_facts == report.asked, file.name
        # The routes taken form one chain from the start: every question on it was walked.
        walked = {question for question, _ in path.routes}
        assert walked == set(path.asked) | path.skipped, file.name


def test_path_of_a_session_follows_the_engine(tiny: Content) -> None:
    engine = Engine(tiny)
    session = engine.start()
    for answer in ("staff", "study"):
        session = engine.answer(session, answer)
    path = path_of(engine, session, "staff")
    assert path.asked == ("role", "goal")
    assert path.skipped == frozenset({"fulltime"})
    assert path.routes == frozenset({("role", 1), ("goal", 0), ("fulltime", 0)})
    assert path.complete


def test_docs_graph_md_is_what_the_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", "--format", "mermaid", "--markdown"]) == 0
    printed = capsys.readouterr().out
    assert printed == markdown_page(cached_content(REPO))
    committed = (REPO / "docs" / "graph.md").read_text(encoding="utf-8")
    assert committed == printed, f"docs/graph.md is out of date; regenerate it with: {REGENERATE}"


def test_cli_highlights_a_scenario_and_refuses_a_missing_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = tmp_path / "visitor.yaml"
    scenario.write_text("name: visitor\nanswers: {role: visitor, resident: nee, age: 70}\n")
    tiny = str(DATA / "tiny")
    assert main(["graph", "--content", tiny, "--format", "dot", "--highlight", str(scenario)]) == 0
    assert '"role" -> "resident" [label="role == visitor", color=' in capsys.readouterr().out
    missing = tmp_path / "missing.yaml"
    assert main(["graph", "--content", tiny, "--highlight", str(missing)]) == 1
    assert capsys.readouterr().err == (
        f"{missing}: cannot read file: No such file or directory\n"
        f"cannot highlight {missing}: fix the scenario file\n"
    )
    assert main(["graph", "--markdown", "--format", "dot"]) == 2
    assert "--markdown draws the plain Mermaid page" in capsys.readouterr().err


def test_drawing_does_not_import_textual_or_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "wizard.drawing"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
