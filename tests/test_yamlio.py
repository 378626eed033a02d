"""Strict YAML: safe, line-aware, no duplicate keys, no anchors, bounded depth and size."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wizard.problems import ContentError
from wizard.yamlio import LineDict, LineList, line_of, read_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "f.yaml"
    path.write_text(text)
    return path


def test_yes_no_on_off_and_dates_stay_strings(tmp_path: Path) -> None:
    data = read_yaml(
        write(tmp_path, "a: yes\nb: no\nc: on\nd: off\ne: 2026-01-01\nf: true\ng: 12\n")
    )
    assert data == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "off",
        "e": "2026-01-01",
        "f": True,
        "g": 12,
    }


def test_lines_are_remembered(tmp_path: Path) -> None:
    data = read_yaml(write(tmp_path, "top:\n  items:\n    - x\n    - y: 1\n      z: 2\n"))
    assert isinstance(data, LineDict) and isinstance(data["top"]["items"], LineList)
    assert line_of(data, ("top", "items", 1, "z")) == 5
    assert line_of(data, ("top", "items", 0)) == 3
    assert line_of(data, ("top", "missing")) == 1


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n"))
    assert str(caught.value.problems[0]).endswith(
        "f.yaml:3: duplicate key 'a' (first at line 1); keep only one of them"
    )


def test_non_text_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="keys must be text"):
        read_yaml(write(tmp_path, "1: a\n"))


def test_python_tags_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="YAML syntax error"):
        read_yaml(write(tmp_path, "a: !!python/object/apply:os.system ['true']\n"))


def test_invalid_utf8_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\nb: \xff\n")
    with pytest.raises(ContentError, match=r"f.yaml:2: not valid UTF-8"):
        read_yaml(path)


HOSTILE = """
import sys, time
from pathlib import Path
from wizard.problems import ContentError
from wizard.yamlio import read_yaml
try:
    read_yaml(Path(sys.argv[1]))
except ContentError as exc:
    print(exc.problems[0].message)
"""


def run_hostile(path: Path) -> str:
    # In a subprocess: a crash (libyaml segfaults on deep nesting) must show as a failure here.
    done = subprocess.run(
        [sys.executable, "-c", HOSTILE, str(path)], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 30):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert run_hostile(path) == "anchor '&a0' is not allowed; write the value out in full"


def test_nesting_30000_deep_is_refused_without_crashing(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 30_000 + "]" * 30_000 + "\n")
    assert run_hostile(path) == "nesting deeper than 50 levels; flatten the structure"


def test_deep_block_mappings_are_refused(tmp_path: Path) -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n"
    with pytest.raises(ContentError, match="nesting deeper than 50"):
        read_yaml(write(tmp_path, text))


def test_a_control_character_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        read_yaml(write(tmp_path, "a: 1\nb: x\x00\n"))
    assert str(caught.value.problems[0]).endswith(
        "f.yaml:2: character '\\x00' is not allowed in YAML; remove it"
    )


def test_deep_flow_nesting_is_refused_by_our_guard_before_libyaml_scans_it(tmp_path: Path) -> None:
    # libyaml's scanner reads flow brackets ahead and, from PyYAML 6.0.4 on, stops at a depth of its
    # own with its own words: the bracket pre-scan must speak first, with the line of the 51st.
    text = "a: 1\nb:\n  " + "[" * 1500 + "]" * 1500 + "\n"
    with pytest.raises(ContentError) as caught:
        read_yaml(write(tmp_path, text))
    assert str(caught.value.problems[0]).endswith(
        "f.yaml:3: nesting deeper than 50 levels; flatten the structure"
    )


def test_fifty_levels_of_flow_nesting_still_load(tmp_path: Path) -> None:
    value = read_yaml(write(tmp_path, "a: " + "[" * 49 + "1" + "]" * 49 + "\n"))
    value = value["a"]
    for _ in range(49):
        value = value[0]
    assert value == 1


def test_a_symbolic_link_is_refused_and_its_target_never_printed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:SECRETHASH:19000:0:99999:7:::\n")
    link = tmp_path / "facts.yaml"
    link.symlink_to(secret)
    with pytest.raises(ContentError) as caught:
        read_yaml(link)
    message = str(caught.value.problems[0])
    assert message.endswith(
        "facts.yaml: is a symbolic link; copy the real file into the content folder"
    )
    assert "SECRETHASH" not in message


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "graph.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ContentError, match="is not a regular file; use a plain YAML file"):
        read_yaml(fifo)


def test_a_huge_file_is_refused_after_reading_only_the_limit(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:  # 4 GB, sparse: nothing is written, reading it all would be
        handle.truncate(4 * 1024**3)
    started = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        read_yaml(huge)
    assert time.perf_counter() - started < 1.0
    assert str(caught.value.problems[0]).endswith(
        "huge.yaml:1: file is 4,294,967,296 bytes, over the 1,000,000 limit; split it"
    )
