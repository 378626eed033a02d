"""Shared fixtures, and scenario files collected as pytest items (one test per file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.replay import ScenarioReport, replay_file

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SCENARIOS = Path(__file__).resolve().parent / "scenarios"

_content_cache: dict[Path, Content] = {}


def cached_content(root: Path) -> Content:
    if root not in _content_cache:
        _content_cache[root] = load_content(root)
    return _content_cache[root]


@pytest.fixture(scope="session")
def bundled() -> Content:
    return cached_content(REPO)


@pytest.fixture(scope="session")
def tiny() -> Content:
    return cached_content(DATA / "tiny")


@pytest.fixture()
def tiny_engine(tiny: Content) -> Engine:
    return Engine(tiny)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix == ".yaml" and SCENARIOS in file_path.parents:
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFailure(Exception):
    def __init__(self, report: ScenarioReport) -> None:
        super().__init__(report.name)
        self.report = report


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield ScenarioItem.from_parent(self, name=self.path.stem)


class ScenarioItem(pytest.Item):
    def runtest(self) -> None:
        report = replay_file(Engine(cached_content(REPO)), self.path)
        if not report.passed:
            raise ScenarioFailure(report)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailure):
            report = excinfo.value.report
            lines = [f"scenario: {report.name}", "", "expected against actual:"]
            lines += [f"  - {failure}" for failure in report.failures]
            lines += ["", f"path taken: {' > '.join(report.asked) or '(no questions)'}"]
            lines += [f"recommended: {report.recommended}", f"eligible: {sorted(report.eligible)}"]
            lines += [f"possibly: {sorted(report.possibly)}"]
            return "\n".join(lines)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.name}"
