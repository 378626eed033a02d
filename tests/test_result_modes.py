"""Results for flows that are not the bundled catalogue (issue 14 item 2, docs/ranking.md "Flows
without a need question"): a ranking without a need question, and single end states."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.matching import Matcher, Result
from wizard.report import glance
from wizard.report_text import render_text
from wizard.report_why_not import why_not
from wizard.sessions import Answer

DAY = date(2026, 12, 3)

FACTS = """\
facts:
  - id: role
    kind: choice
    label: {nl: Rol, en: Role}
    values:
      - {id: student, label: {nl: Student, en: Student}}
      - {id: staff, label: {nl: Personeel, en: Staff}}
      - {id: visitor, label: {nl: Bezoeker, en: Visitor}}
  - id: fulltime
    kind: yes_no
    label: {nl: Voltijds, en: Full-time}
  - id: perks
    kind: multi_choice
    label: {nl: Voordelen, en: Perks}
    unused: only describe_answers reads it here
    values:
      - {id: desk, label: {nl: Bureau, en: Desk}}
      - {id: wifi, label: {nl: Wifi, en: Wi-Fi}}
"""

GRAPH = """\
version: "modes-1"
start: role
result_mode: {mode}
referral: {{nl: "Vraag het aan de balie.", en: "Ask at the front desk."}}
questions:
  - id: role
    fact: role
    text: {{nl: "Wat is uw rol?", en: "What is your role?"}}
    next:
      - when: role == student
        goto: fulltime
      - goto: end
  - id: fulltime
    fact: fulltime
    text: {{nl: "Studeert u voltijds?", en: "Do you study full-time?"}}
    next:
      - goto: end
"""

OUTCOME = """\
id: {id}
kind: {kind}
name: {{nl: "{id} nl", en: "{id} en"}}
summary: {{nl: "Over {id}.", en: "About {id}."}}
valid_from: 2020-01-01
confidence: high
priority: {priority}
requires:
  - id: path
    when: {when}
    why_not: {{nl: "niet {id}", en: "not {id}"}}
sources:
  - {{url: "https://example.org/{id}", title: "{id}", read_on: 2026-11-23}}
