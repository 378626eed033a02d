"""Which back end and where: one setting chooses PostgreSQL, else SQLite in the data folder.

Settings come from the environment, else from a TOML file: $LEERWIJZER_CONFIG, else
/etc/leerwijzer/leerwijzer.toml (where a fleet's administrators put it). Keys: ``database_url``,
``retention_days``, ``figures``. The environment wins over the file.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from platformdirs import user_data_dir

if TYPE_CHECKING:
    from wizard.store.base import SessionStore

DATA_DIR_ENV = "LEERWIJZER_DATA_DIR"
DATABASE_URL_ENV = "LEERWIJZER_DATABASE_URL"
"""A PostgreSQL URL (postgresql://user@host:port/db); set, every desk shares that database."""
CONFIG_ENV = "LEERWIJZER_CONFIG"
SYSTEM_CONFIG = Path("/etc/leerwijzer/leerwijzer.toml")
SETTINGS = {"database_url": str, "retention_days": int, "figures": bool}
_MAX_CONFIG = 64 * 1024
_KIND_NAMES = {str: "text in quotes", int: "a whole number", bool: "true or false"}


def config_file() -> Path | None:
    given = os.environ.get(CONFIG_ENV, "").strip()
    if given:
        return Path(given)
    return SYSTEM_CONFIG if SYSTEM_CONFIG.is_file() else None


def read_config() -> dict[str, object]:
    """The settings file's values, checked; StoreError (kind bad_config) names what is wrong."""
    from wizard.store.errors import StoreError

    path = config_file()
    if path is None:
        return {}
    try:
        with path.open("rb") as file:
            raw = file.read(_MAX_CONFIG + 1)
        if len(raw) > _MAX_CONFIG:
            raise StoreError("bad_config", str(path), "larger than 64 KB")
        values = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise StoreError("bad_config", str(path), f"{type(error).__name__}: {error}") from None
    for key, value in values.items():
        kind = SETTINGS.get(key)
        if kind is None:
            known = ", ".join(SETTINGS)
            raise StoreError("bad_config", str(path), f"unknown key '{key}'; known: {known}")
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise StoreError("bad_config", str(path), f"'{key}' must be {_KIND_NAMES[kind]}")
    return values


def setting(key: str, env: str) -> str | None:
    """The environment's value, else the settings file's (as text), else None."""
    value = os.environ.get(env, "").strip()
    if value:
        return value
    found = read_config().get(key)
    if isinstance(found, bool):
        return "1" if found else "0"
    return None if found is None else str(found)


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("leerwijzer", appauthor=False))


def database_url() -> str | None:
    return setting("database_url", DATABASE_URL_ENV) or None


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
