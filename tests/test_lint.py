"""`leerwijzer lint`: one negative fixture per rule, the variants of each rule, and its claims
checked against every path the real engine takes on random graphs."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings

from tests.conftest import DATA
from tests.test_random_graphs import content_dirs, materialise
from wizard.cli import main
from wizard.conditions import UNKNOWN, Unknown
from wizard.content import Content
from wizard.engine import Engine
from wizard.lint import RULES, Finding, lint
from wizard.loading import load_content
from wizard.problems import ContentError
from wizard.sessions import Answer, Session

ON = date(2026, 11, 23)
LINT = DATA / "lint"
FIXTURES = sorted(p for p in LINT.iterdir() if p.is_dir())
SUMMARY = re.compile(
    r"^\d+ errors?, \d+ warnings? \(\d+ questions, \d+ instruments, reference date "
)


def expected_lines(fixture: Path) -> list[str]:
    return [line for line in (fixture / "expected.txt").read_text().splitlines() if line.strip()]


def lines(root: Path, on: date = ON, rule: str | None = None) -> list[str]:
    found = lint(load_content(root), on)
    return [str(f) for f in found if rule is None or f.rule == rule]


def variant(tmp_path: Path, *edits: tuple[str, str, str], base: Path = DATA / "tiny") -> Path:
    """A copy of ``base`` with (file, old, new) replacements; each old text must occur once."""
    root = tmp_path / "content"
    shutil.copytree(base, root)
    for relative, old, new in edits:
        path = root / relative
        text = path.read_text()
        assert text.count(old) == 1, (relative, old)
        path.write_text(text.replace(old, new))
    return root


GRAPH = "questions/graph.yaml"
ROLE_ROUTES = "      - when: role == visitor\n        goto: resident\n      - goto: goal\n"


# --- one fixture per rule ------------------------------------------------------------------------


def test_every_rule_has_a_negative_fixture() -> None:
    assert [f.name for f in FIXTURES] == sorted(RULES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_each_fixture_triggers_its_rule_with_the_exact_message(fixture: Path) -> None:
    assert lines(fixture, rule=fixture.name) == expected_lines(fixture)


def test_the_unchanged_base_of_the_fixtures_is_clean(tiny: Content) -> None:
    assert lint(tiny, ON) == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_lint_prints_one_finding_per_line_and_exits_1_only_on_errors(
    fixture: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["lint", "--content", str(fixture), "--date", ON.isoformat()])
    printed = capsys.readouterr().out.splitlines()
    for line in expected_lines(fixture):
        assert line in printed
    assert SUMMARY.match(printed[-1]), printed[-1]
    assert all(re.match(r"^(error|warning) [a-z_]+ \S+:\d+: ", line) for line in printed[:-1])
    has_errors = any(line.startswith("error ") for line in printed[:-1])
    assert code == (1 if has_errors else 0)
    if RULES[fixture.name] == "error":
        assert has_errors


def test_the_bundled_content_passes_lint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint"]) == 0  # today's date
    assert main(["lint", "--date", ON.isoformat()]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1].startswith("0 errors, ")
    assert not [line for line in printed if line.startswith("error ")]


def test_a_graph_too_large_to_explore_says_what_was_not_checked(
    tiny: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("wizard.lint.MAX_GRAPH_STATES", 2)
    assert [str(f) for f in lint(tiny, ON) if f.rule == "unreachable_question"] == [
        "warning unreachable_question questions/graph.yaml:2: the graph has too many paths to "
        "explore (over 2 question visits): questions never reached and routes never taken were "
        "not checked; split the graph or steer it with fewer facts"
    ]


def test_lint_runs_without_textual_or_rich() -> None:
    probe = f"""
