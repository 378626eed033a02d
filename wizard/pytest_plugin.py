"""Scenario files as pytest items: one test per file, run against a question graph's content.

Installed with the package as a ``pytest11`` entry point, so any repository that installs the wheel
runs ``pytest path/to/scenarios`` against its own question graph (``--leerwijzer-content DIR``, or
``leerwijzer_content = DIR`` in its pytest configuration) and gets one test per file, readable
failures and pytest's own ``--junitxml``. Our own tests use the same plugin on the bundled content.

A YAML file is a scenario when it lies in a folder named ``scenarios`` (at any depth), or in a
folder given with ``--leerwijzer-scenarios``: other YAML files beside the tests (fixtures, broken
content kept on purpose) are never mistaken for one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wizard.bundled import bundled_content_root
from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content
from wizard.problems import ContentError
from wizard.replay import ScenarioReport, replay_file

SCENARIO_FOLDER = "scenarios"
_CONTENT_KEY = pytest.StashKey[Content | ContentError]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("leerwijzer", "Leerwijzer scenario files")
    group.addoption(
        "--leerwijzer-content",
        metavar="DIR",
        default=None,
        help="content the scenarios run against: DIR/questions and DIR/incentives "
        "(default: the leerwijzer_content ini value, else the content bundled with leerwijzer)",
    )
    group.addoption(
        "--leerwijzer-scenarios",
        metavar="DIR",
        action="append",
        default=[],
        help="also collect every *.yaml below DIR as a scenario (folders named 'scenarios' always are)",
    )
    parser.addini(
        "leerwijzer_content",
        "content folder the scenario files run against (relative to the ini file)",
        default="",
    )


def content_root(config: pytest.Config) -> Path:
    """The content folder the scenarios of this session run against."""
    option = config.getoption("leerwijzer_content")
    if option:
        return Path(option).resolve()
    ini = str(config.getini("leerwijzer_content"))
    if ini:
        base = config.inipath.parent if config.inipath is not None else config.rootpath
        return (base / ini).resolve()
    return bundled_content_root()


def _content(config: pytest.Config) -> Content | ContentError:
    """The content, loaded once per session; a broken content set fails every scenario clearly."""
    if _CONTENT_KEY not in config.stash:
        try:
            config.stash[_CONTENT_KEY] = load_content(content_root(config))
        except ContentError as error:
            config.stash[_CONTENT_KEY] = error
    return config.stash[_CONTENT_KEY]


def _is_scenario(config: pytest.Config, file_path: Path) -> bool:
    if file_path.suffix not in (".yaml", ".yml"):
        return False
    if any(parent.name == SCENARIO_FOLDER for parent in file_path.parents):
        return True
    extra = [Path(folder).resolve() for folder in config.getoption("leerwijzer_scenarios")]
    return any(folder in file_path.resolve().parents for folder in extra)


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if _is_scenario(parent.config, file_path):
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFailure(Exception):
    def __init__(self, report: ScenarioReport) -> None:
        super().__init__(report.name)
        self.report = report


class ContentFailure(Exception):
    """The content the scenarios run against does not load: every scenario says why."""


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        yield ScenarioItem.from_parent(self, name=self.path.stem)


class ScenarioItem(pytest.Item):
    def runtest(self) -> None:
        content = _content(self.config)
        if isinstance(content, ContentError):
            raise ContentFailure(
                "\n".join(str(problem) for problem in content.problems)
                + f"\n(content: {content_root(self.config)}; run 'leerwijzer check')"
            )
        report = replay_file(Engine(content), self.path)
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
        if isinstance(excinfo.value, ContentFailure):
            return f"the content does not load:\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.name}"
