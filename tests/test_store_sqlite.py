"""SQLite only: a private WAL file, where it lives, which back end is chosen, crash safety, schema 1."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.store_fixtures import SAVED, a_session
from wizard.store import (
    DATA_DIR_ENV,
    DATABASE_URL_ENV,
    DB_NAME,
    SessionStore,
    SqliteStore,
    UnknownCode,
)
from wizard.store.config import backend_class
from wizard.store.migrations import SQLITE


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture()
def store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(tmp_path / "data", clock=lambda: SAVED)


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


def test_the_setting_chooses_postgresql_and_a_folder_always_means_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert type(SessionStore()) is SqliteStore
    monkeypatch.setenv(DATABASE_URL_ENV, "postgresql://desk@127.0.0.1:1/leerwijzer")
    assert backend_class(None).__name__ == "PostgresStore"
    assert type(SessionStore(tmp_path)) is SqliteStore


def test_a_schema_1_database_is_migrated_and_its_sessions_expire_from_their_last_save(
    tmp_path: Path,
) -> None:
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute(
            "CREATE TABLE sessions (code TEXT PRIMARY KEY, session TEXT NOT NULL,"
            " notes TEXT NOT NULL, rules_version TEXT NOT NULL, saved_at TEXT NOT NULL) STRICT"
        )
        answers = json.dumps(a_session(("role", "staff")).to_dict())
        db.execute(
            "INSERT INTO sessions VALUES ('ABC234', ?, 'old notes', 'v1', ?)",
            (answers, SAVED.isoformat()),
        )
        db.execute("PRAGMA user_version = 1")
    store = SqliteStore(tmp_path, clock=lambda: SAVED)
    assert store.schema_version() == len(SQLITE)
    saved = store.load("abc 234")  # a six-character code from before still reads
    assert (saved.notes, saved.version) == ("old notes", 1)
    assert saved.expires_at == SAVED + store.retention
    later = SqliteStore(tmp_path, clock=lambda: SAVED + store.retention)
    with pytest.raises(UnknownCode):
        later.load("ABC234")


def test_a_settings_file_chooses_the_database_retention_and_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.store import RETENTION_ENV, StoreError
    from wizard.store.config import CONFIG_ENV
    from wizard.usage import FIGURES_ENV, figures_on

    for name in (DATABASE_URL_ENV, RETENTION_ENV, FIGURES_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    settings = tmp_path / "leerwijzer.toml"
    monkeypatch.setenv(CONFIG_ENV, str(settings))
    settings.write_text("retention_days = 7\nfigures = true\n")
    assert SessionStore().retention.days == 7 and figures_on()
    monkeypatch.setenv(RETENTION_ENV, "9")  # the environment wins over the file
    assert SessionStore().retention.days == 9
    settings.write_text('database_url = "postgresql://desk@db.example:5432/leerwijzer"\n')
    assert backend_class(None).__name__ == "PostgresStore"
    assert not figures_on()
    for wrong, said in [
        ("database = 'x'\n", "unknown key 'database'"),
        ("retention_days = 'seven'\n", "'retention_days' must be a whole number"),
        ("retention_days = \n", "TOMLDecodeError"),
    ]:
        settings.write_text(wrong)
        with pytest.raises(StoreError) as caught:
            SessionStore()
        assert caught.value.kind == "bad_config"
        assert str(settings) in caught.value.message("nl") and said in caught.value.message("en")
        assert not figures_on()  # a broken file never stops a session: figures are off
