"""Whatever the files hold, loading ends in Content or a ContentError: never another exception."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from wizard.loading import load_content
from wizard.problems import ContentError

KEYS = st.sampled_from(
    [
        "id",
        "kind",
        "label",
        "values",
        "facts",
        "derived",
        "when",
        "goto",
        "next",
        "questions",
        "start",
        "version",
        "referral",
        "nl",
        "en",
        "requires",
        "serves",
        "valid_from",
        "sources",
        "url",
        "why_not",
        "fact",
        "text",
        "ask_when",
        "min",
        "max",
        "name",
        "summary",
        "confidence",
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 500),
    st.text(max_size=20),
    st.sampled_from(["role == student", "age >= 18", "2026-01-01", "end", "role", "(", "__x"]),
)
TREES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=25,
)
FILES = ["questions/facts.yaml", "questions/graph.yaml", "incentives/campus_card.yaml"]


@settings(max_examples=200, deadline=None)
@given(target=st.sampled_from(FILES), tree=TREES)
def test_random_documents_never_crash_the_loader(target: str, tree: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        shutil.copytree(DATA / "tiny", root)
        (root / target).write_text(json.dumps(tree))
        try:
            load_content(root)
        except ContentError as error:
            assert error.problems
            assert all(str(p).startswith(("questions/", "incentives/")) for p in error.problems)


@settings(max_examples=200, deadline=None)
@given(target=st.sampled_from(FILES), data=st.binary(max_size=200))
def test_random_bytes_never_crash_the_loader(target: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        shutil.copytree(DATA / "tiny", root)
        (root / target).write_bytes(data)
        try:
            load_content(root)
        except ContentError as error:
            assert error.problems
