"""The embedded back end: one private SQLite file per machine, nothing to set up.

The database holds personal data, so it is created 0600 in a 0700 directory, and nothing leaves
the machine. Every write is one transaction in WAL mode with full sync: a crash (or a pulled plug)
loses at most the write in progress, never an earlier save, and never leaves half a session. A
damaged file is never written to or replaced: the error says so and the file stays for recovery.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Unpack

from wizard.store import migrations
from wizard.store.base import Rows, SessionStore, StoreOptions, Tx, store_errors
from wizard.store.config import default_data_dir
from wizard.store.errors import StoreError, classify_sqlite

DB_NAME = "sessions.sqlite3"


def _param(value: object) -> object:
    if isinstance(value, datetime):
        return migrations.sqlite_timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class _SqliteTx:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def execute(self, sql: str, params: Sequence[object] = ()) -> Rows:
        return self.db.execute(sql, tuple(_param(p) for p in params))


class SqliteStore(SessionStore):
    """Saved sessions under ``path`` (a directory), else $LEERWIJZER_DATA_DIR, else the user's data dir.

    Every call opens its own connection, so the store may be used from a worker thread too.
    """

    def __init__(
        self,
        path: Path | None = None,
        **options: Unpack[StoreOptions],
    ) -> None:
        self._setup(**options)
        self.directory = path if path is not None else default_data_dir()
        self.db_path = self.directory / DB_NAME
        self.where = str(self.directory)
        self._create()
        self.purge()

    def journal_mode(self) -> str:
        with self._tx() as tx:
            return str(tx.execute("PRAGMA journal_mode").fetchone()[0])

    def schema_version(self) -> int:
        with self._tx() as tx:
            return int(tx.execute("PRAGMA user_version").fetchone()[0])

    # --- inside ---------------------------------------------------------------------------------

    def _create(self) -> None:
        try:
            if self.directory.exists() and not self.directory.is_dir():
                raise NotADirectoryError(f"{self.directory} is not a directory")
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Create the file 0600 before SQLite opens it: its -wal and -shm files copy these rights.
            os.close(os.open(self.db_path, os.O_CREAT | os.O_RDWR, 0o600))
            os.chmod(self.db_path, 0o600)
        except OSError as error:
            where = self.where if not self.db_path.is_dir() else str(self.db_path)
            raise classify_sqlite(error, where) from None
        with self._guard(), closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                if version > len(migrations.SQLITE):
                    raise StoreError("newer_schema", str(self.db_path), f"schema {version}")
                for number, step in enumerate(migrations.SQLITE, start=1):
                    if number > version:
                        step(db, self.retention)
                db.execute(f"PRAGMA user_version = {len(migrations.SQLITE)}")
            except BaseException:
                if db.in_transaction:  # SQLite may have rolled back itself (a full disk)
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE in _tx).
        db = sqlite3.connect(self.db_path, timeout=10, isolation_level=None)
        db.execute("PRAGMA synchronous = FULL")
        return db

    def _guard(self) -> AbstractContextManager[None]:
        """Every sqlite3 or OS error leaves as a StoreError naming the file."""
        return store_errors(
            (sqlite3.Error, OSError), lambda error: classify_sqlite(error, str(self.db_path))
        )

    @contextmanager
    def _tx(self, *, write: bool = True) -> Iterator[Tx]:
        with self._guard(), closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield _SqliteTx(db)
            except BaseException:
                if db.in_transaction:  # SQLite may have rolled back itself (a full disk)
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
