"""The content cache: a current copy is used, any change or damage rebuilds it from the YAML; it is
JSON (data, never code) in a folder that must be the user's own."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA
from wizard import content_cache
from wizard.content_cache import (
    content_key,
    load_content_cached,
    load_documents_cached,
    safe_folder,
)
from wizard.loading import load_content
from wizard.problems import ContentError
from wizard.yamlio import LineDict, LineList, line_of, read_yaml


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
    assert len(list(cache.glob("content-*.json"))) == 1

    def refuse(root: Path) -> None:
        raise AssertionError("the YAML was parsed although the copy is current")

    monkeypatch.setattr(content_cache, "load_content_models", refuse)
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
    assert len(list(cache.glob("content-*.json"))) == 1  # the old copy is gone


def test_a_damaged_copy_is_rebuilt(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_content_cached(tiny, cache)
    (copy,) = cache.glob("content-*.json")
    copy.write_bytes(b"{not json")
    assert load_content_cached(tiny, cache).version == "tiny-1"


def test_broken_content_is_refused_as_always(tmp_path: Path) -> None:
    with pytest.raises(ContentError):
        load_content_cached(DATA / "invalid" / "goto_missing", tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*.json")) == []  # nothing cached


def test_an_unwritable_cache_only_costs_speed(tiny: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert load_content_cached(tiny, blocked / "cache").version == "tiny-1"


def test_the_copy_is_json_of_the_models_and_private(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    content = load_content_cached(tiny, cache)
    (copy,) = cache.glob("content-*.json")
    document = json.loads(copy.read_text())
    assert document["key"] == content_key(tiny)
    assert document["graph"]["version"] == content.version
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_planted_pickle_is_never_loaded(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    marker = tmp_path / "pwned"
    planted = pickle.dumps(_Planted(str(marker)))
    (cache / f"content-{content_key(tiny)}.pickle").write_bytes(planted)
    (cache / f"content-{content_key(tiny)}.json").write_bytes(planted)
    assert load_content_cached(tiny, cache).version == "tiny-1"
    assert not marker.exists()  # the planted code never ran


class _Planted:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.marker), "ran"))  # type: ignore[return-value]


def test_a_doctored_copy_for_the_same_key_is_validated_again(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_content_cached(tiny, cache)
    (copy,) = cache.glob("content-*.json")
    document = json.loads(copy.read_text())
    document["facts"]["facts"][0]["kind"] = "python_object"  # not a kind the models know
    copy.write_text(json.dumps(document))
    assert load_content_cached(tiny, cache) == load_content(tiny)


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o722])
def test_a_folder_others_can_write_is_neither_read_nor_written(
    tiny: Path, tmp_path: Path, mode: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "shared"
    load_content_cached(tiny, cache)
    (copy,) = cache.glob("content-*.json")
    cache.chmod(mode)
    read: list[Path] = []
    monkeypatch.setattr(content_cache, "_read_own_file", read.append)
    assert load_content_cached(tiny, cache) == load_content(tiny)
    assert read == []  # the copy in a shared folder was not even opened
    assert not safe_folder(cache)


def test_a_copy_that_is_a_link_is_not_followed(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_content_cached(tiny, cache)
    (copy,) = cache.glob("content-*.json")
    elsewhere = tmp_path / "elsewhere.json"
    copy.rename(elsewhere)
    copy.symlink_to(elsewhere)
    assert content_cache._read_own_file(copy) is None
    assert load_content_cached(tiny, cache) == load_content(tiny)


def test_a_linked_cache_folder_is_not_used(tiny: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    assert load_content_cached(tiny, link).version == "tiny-1"
    assert list(real.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_folder_or_copy_owned_by_someone_else_is_not_used(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_content_cached(tiny, cache)
    (copy,) = cache.glob("content-*.json")
    os.chown(copy, 12345, -1)  # a copy planted by another user
    assert content_cache._read_own_file(copy) is None
    os.chown(copy, os.getuid(), -1)
    os.chown(cache, 12345, -1)  # a folder of another user
    assert not safe_folder(cache)
    assert load_content_cached(tiny, cache) == load_content(tiny)


def _lines(node: object) -> object:
    """A document with its line marks spelled out, to compare two readings."""
    if isinstance(node, LineDict):
        return ("map", node.line, [(k, node.key_lines[k], _lines(v)) for k, v in node.items()])
    if isinstance(node, LineList):
        return ("seq", node.line, node.item_lines, [_lines(v) for v in node])
    return node


def test_lint_documents_come_back_with_their_lines(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    relatives = [Path("questions/graph.yaml"), Path("questions/facts.yaml")]
    first = load_documents_cached(tiny, relatives, cache)
    assert len(list(cache.glob("documents-*.json"))) == 1
    second = load_documents_cached(tiny, relatives, cache)  # from the copy
    for relative in relatives:
        expected = _lines(read_yaml(tiny / relative))
        assert _lines(first[relative]) == expected
        assert _lines(second[relative]) == expected
    graph = second[relatives[0]]
    assert isinstance(graph, LineDict) and line_of(graph, ("questions", 0)) > 1


def test_a_damaged_documents_copy_is_read_again(
    tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    relatives = [Path("questions/graph.yaml")]
    load_documents_cached(tiny, relatives, cache)
    (copy,) = cache.glob("documents-*.json")
    document = json.loads(copy.read_text())
    document["files"]["questions/graph.yaml"] = {"l": "x", "k": [[1]]}
    copy.write_text(json.dumps(document))
    read: list[Path] = []

    def read_again(path: Path) -> object:
        read.append(path)
        return {}

    monkeypatch.setattr(content_cache, "read_yaml", read_again)
    load_documents_cached(tiny, relatives, cache)
    assert read == [tiny / "questions/graph.yaml"]


def test_each_folder_keeps_its_own_copy_up_to_a_limit(tiny: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    folders = []
    for index in range(content_cache.MAX_FOLDERS + 2):
        folder = tmp_path / f"content{index}"
        shutil.copytree(tiny, folder)
        folders.append(folder)
        load_content_cached(folder, cache)
        load_content_cached(folder, cache)  # a second run of the same folder adds nothing
    copies = list(cache.glob("content-*.json"))
    assert len(copies) == content_cache.MAX_FOLDERS
    kept = {json.loads(copy.read_text())["key"] for copy in copies}
    assert content_key(folders[-1]) in kept and content_key(folders[0]) not in kept


def test_check_and_lint_answer_the_same_from_the_cache(tmp_path: Path) -> None:
    """`check` and `lint` read the copies when they are current, and say exactly the same."""
    env = {**os.environ, "LEERWIJZER_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-m", "wizard", "--content", str(DATA / "tiny"), command],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        for command in ("check", "lint", "check", "lint")
    ]
    assert runs[0].returncode == 0 and runs[0].stdout.startswith("OK: ")
    assert [r.stdout for r in runs[:2]] == [r.stdout for r in runs[2:]]
    assert len(list((tmp_path / "cache").glob("documents-*.json"))) == 1
