"""The ranking and asking rules of docs/ranking.md, one test each, on the bundled content."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.cli import leerwijzer
from tests.conftest import SCENARIOS
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.matching import Matcher, Result, Verdict
from wizard.sessions import Answer, Session, parse_answer

DAY = date(2026, 12, 3)
EMPLOYEE: dict[str, Answer] = {
    "statuut": "werknemer_prive",
    "werkplaats_gewest": "vlaanderen",
    "woonplaats": "vlaanderen",
    "uitkering": "geen",
    "zelfstandige_bijberoep": "nee",
    "scholingsgraad": "middengeschoold",
    "vwo_tariefgroep": "geen",
    "tewerkstellingsbreuk": "voltijds",
    "overeenkomst_type": "arbeidsovereenkomst",
    "werkgever_grootte": "min_20",
    "ancienniteit_werkgever": "min_2j",
    "cao_tijdskrediet_opleiding": "ja",
    "tijdsinzet": "buiten_werkuren",
    "werkgever_vraagt_opleiding": "nee",
}


@pytest.fixture(scope="module")
def engine(bundled: Content) -> Engine:
    return Engine(bundled)


def play(engine: Engine, answers: dict[str, Answer], on: date = DAY) -> tuple[Result, Session]:
    """Answer what the wizard asks from ``answers`` ("weet ik niet" for the rest)."""
    session = engine.start(on)
    for _ in range(len(engine.content.questions) + 1):
        question = engine.current_question(session)
        if question is None:
            break
        session = session.with_answer(question.fact, answers.get(question.fact, UNKNOWN))
    return engine.result(session), session


def test_a_failed_high_confidence_rule_never_comes_first(engine: Engine) -> None:
    # F12: a 20-hour course at an employer under 10 staff; VOV's only open point is the 32-hour rule.
    answers = {
        **EMPLOYEE,
        "behoefte": "bijscholen_huidige_job",
        "opleiding_omvang": "u_lt_32",
        "opleiding_erkenning": "databank_vov",
        "wie_betaalt": "zelf",
        "werkgever_grootte": "onder_10",
    }
    result, _ = play(engine, answers)
    vov = result.verdicts["vlaams_opleidingsverlof"]
    assert vov.status == "possibly" and vov.demoted
    assert result.recommended[0] != "vlaams_opleidingsverlof"
    ranked = [i for i in result.recommended if not result.verdicts[i].tip]
    assert ranked[-1] == "vlaams_opleidingsverlof"


def test_the_rank_key_puts_demoted_last_and_eligible_before_possibly(bundled: Content) -> None:
    matcher = Matcher(bundled)
    verdicts = {
        "vlaams_opleidingsverlof": Verdict("vlaams_opleidingsverlof", "possibly", (), fit=3),
        "opleidingscheques_werknemers": Verdict(
            "opleidingscheques_werknemers", "eligible", (), fit=3
        ),
        "individueel_opleidingsrecht": Verdict(
            "individueel_opleidingsrecht", "possibly", (), fit=3, demoted=True
        ),
    }
    # VOV has the higher priority (50 > 45), yet at equal fit the eligible cheques come first.
    assert matcher._rank(verdicts) == [
        "opleidingscheques_werknemers",
        "vlaams_opleidingsverlof",
        "individueel_opleidingsrecht",
    ]


def test_at_equal_fit_eligible_comes_before_possibly(engine: Engine) -> None:
    # A jobseeker without an employer: VDAB training (eligible) before IBO and the short placement.
    answers: dict[str, Answer] = {
        "statuut": "werkzoekende",
        "behoefte": "werk_vinden",
        "woonplaats": "vlaanderen",
        "ingeschreven_werkzoekende": "vdab",
        "werkgever_wil_aanwerven": UNKNOWN,
        "uitkering": "werkloosheidsuitkering",
        "vwo_tariefgroep": "geen",
        "leeftijd": 30,
    }
    result, _ = play(engine, answers)
    assert result.verdicts["vdab_opleiding_werkzoekenden"].status == "eligible"
    assert result.verdicts["ibo"].status == "possibly"
    assert result.verdicts["ibo"].fit == result.verdicts["vdab_opleiding_werkzoekenden"].fit
    ranked = list(result.recommended)
    assert ranked.index("vdab_opleiding_werkzoekenden") < ranked.index("ibo")


@pytest.mark.parametrize(
    ("on", "need"),
    [
        (date(2026, 12, 3), "omscholen_ander_beroep"),
        (date(2027, 1, 1), "loopbaanadvies"),
        (date(2028, 6, 1), "loopbaanadvies"),
    ],
)
def test_an_announced_measure_is_never_eligible_nor_recommended(
    engine: Engine, on: date, need: str
) -> None:
    answers = {**EMPLOYEE, "behoefte": need, "werkervaring_jaren": "min_7"}
    answers |= {"loopbaancheque_ooit_gebruikt": "nee", "opleiding_omvang": "u_ge_360"}
    result, _ = play(engine, answers, on)
    for instrument in ("loopbaankrediet", "vlaamse_omscholingsmaatregel"):
        verdict = result.verdicts[instrument]
        assert verdict.status == "announced", instrument
        assert verdict.shown_status == "announced"
        assert instrument not in result.recommended
        assert verdict.look_again_on is not None
        assert any("Kijk" in r.nl for r in verdict.reasons)
    assert "loopbaankrediet" in result.announced or need != "loopbaanadvies"


def test_an_announced_measure_asks_no_question(engine: Engine, bundled: Content) -> None:
    # In 2027 the loopbaankrediet is the only career-guidance measure left, and it is announced:
    # nothing about it (experience, earlier use of a cheque) is asked.
    result, _ = play(engine, {**EMPLOYEE, "behoefte": "loopbaanadvies"}, date(2027, 1, 4))
    assert "werkervaring_jaren" not in result.asked
    assert "loopbaancheque_ooit_gebruikt" not in result.asked


def test_replay_json_has_the_announced_key_and_keeps_the_others(tmp_path: Path) -> None:
    scenario = SCENARIOS / "f03_vlaming_loopbaankrediet_aangekondigd_2027.yaml"
    out = leerwijzer("replay", str(scenario), "--json")
    record: dict[str, Any] = json.loads(out.stdout.splitlines()[0])
    for key in ("scenario", "name", "passed", "failures", "asked", "recommended", "eligible"):
        assert key in record
    for key in ("possibly", "not_eligible", "not_assessed", "tips", "date", "rules_version"):
        assert key in record
    assert "loopbaankrediet" in record["announced"]


def test_the_employer_duty_comes_first_where_the_employer_asks(engine: Engine) -> None:
    answers = {
        **EMPLOYEE,
        "behoefte": "bijscholen_huidige_job",
        "opleiding_omvang": "u_32_119",
        "opleiding_erkenning": "databank_vov",
        "wie_betaalt": "werkgever",
        "werkgever_vraagt_opleiding": "ja",
    }
    result, _ = play(engine, answers)
    assert result.recommended[0] == "individueel_opleidingsrecht"
    assert result.verdicts["individueel_opleidingsrecht"].first
    assert result.verdicts["vlaams_opleidingsverlof"].status == "not_eligible"
    # Paid by the employer but not required: training leave (initiatiefrecht) stays possible.
    result, _ = play(engine, {**answers, "werkgever_vraagt_opleiding": "nee"})
    assert result.verdicts["vlaams_opleidingsverlof"].status == "eligible"
    assert not result.verdicts["individueel_opleidingsrecht"].first


def test_the_career_break_the_person_chose_comes_first(engine: Engine) -> None:
    answers = {
        **EMPLOYEE,
        "behoefte": "bijscholen_huidige_job",
        "opleiding_omvang": "u_ge_360",
        "opleiding_erkenning": "databank_opleidingskrediet",
        "wie_betaalt": "zelf",
        "tijdsinzet": "loopbaan_onderbreken",
    }
    result, _ = play(engine, answers)
    assert "tijdsinzet" in result.asked  # F8: asked on the bijscholen route for a long course
    assert result.recommended[:2] == ("tijdskrediet_opleiding", "vlaams_opleidingskrediet")
    # §26: VOV next to a *full* break is "not meaningful", but this answer also covers 1/5 and half-time breaks, which
    # combine with VOV (review 2, finding 6): VOV may follow the certain break, never lead it, and says the full-break
    # case.
    if "vlaams_opleidingsverlof" in result.recommended:
        assert result.recommended.index("vlaams_opleidingsverlof") > 1
    assert any(
        "niet zinvol" in text.nl for text in result.verdicts["vlaams_opleidingsverlof"].verify
    )


def test_never_hide_a_right_worth_checking_is_shown_without_asking(engine: Engine) -> None:
    answers = {
        **EMPLOYEE,
        "behoefte": "omscholen_ander_beroep",
        "opleiding_omvang": "u_120_359",
        "opleiding_erkenning": "onbekend",
        "wie_betaalt": "zelf",
        "scholingsgraad": "hooggeschoold",
        "pop_laatste_6j": "nee",
    }
    result, _ = play(engine, answers)
    cheque = result.verdicts["loopbaancheque"]
    assert cheque.fit == 1 and cheque.worth_checking is not None
    assert cheque.shown_status == "possibly"
    assert "loopbaancheque" in result.recommended
    assert "werkervaring_jaren" not in result.asked  # shown, not asked about
    # After the regime ended the same person is not told to check it.
    result, _ = play(engine, answers, date(2027, 1, 4))
    assert "loopbaancheque" not in result.recommended


def test_worth_asking_asks_when_the_person_wants_to_learn(engine: Engine) -> None:
    short = {
        **EMPLOYEE,
        "behoefte": "bijscholen_huidige_job",
        "opleiding_omvang": "u_32_119",
        "opleiding_erkenning": "databank_vov",
        "wie_betaalt": "zelf",
    }
    result, _ = play(engine, short)
    assert "tijdsinzet" not in result.asked  # a short course: a career break cannot apply
    assert result.verdicts["tijdskrediet_opleiding"].status == "not_eligible"


def test_not_assessed_never_lists_what_the_answers_exclude(engine: Engine) -> None:
    from wizard.replay import replay_file, scenario_files

    seen = 0
    for path in scenario_files([SCENARIOS]):
        report = replay_file(engine, path)
        for instrument in report.not_assessed:
            seen += 1
            assert instrument not in report.not_eligible, path.name
    assert seen > 0
    # F21: a jobseeker is not told the loopbaancheque or the kmo-portefeuille are "niet nagevraagd".
    result, _ = play(
        engine,
        {"statuut": "werkzoekende", "behoefte": "werk_vinden", "woonplaats": "vlaanderen"},
    )
    for instrument in ("loopbaancheque", "kmo_portefeuille"):
        assert result.verdicts[instrument].shown_status == "not_eligible"


def test_a_rule_that_can_no_longer_hold_asks_only_exclusions(engine: Engine) -> None:
    # A part-timer who does not know the sector agreement: time credit stays "possibly" whatever
    # the employer's size, so the size is not asked for it (it is asked for nothing else here).
    answers = {
        **EMPLOYEE,
        "behoefte": "omscholen_ander_beroep",
        "opleiding_omvang": "u_ge_360",
        "opleiding_erkenning": "databank_opleidingskrediet",
        "wie_betaalt": "zelf",
        "tewerkstellingsbreuk": "van50_tot_80",
        "tijdsinzet": "loopbaan_onderbreken",
        "cao_tijdskrediet_opleiding": UNKNOWN,
    }
    result, _ = play(engine, answers)
    assert result.verdicts["tijdskrediet_opleiding"].status == "possibly"
    assert "werkgever_grootte" not in result.asked
    # With the agreement known, the size decides between eligible and possibly (F2): asked.
    result, _ = play(engine, {**answers, "cao_tijdskrediet_opleiding": "ja"})
    assert "werkgever_grootte" in result.asked


@pytest.mark.parametrize(
    ("start", "status"),
    [("2026-09-15", "possibly"), ("2026-08-24", "not_eligible"), (UNKNOWN, "possibly")],
)
def test_the_school_year_of_the_training_decides(
    engine: Engine, start: Answer, status: str
) -> None:
    answers = {
        **EMPLOYEE,
        "behoefte": "bijscholen_huidige_job",
        "opleiding_omvang": "u_32_119",
        "opleiding_erkenning": "databank_vov",
        "wie_betaalt": "zelf",
        "tewerkstellingsbreuk": "van50_tot_80",
        "opleiding_startdatum": start,
    }
    result, _ = play(engine, answers, date(2026, 8, 31))
    assert "opleiding_startdatum" in result.asked
    assert result.verdicts["vlaams_opleidingsverlof"].status == status
    # Mid-school-year, with no rule change within reach, the start date is not asked.
    result, _ = play(engine, answers, date(2026, 12, 3))
    assert "opleiding_startdatum" not in result.asked


def test_every_result_says_when_the_rules_were_checked(engine: Engine) -> None:
    result, _ = play(engine, {"statuut": "gepensioneerd"})
    assert result.rules_checked_on == date(2026, 12, 3)


def test_dated_texts_follow_the_reference_date(engine: Engine) -> None:
    answers = {**EMPLOYEE, "behoefte": "loopbaanadvies", "werkervaring_jaren": "min_7"}
    answers["loopbaancheque_ooit_gebruikt"] = "nee"
    before, _ = play(engine, answers, date(2026, 12, 3))
    steps = " ".join(s.nl for s in before.verdicts["loopbaancheque"].next_steps)
    assert "uiterlijk op 31 december 2026" in steps
    summary = before.verdicts["loopbaancheque"].summary
    assert summary is not None and "uiterlijk op 31 december 2026" in summary.nl
    after, _ = play(engine, answers, date(2027, 2, 1))
    summary = after.verdicts["loopbaancheque"].summary
    assert summary is not None and "stopte op 31 december 2026" in summary.nl
    vov, _ = play(engine, {**EMPLOYEE, "behoefte": "bijscholen_huidige_job"}, date(2027, 3, 1))
    text = vov.verdicts["vlaams_opleidingsverlof"].summary
    assert text is not None and "€3.714 per maand" in text.nl and "2025-2026" in text.nl
    assert "Maximum loon in schooljaar 2025-2026" not in text.nl


def test_a_later_school_year_never_reads_an_old_open_rule_as_current(engine: Engine) -> None:
    # F18: in school year 2027-28 a part-timer is not told "the rule for 2026-27 is not known yet".
    answers = {
        **EMPLOYEE,
        "behoefte": "bijscholen_huidige_job",
        "opleiding_omvang": "u_32_119",
        "opleiding_erkenning": "databank_vov",
        "wie_betaalt": "zelf",
        "tewerkstellingsbreuk": "van50_tot_80",
    }
    result, _ = play(engine, answers, date(2027, 9, 15))
    vov = result.verdicts["vlaams_opleidingsverlof"]
    assert vov.status == "possibly"
    shown = " ".join(t.nl for t in (*vov.reasons, *vov.verify))
    assert "2027-2028" in shown
    assert "2026-2027 is nog niet bekend" not in shown


def test_eligible_comes_before_possibly_whatever_the_fit(bundled: Content) -> None:
    # Review finding 8: one ranking, the one the result page shows: every certain instrument first.
    matcher = Matcher(bundled)
    verdicts = {
        "vlaams_opleidingsverlof": Verdict("vlaams_opleidingsverlof", "possibly", (), fit=3),
        "evc_ervaringsbewijs": Verdict("evc_ervaringsbewijs", "eligible", (), fit=2),
        "ibo": Verdict("ibo", "possibly", (), fit=3, first=True),
    }
    assert matcher._rank(verdicts) == ["evc_ervaringsbewijs", "ibo", "vlaams_opleidingsverlof"]


def test_a_possibly_only_for_a_step_of_ones_own_ranks_with_the_certain(bundled: Content) -> None:
    # Key 0: registering with VDAB is a step the person takes (met_by_acting, §12); the training it opens
    # is ranked with the certain ones by fit, while a real doubt stays behind every certain one.
    matcher = Matcher(bundled)
    verdicts = {
        "evc_ervaringsbewijs": Verdict("evc_ervaringsbewijs", "eligible", (), fit=2),
        "vdab_opleiding_werkzoekenden": Verdict(
            "vdab_opleiding_werkzoekenden", "possibly", (), fit=3, within_reach=True
        ),
        "ibo": Verdict("ibo", "possibly", (), fit=3),
    }
    assert matcher._rank(verdicts) == ["vdab_opleiding_werkzoekenden", "evc_ervaringsbewijs", "ibo"]


@pytest.mark.parametrize("registered", ["nee", UNKNOWN])
def test_registered_nowhere_is_never_eligible_but_the_step_comes_first(
    engine: Engine, registered: Answer
) -> None:
    # Counsellor check 4: a Flemish jobseeker registered nowhere (or who does not know) was told "eligible"
    # for VDAB's training, IBO, the short training and OKOT (§12, §13, §15, §16).
    answers: dict[str, Answer] = {
        "statuut": "werkzoekende",
        "behoefte": "werk_vinden",
        "woonplaats": "vlaanderen",
        "ingeschreven_werkzoekende": registered,
        "werkgever_wil_aanwerven": "ja",
        "uitkering": "geen",
        "vwo_tariefgroep": "geen",
        "leeftijd": 30,
    }
    result, _ = play(engine, answers)
    for instrument in ("vdab_opleiding_werkzoekenden", "ibo", "korte_opleiding_met_stage"):
        assert result.verdicts[instrument].status == "possibly", instrument
    assert result.verdicts["vdab_opleiding_werkzoekenden"].within_reach
    assert result.verdicts["evc_ervaringsbewijs"].status == "eligible"
    from wizard.report import applying

    assert result.recommended[0] == applying(result)[0]
    assert result.recommended[0] in ("ibo", "vdab_opleiding_werkzoekenden")
    registered_result, _ = play(engine, {**answers, "ingeschreven_werkzoekende": "vdab"})
    assert registered_result.verdicts["vdab_opleiding_werkzoekenden"].status == "eligible"


@pytest.mark.parametrize("registered", ["nee", UNKNOWN, "vdab"])
def test_a_step_of_ones_own_does_not_lift_a_long_shot(engine: Engine, registered: Answer) -> None:
    # Key 1 (review 4, F7): IBO without an employer ready to hire (§15, high confidence) stays demoted whether
    # or not the person still has to register with VDAB (met_by_acting).
    answers: dict[str, Answer] = {
        "statuut": "werkzoekende",
        "behoefte": "werk_vinden",
        "woonplaats": "vlaanderen",
        "ingeschreven_werkzoekende": registered,
        "werkgever_wil_aanwerven": "nee",
        "uitkering": "geen",
        "vwo_tariefgroep": "geen",
        "leeftijd": 30,
    }
    result, _ = play(engine, answers)
    assert result.verdicts["ibo"].demoted
    ranked = list(result.recommended)
    assert ranked.index("ibo") > ranked.index("evc_ervaringsbewijs")


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_a_card_ranked_for_a_step_of_ones_own_names_that_step_first(
    engine: Engine, path: Path
) -> None:
    # Key 0 (review 4, F6): a "possibly" ranked with the certain ones because only a registration is missing
    # says so in the first step the result page shows.
    from wizard.replay import load_scenario
    from wizard.report import steps_for

    scenario = load_scenario(path)
    facts = engine.content.facts
    answers = {f: parse_answer(facts[f], raw) for f, raw in scenario.answers.items() if f in facts}
    result, _ = play(engine, answers, scenario.date or DAY)
    for instrument in result.recommended:
        if result.verdicts[instrument].within_reach:
            first = steps_for(engine.content, result, instrument)[0].get("nl")
            assert re.search(r"schrijf u (\w+ )*in\b", first.lower()), (instrument, first)


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_result_page_shows_the_recommendation_in_its_order(engine: Engine, path: Path) -> None:
    from wizard.replay import load_scenario
    from wizard.report import applying

    scenario = load_scenario(path)
    facts = engine.content.facts
    answers = {f: parse_answer(facts[f], raw) for f, raw in scenario.answers.items() if f in facts}
    result, _ = play(engine, answers, scenario.date or DAY)
    shown = [i for i in applying(result) if result.verdicts[i].shown_status != "announced"]
    assert shown == [i for i in result.recommended if i in shown]


def test_with_nothing_certain_a_tip_that_serves_the_need_comes_before_possibly(
    engine: Engine,
) -> None:
    # Rule 5: a Walloon jobseeker (registered at Forem) who wants work: EVC is only possibly (its
    # residence rule fails), the free Competentiecheck serves the need as well and comes first.
    answers: dict[str, Answer] = {
        "statuut": "werkzoekende",
        "behoefte": "werk_vinden",
        "woonplaats": "wallonie",
        "ingeschreven_werkzoekende": "forem",
        "werkgever_wil_aanwerven": "nee",
        "uitkering": "werkloosheidsuitkering",
        "leeftijd": 35,
        "vwo_tariefgroep": "geen",
    }
    result, _ = play(engine, answers)
    assert result.verdicts["evc_ervaringsbewijs"].status == "possibly"
    assert result.recommended[0] == "competentiecheck"
    assert "competentiecheck" not in result.tips
    # With something certain, tips stay tips: never recommended.
    worker, _ = play(
        engine,
        {
            **EMPLOYEE,
            "behoefte": "bijscholen_huidige_job",
            "opleiding_omvang": "u_32_119",
            "opleiding_erkenning": "databank_vov",
            "wie_betaalt": "zelf",
        },
    )
    assert worker.verdicts[worker.recommended[0]].status == "eligible"
    assert not any(worker.verdicts[i].tip for i in worker.recommended)


def test_a_tip_does_not_pass_a_better_fitting_possibly(bundled: Content) -> None:
    matcher = Matcher(bundled)
    verdicts = {
        "competentiecheck": Verdict("competentiecheck", "eligible", (), fit=2, tip=True),
        "loopbaancheque": Verdict("loopbaancheque", "possibly", (), fit=3),
        "evc_ervaringsbewijs": Verdict("evc_ervaringsbewijs", "possibly", (), fit=2, doubted=True),
        "ibo": Verdict("ibo", "possibly", (), ("werkgever_wil_aanwerven",), fit=2),
        # failed only a step the person can take (register as a jobseeker): not a doubt
        "vdab_opleiding_werkzoekenden": Verdict(
            "vdab_opleiding_werkzoekenden", "possibly", (), fit=2
        ),
        # a failed rule, and a fact answered "weet ik niet": still open
        "okot_studeren_met_uitkering": Verdict(
            "okot_studeren_met_uitkering",
            "possibly",
            (),
            ("woonplaats",),
            fit=2,
            doubted=True,
            unsure=True,
        ),
        # a failed rule, and a fact never asked (the skip rule left it: it cannot make it certain)
        "korte_opleiding_met_stage": Verdict(
            "korte_opleiding_met_stage", "possibly", (), ("woonplaats",), fit=2, doubted=True
        ),
    }
    tips = ["competentiecheck"]
    # a better fit stays first, and the tip stays a tip (the page shows the certain first)
    assert matcher._with_tips(verdicts, tips, ["loopbaancheque", "evc_ervaringsbewijs"]) == [
        "loopbaancheque",
        "evc_ervaringsbewijs",
    ]
    # as well at equal fit when that possibly still hangs on an open question
    assert matcher._with_tips(verdicts, tips, ["ibo", "evc_ervaringsbewijs"]) == [
        "ibo",
        "evc_ervaringsbewijs",
    ]
    # at equal fit before a possibly whose answers already fail a rule
    assert matcher._with_tips(verdicts, tips, ["evc_ervaringsbewijs", "ibo"]) == [
        "competentiecheck",
        "evc_ervaringsbewijs",
        "ibo",
    ]
    # a rule the person meets by a step of their own is no doubt; "weet ik niet" keeps it open;
    # a fact never asked does not (docs/ranking.md rule 5: what the skip rule settles)
    for instrument, tip_first in (
        ("vdab_opleiding_werkzoekenden", False),
        ("okot_studeren_met_uitkering", False),
        ("korte_opleiding_met_stage", True),
    ):
        ranked = matcher._with_tips(verdicts, tips, [instrument])
        assert (ranked[0] == "competentiecheck") is tip_first, instrument
