"""Saved sessions: a short code a person can read aloud, and their answers in a local SQLite file.

The database holds personal data, so it is created 0600 in a 0700 directory, and nothing leaves
the machine. Every write is one transaction in WAL mode with full sync: a crash (or a pulled plug)
loses at most the write in progress, never an earlier save, and never leaves half a session.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from wizard.model import Fact, Lang
from wizard.sessions import Session
from wizard.ui_texts import say

DATA_DIR_ENV = "LEERWIJZER_DATA_DIR"
DB_NAME = "sessions.sqlite3"

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
"""No 0/O, 1/I/L (look alike) and no U (reads like V, and keeps rude words out)."""
CODE_LENGTH = 6
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]")
"""Spaces and every kind of dash a keyboard or a word processor produces."""
_ATTEMPTS = 20
"""30**6 codes: even with a million saved sessions, twenty collisions in a row never happen."""

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    code TEXT PRIMARY KEY,
    session TEXT NOT NULL,
    notes TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT
"""


class UnknownCode(LookupError):
    """No saved session under this code (or it cannot be a code at all); ``message`` explains."""

    def __init__(self, code: str, *, malformed: bool = False) -> None:
        self.code = code
        self.malformed = malformed
        super().__init__(self.message("en"))

    def message(self, lang: Lang) -> str:
        shown = self.code.strip() or "''"
        key = "store.malformed_code" if self.malformed else "store.unknown_code"
        return say(key, lang, code=shown, length=CODE_LENGTH)


@dataclass(frozen=True)
class SavedSession:
    session_dict: dict[str, Any]
    """``Session.to_dict()`` as saved; ``to_session`` checks it against today's content."""
    notes: str
    saved_at: datetime
    rules_version: str

    def to_session(self, facts: Mapping[str, Fact]) -> Session:
        """The session again; raises InvalidAnswer when the content no longer allows an answer."""
        return Session.from_dict(self.session_dict, facts)


def normalise_code(raw: str) -> str:
    """The code as stored: upper case, without spaces or dashes; UnknownCode if it cannot be one."""
    code = _SEPARATORS.sub("", raw).upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        raise UnknownCode(raw, malformed=True)
    return code


def format_code(code: str) -> str:
    """How to show a code: two groups of three, easier to read aloud and copy ("ABC 234")."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("leerwijzer", appauthor=False))


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SessionStore:
    """Saved sessions under ``path`` (a directory), else $LEERWIJZER_DATA_DIR, else the user's data dir.

    Every call opens its own connection, so the store may be used from a worker thread too.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Callable[[], datetime] = _utc_now,
        make_code: Callable[[], str] = new_code,
    ) -> None:
        self.directory = path if path is not None else default_data_dir()
        self.db_path = self.directory / DB_NAME
        self._clock = clock
        self._make_code = make_code
        self._create()

    # --- public ---------------------------------------------------------------------------------

    def save(
        self, session: Session, notes: str = "", code: str | None = None, *, rules_version: str = ""
    ) -> str:
        """Save under a new code (or overwrite ``code``) and return the code."""
        if code is not None:
            return self.autosave(code, session, notes, rules_version=rules_version)
        with self._transaction() as db:
            for _ in range(_ATTEMPTS):
                fresh = self._make_code()
                taken = db.execute("SELECT 1 FROM sessions WHERE code = ?", (fresh,)).fetchone()
                if taken is None:
                    self._write_row(db, fresh, session, notes, rules_version)
                    return fresh
        raise RuntimeError(f"no free code found in {_ATTEMPTS} attempts")

    def autosave(
        self, code: str, session: Session, notes: str = "", *, rules_version: str = ""
    ) -> str:
        """Overwrite the session under ``code`` (created when new) in one transaction."""
        stored = normalise_code(code)
        with self._transaction() as db:
            self._write_row(db, stored, session, notes, rules_version)
        return stored

    def load(self, code: str) -> SavedSession:
        stored = normalise_code(code)
        with closing(self._connect()) as db:
            row = db.execute(
                "SELECT session, notes, rules_version, saved_at FROM sessions WHERE code = ?",
                (stored,),
            ).fetchone()
        if row is None:
            raise UnknownCode(code)
        session, notes, rules_version, saved_at = row
        return SavedSession(
            json.loads(session), notes, datetime.fromisoformat(saved_at), rules_version
        )

    def delete(self, code: str) -> bool:
        """Forget the session under ``code``; False when there was none (already gone, mistyped)."""
        try:
            stored = normalise_code(code)
        except UnknownCode:
            return False
        with self._transaction() as db:
            return db.execute("DELETE FROM sessions WHERE code = ?", (stored,)).rowcount > 0

    def journal_mode(self) -> str:
        with closing(self._connect()) as db:
            return str(db.execute("PRAGMA journal_mode").fetchone()[0])

    # --- inside ---------------------------------------------------------------------------------

    def _write_row(
        self, db: sqlite3.Connection, code: str, session: Session, notes: str, rules_version: str
    ) -> None:
        # A seam of its own: the crash test dies right after it, before the commit.
        # Keys keep their order: the order of the answers is the order they were given.
        data = json.dumps(session.to_dict(), ensure_ascii=False)
        db.execute(
            "INSERT INTO sessions (code, session, notes, rules_version, saved_at)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (code) DO UPDATE SET session = excluded.session,"
            " notes = excluded.notes, rules_version = excluded.rules_version,"
            " saved_at = excluded.saved_at",
            (code, data, notes, rules_version, self._clock().isoformat()),
        )

    def _create(self) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Create the file 0600 before SQLite opens it: its -wal and -shm files copy these rights.
        os.close(os.open(self.db_path, os.O_CREAT | os.O_RDWR, 0o600))
        os.chmod(self.db_path, 0o600)
        with closing(self._connect()) as db:
            db.execute("PRAGMA journal_mode = WAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > _SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.db_path} was written by a newer Leerwijzer (schema {version})"
                )
            db.execute(_SCHEMA)
            db.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE in _transaction).
        db = sqlite3.connect(self.db_path, timeout=10, isolation_level=None)
        db.execute("PRAGMA synchronous = FULL")
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with closing(self._connect()) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
