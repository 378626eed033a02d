"""Plain mode takes any input a person can type without crashing, and never answers unasked."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA, REPO, cached_content
from wizard.engine import Engine
from wizard.plain import PlainRunner

LINES = st.lists(
    st.one_of(
        st.text(max_size=15).filter(lambda t: "\n" not in t and "\r" not in t),
        st.sampled_from(["terug", "back", "?", "0", "1", "2", "10", "-1", "999", "weet niet", ""]),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(lines=LINES, tiny=st.booleans())
def test_any_typed_lines_end_in_a_result_or_a_clean_stop(lines: list[str], tiny: bool) -> None:
    engine = Engine(cached_content(DATA / "tiny" if tiny else REPO))
    out = io.StringIO()
    code = PlainRunner(engine, io.StringIO("".join(f"{x}\n" for x in lines)), out).run(
        engine.start(date(2026, 11, 23))
    )
    assert code in (0, 1)
    text = out.getvalue()
    assert "Regels versie" in text  # a result, final or provisional, is always printed