import sys
from datetime import date
from pathlib import Path
from wizard.lint import lint
from wizard.loading import load_content
lint(load_content(Path({str(DATA / "tiny")!r})), date(2026, 11, 23))
print(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich")))
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_finding_reads_severity_rule_file_line_message() -> None:
    finding = Finding("warning", "text_too_long", Path("questions/graph.yaml"), 9, "shorten it")
    assert str(finding) == "warning text_too_long questions/graph.yaml:9: shorten it"


# --- the variants of each rule --------------------------------------------------------------------


def test_a_question_whose_fact_no_rule_reads_is_never_asked(tmp_path: Path) -> None:
    root = variant(
        tmp_path,
        (
            "incentives/study_room.yaml",
            "  - id: fulltime\n    when: fulltime\n"
            "    why_not: {nl: u studeert niet voltijds, en: you do not study full-time}\n",
            "",
        ),
    )
    assert lines(root, rule="unreachable_question") == [
        "error unreachable_question questions/graph.yaml:19: question 'fulltime' is never asked: "
        "no requirement, route or ask_when reads 'fulltime', so its answer cannot change any "
        "outcome and the wizard always skips it; use the fact in a rule, or remove the question "
        "and mark the fact `unused: <reason>`"
    ]


def test_a_route_that_can_never_be_true_leaves_its_target_unreachable(tmp_path: Path) -> None:
    contradiction = ROLE_ROUTES.replace("role == visitor", "role == visitor and role == staff")
    root = variant(tmp_path, (GRAPH, ROLE_ROUTES, contradiction))
    assert lines(root, rule="route_never_taken") == [
        "error route_never_taken questions/graph.yaml:11: route 1 of question 'role' (`when: "
        "role == visitor and role == staff` -> goto resident) is never taken: its condition can "
        "never be true; fix the condition or remove the route"
    ]
    assert lines(root, rule="unreachable_question") == [
        "error unreachable_question questions/graph.yaml:25: no answer path reaches question "
        "'resident': the routes to it (from 'role') are never taken or sit on questions that are "
        "never asked; fix those routes or remove the question",
        "error unreachable_question questions/graph.yaml:30: no answer path reaches question "
        "'age': the routes to it (from 'resident') are never taken or sit on questions that are "
        "never asked; fix those routes or remove the question",
    ]


def test_a_route_shadowed_by_an_earlier_one_is_never_taken(tmp_path: Path) -> None:
    shadowed = (
        "      - when: role in [visitor, staff]\n        goto: resident\n"
        "      - when: role == staff\n        goto: age\n      - goto: goal\n"
    )
    root = variant(tmp_path, (GRAPH, ROLE_ROUTES, shadowed))
    assert lines(root, rule="route_never_taken") == [
        "error route_never_taken questions/graph.yaml:13: route 2 of question 'role' (`when: "
        "role == staff` -> goto age) is never taken: every answer that makes it true is taken by "
        "an earlier route; fix the condition or remove the route"
    ]


def test_an_if_else_on_one_value_is_not_an_unhandled_option(tiny: Content) -> None:
    # tiny routes visitors one way and everyone else the default way: that is a plain if/else
    assert ROLE_ROUTES in (DATA / "tiny" / GRAPH).read_text()
    assert not [f for f in lint(tiny, ON) if f.rule == "unhandled_option"]


def test_requirements_that_meet_but_are_never_asked_are_never_eligible() -> None:
    assert lines(LINT / "unreachable_question", rule="never_eligible") == [
        "error never_eligible incentives/study_room.yaml:1: 'study_room' meets every requirement "
        "on 2026-11-23 when fulltime = ja, role = student, but no answer path gets there: the "
        "wizard never asks 'fulltime' on those paths; ask it there (check the ask_when of the "
        "questions and the routes to them)"
    ]


def test_a_requirement_no_answer_meets_makes_its_instrument_never_eligible(tmp_path: Path) -> None:
    root = variant(tmp_path, ("incentives/town_pass.yaml", "when: age >= 18", "when: age > 130"))
    assert lines(root, rule="never_eligible") == [
        "error never_eligible incentives/town_pass.yaml:16: 'town_pass' can never be eligible on "
        "2026-11-23: requirement 'adult' (`age > 130`) holds for no answer; fix the conditions "
        "(to end an instrument on purpose, give it valid_until or a dated `when: false` "
        "requirement)"
    ]


def test_an_instrument_ended_on_purpose_or_out_of_its_dates_is_not_reported(
    tmp_path: Path,
) -> None:
    ended = "  - id: ended\n    when: false\n    valid_from: 2026-01-01\n    why_not: {nl: weg, en: gone}\n"
    root = variant(
        tmp_path,
        ("incentives/campus_card.yaml", "next_steps:\n", ended + "next_steps:\n"),
        ("incentives/study_room.yaml", "when: fulltime", "when: fulltime and role == staff"),
    )
    assert lines(root, rule="never_eligible") == [
        "error never_eligible incentives/study_room.yaml:12: 'study_room' can never be eligible "
        "on 2026-11-23: requirements 'student' and 'fulltime' never hold together; fix the "
        "conditions (to end an instrument on purpose, give it valid_until or a dated `when: "
        "false` requirement)"
    ]
    assert lines(root, date(2019, 6, 1), rule="never_eligible") == []  # before valid_from


def test_a_dutch_text_in_english_and_an_english_text_in_dutch(tmp_path: Path) -> None:
    root = variant(
        tmp_path,
        (GRAPH, '{nl: "Wat is uw rol?", ', '{nl: "What is your role here?", '),
        (GRAPH, 'en: "Do you live in town?"', 'en: "Woont u in de stad of er net buiten?"'),
        (GRAPH, 'en: "Pick what fits best."', "en: \"Choose 'Wat past het best' in the list.\""),
    )
    assert lines(root, rule="missing_translation") == [
        "warning missing_translation questions/graph.yaml:8: text of 'role' has a Dutch text that "
        'looks English ("What is your role here?"); write it in Dutch',
        "warning missing_translation questions/graph.yaml:27: text of 'resident' has an English "
        'text that looks Dutch ("Woont u in de stad of er net buiten?"); write it in English',
    ]  # the quoted Dutch button name in the help is fine


def test_a_rule_that_ends_is_fine_when_its_successor_starts_the_next_day(tmp_path: Path) -> None:
    successor = (
        "    valid_until: 2027-12-31\n"
        "  - id: adult_from_2028\n    when: age >= 21\n    valid_from: 2028-01-01\n"
        "    why_not: {nl: u bent jonger dan 21, en: you are under 21}\n"
    )
    root = variant(
        tmp_path,
        ("incentives/town_pass.yaml", "    valid_until: 2027-12-31\n", successor),
        base=LINT / "missing_validity",
    )
    assert lines(root, rule="missing_validity") == []
    assert lines(LINT / "missing_validity", date(2028, 6, 1), rule="missing_validity") == []


def test_a_requirement_dated_outside_its_instrument_is_never_in_force(tmp_path: Path) -> None:
    root = variant(
        tmp_path,
        (
            "incentives/town_pass.yaml",
            "    valid_from: 2025-01-01\n",
            "    valid_from: 2031-01-01\n",
        ),
    )
    assert lines(root, rule="missing_validity") == [
        "warning missing_validity incentives/town_pass.yaml:15: requirement 'adult' of "
        "'town_pass' is never in force while the instrument is (2031-01-01 to open end against "
        "2020-01-01 to 2030-12-31); correct its dates"
    ]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("incentives/town_pass.yaml", "en: Town pass}", 'en: ""}'),
            "name > en = '': String should have at least 1 character",
        ),
        (
            (
                "incentives/town_pass.yaml",
                'sources:\n  - {url: "https://example.org/pass", title: Pass rules, read_on: 2026-11-23}\n',
                "sources: []\n",
            ),
            "sources: List should have at least 1 item",
        ),
        (
            ("incentives/town_pass.yaml", "valid_from: 2020-01-01\n", ""),
            "missing required key 'valid_from'",
        ),
    ],
    ids=["empty_translation", "no_sources", "no_validity_dates"],
)
def test_check_refuses_what_lint_leaves_to_it(
    tmp_path: Path, edit: tuple[str, str, str], message: str
) -> None:
    with pytest.raises(ContentError) as caught:
        load_content(variant(tmp_path, edit))
    assert any(message in str(problem) for problem in caught.value.problems), caught.value


