"""Strict YAML: safe, line-aware, no duplicate keys, no anchors, bounded depth and size."""

from __future__ import annotations

import subprocess
import sys
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