"""

OUTCOMES = {
    # id: (condition, priority)
    "full_student": ("role == student and fulltime == ja", 0),
    "part_student": ("role == student and fulltime == nee", 0),
    "staff_desk": ("role == staff", 0),
    "visitor_desk": ("role == visitor", 0),
    # no route guard: off the student path its fact is never asked, so it stays "possibly"
    "any_fulltime": ("fulltime == ja", 0),
    # on the staff path two outcomes hold: priority, then the id, orders them
    "staff_canteen": ("role == staff", 5),
    "staff_archive": ("role == staff", 5),
}


def write_content(
    root: Path,
    mode: str = "ranked",
    outcomes: dict[str, tuple[str, int]] | None = None,
    tips: dict[str, tuple[str, int]] | None = None,
) -> Content:
    (root / "questions").mkdir(parents=True)
    (root / "incentives").mkdir()
    (root / "questions" / "facts.yaml").write_text(FACTS)
    (root / "questions" / "graph.yaml").write_text(GRAPH.format(mode=mode))
    chosen = [(i, c, p, "instrument") for i, (c, p) in (outcomes or OUTCOMES).items()]
    chosen += [(i, c, p, "tip") for i, (c, p) in (tips or {}).items()]
    for outcome, when, priority, kind in chosen:
        text = OUTCOME.format(id=outcome, when=when, priority=priority, kind=kind)
        (root / "incentives" / f"{outcome}.yaml").write_text(text)
    return load_content(root)


def play(content: Content, answers: dict[str, Answer]) -> Result:
    """Answer what the wizard asks from ``answers`` ("weet ik niet" for the rest)."""
    engine = Engine(content)
    session = engine.start(DAY, "en")
    for _ in range(len(content.questions) + 1):
        question = engine.current_question(session)
        if question is None:
            break
        session = session.with_answer(question.fact, answers.get(question.fact, UNKNOWN))
    return engine.result(session)


@pytest.fixture()
def ranked(tmp_path: Path) -> Content:
    return write_content(tmp_path / "ranked")


@pytest.fixture()
def end_state(tmp_path: Path) -> Content:
    return write_content(tmp_path / "end_state", "end_state")


# --- ranking without a need question ---------------------------------------------------------------


def test_without_a_need_question_what_is_eligible_is_recommended(ranked: Content) -> None:
    assert ranked.need_fact is None and ranked.result_mode == "ranked"
    result = play(ranked, {"role": "student", "fulltime": "ja"})
    assert result.verdicts["full_student"].status == "eligible"
    assert "full_student" in result.recommended
    assert result.referral is None
    shown = glance(ranked, result, "en")
    assert not shown.nothing
    assert "full_student" in [item.instrument for item in shown.items]


def test_without_a_need_question_priority_then_id_orders_the_recommendation(
    ranked: Content,
) -> None:
    result = play(ranked, {"role": "staff"})
    eligible = [i for i in result.recommended if result.verdicts[i].status == "eligible"]
    # priority 5 before priority 0; at equal priority the id decides
    assert eligible == ["staff_archive", "staff_canteen", "staff_desk"]


def test_without_a_need_question_eligible_comes_before_possibly(ranked: Content) -> None:
    result = play(ranked, {"role": "staff"})
    # any_fulltime hangs on a question the staff path never asks: possibly, after the eligible
    assert result.verdicts["any_fulltime"].status == "possibly"
    assert result.recommended[-1] == "any_fulltime"
    assert result.recommended[0] == "staff_archive"


def test_without_a_need_question_nothing_applies_only_when_nothing_is_open(
    tmp_path: Path,
) -> None:
    content = write_content(tmp_path / "c", outcomes={"staff_desk": ("role == staff", 0)})
    result = play(content, {"role": "visitor"})
    assert result.recommended == () and result.referral is not None
    assert glance(content, result, "en").nothing[-1] == "Ask at the front desk."


def test_without_a_need_question_why_not_keeps_the_reasons_that_matter(ranked: Content) -> None:
    result = play(ranked, {"role": "student", "fulltime": "nee"})
    groups = {row.instrument: row.group for row in why_not(ranked, result, "en")}
    # ruled out by an answer beyond the first question: its full reason, under "Not for you"
    assert groups["full_student"] == "not_eligible"
    # ruled out by the first question alone: for other situations, named last
    assert groups["staff_desk"] == "not_eligible_other"


def test_without_a_need_question_an_eligible_tip_is_shown(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "c",
        outcomes={"staff_desk": ("role == staff", 0)},
        tips={"campus_map": ("role in [staff, student, visitor]", 0)},
    )
    result = play(content, {"role": "staff"})
    assert result.recommended == ("staff_desk",)
    assert result.tips == ("campus_map",)


# --- single end states ----------------------------------------------------------------------------


def test_an_end_state_result_shows_only_the_outcome_reached(end_state: Content) -> None:
    result = play(end_state, {"role": "student", "fulltime": "nee"})
    assert result.recommended == ("part_student",)
    shown = glance(end_state, result, "en")
    assert [item.instrument for item in shown.items] == ["part_student"]
    assert not shown.nothing and shown.others == 0 and not shown.others_line
    assert why_not(end_state, result, "en") == []
    text = render_text(end_state, result, "en")
    assert "part_student en" in text
    for other in ("full_student en", "staff_desk en", "visitor_desk en", "Not for you"):
        assert other not in text
    assert "Nothing" not in text


def test_an_end_state_hides_outcomes_left_open_off_the_path(end_state: Content) -> None:
    result = play(end_state, {"role": "visitor"})
    # any_fulltime is still "possibly" underneath (fulltime was never asked) ...
    assert result.verdicts["any_fulltime"].status == "possibly"
    # ... but the path reached visitor_desk, and that is the result
    assert result.recommended == ("visitor_desk",)
    assert [item.instrument for item in glance(end_state, result, "en").items] == ["visitor_desk"]


def test_the_same_answers_in_ranked_mode_list_every_other_outcome(ranked: Content) -> None:
    # the contrast that makes the mode worth having: the default mode is unchanged
    result = play(ranked, {"role": "visitor"})
    assert "any_fulltime" in result.recommended
    rows = why_not(ranked, result, "en")
    assert {row.instrument for row in rows} >= {"full_student", "part_student", "staff_desk"}


def test_an_end_state_reached_by_several_outcomes_orders_them_by_priority(
    end_state: Content,
) -> None:
    result = play(end_state, {"role": "staff"})
    assert result.recommended == ("staff_archive", "staff_canteen", "staff_desk")


def test_an_end_state_with_nothing_reached_shows_what_is_open(end_state: Content) -> None:
    result = play(end_state, {"role": "student"})  # fulltime: "weet ik niet"
    assert set(result.recommended) == {"full_student", "part_student", "any_fulltime"}
    assert all(result.verdicts[i].status == "possibly" for i in result.recommended)
    shown = glance(end_state, result, "en")
    assert not shown.nothing and shown.intro  # "nothing is certain yet", never "nothing applies"


def test_an_end_state_flow_with_no_outcome_says_nothing_applies(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "c", "end_state", outcomes={"staff_desk": ("role == staff", 0)}
    )
    result = play(content, {"role": "visitor"})
    assert result.recommended == ()
    shown = glance(content, result, "en")
    assert shown.nothing and shown.nothing[-1] == "Ask at the front desk."


def test_a_set_answer_reads_as_its_labels_in_a_reason(ranked: Content) -> None:
    matcher = Matcher(ranked)
    chosen = matcher.describe_answers({"perks"}, {"perks": frozenset({"wifi", "desk"})})
    assert chosen is not None and chosen.en == "(your answer: Perks: Desk, Wi-Fi)"
    none = matcher.describe_answers({"perks"}, {"perks": frozenset()})
    assert none is not None and none.en == "(your answer: Perks: None of these)"


def test_an_end_state_flow_where_only_a_tip_holds_shows_the_tip_not_nothing(
    tmp_path: Path,
) -> None:
    content = write_content(
        tmp_path / "c",
        "end_state",
        outcomes={"staff_desk": ("role == staff", 0)},
        tips={"campus_map": ("role in [staff, student, visitor]", 0)},
    )
    result = play(content, {"role": "visitor"})
    # rule 5: with nothing certain, the eligible free tool is recommended
    assert result.recommended == ("campus_map",) and result.tips == ()
    shown = glance(content, result, "en")
    assert [item.instrument for item in shown.items] == ["campus_map"] and not shown.nothing
    assert why_not(content, result, "en") == []
