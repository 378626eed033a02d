"""Saved sessions: codes a person can read aloud, a private WAL database, saves that survive a crash."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import REPO
from wizard.conditions import UNKNOWN
from wizard.content import Content
from wizard.sessions import Session
from wizard.store import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DATA_DIR_ENV,
    DB_NAME,
    SessionStore,
    SqliteStore,
    UnknownCode,
    format_code,
    normalise_code,
)

DAY = date(2026, 11, 23)
SAVED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def ticking() -> Iterator[datetime]:
    moment = SAVED
    while True:
        yield moment
        moment += timedelta(minutes=1)


@pytest.fixture()
def store(tmp_path: Path) -> SqliteStore:
    clock = ticking()
    opened = SqliteStore(tmp_path / "data", clock=lambda: next(clock))
    clock = ticking()  # opening purged expired sessions at SAVED: the first save is at SAVED too
    return opened


def a_session(*answers: tuple[str, object]) -> Session:
    session = Session(date=DAY, lang="en")
    for fact, value in answers:
        session = session.with_answer(fact, value)  # type: ignore[arg-type]
    return session


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_saved_session_comes_back_whole(store: SessionStore, tiny: Content) -> None:
    session = a_session(("role", "staff"), ("resident", UNKNOWN), ("age", 41))
    code = store.save(session, notes="Belt back on Monday.", rules_version="tiny-1")
    saved = store.load(code)
    assert saved.session_dict == session.to_dict()
    assert saved.notes == "Belt back on Monday."
    assert saved.rules_version == "tiny-1"
    assert saved.saved_at == SAVED
    assert saved.to_session(tiny.facts) == session


def test_codes_are_short_unambiguous_and_distinct(store: SessionStore) -> None:
    codes = {store.save(a_session()) for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(CODE_ALPHABET)
    assert not set(CODE_ALPHABET) & set("0O1IL")


def test_a_code_already_taken_is_never_handed_out_twice(tmp_path: Path) -> None:
    proposals = iter(["ABC234", "ABC234", "ABC234", "XYZ789"])
    store = SessionStore(tmp_path, make_code=lambda: next(proposals))
    first = store.save(a_session(("role", "staff")))
    second = store.save(a_session(("role", "student")))
    assert (first, second) == ("ABC234", "XYZ789")
    assert store.load(first).session_dict["answers"] == {"role": "staff"}


@pytest.mark.parametrize("typed", ["abc234", "ABC 234", "abc-234", " a-b c–2 3 4 ", "ABC\u2011234"])
def test_codes_are_read_whatever_the_case_spaces_or_dashes(store: SessionStore, typed: str) -> None:
    store.save(a_session(("role", "staff")), code="ABC234")
    assert normalise_code(typed) == "ABC234"
    assert store.load(typed).session_dict["answers"] == {"role": "staff"}
    assert format_code("ABC234") == "ABC 234"


@pytest.mark.parametrize(
    ("typed", "malformed"),
    [("ABC235", False), ("ABC23", True), ("ABC2345", True), ("ABC23O", True), ("", True)],
)
def test_an_unknown_or_mistyped_code_says_so_in_both_languages(
    store: SessionStore, typed: str, malformed: bool
) -> None:
    store.save(a_session(), code="ABC234")
    with pytest.raises(UnknownCode) as caught:
        store.load(typed)
    assert caught.value.malformed is malformed
    dutch, english = caught.value.message("nl"), caught.value.message("en")
    assert ("geen geldige code" in dutch) is malformed
    assert ("not a valid code" in english) is malformed
    assert "code" in dutch and "code" in english and dutch != english
    assert str(caught.value) == english


def test_autosave_overwrites_in_place(store: SqliteStore) -> None:
    code = store.save(a_session(("role", "staff")), notes="first")
    assert store.autosave(code.lower(), a_session(("role", "student")), "second") == code
    saved = store.load(code)
    assert saved.session_dict["answers"] == {"role": "student"}
    assert saved.notes == "second"
    assert saved.saved_at == SAVED + timedelta(minutes=1)
    with sqlite3.connect(store.db_path) as db:
        assert db.execute("SELECT COUNT(*) FROM sessions").fetchone() == (1,)


def test_delete_forgets_and_reports_whether_there_was_anything(store: SessionStore) -> None:
    code = store.save(a_session())
    assert store.delete(format_code(code)) is True
    with pytest.raises(UnknownCode):
        store.load(code)
    assert store.delete(code) is False
    assert store.delete("not a code") is False


def test_the_database_is_in_wal_mode_and_private(store: SqliteStore) -> None:
    store.save(a_session(("role", "staff")))
    assert store.journal_mode() == "wal"
    assert store.db_path == store.directory / DB_NAME
    assert mode(store.db_path) == 0o600
    assert mode(store.directory) == 0o700
    # The write-ahead log holds the same personal data while a writer is busy: same rights.
    with sqlite3.connect(store.db_path, isolation_level=None) as db:
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE sessions SET notes = 'x'")
        wal = store.db_path.with_name(DB_NAME + "-wal")
        assert mode(wal) == 0o600
        db.execute("ROLLBACK")


def test_an_existing_database_with_loose_rights_is_made_private(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).touch(mode=0o644)
    (tmp_path / DB_NAME).chmod(0o644)
    assert mode(SqliteStore(tmp_path).db_path) == 0o600


def test_where_the_database_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert SqliteStore().db_path == tmp_path / "from-env" / DB_NAME
    assert SqliteStore(tmp_path / "given").db_path == tmp_path / "given" / DB_NAME
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.setattr(
        "wizard.store.config.user_data_dir", lambda *a, **k: str(tmp_path / "platform")
    )
    assert SqliteStore().db_path == tmp_path / "platform" / DB_NAME


CRASH = textwrap.dedent(
    """
    import os, sys
    from contextlib import contextmanager
    from datetime import date
    from pathlib import Path
    from wizard.sessions import Session
    from wizard.store import SessionStore

    store = SessionStore(Path(sys.argv[1]))
    session = Session(date=date(2026, 11, 23))
    code = store.save(session.with_answer("role", "staff"), notes="one")
    store.autosave(code, session.with_answer("role", "student"), notes="two")
    print(code, flush=True)

    real_tx = store._tx
    @contextmanager
    def dying_tx(**kwargs):
        with real_tx(**kwargs) as tx:
            class Dying:
                def execute(self, sql, params=()):
                    rows = tx.execute(sql, params)
                    if sql.startswith("UPDATE sessions"):
                        os._exit(9)  # dies after writing, before the commit: no cleanup at all
                    return rows
            yield Dying()
    store._tx = dying_tx
    store.autosave(code, session.with_answer("role", "visitor"), notes="three")
    """
)


def test_a_crash_during_an_autosave_keeps_the_last_completed_save(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CRASH, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode == 9, done.stderr
    code = done.stdout.strip()
    saved = SessionStore(tmp_path).load(code)
    assert saved.session_dict["answers"] == {"role": "student"}
    assert saved.notes == "two"
