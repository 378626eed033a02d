"""Saved sessions and anonymous usage events: one interface, SQLite or PostgreSQL behind it.

``SessionStore()`` opens the configured back end (wizard.store.config); every error is a
StoreError with a message for people (wizard.store.errors). See docs/store.md.
"""

from __future__ import annotations

from wizard.store.base import (
    DEFAULT_RETENTION,
    LOOKUP_LIMIT,
    LOOKUP_WINDOW,
    RETENTION_ENV,
    SavedSession,
    SessionStore,
    UsageRow,
)
from wizard.store.codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    UnknownCode,
    format_code,
    new_code,
    normalise_code,
)
from wizard.store.config import DATA_DIR_ENV, DATABASE_URL_ENV, default_data_dir
from wizard.store.errors import StaleSession, StoreError, TooManyTries
from wizard.store.guarded import save_or_say
from wizard.store.sqlite import DB_NAME, SqliteStore

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "DATABASE_URL_ENV",
    "DATA_DIR_ENV",
    "DB_NAME",
    "DEFAULT_RETENTION",
    "LOOKUP_LIMIT",
    "LOOKUP_WINDOW",
    "RETENTION_ENV",
    "SavedSession",
    "SessionStore",
    "SqliteStore",
    "StaleSession",
    "StoreError",
    "TooManyTries",
    "UnknownCode",
    "UsageRow",
    "default_data_dir",
    "format_code",
    "new_code",
    "normalise_code",
    "save_or_say",
]
