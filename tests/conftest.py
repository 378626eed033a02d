"""Shared fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from wizard.content import Content
from wizard.engine import Engine
from wizard.loading import load_content

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SCENARIOS = Path(__file__).resolve().parent / "scenarios"

# Locally every run explores new random examples (that is how the property tests find bugs); CI
# (.ci/run) sets HYPOTHESIS_PROFILE=ci, so a clean clone runs the same examples every time and a
# red CI run always means a change, not a new draw. A failure prints the blob that replays it.
settings.register_profile("explore", print_blob=True)
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "explore"))

_content_cache: dict[Path, Content] = {}


def cached_content(root: Path) -> Content:
    if root not in _content_cache:
        _content_cache[root] = load_content(root)
    return _content_cache[root]


@pytest.fixture(autouse=True, scope="session")
def _private_content_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Content copies the tests make (check, lint and the TUI use the cache) stay out of the
    user's own cache folder; subprocesses inherit the variable."""
    import os

    from wizard.content_cache import CACHE_DIR_VARIABLE

    folder = tmp_path_factory.mktemp("content-cache")
    folder.chmod(0o700)
    os.environ.setdefault(CACHE_DIR_VARIABLE, str(folder))


@pytest.fixture(scope="session")
def bundled() -> Content:
    return cached_content(REPO)


@pytest.fixture(scope="session")
def tiny() -> Content:
    return cached_content(DATA / "tiny")


@pytest.fixture()
def tiny_engine(tiny: Content) -> Engine:
    return Engine(tiny)


# Scenario files (tests/scenarios/*.yaml) are collected by the package's own pytest plugin,
# wizard/pytest_plugin.py, against the bundled content: the same plugin other repositories use.
