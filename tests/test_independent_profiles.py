"""Issue 11's measure: independent citizen profiles, written from the dossier alone, replayed on the
bundled content (tests/independent/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.independent_profiles import RIGHT_FIRST_SHARE, profile_sets, score_set
from wizard.content import Content
from wizard.engine import Engine


@pytest.fixture(scope="module")
def engine(bundled: Content) -> Engine:
    return Engine(bundled)  # one engine: its caches serve every set


def test_there_are_five_sets_of_thirty() -> None:
    sets = profile_sets()
    assert [s.name for s in sets] == ["set1", "set2", "set3", "set4", "set5"]
    for folder in sets:
        assert len(list((folder / "profiles").glob("*.yaml"))) == 30, folder


@pytest.mark.parametrize("folder", profile_sets(), ids=lambda p: p.name)
def test_a_set_gets_the_right_first_recommendation_and_no_false_eligible(
    engine: Engine, folder: Path
) -> None:
    score = score_set(engine, folder)
    assert score.share >= RIGHT_FIRST_SHARE, "\n".join([score.line(), *score.wrong_first])
    assert not score.false_eligible, f"{score.line()}: {score.false_eligible}"


def test_the_score_counts_a_wrong_first_and_a_false_eligible(
    engine: Engine, tmp_path: Path
) -> None:
    # The measure can fail: a profile that accepts only what the content does not recommend first,
    # and forbids what it calls certain, is counted as both.
    source = profile_sets()[0] / "profiles" / "01_bediende_voltijds_vov.yaml"
    (tmp_path / "profiles").mkdir()
    text = source.read_text(encoding="utf-8")
    head, _ = text.split("expect:", 1)
    (tmp_path / "profiles" / source.name).write_text(
        head + "expect:\n  recommended_first: [loopbaankrediet]\n", encoding="utf-8"
    )
    (tmp_path / "forbidden_eligible.yaml").write_text(
        f"{source.name}: [vlaams_opleidingsverlof, opleidingscheques_werknemers]\n",
        encoding="utf-8",
    )
    score = score_set(engine, tmp_path)
    assert (score.profiles, score.right_first) == (1, 0)
    assert score.false_eligible == {
        source.stem: ["opleidingscheques_werknemers", "vlaams_opleidingsverlof"]
    }
