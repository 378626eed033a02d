"""The content cache: a current copy is used, any change or damage rebuilds it from the YAML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA
from wizard import content_cache
from wizard.content_cache import content_key, load_content_cached
from wizard.problems import ContentError


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(DATA / "tiny", root)
    return root


def test_a_current_copy_is_used_without_reading_yaml(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = load_content_cached(tiny, cache)
    assert len(list(cache.glob("content-*.pickle"))) == 1

    def refuse(root: Path) -> None:
        raise AssertionError("the YAML was parsed although the copy is current")

    monkeypatch.setattr(content_cache, "load_content", refuse)
    second = load_content_cached(tiny, cache)
    assert second == first
    assert second.questions.keys() == first.questions.keys()


def test_a_changed_file_makes_a_new_copy(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = content_key(tiny)
    load_content_cached(tiny, cache)
    graph = tiny / "questions" / "graph.yaml"
    graph.write_text(graph.read_text().replace('version: "tiny-1"', 'version: "tiny-2"'))
    assert content_key(tiny) != before
    assert load_content_cached(tiny, cache).version == "tiny-2"
    assert len(list(cache.glob("content-*.pickle"))) == 1  # the old copy is gone


def test_a_damaged_copy_is_rebuilt(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_content_cached(tiny, cache)
    (copy,) = cache.glob("content-*.pickle")
    copy.write_bytes(b"not a pickle")
    assert load_content_cached(tiny, cache).version == "tiny-1"


def test_broken_content_is_refused_as_always(tmp_path: Path) -> None:
    with pytest.raises(ContentError):
        load_content_cached(DATA / "invalid" / "goto_missing", tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*.pickle")) == []  # nothing cached


def test_an_unwritable_cache_only_costs_speed(tiny: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert load_content_cached(tiny, blocked / "cache").version == "tiny-1"
