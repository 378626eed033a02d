"""Derived facts cannot get round the condition guards: `check` refuses, with file:line and a fix,
what the engine could not evaluate quickly (a stack overflow, or time that doubles per fact)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.cli import leerwijzer
from tests.conftest import DATA
from wizard.conditions import MAX_TREE_SIZE, And, Compare, Condition, Not, measure
from wizard.loading import MAX_DERIVED_CHAIN, load_content
from wizard.problems import ContentError
from wizard.sanitize import visible


def with_derived(tmp_path: Path, entries: list[tuple[str, str]], uses: str) -> Path:
    """The tiny content with derived facts appended, and campus_card's requirement reading ``uses``."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "tiny", root)
    facts = root / "questions" / "facts.yaml"
    lines = [
        f"  - id: {name}\n    label: {{nl: {name}, en: {name}}}\n    when: {when}\n"
        for name, when in entries
    ]
    facts.write_text(facts.read_text() + "".join(lines))
    card = root / "incentives" / "campus_card.yaml"
    card.write_text(card.read_text().replace("when: on_campus", f"when: {uses}"))
    return root


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return [str(problem) for problem in caught.value.problems]


def not_chain(count: int, *, reverse: bool = False) -> list[tuple[str, str]]:
    entries = [("d0", "fulltime")] + [(f"d{k}", f"not d{k - 1}") for k in range(1, count)]
    return entries[::-1] if reverse else entries


@pytest.mark.parametrize("reverse", [False, True], ids=["in_order", "reversed"])
def test_1500_chained_not_facts_are_refused_not_a_recursion_error(
    tmp_path: Path, reverse: bool
) -> None:
    root = with_derived(tmp_path, not_chain(1500, reverse=reverse), uses="d1499")
    started = time.monotonic()
    found = problems_of(root)
    assert time.monotonic() - started < 10
    assert found, "the chain was accepted"
    assert all(line.startswith("questions/facts.yaml:") for line in found)
    if reverse:  # met from the top: the chain of derived facts is cut before the stack is deep
        assert f"is reached through more than {MAX_DERIVED_CHAIN} derived facts" in found[0]
    else:  # met from the bottom: each one is parsed, and the depth of the whole is what is refused
        assert "nests 65 levels deep once its derived facts are filled in (at most 64)" in found[0]
    done = leerwijzer("check", "--content", str(root))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr


def test_a_doubling_chain_is_refused_at_once(tmp_path: Path) -> None:
    entries = [("d0", "fulltime")] + [(f"d{k}", f"d{k - 1} and d{k - 1}") for k in range(1, 40)]
    root = with_derived(tmp_path, entries, uses="d39")
    started = time.monotonic()
    found = problems_of(root)
    assert time.monotonic() - started < 5  # 2**39 parts if evaluated: never walked
    assert len(found) == 1
    assert found[0].startswith("questions/facts.yaml:")
    assert "condition `d7 and d7`" in found[0]  # d8: 2**9 - 1 parts, the first over the limit
    assert f"has more than {MAX_TREE_SIZE} parts once its derived facts are filled in" in found[0]


def test_a_small_chain_is_fine(tmp_path: Path) -> None:
    root = with_derived(tmp_path, not_chain(10), uses="d9 and d3")
    content = load_content(root)
    assert content.incentives["campus_card"].requirements


def test_measure_counts_shared_parts_each_time_without_walking_them() -> None:
    leaf: Condition = Compare("a", "==", "ja")
    node = leaf
    for _ in range(200):  # 2**200 parts, shared
        node = And((node, node))
    depth, size = measure(node, cap=10**6)
    assert depth == 201 and size == 10**6
    deep = leaf
    for _ in range(5000):
        deep = Not(deep)
    assert measure(deep) == (5001, 5001)  # iterative: no RecursionError


def test_a_control_character_in_content_never_reaches_the_terminal(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "tiny", root)
    card = root / "incentives" / "campus_card.yaml"
    card.write_text(card.read_text().replace("when: on_campus", 'when: "\\e]0;pwned\\a"'))
    done = leerwijzer("check", "--content", str(root))
    assert done.returncode == 1
    assert "\x1b" not in done.stderr + done.stdout
    assert "the text holds the control character \\x1b; remove it" in done.stderr
    assert "condition `\\x1b]0;pwned\\x07`" in done.stderr  # quoted, escaped


def test_visible_writes_control_characters_as_escapes() -> None:
    assert visible("a\x1b[31mb\x07\u202e\tc\n") == "a\\x1b[31mb\\x07\\u202e\tc\n"
