"""Engine properties over random people, on the tiny content and on the real content.

The central one: skipping questions that can no longer change the outcome gives exactly the result
of asking every question on the path.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, REPO, cached_content
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.engine import Engine
from wizard.matching import Result, is_pursued
from wizard.replay import shortcut_option
from wizard.sessions import Answer, Session

CONTENT_ROOTS = {"tiny": DATA / "tiny", "bundled": REPO}
FOCUS = {"all": 0, "focus2": 2}
DATES = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 12, 31))


def people(content: Content) -> st.SearchStrategy[dict[str, Answer]]:
    """A full set of answers: one per fact, "weet ik niet" included where offered."""
    fields: dict[str, st.SearchStrategy[Answer]] = {}
    for fact in content.facts.values():
        options: list[st.SearchStrategy[Answer]] = []
        if fact.kind in ("choice", "yes_no"):
            options.append(st.sampled_from(fact.value_ids()))
        elif fact.kind == "integer":
            options.append(
                st.integers(
                    fact.min if fact.min is not None else -5,
                    fact.max if fact.max is not None else 150,
                )
            )
        else:
            options.append(DATES.map(date.isoformat))
        if fact.offer_unknown or fact.optional:
            options.append(st.just(UNKNOWN))
        fields[fact.id] = st.one_of(options)
    return st.fixed_dictionaries(fields)


def run(engine: Engine, person: dict[str, Answer], on: date) -> tuple[Session, Result]:
    content = engine.content
    session = engine.start(on)
    for _ in range(len(content.questions) + 1):
        question = engine.current_question(session)
        if question is None:
            break
        if question.fact not in content.shortcuts:
            answer = person[question.fact]
        else:
            # One person: a question for several facts is answered from those facts (as the
            # replay does), never independently of them.
            answer = shortcut_option(content, question.fact, person)
        session = engine.answer(session, answer)
    return session, engine.result(session)


def answered_facts(content: Content, session: Session, result: Result) -> set[str]:
    """The facts the questions asked answered: each asked fact and what its option set too."""
    answers = session.answer_map
    found: set[str] = set()
    for fact in result.asked:
        found |= {fact, *content.implied(fact, answers[fact])} - set(content.shortcuts)
    return found


def summary(result: Result) -> tuple[object, ...]:
    return (
        tuple(sorted((i, v.status) for i, v in result.verdicts.items())),
        result.recommended,
        result.tips,
    )


def left_open(
    content: Content, session: Session, short: Result, engine: Engine | None = None
) -> set[str]:
    """Instruments the short run may leave less decided than the full one (docs/ranking.md): those
    shown as worth checking without questions, and those whose rules follow a start date that the
    short run did not ask (it asks it only when a rule change is within reach).

    ``engine``: the one that made the short run (its walks are remembered: a cheaper example is
    a faster shrink when the property fails)."""
    known = (engine or Engine(content)).walk(session).known
    open_: set[str] = set()
    for instrument, incentive in content.incentives.items():
        verdict = short.verdicts[instrument]
        shown = verdict.worth_checking is not None
        if shown and not is_pursued(content, incentive, known, session.date):
            open_.add(instrument)
        dated = {r.model.dated_by for r in incentive.requirements if r.model.dated_by}
        if dated - set(short.asked):
            open_.add(instrument)
    return open_


def assert_same_outcome(short: Result, full: Result, open_: set[str] | None = None) -> None:
    """Equal, except that a verdict left open on purpose (not assessed) may be decided in full (and
    with it whether rule 5 recommends a free tool), and an announced measure, which never asks a
    question, may be ruled out in full (docs/ranking.md)."""
    open_ = open_ or set()
    ignored = set(open_)
    if any(short.verdicts[i].status != full.verdicts[i].status for i in open_):
        # rule 5 reads every verdict ("nothing certain"): one left open on purpose and decided in
        # full may decide whether a free tool is recommended, so the tools are not compared then
        ignored |= {i for i, v in short.verdicts.items() if v.tip}
    else:
        assert short.tips == full.tips
    assert [i for i in short.recommended if i not in ignored] == [
        i for i in full.recommended if i not in ignored
    ]
    assert short.verdicts.keys() == full.verdicts.keys()
    for instrument, verdict in short.verdicts.items():
        if instrument in open_:
            continue
        if verdict.status == "announced":
            assert full.verdicts[instrument].status in ("announced", "not_eligible"), instrument
        elif verdict.assessed:
            assert verdict.status == full.verdicts[instrument].status, instrument
        else:
            assert verdict.status == "possibly"


@pytest.fixture(
    params=[(root, focus) for root in sorted(CONTENT_ROOTS) for focus in sorted(FOCUS)],
    ids=lambda p: f"{p[0]}-{p[1]}",
    scope="module",
)
def content(request: pytest.FixtureRequest) -> Content:
    root, focus = request.param
    return replace(cached_content(CONTENT_ROOTS[root]), pursue_min_fit=FOCUS[focus])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), on=DATES)
def test_skipping_gives_the_same_result_as_asking_everything(
    content: Content, data: st.DataObject, on: date
) -> None:
    person = data.draw(people(content))
    engine = Engine(content)
    short_session, short = run(engine, person, on)
    long_session, full = run(Engine(content, ask_everything=True), person, on)
    assert_same_outcome(short, full, left_open(content, short_session, short, engine))
    # a question for several facts may be skipped where it saves nothing: compare the facts asked
    assert answered_facts(content, short_session, short) <= answered_facts(
        content, long_session, full
    )
    assert short.complete and full.complete


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), on=DATES)
def test_back_then_the_same_answer_restores_the_session(
    content: Content, data: st.DataObject, on: date
) -> None:
    engine = Engine(content)
    session, _ = run(engine, data.draw(people(content)), on)
    if not session.answers:
        return
    back, previous = engine.back(session)
    assert previous is not None
    again = engine.answer(back, previous)
    assert engine.walk(again).known == engine.walk(session).known


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), junk=st.one_of(st.text(max_size=12), st.integers(), st.floats()))
def test_an_invalid_answer_never_changes_the_session(
    content: Content, data: st.DataObject, junk: object
) -> None:
    from wizard.sessions import InvalidAnswer

    engine = Engine(content)
    session = engine.start(date(2026, 11, 23))
    with contextlib.suppress(InvalidAnswer):
        engine.answer(session, junk)
    assert session.answers == ()


# Found by the property above (seed 1, bundled content, every instrument pursued): the short run
# skipped 'pop_laatste_6j' as unable to change the outcome, yet its answer makes 'loopbaancheque'
# (fit 0) worth checking and so recommended. The skip rule now counts the worth_asking and
# worth_checking conditions of a pursued weak fit (wizard/matching.py, _open_facts). Shrinking the
# bundled example could outlast Hypothesis's five-minute limit, which reported "Inconsistent data
# generation" instead: this person is kept as a plain regression test.
_SEED_1_PERSON: dict[str, Answer] = {
    **dict.fromkeys(
        [
            "werkplaats_gewest",
            "loopbaancheque_ooit_gebruikt",
            "opleiding_startdatum",
            "werkervaring_jaren",
            "tewerkstellingsbreuk",
            "ancienniteit_werkgever",
            "wie_betaalt",
            "opleiding_erkenning",
            "min_2j_uit_dagonderwijs",
        ],
        UNKNOWN,
    ),
    "behoefte": "diploma_hoger_onderwijs",
    "overeenkomst_type": "geen",
    "opleiding_intern_werkgever": "nee",
    "scholingsgraad": "hooggeschoold",
    "opleiding_omvang": "u_32_119",
    "werkgever_wil_aanwerven": "nee",
    "opleiding_gestart": "nog_niet",
    "werkgever_grootte": "van10_tot_19",
    "ingeschreven_werkzoekende": "nee",
    "statuut": "werknemer_prive",
    "cao_tijdskrediet_opleiding": "weet_niet",
    "woonplaats": "brussel",
    "onderneming_kmo_vlaanderen": "nee",
    "leeftijd": 49,
    "werkgever_vraagt_opleiding": "ja",
    "zelfstandige_bijberoep": "ja",
    "doelberoep_knelpunt": "nee",
    "uitkering": "leefloon",
    "vwo_tariefgroep": "taal_of_vrije_tijd",
    "tijdelijk_werkloos": "nvt",
    "pop_laatste_6j": "nee",
    "tijdsinzet": "buiten_werkuren",
}


def assert_skipping_equals_asking_everything(
    person: dict[str, Answer], on: date, focus: str
) -> None:
    """The property above, for one person on the bundled content."""
    content = replace(cached_content(REPO), pursue_min_fit=FOCUS[focus])
    engine = Engine(content)
    short_session, short = run(engine, person, on)
    _, full = run(Engine(content, ask_everything=True), person, on)
    assert_same_outcome(short, full, left_open(content, short_session, short, engine))


def test_skipping_equals_asking_everything_on_the_seed_1_counterexample() -> None:
    assert_skipping_equals_asking_everything(_SEED_1_PERSON, date(2025, 1, 31), "all")


# Found the same way (seed 4 of a plain Hypothesis run, bundled content, pursue_min_fit 2): the
# short run ended after 'statuut' and 'behoefte' with 'vdab_opleiding_werkzoekenden' "possibly",
# still missing 'woonplaats', so the eligible tip 'competentiecheck' (same fit) stayed a tip; the
# full run asked 'woonplaats' and recommended the tip first (docs/ranking.md rule 5). Rule 5 now
# reads what the skip rule settles: a failed rule the person cannot meet by a step of their own
# (not registering as a jobseeker, which is a step: `met_by_acting`) and no "weet ik niet".
_SEED_4_PERSON: dict[str, Answer] = {
    **dict.fromkeys(
        [
            "min_2j_uit_dagonderwijs",
            "ingeschreven_werkzoekende",
            "opleiding_intern_werkgever",
            "scholingsgraad",
            "onderneming_kmo_vlaanderen",
            "loopbaancheque_ooit_gebruikt",
            "tijdelijk_werkloos",
            "opleiding_erkenning",
            "uitkering",
            "werkgever_wil_aanwerven",
        ],
        UNKNOWN,
    ),
    "opleiding_omvang": "u_120_359",
    "werkervaring_jaren": "min_7",
    "ancienniteit_werkgever": "min_2j",
    "vwo_tariefgroep": "beroep_knelpunt",
    "behoefte": "loopbaanadvies",
    "wie_betaalt": "zelf",
    "werkgever_grootte": "van10_tot_19",
    "leeftijd": 72,
    "werkgever_vraagt_opleiding": "ja",
    "statuut": "niet_beroepsactief",
    "pop_laatste_6j": "ja",
    "tijdsinzet": "loopbaan_onderbreken",
    "opleiding_startdatum": "2024-03-14",
    "cao_tijdskrediet_opleiding": "nvt",
    "opleiding_gestart": "vanaf_2026",
    "tewerkstellingsbreuk": "voltijds",
    "overeenkomst_type": "statutair",
    "zelfstandige_bijberoep": "nee",
    "woonplaats": "wallonie",
    "werkplaats_gewest": "vlaanderen",
    "doelberoep_knelpunt": "ja_zorg",
}


def test_skipping_equals_asking_everything_on_the_seed_4_counterexample() -> None:
    assert_skipping_equals_asking_everything(_SEED_4_PERSON, date(2024, 11, 26), "focus2")


# Found by the property above in a plain Hypothesis run (2026-12-03, bundled content, pursue_min_fit
# 2), and present before the questions for several facts: the short run never asked 'woonplaats'
# (it cannot change the VDAB training's verdict, which a failed rule already keeps "possibly"), the
# full run asked it and got "weet ik niet", and that "weet ik niet" kept the Competentiecheck from
# coming first (rule 5). Rule 5 now counts only a "weet ik niet" in a rule that can still exclude
# the instrument, which the skip rule always asks (docs/ranking.md rule 5).
_UNASKED_UNKNOWN_PERSON: dict[str, Answer] = {
    **dict.fromkeys(
        [
            "woonplaats",
            "zelfstandige_bijberoep",
            "wie_betaalt",
            "werkervaring_jaren",
            "min_2j_uit_dagonderwijs",
            "leeftijd",
        ],
        UNKNOWN,
    ),
    "statuut": "uitzendkracht",
    "behoefte": "omscholen_ander_beroep",
    "werkplaats_gewest": "geen",
    "scholingsgraad": "hooggeschoold",
    "tijdelijk_werkloos": "ja",
    "tewerkstellingsbreuk": "van50_tot_80",
    "opleiding_omvang": "u_32_119",
    "tijdsinzet": "nvt",
    "opleiding_erkenning": "vdab_erkend",
    "pop_laatste_6j": "ja",
    "loopbaancheque_ooit_gebruikt": "ja",
    "werkgever_grootte": "min_20",
    "ancienniteit_werkgever": "min_2j",
    "cao_tijdskrediet_opleiding": "nee",
    "uitkering": "werkloosheidsuitkering",
    "onderneming_kmo_vlaanderen": "nee",
    "doelberoep_knelpunt": "nee",
    "overeenkomst_type": "geen",
    "opleiding_intern_werkgever": "nee",
    "opleiding_gestart": "nog_niet",
    "vwo_tariefgroep": "beroep_ander",
    "ingeschreven_werkzoekende": "actiris",
    "werkgever_wil_aanwerven": "nee",
    "werkgever_vraagt_opleiding": "nee",
    "opleiding_startdatum": "2027-09-16",
}


def test_skipping_equals_asking_everything_when_an_unasked_fact_would_be_unknown() -> None:
    assert_skipping_equals_asking_everything(_UNASKED_UNKNOWN_PERSON, date(2027, 12, 12), "focus2")
