"""The shared back end: PostgreSQL through psycopg 3 and a small connection pool.

Chosen with $LEERWIJZER_DATABASE_URL. Every desk, counsellor and served browser tab talks to
the same database, so a session saved on one desk resumes on another; versions (see base) make
sure two desks never overwrite each other silently. Migrations run on start under an advisory
lock, so desks starting together migrate once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any, Unpack

from wizard.store import migrations
from wizard.store.base import Rows, SessionStore, StoreOptions, Tx, store_errors
from wizard.store.config import DATABASE_URL_ENV, database_url, shown_url
from wizard.store.errors import Kind, StoreError

if TYPE_CHECKING:
    from psycopg import Cursor
    from psycopg_pool import ConnectionPool

_MIGRATION_LOCK = 0x4C57_0001
"""The advisory lock id held while migrating ("LW" and 1)."""
CONNECT_SECONDS = 5.0
"""How long a desk waits for the database before saying it cannot be reached."""


class _PgTx:
    def __init__(self, cursor: Cursor[Any]) -> None:
        self.cursor = cursor

    def execute(self, sql: str, params: Sequence[object] = ()) -> Rows:
        self.cursor.execute(sql.replace("?", "%s"), tuple(params))
        return self.cursor


class PostgresStore(SessionStore):
    """Saved sessions and usage events in PostgreSQL at ``url`` (else $LEERWIJZER_DATABASE_URL)."""

    def __init__(
        self,
        url: str | None = None,
        *,
        pool_size: int = 4,
        connect_seconds: float = CONNECT_SECONDS,
        **options: Unpack[StoreOptions],
    ) -> None:
        self._setup(**options)
        found = url or database_url()
        if found is None:
            raise StoreError("unavailable", "PostgreSQL", f"{DATABASE_URL_ENV} is not set")
        self.url = found
        self.where = shown_url(found)
        self._pool: ConnectionPool[Any] | None = None
        try:
            with self._guard():
                from psycopg_pool import ConnectionPool

                self._pool = ConnectionPool(
                    found,
                    min_size=1,
                    max_size=pool_size,
                    timeout=connect_seconds,
                    kwargs={"connect_timeout": max(1, round(connect_seconds))},
                    open=False,
                    name="leerwijzer",
                )
                self._pool.open(wait=True, timeout=connect_seconds)
            self._migrate()
            self.purge()
        except StoreError:
            self.close()  # no pool threads left retrying behind a refused start
            raise

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def schema_version(self) -> int:
        with self._tx(write=False) as tx:
            return int(tx.execute("SELECT max(version) FROM leerwijzer_schema").fetchone()[0])

    # --- inside ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self._tx() as tx:
            tx.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            tx.execute(
                "CREATE TABLE IF NOT EXISTS leerwijzer_schema (version integer PRIMARY KEY,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            row = tx.execute("SELECT coalesce(max(version), 0) FROM leerwijzer_schema").fetchone()
            version = int(row[0])
            if version > len(migrations.POSTGRES):
                raise StoreError("newer_schema", self.where, f"schema {version}")
            for number, statements in enumerate(migrations.POSTGRES, start=1):
                if number > version:
                    for statement in statements:
                        tx.execute(statement)
                    tx.execute("INSERT INTO leerwijzer_schema (version) VALUES (?)", (number,))

    def _guard(self) -> AbstractContextManager[None]:
        """Every psycopg or pool error leaves as a StoreError naming the database."""
        import psycopg
        from psycopg_pool import PoolTimeout

        return store_errors((psycopg.Error, PoolTimeout, OSError), self._classify)

    def _classify(self, error: BaseException) -> StoreError:
        from psycopg import errors

        kind: Kind = "unavailable"
        if isinstance(error, errors.DiskFull):
            kind = "full"
        elif isinstance(error, (errors.ReadOnlySqlTransaction, errors.InsufficientPrivilege)):
            kind = "read_only"
        elif isinstance(error, (errors.LockNotAvailable, errors.DeadlockDetected)):
            kind = "busy"
        elif isinstance(error, errors.DataCorrupted):
            kind = "corrupt"
        # The message of a psycopg error may quote parameters (answers): keep only its class.
        return StoreError(kind, self.where, type(error).__name__)

    @contextmanager
    def _tx(self, *, write: bool = True) -> Iterator[Tx]:
        if self._pool is None:
            raise StoreError("unavailable", self.where, "the store is closed")
        # The pool's context commits at the end, or rolls back when the block raised.
        with self._guard(), self._pool.connection() as conn, conn.cursor() as cursor:
            if not write:
                cursor.execute("SET TRANSACTION READ ONLY")
            yield _PgTx(cursor)
