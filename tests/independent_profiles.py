"""Scoring the independent citizen profiles of tests/independent (issue 11): shared by the test and
`make bench`. A profile scores when its first recommendation is one its author accepts; it is a
false "eligible" when the result calls certain what its author listed in forbidden_eligible.yaml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wizard.engine import Engine
from wizard.replay import load_scenario, run_scenario
from wizard.yamlio import read_yaml

SETS = Path(__file__).resolve().parent / "independent"
RIGHT_FIRST_SHARE = 0.95
"""Issue 11: at least 95 % of the profiles get an accepted first recommendation."""


@dataclass
class SetScore:
    name: str
    profiles: int = 0
    right_first: int = 0
    wrong_first: list[str] = field(default_factory=list)
    false_eligible: dict[str, list[str]] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.right_first / self.profiles if self.profiles else 0.0

    def line(self) -> str:
        return (
            f"{self.name}: {self.right_first}/{self.profiles} right first, "
            f"{len(self.false_eligible)} with a false 'eligible'"
        )


def profile_sets() -> list[Path]:
    return sorted(p for p in SETS.iterdir() if (p / "profiles").is_dir())


def score_set(engine: Engine, folder: Path) -> SetScore:
    forbidden = read_yaml(folder / "forbidden_eligible.yaml")
    assert isinstance(forbidden, dict), f"{folder}/forbidden_eligible.yaml: a mapping per profile"
    score = SetScore(folder.name)
    for path in sorted((folder / "profiles").glob("*.yaml")):
        scenario = load_scenario(path)
        report = run_scenario(engine, scenario, str(path))
        wanted = scenario.expect.recommended_first
        accepted = [wanted] if isinstance(wanted, str) else list(wanted or [])
        first = report.recommended[0] if report.recommended else None
        score.profiles += 1
        if first in accepted:
            score.right_first += 1
        else:
            score.wrong_first.append(f"{path.stem}: first {first}, accepted {accepted}")
        bad = sorted(set(report.eligible) & set(forbidden.get(path.name) or []))
        if bad:
            score.false_eligible[path.stem] = bad
    return score