@pytest.mark.parametrize("kind", ["unreachable", "no_default_route", "goto_missing", "cycle"])
def test_check_refuses_the_structural_dead_ends_and_unreachable_questions(kind: str) -> None:
    with pytest.raises(ContentError):
        load_content(DATA / "invalid" / kind)


# --- the claims hold for every path the engine takes --------------------------------------------


def every_path(content: Content, on: date) -> list[tuple[Session, frozenset[str]]]:
    """Every complete answer path of the real engine, with the questions it asked."""
    engine = Engine(content)
    done: list[tuple[Session, frozenset[str]]] = []
    stack = [engine.start(on)]
    while stack:
        session = stack.pop()
        walk = engine.walk(session)
        if walk.current is None:
            done.append((session, frozenset(q.id for q in walk.asked)))
            continue
        fact = content.facts[walk.current.fact]
        answers: list[Answer] = [*fact.value_ids(), *([UNKNOWN] if fact.offer_unknown else [])]
        stack.extend(session.with_answer(fact.id, answer) for answer in answers)
    return done


def named(finding: Finding) -> str:
    """The first quoted id in the message: the instrument or question it is about."""
    match = re.search(r"'(\w+)'", finding.message)
    assert match is not None, finding
    return match.group(1)


# Found by this test on 2026-12-03: "weet ik niet" on the need opens a question that only a known
# answer to another fact then makes worth asking; lint answered every such fact "weet ik niet" and
# claimed never_eligible instead of only_via_weet_niet.
NEED_UNKNOWN_OPENS_A_QUESTION = json.loads(
    (DATA / "random_regressions" / "lint_need_unknown_opens_a_question.json").read_text()
)


