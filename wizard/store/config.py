"""Which back end and where: one setting chooses PostgreSQL, else SQLite in the data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from platformdirs import user_data_dir

if TYPE_CHECKING:
    from wizard.store.base import SessionStore

DATA_DIR_ENV = "LEERWIJZER_DATA_DIR"
DATABASE_URL_ENV = "LEERWIJZER_DATABASE_URL"
"""A PostgreSQL URL (postgresql://user@host:port/db); set, every desk shares that database."""


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("leerwijzer", appauthor=False))


def database_url() -> str | None:
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    return url or None


def backend_class(path: object) -> type[SessionStore]:
    """PostgreSQL when no folder is given and the URL is set; SQLite otherwise."""
    if path is None and database_url() is not None:
        from wizard.store.postgres import PostgresStore

        return PostgresStore
    from wizard.store.sqlite import SqliteStore

    return SqliteStore


def shown_url(url: str) -> str:
    """A database URL without its password, to name it in a message."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "localhost"
        port = f":{parts.port}" if parts.port else ""
        name = parts.path.lstrip("/") or "postgres"
    except ValueError:
        return "PostgreSQL"
    if not parts.scheme:  # a "host=... dbname=..." string: name it without details
        return "PostgreSQL"
    return f"{host}{port}/{name}"
