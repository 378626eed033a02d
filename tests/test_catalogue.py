"""The bundled Flemish catalogue against its contract: the shared vocabulary and the issue's floors.

Every vocabulary fact and instrument is there under its exact id; every instrument is shown eligible in
some scenario and not eligible in another; every `statuut` has a scenario; and the question series stays
short (the mean and maximum that `make bench` prints).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, REPO, SCENARIOS, cached_content
from wizard.content import Content
from wizard.engine import Engine
from wizard.replay import ScenarioReport, replay_file, scenario_files
from wizard.yamlio import read_yaml

VOCABULARY = DATA / "vocabulary.yaml"
SHARED_VOCABULARY = REPO.parent / "shared" / "domain" / "vocabulary.yaml"
SHARED_ADDITIONS = REPO.parent / "shared" / "domain" / "vocabulary-additions-2026-12.md"
ADDED_FACTS = (
    "ingeschreven_werkzoekende",
    "werkgever_wil_aanwerven",
    "werkgever_vraagt_opleiding",
    "opleiding_startdatum",
)
"""Facts the copy adds from vocabulary-additions-2026-12.md (issue 11) until the shared file has them."""
EXTRA_VALUES = {"vwo_tariefgroep": {"geen"}}
"""Values our facts add to the vocabulary (documented in facts.yaml): never used by outside scenarios."""
MEAN_QUESTIONS, MAX_QUESTIONS = 7.75, 13
"""The ceilings for the scenarios that describe typical citizens (every file but the f*/g*.yaml ones): 7.68 on
2026-12-03. Issue 11 asks for at most 8.0 over every scenario and at most 13 at the longest. Two questions for
several facts (docs/content-format.md) ask where one lives and works, and who chooses and pays for the training,
at once in the common case (8.53 -> 7.93 over every scenario)."""
MEAN_QUESTIONS_WITH_FINDINGS = 8.0
"""With the f*.yaml (issue 11) and g*.yaml (counsellor review) scenarios, mostly employees with the longest paths
on purpose: issue 11's ceiling, which `make bench` prints."""


def vocabulary() -> dict[str, Any]:
    data = read_yaml(VOCABULARY)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def reports() -> list[ScenarioReport]:
    engine = Engine(cached_content(REPO))
    return [replay_file(engine, path) for path in scenario_files([SCENARIOS])]


def test_the_copy_of_the_vocabulary_is_current() -> None:
    """The copy is the shared file plus the facts named in the additions file, all optional."""
    if not SHARED_VOCABULARY.exists():
        pytest.skip("the shared domain folder is not next to this checkout")
    shared = read_yaml(SHARED_VOCABULARY)
    copy = vocabulary()
    assert isinstance(shared, dict)
    shared_ids = [f["id"] for f in shared["facts"]]
    added = [f for f in copy["facts"] if f["id"] not in shared_ids]
    assert [f for f in copy["facts"] if f["id"] in shared_ids] == shared["facts"]
    assert tuple(f["id"] for f in added) == tuple(i for i in ADDED_FACTS if i not in shared_ids)
    assert all(f.get("optional") for f in added)
    assert copy["instruments"] == shared["instruments"]
    if SHARED_ADDITIONS.exists():
        named = SHARED_ADDITIONS.read_text(encoding="utf-8")
        for fact in added:
            assert f"`{fact['id']}`" in named, fact["id"]


def vocabulary_facts() -> Iterator[dict[str, Any]]:
    yield from vocabulary()["facts"]


@pytest.mark.parametrize("fact", vocabulary_facts(), ids=lambda f: str(f["id"]))
def test_every_vocabulary_fact_has_its_id_kind_and_values(
    fact: dict[str, Any], bundled: Content
) -> None:
    ours = bundled.facts.get(fact["id"])
    assert ours is not None, f"fact {fact['id']} is missing from questions/facts.yaml"
    if fact["type"] in ("integer", "date"):
        assert ours.kind == fact["type"]
        assert ours.optional == bool(fact.get("optional", False))
        return
    assert ours.kind in ("choice", "yes_no")
    extra = EXTRA_VALUES.get(fact["id"], set())
    assert set(ours.value_ids()) - extra == set(fact["values"])
    assert ours.optional == bool(fact.get("optional", False))


def test_every_vocabulary_instrument_has_one_file(bundled: Content) -> None:
    ids = {instrument["id"] for instrument in vocabulary()["instruments"]}
    assert set(bundled.incentives) == ids
    for instrument_id in ids:
        assert (REPO / "incentives" / f"{instrument_id}.yaml").is_file()


def test_every_incentive_is_sourced_and_dated(bundled: Content) -> None:
    for incentive in bundled.incentives.values():
        assert incentive.model.sources, incentive.id
        assert incentive.model.valid_from is not None, incentive.id


def test_there_are_at_least_forty_scenarios_each_citing_its_rule() -> None:
    paths = list(scenario_files([SCENARIOS]))
    assert len(paths) >= 40
    for path in paths:
        assert path.read_text(encoding="utf-8").startswith("# Rule: §"), path.name


def test_every_instrument_is_eligible_somewhere_and_not_eligible_elsewhere(
    reports: list[ScenarioReport],
) -> None:
    assert all(report.passed for report in reports)
    # An announced measure is never eligible on purpose (docs/ranking.md): shown as announced.
    shown = {i for r in reports for i in (*r.eligible, *r.recommended, *r.announced)}
    refused = {i for r in reports for i in r.not_eligible}
    ids = {instrument["id"] for instrument in vocabulary()["instruments"]}
    assert ids - shown == set(), "never eligible or recommended"
    assert ids - refused == set(), "never not eligible"


def test_every_situation_has_a_scenario(reports: list[ScenarioReport]) -> None:
    statuut = next(f for f in vocabulary()["facts"] if f["id"] == "statuut")
    covered = {_answer(Path(r.path), "statuut") for r in reports}
    assert set(statuut["values"]) - covered == set()


def test_the_series_stays_short(reports: list[ScenarioReport]) -> None:
    counts = [len(report.asked) for report in reports]
    typical = [len(r.asked) for r in reports if not Path(r.path).name.startswith(("f", "g"))]
    longest = max(reports, key=lambda r: len(r.asked))
    assert statistics.mean(typical) <= MEAN_QUESTIONS
    assert statistics.mean(counts) <= MEAN_QUESTIONS_WITH_FINDINGS
    assert len(longest.asked) <= MAX_QUESTIONS, longest.path


def _answer(path: Path, fact: str) -> object:
    data = read_yaml(path)
    assert isinstance(data, dict)
    return data["answers"].get(fact)


def test_every_yaml_file_reads_without_libyaml_too() -> None:
    """wizard/yamlio.py falls back to PyYAML's pure-Python loader where libyaml is missing, which
    is stricter (a '?' in an unquoted flow item): every file must read with it too."""
    import yaml

    files = [
        *REPO.glob("questions/*.yaml"),
        *REPO.glob("incentives/*.yaml"),
        *SCENARIOS.glob("*.yaml"),
        *REPO.glob("tests/independent/*/profiles/*.yaml"),
        *REPO.glob("tests/independent/*/*.yaml"),
        *REPO.glob("examples/*/*/*.yaml"),
    ]
    assert len(files) > 300
    broken = []
    for path in files:
        try:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)  # noqa: S506
        except yaml.YAMLError:
            broken.append(path.relative_to(REPO).as_posix())
    assert broken == []
