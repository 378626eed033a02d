"""The program's own texts: one table, every key used exists, both languages say the same slots."""

from __future__ import annotations

import re
import string

from tests.conftest import REPO
from wizard.ui_texts import UI_TEXTS

LITERAL_KEY = re.compile(r"""\bsay\(\s*["']([a-z_.]+)["']""")


def slots(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_literal_key_in_the_code_exists() -> None:
    used = {
        key
        for path in (REPO / "wizard").rglob("*.py")
        for key in LITERAL_KEY.findall(path.read_text())
    }
    assert used, "the pattern found no keys: the test would prove nothing"
    assert sorted(used - UI_TEXTS.keys()) == []


def test_dutch_and_english_fill_the_same_placeholders() -> None:
    for key, (nl, en) in UI_TEXTS.items():
        assert nl.strip() and en.strip(), key
        assert slots(nl) == slots(en), key
