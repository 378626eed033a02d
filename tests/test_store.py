"""The store's behaviour, the same on both back ends: SQLite and a real PostgreSQL (tests/postgres.py).

Codes, versioned saves (a stale writer is told, nothing lost), expiry and purge, deleting a code,
rate-limited look-ups, usage events and migrations.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.store_fixtures import (
    SAVED,
    Clock,
    Desks,
    a_session,
    clock,
    desks,
    postgres_server,
    postgres_url,
    store,
)
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    LOOKUP_LIMIT,
    LOOKUP_WINDOW,
    RETENTION_ENV,
    SessionStore,
    StaleSession,
    TooManyTries,
    UnknownCode,
    UsageRow,
    format_code,
    normalise_code,
    save_or_say,
)
from wizard.store.migrations import POSTGRES, SQLITE

__all__ = ["clock", "desks", "postgres_server", "postgres_url", "store"]  # fixtures


def test_a_saved_session_comes_back_whole(store: SessionStore, tiny: Content) -> None:
    session = a_session(("role", "staff"), ("resident", UNKNOWN), ("age", 41))
    code = store.save(session, notes="Belt back on Monday.", rules_version="tiny-1")
    saved = store.load(code)
    assert saved.session_dict == session.to_dict()
    assert list(saved.session_dict["answers"]) == ["role", "resident", "age"]  # order kept
    assert saved.notes == "Belt back on Monday."
    assert saved.rules_version == "tiny-1"
    assert saved.saved_at == SAVED
    assert saved.version == 1
    assert saved.expires_at == SAVED + timedelta(days=30)
    assert saved.to_session(tiny.facts) == session


def test_codes_are_long_unambiguous_and_distinct(store: SessionStore) -> None:
    codes = {store.save(a_session()) for _ in range(60)}
    assert len(codes) == 60
    for code in codes:
        assert len(code) == CODE_LENGTH == 12
        assert set(code) <= set(CODE_ALPHABET)
    assert not set(CODE_ALPHABET) & set("0O1IL")
    assert len(CODE_ALPHABET) ** CODE_LENGTH > 5 * 10**17  # the number docs/store.md states


def test_a_code_already_taken_is_never_handed_out_twice(desks: Desks) -> None:
    proposals = iter(["ABCD2345CDEF", "ABCD2345CDEF", "ABCD2345CDEF", "XYZ789XYZ789"])
    store = desks(make_code=lambda: next(proposals))
    first = store.save(a_session(("role", "staff")))
    second = store.save(a_session(("role", "student")))
    assert (first, second) == ("ABCD2345CDEF", "XYZ789XYZ789")
    assert store.load(first).session_dict["answers"] == {"role": "staff"}


@pytest.mark.parametrize(
    "typed", ["abcd2345cdef", "ABCD 2345 CDEF", "abcd-2345-cdef", " a-b c–d 2 3 4 5 c d e f "]
)
def test_codes_are_read_whatever_the_case_spaces_or_dashes(store: SessionStore, typed: str) -> None:
    store.save(a_session(("role", "staff")), code="ABCD2345CDEF")
    assert normalise_code(typed) == "ABCD2345CDEF"
    assert store.load(typed).session_dict["answers"] == {"role": "staff"}
    assert format_code("ABCD2345CDEF") == "ABCD 2345 CDEF"
    assert format_code("ABC234") == "ABC 234"  # a code from before schema 2


@pytest.mark.parametrize(
    ("typed", "malformed"),
    [("ABCD2345CDEG", False), ("ABCD2345CDE", True), ("ABCD2345CDEFG", True), ("", True)],
)
def test_an_unknown_or_mistyped_code_says_so_in_both_languages(
    store: SessionStore, typed: str, malformed: bool
) -> None:
    store.save(a_session(), code="ABCD2345CDEF")
    with pytest.raises(UnknownCode) as caught:
        store.load(typed)
    assert caught.value.malformed is malformed
    dutch, english = caught.value.message("nl"), caught.value.message("en")
    assert ("geen geldige code" in dutch) is malformed
    assert ("not a valid code" in english) is malformed
    assert "code" in dutch and "code" in english and dutch != english


def test_each_save_bumps_the_version_in_place(store: SessionStore, clock: Clock) -> None:
    code = store.save(a_session(("role", "staff")), notes="first")
    clock.advance(minutes=1)
    assert store.autosave(code.lower(), a_session(("role", "student")), "second") == code
    saved = store.load(code)
    assert saved.session_dict["answers"] == {"role": "student"}
    assert (saved.notes, saved.version) == ("second", 2)
    assert saved.saved_at == SAVED + timedelta(minutes=1)
    assert store.count_sessions() == 1


def test_a_stale_writer_is_refused_and_nothing_is_lost(desks: Desks) -> None:
    desk_a, desk_b = desks(client="a"), desks(client="b")
    code = desk_a.save(a_session(("role", "staff")), notes="opened on A")
    desk_b.load(code)  # both desks now hold version 1
    desk_a.save(a_session(("role", "staff"), ("age", 40)), "A's notes", code)
    with pytest.raises(StaleSession) as caught:
        desk_b.save(a_session(("role", "student")), "B's notes", code)
    assert code in caught.value.message("nl") and "ander toestel" in caught.value.message("nl")
    assert "another desk" in caught.value.message("en")
    assert desk_a.load(code).notes == "A's notes"  # A's save stands
    # B still holds its session: kept under a new code, and both codes are said.
    kept = desk_b.save_as_new(a_session(("role", "student")), "B's notes", caught.value)
    assert kept.kept_as is not None and kept.kept_as in kept.message("en")
    assert desk_b.load(kept.kept_as).notes == "B's notes"
    assert desk_a.load(code).session_dict["answers"] == {"role": "staff", "age": 40}


def test_saving_over_a_code_never_read_here_is_refused(desks: Desks) -> None:
    code = desks().save(a_session(("role", "staff")), "mine")
    with pytest.raises(StaleSession):
        desks().save(a_session(("role", "student")), "blind overwrite", code)
    assert desks().load(code).notes == "mine"


def test_a_front_end_save_keeps_the_refused_version_and_says_both_codes(desks: Desks) -> None:
    desk_a, desk_b = desks(), desks()
    code = desk_a.save(a_session(("role", "staff")), "A")
    desk_b.load(code)
    desk_a.save(a_session(("role", "staff")), "A again", code)
    new_code, message = save_or_say(
        lambda: desk_b, a_session(("role", "student")), "B", code, rules_version="", lang="nl"
    )
    assert new_code is not None and new_code != code
    assert message is not None and code in message and new_code in message
    assert desk_b.load(new_code).notes == "B" and desk_a.load(code).notes == "A again"


def test_expired_sessions_cannot_be_loaded_and_are_gone_after_purge(
    store: SessionStore, clock: Clock
) -> None:
    old = store.save(a_session(("role", "staff")))
    clock.advance(days=20)
    recent = store.save(a_session(("role", "student")))
    clock.advance(days=10, seconds=1)  # the first is 30 days old: expired
    with pytest.raises(UnknownCode):
        store.load(old)
    assert store.count_sessions() == 2
    assert store.purge() == 1
    assert store.count_sessions() == 1
    assert store.load(recent).session_dict["answers"] == {"role": "student"}


def test_a_save_renews_the_expiry(store: SessionStore, clock: Clock) -> None:
    code = store.save(a_session(("role", "staff")))
    clock.advance(days=29)
    store.save(a_session(("role", "student")), code=code)
    clock.advance(days=29)
    assert store.purge() == 0
    assert store.load(code).session_dict["answers"] == {"role": "student"}


def test_retention_is_a_setting_and_opening_purges(
    desks: Desks, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(RETENTION_ENV, "7")
    store = desks()
    assert store.retention == timedelta(days=7)
    code = store.save(a_session())
    clock.advance(days=8)
    desks()  # another desk starts: expired sessions are purged on start
    assert store.count_sessions() == 0
    with pytest.raises(UnknownCode):
        store.load(code)
    monkeypatch.setenv(RETENTION_ENV, "forever")
    assert desks().retention == timedelta(days=30)


def test_a_deleted_code_no_longer_resumes(store: SessionStore) -> None:
    code = store.save(a_session())
    assert store.delete(format_code(code)) is True
    with pytest.raises(UnknownCode):
        store.load(code)
    assert store.delete(code) is False
    assert store.delete("not a code") is False


def test_look_ups_are_rate_limited_per_desk(desks: Desks, clock: Clock) -> None:
    desk = desks(client="desk-7")
    code = desk.save(a_session(("role", "staff")))
    for n in range(LOOKUP_LIMIT):
        with pytest.raises(UnknownCode):
            desk.load(f"ABCD2345CD{CODE_ALPHABET[n]}{CODE_ALPHABET[n]}")
    with pytest.raises(UnknownCode):
        desk.load("ABC")  # a malformed code is a typo, not a guess: neither counted nor refused
    with pytest.raises(TooManyTries) as caught:
        desk.load(code)  # even the right code waits: a guesser learns nothing
    assert "15 minuten" in caught.value.message("nl") and "15 minutes" in caught.value.message("en")
    with pytest.raises(TooManyTries):
        desks(client="desk-7").load(code)  # a new process on the same desk: counted in the database
    assert desks(client="desk-8").load(code).version == 1  # other desks go on
    clock.advance(seconds=LOOKUP_WINDOW.total_seconds() + 1)
    assert desk.load(code).version == 1


def test_usage_events_round_trip(store: SessionStore) -> None:
    rows = [
        UsageRow(date(2026, 11, 20), "run1", 0, "shown", "q_role", None, None, "plain", "v1"),
        UsageRow(date(2026, 11, 20), "run1", 1, "answered", "q_role", "staff", None, "plain", "v1"),
        UsageRow(date(2026, 11, 22), "run2", 0, "finished", None, None, "vop", "tui", "v1"),
    ]
    store.add_events(rows)
    assert store.events() == rows
    assert store.events(since=date(2026, 11, 21)) == rows[2:]


def test_migrations_run_once_to_the_latest_version(desks: Desks) -> None:
    first, second = desks(), desks()
    expected = len(SQLITE) if type(first).__name__ == "SqliteStore" else len(POSTGRES)
    assert getattr(first, "schema_version")() == expected  # noqa: B009 (back-end method)
    assert getattr(second, "schema_version")() == expected  # noqa: B009
