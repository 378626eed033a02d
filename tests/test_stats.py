"""``leerwijzer stats`` and ``leerwijzer purge``: figures worked out right, a page with charts."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.cli import leerwijzer
from tests.conftest import SCENARIOS
from tests.store_fixtures import a_session
from wizard.store import SqliteStore, UnknownCode, UsageRow
from wizard.usage_html import html_report
from wizard.usage_stats import summarise, text_report

DAY = date(2026, 11, 20)


def run_events(run: str, *events: tuple[str, str | None, str | None]) -> list[UsageRow]:
    return [
        UsageRow(DAY, run, n, kind, question if kind != "finished" else None, answer, outcome)
        for n, (kind, question, value) in enumerate(events)
        for answer, outcome in [(value, None) if kind != "finished" else (None, value)]
    ]


EVENTS = [
    *run_events(
        "a",
        ("shown", "role", None),
        ("answered", "role", "staff"),
        ("shown", "age", None),
        ("answered", "age", None),
        ("finished", None, "vop opleidingscheques"),
    ),
    *run_events(
        "b",
        ("shown", "role", None),
        ("answered", "role", "weet_niet"),
        ("shown", "age", None),
        ("back", "role", None),
        ("shown", "role", None),
        ("answered", "role", "student"),
        ("shown", "age", None),
        ("answered", "age", None),
        ("shown", "goal", None),
        ("answered", "goal", "weet_niet"),
        ("finished", None, "nothing"),
    ),
    *run_events(
        "c",
        ("shown", "role", None),
        ("answered", "role", "staff"),
        ("shown", "age", None),
        ("abandoned", "age", None),
    ),
]


def test_the_figures_are_worked_out_from_the_events() -> None:
    summary = summarise(EVENTS, order=["role", "age", "goal"])
    assert (summary.sessions, summary.finished, summary.abandoned) == (3, 2, 1)
    assert summary.mean_questions == pytest.approx((2 + 3) / 2)  # b went back once
    by_question = {q.question: q for q in summary.questions}
    assert [q.question for q in summary.questions] == ["role", "age", "goal"]
    assert (by_question["age"].reached, by_question["age"].abandoned) == (3, 1)
    assert by_question["age"].drop_off == pytest.approx(1 / 3)
    assert by_question["role"].unknown_share == pytest.approx(1 / 4)
    assert by_question["goal"].unknown_share == 1.0
    assert summary.first_choice == {"vop": 1, "nothing": 1}
    assert summary.recommended == {"vop": 1, "opleidingscheques": 1}
    text = text_report(summary, {"age": "Hoe oud bent u?"})
    assert "Hoe oud bent u?" in text and "33%" not in text  # drop-off is drawn as a bar
    assert re.search(r"Hoe oud bent u\?\s+3\s+1\s+#######", text)


def test_the_html_page_is_self_contained_with_svg_charts() -> None:
    page = html_report(summarise(EVENTS), {"vop": "Vlaams <opleidings>verlof"})
    assert page.count("<svg") == 3
    assert 'class="chart dropoff"' in page and 'class="chart outcomes"' in page
    assert "Vlaams &lt;opleidings&gt;verlof" in page  # escaped
    for outside in ("<script", "<link", "src=", "@import", "url("):
        assert outside not in page
    assert re.findall(r"https?://[^\"' ]+", page) == ["http://www.w3.org/2000/svg"] * 3


def test_stats_after_replaying_the_scenarios_writes_the_page(tmp_path: Path) -> None:
    env = {"LEERWIJZER_DATA_DIR": str(tmp_path / "data")}
    leerwijzer("replay", "--figures", str(SCENARIOS), env=env)
    page = tmp_path / "figures.html"
    done = leerwijzer("stats", "--html", str(page), env=env)
    assert done.returncode == 0, done.stderr
    assert "Afhaken per vraag / drop-off per question" in done.stdout
    assert "Modus / mode: replay" in done.stdout
    html = page.read_text(encoding="utf-8")
    assert 'class="chart dropoff"' in html and 'class="chart outcomes"' in html
    bars = re.findall(r'<svg class="chart outcomes".*?</svg>', html, re.S)[0].count("<rect")
    assert bars >= 5  # the scenarios end on many different instruments
    assert page.stat().st_mode & 0o077 == 0
    later = leerwijzer("stats", "--since", "2999-01-01", env=env)
    assert "Sessies / sessions: 0" in later.stdout


def test_stats_on_a_broken_store_says_so(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    done = leerwijzer("stats", env={"LEERWIJZER_DATA_DIR": str(tmp_path / "file")})
    assert done.returncode == 1
    assert "geen map" in done.stderr and "Traceback" not in done.stderr


def test_purge_removes_expired_sessions_and_a_deleted_code_no_longer_resumes(
    tmp_path: Path,
) -> None:
    long_ago = datetime.now(UTC) - timedelta(days=31)
    old_store = SqliteStore(tmp_path, clock=lambda: long_ago)
    expired = old_store.save(a_session(("role", "staff")))
    fresh = SqliteStore(tmp_path, clock=lambda: long_ago + timedelta(days=29)).save(
        a_session(("role", "student"))
    )  # opened 29 days after the first: nothing had expired yet
    env = {"LEERWIJZER_DATA_DIR": str(tmp_path)}
    done = leerwijzer("purge", env=env)
    assert done.returncode == 0, done.stderr
    assert "1 verlopen sessies gewist; 1 bewaard" in done.stdout
    store = SqliteStore(tmp_path)
    assert store.count_sessions() == 1
    with pytest.raises(UnknownCode):
        store.load(expired)
    deleted = leerwijzer("purge", "--code", fresh.lower(), env=env)
    assert deleted.returncode == 0 and "is gewist" in deleted.stdout
    with pytest.raises(UnknownCode):
        SqliteStore(tmp_path).load(fresh)
    again = leerwijzer("purge", "--code", fresh, "--lang", "en", env=env)
    assert again.returncode == 1 and "No session had code" in again.stderr