@settings(max_examples=40, deadline=None)
@given(spec=content_dirs())
@example(spec=NEED_UNKNOWN_OPENS_A_QUESTION)
def test_lint_claims_hold_on_every_path_of_random_graphs(spec: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = materialise(spec, Path(folder))
        found = lint(content, ON)  # lint reads the files again for line numbers
    engine = Engine(content)
    paths = every_path(content, ON)
    eligible: dict[str, list[bool]] = {i: [] for i in content.incentives}
    for session, _ in paths:
        result = engine.result(session)
        used_unknown = any(isinstance(v, Unknown) for _, v in session.answers)
        for instrument, verdict in result.verdicts.items():
            if verdict.status == "eligible":
                eligible[instrument].append(used_unknown)
    never = {named(f) for f in found if f.rule == "never_eligible"}
    only_unknown = {named(f) for f in found if f.rule == "only_via_weet_niet"}
    for instrument, ways in eligible.items():
        if instrument in never:
            assert not ways, instrument
        elif instrument in only_unknown:
            assert ways and all(ways), instrument
        else:
            assert False in ways, instrument  # lint confirmed a path without "weet ik niet"
    asked = frozenset().union(*(questions for _, questions in paths))
    for finding in found:
        if finding.rule == "unreachable_question":
            assert named(finding) not in asked


# --- hard_to_read: B1 readability of Dutch texts ----------------------------------------------------


def test_readability_measures_sentences_averages_and_long_words() -> None:
    from wizard.lint.readability import measure

    short = "Kies wat het best past. U kunt het later wijzigen."
    assert measure(short).sentences == (5, 5) and measure(short).problems() == []
    long = " ".join(["woord"] * 26) + "."
    assert measure(long).problems() == ["a sentence of 26 words (at most 25)"]
    wordy = ". ".join([" ".join(["woord"] * 17)] * 3) + "."
    assert measure(wordy).problems() == ["17.0 words per sentence on average (at most 15)"]
    assert measure(" ".join(["woord"] * 17) + ".").problems() == []  # one sentence: no average
    compounds = (
        "De werkloosheidsuitkering en de loopbaanbegeleiding en de opleidingscheques zijn er."
    )
    assert measure(compounds).problems() == ["3 of 10 words of 15 letters or more (at most 20%)"]
    # €3.714 and 1.500 do not end a sentence; a question mark does
    assert measure("U krijgt €3.714 per maand. Of 1.500 euro? Ja.").sentences == (5, 3, 1)
    reason = "; ".join([" ".join(["woord"] * 14)] * 2)
    assert measure(reason).longest == 28
    assert measure(reason, semicolon_ends=True).longest == 14  # shown as two sentences


def test_hard_to_read_names_the_text_and_skips_names(tmp_path: Path) -> None:
    long = " ".join(["lang"] * 30)
    root = variant(
        tmp_path,
        ("incentives/campus_card.yaml", "name: {nl: Campuskaart,", f"name: {{nl: {long},"),
        ("incentives/campus_card.yaml", "why: {nl: u studeert of werkt hier,",
         f"why: {{nl: u studeert of werkt hier; {' '.join(['hier'] * 20)},"),
        ("incentives/campus_card.yaml", "summary: {nl: Gratis lenen.,",
         f"summary: {{nl: {long}.,"),
    )  # fmt: skip
    found = lines(root, rule="hard_to_read")
    assert found == [
        "warning hard_to_read incentives/campus_card.yaml:3: summary of 'campus_card' is hard to "
        "read at level B1 in Dutch: a sentence of 30 words (at most 25); split long sentences and "
        'use shorter, common words ("lang lang lang lang lang lang lang lang...")'
    ]  # the name is a name; the reason is shown as two sentences of 5 and 20 words
