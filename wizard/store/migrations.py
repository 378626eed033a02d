"""Versioned schema migrations, run on start, in order, each once, each in one transaction.

Add a step at the end of a list; never edit a step that has shipped. SQLite keeps its version in
``PRAGMA user_version``; PostgreSQL in the table ``leerwijzer_schema`` (one row per step), and
applies steps under an advisory lock so desks starting together migrate once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

SqliteStep = Callable[[sqlite3.Connection, timedelta], None]


def sqlite_timestamp(moment: datetime) -> str:
    """One fixed text form, in UTC, so that SQLite compares timestamps as text correctly."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _sqlite_1(db: sqlite3.Connection, retention: timedelta) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS sessions (code TEXT PRIMARY KEY, session TEXT NOT NULL,"
        " notes TEXT NOT NULL, rules_version TEXT NOT NULL, saved_at TEXT NOT NULL) STRICT"
    )


def _sqlite_2(db: sqlite3.Connection, retention: timedelta) -> None:
    """Versions (optimistic concurrency), expiry, failed look-ups, usage events."""
    db.execute("ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE sessions ADD COLUMN expires_at TEXT NOT NULL DEFAULT ''")
    # Sessions saved before expiry existed get the retention counted from their last save.
    for code, saved_at in db.execute("SELECT code, saved_at FROM sessions").fetchall():
        expires = datetime.fromisoformat(saved_at) + retention
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        db.execute(
            "UPDATE sessions SET expires_at = ? WHERE code = ?", (sqlite_timestamp(expires), code)
        )
    db.execute("CREATE INDEX sessions_expiry ON sessions (expires_at)")
    db.execute("CREATE TABLE lookup_failures (client TEXT NOT NULL, at TEXT NOT NULL) STRICT")
    db.execute("CREATE INDEX lookup_failures_client ON lookup_failures (client, at)")
    db.execute(
        "CREATE TABLE usage_events (id INTEGER PRIMARY KEY, day TEXT NOT NULL,"
        " run TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, question TEXT,"
        " answer TEXT, outcome TEXT, mode TEXT NOT NULL, rules_version TEXT NOT NULL) STRICT"
    )
    db.execute("CREATE INDEX usage_events_day ON usage_events (day)")


SQLITE: list[SqliteStep] = [_sqlite_1, _sqlite_2]
"""Step n (from 1) brings the schema to version n."""


POSTGRES: list[tuple[str, ...]] = [
    (
        "CREATE TABLE sessions (code text PRIMARY KEY, session text NOT NULL,"
        " notes text NOT NULL, rules_version text NOT NULL, saved_at timestamptz NOT NULL,"
        " expires_at timestamptz NOT NULL, version integer NOT NULL DEFAULT 1)",
        "CREATE INDEX sessions_expiry ON sessions (expires_at)",
        "CREATE TABLE lookup_failures (client text NOT NULL, at timestamptz NOT NULL)",
        "CREATE INDEX lookup_failures_client ON lookup_failures (client, at)",
        # text, not jsonb: jsonb reorders keys, and the order of the answers is meaningful.
        "CREATE TABLE usage_events (id bigserial PRIMARY KEY, day date NOT NULL,"
        " run text NOT NULL, seq integer NOT NULL, kind text NOT NULL, question text,"
        " answer text, outcome text, mode text NOT NULL, rules_version text NOT NULL)",
        "CREATE INDEX usage_events_day ON usage_events (day)",
    ),
]
"""Step n (from 1) brings the schema to version n."""
