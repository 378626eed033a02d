"""The store's one interface, written once over a tiny SQL seam that each back end provides.

Saves are versioned (optimistic concurrency): every row carries a version, and a save names the
version it was based on. A save based on an older version is refused with StaleSession, so two
desks resuming one code never overwrite each other silently. Saved sessions expire after the
retention period and are purged on start and by ``leerwijzer purge``. Failed look-ups are counted
per desk and refused beyond a limit, so guessing a code is impractical (docs/store.md).
"""

from __future__ import annotations

import json
import socket
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, NotRequired, Protocol, Self, TypedDict, Unpack

from wizard.model import Fact
from wizard.sessions import Session
from wizard.store.codes import UnknownCode, new_code, normalise_code
from wizard.store.errors import StaleSession, StoreError, TooManyTries

RETENTION_ENV = "LEERWIJZER_RETENTION_DAYS"
DEFAULT_RETENTION = timedelta(days=30)
LOOKUP_LIMIT = 5
"""Unknown codes allowed per desk within LOOKUP_WINDOW; the next look-up is refused."""
LOOKUP_WINDOW = timedelta(minutes=15)
_ATTEMPTS = 20
"""30**12 codes: even with millions of saved sessions, twenty collisions in a row never happen."""


def utc_now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def store_errors(
    caught: tuple[type[BaseException], ...], convert: Callable[[BaseException], StoreError]
) -> Iterator[None]:
    """A back end's own errors (``caught``) leave as the StoreError ``convert`` makes of them;
    a StoreError passes as it is. Every back end guards its calls with this."""
    try:
        yield
    except StoreError:
        raise
    except caught as error:
        raise convert(error) from None


def retention_from_env() -> timedelta:
    """$LEERWIJZER_RETENTION_DAYS or the settings file (whole days, at least 1), else 30 days."""
    from wizard.store.config import setting

    raw = setting("retention_days", RETENTION_ENV) or ""
    if raw.isascii() and raw.isdigit() and int(raw[:6]) >= 1:
        return timedelta(days=int(raw[:6]))
    return DEFAULT_RETENTION


def as_datetime(value: object) -> datetime:
    """A timestamp as either back end returns it (ISO text from SQLite, datetime from PostgreSQL)."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value))


class Rows(Protocol):
    """What ``execute`` returns: a DB-API cursor, as far as the store uses one."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Tx(Protocol):
    """One transaction: SQL with ``?`` placeholders; datetimes and dates as parameters."""

    def execute(self, sql: str, params: Sequence[object] = ()) -> Rows: ...


@dataclass(frozen=True)
class SavedSession:
    session_dict: dict[str, Any]
    """``Session.to_dict()`` as saved; ``to_session`` checks it against today's content."""
    notes: str
    saved_at: datetime
    rules_version: str
    version: int = 1
    """Bumped by every save; a save based on an older version is refused (StaleSession)."""
    expires_at: datetime | None = None
    code: str = ""
    """The code as stored (upper case, no spaces), whatever way it was typed."""

    def to_session(self, facts: Mapping[str, Fact]) -> Session:
        """The session again; raises InvalidAnswer when the content no longer allows an answer."""
        return Session.from_dict(self.session_dict, facts)


@dataclass(frozen=True)
class UsageRow:
    """One anonymous usage event as stored (see wizard.usage): no answer values, no time of day."""

    day: date
    run: str
    seq: int
    kind: str
    question: str | None = None
    answer: str | None = None
    outcome: str | None = None
    mode: str = ""
    rules_version: str = ""


class StoreOptions(TypedDict):
    """What every back end's constructor takes besides where the data lives (keywords only)."""

    clock: NotRequired[Callable[[], datetime]]
    """Now, in UTC (tests pass a fake clock)."""
    make_code: NotRequired[Callable[[], str]]
    retention: NotRequired[timedelta | None]
    """How long a saved session is kept (default: retention_from_env)."""
    client: NotRequired[str | None]
    """Whose failed look-ups count together (default: this machine's name)."""


class SessionStore:
    """Saved sessions and usage events. ``SessionStore(...)`` opens the configured back end.

    ``SessionStore()`` is PostgreSQL when $LEERWIJZER_DATABASE_URL is set, else SQLite in
    $LEERWIJZER_DATA_DIR or the user's data folder; ``SessionStore(path)`` is SQLite in ``path``.
    Every method raises StoreError (with a message for people) instead of a back end's exception.
    """

    where: str = ""
    """The folder or database, as named in messages (never a password)."""

    def __new__(cls, *args: Any, **kwargs: Any) -> SessionStore:
        if cls is SessionStore:
            from wizard.store.config import backend_class

            path = args[0] if args else kwargs.get("path")
            cls = backend_class(path)
        return super().__new__(cls)

    def _setup(self, **options: Unpack[StoreOptions]) -> None:
        self._clock = options.get("clock", utc_now)
        self._make_code = options.get("make_code", new_code)
        retention = options.get("retention")
        self.retention = retention if retention is not None else retention_from_env()
        self.client = options.get("client") or socket.gethostname() or "desk"
        """Whose failed look-ups count together (this desk); serve may pass one per browser."""
        self._versions: dict[str, int] = {}
        """The version of each code as this process last read or wrote it."""
        self.purged = 0
        """Expired sessions this store deleted (on opening and by ``purge``)."""
        self._failures: dict[str, deque[datetime]] = {}
        """Failed look-ups per desk in memory too: the limit holds on a read-only database."""

    # --- what a back end provides --------------------------------------------------------------

    def _tx(self, *, write: bool = True) -> AbstractContextManager[Tx]:
        """One transaction that commits at the end and turns every error into StoreError."""
        raise NotImplementedError

    def close(self) -> None:
        """Release connections (a no-op for SQLite, which opens one per call)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sessions ------------------------------------------------------------------------------

    def save(
        self,
        session: Session,
        notes: str = "",
        code: str | None = None,
        *,
        rules_version: str = "",
        expected_version: int | None = None,
    ) -> str:
        """Save under a new code, or over ``code``; return the code.

        Saving over a code needs the version it was based on: ``expected_version``, else the one
        this store last read or wrote. When the stored version differs (another desk saved
        meanwhile), or there is a stored row this store never saw, StaleSession is raised and
        nothing is written: the caller still holds its session and can keep it under a new code.
        """
        payload = json.dumps(session.to_dict(), ensure_ascii=False)
        now = self._clock()
        expires = now + self.retention
        if code is None:
            return self._insert_new(payload, notes, rules_version, now, expires)
        stored = normalise_code(code)
        based_on = expected_version if expected_version is not None else self._versions.get(stored)
        with self._tx() as tx:
            if based_on is not None:
                updated = tx.execute(
                    "UPDATE sessions SET session = ?, notes = ?, rules_version = ?, saved_at = ?,"
                    " expires_at = ?, version = version + 1 WHERE code = ? AND version = ?",
                    (payload, notes, rules_version, now, expires, stored, based_on),
                )
                if updated.rowcount == 1:
                    self._versions[stored] = based_on + 1
                    return stored
            row = tx.execute(
                "SELECT saved_at, expires_at FROM sessions WHERE code = ?", (stored,)
            ).fetchone()
            if row is not None and as_datetime(row[1]) > now:
                raise StaleSession(stored, _shown_time(as_datetime(row[0])))
            # Gone (expired, deleted) or never there: what is on screen is saved again, whole.
            tx.execute("DELETE FROM sessions WHERE code = ?", (stored,))
            self._write_row(tx, stored, payload, notes, rules_version, now, expires)
        self._versions[stored] = 1
        return stored

    def autosave(
        self, code: str, session: Session, notes: str = "", *, rules_version: str = ""
    ) -> str:
        """Save over ``code`` (versioned, like ``save``) in one transaction."""
        return self.save(session, notes, code, rules_version=rules_version)

    def save_as_new(
        self, session: Session, notes: str, stale: StaleSession, *, rules_version: str = ""
    ) -> StaleSession:
        """Keep a refused version under a fresh code; return the error naming both codes."""
        kept = self.save(session, notes, rules_version=rules_version)
        return StaleSession(stale.code, stale.saved_at, kept_as=kept)

    def load(self, code: str, *, client: str | None = None) -> SavedSession:
        """The session under ``code``; UnknownCode when there is none, TooManyTries when guessing."""
        stored = normalise_code(code)  # a malformed code is a typo, not a guess: not counted
        now = self._clock()
        who = client or self.client
        self._refuse_when_guessing(who, now)
        with self._tx(write=False) as tx:
            row = tx.execute(
                "SELECT session, notes, rules_version, saved_at, version, expires_at"
                " FROM sessions WHERE code = ? AND expires_at > ?",
                (stored, now),
            ).fetchone()
        if row is None:
            self._count_failure(who, now)
            raise UnknownCode(code)
        session, notes, rules_version, saved_at, version, expires_at = row
        self._versions[stored] = int(version)
        return SavedSession(
            json.loads(session),
            notes,
            as_datetime(saved_at),
            rules_version,
            int(version),
            as_datetime(expires_at),
            stored,
        )

    def delete(self, code: str) -> bool:
        """Forget the session under ``code``; False when there was none (already gone, mistyped)."""
        try:
            stored = normalise_code(code)
        except UnknownCode:
            return False
        with self._tx() as tx:
            gone = tx.execute("DELETE FROM sessions WHERE code = ?", (stored,)).rowcount > 0
        self._versions.pop(stored, None)
        return gone

    def purge(self) -> int:
        """Delete every expired session (and old failed look-ups); return how many sessions."""
        now = self._clock()
        with self._tx() as tx:
            gone = tx.execute("DELETE FROM sessions WHERE expires_at <= ?", (now,)).rowcount
            tx.execute("DELETE FROM lookup_failures WHERE at <= ?", (now - LOOKUP_WINDOW,))
        self.purged += max(gone, 0)
        return max(gone, 0)

    def count_sessions(self) -> int:
        with self._tx(write=False) as tx:
            return int(tx.execute("SELECT COUNT(*) FROM sessions").fetchone()[0])

    # --- usage events --------------------------------------------------------------------------

    def add_events(self, rows: Sequence[UsageRow]) -> None:
        if not rows:
            return
        with self._tx() as tx:
            for r in rows:
                tx.execute(
                    "INSERT INTO usage_events (day, run, seq, kind, question, answer, outcome,"
                    " mode, rules_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        r.day,
                        r.run,
                        r.seq,
                        r.kind,
                        r.question,
                        r.answer,
                        r.outcome,
                        r.mode,
                        r.rules_version,
                    ),
                )

    def events(self, since: date | None = None) -> list[UsageRow]:
        """Every usage event from ``since`` on, in the order they happened per session."""
        with self._tx(write=False) as tx:
            rows = tx.execute(
                "SELECT day, run, seq, kind, question, answer, outcome, mode, rules_version"
                " FROM usage_events WHERE day >= ? ORDER BY run, seq",
                (since or date.min,),
            ).fetchall()
        return [
            UsageRow(as_date(r[0]), r[1], int(r[2]), r[3], r[4], r[5], r[6], r[7], r[8])
            for r in rows
        ]

    # --- inside --------------------------------------------------------------------------------

    def _insert_new(
        self, payload: str, notes: str, rules_version: str, now: datetime, expires: datetime
    ) -> str:
        with self._tx() as tx:
            for _ in range(_ATTEMPTS):
                fresh = self._make_code()
                taken = tx.execute("SELECT 1 FROM sessions WHERE code = ?", (fresh,)).fetchone()
                if taken is None:
                    self._write_row(tx, fresh, payload, notes, rules_version, now, expires)
                    break
            else:
                raise StoreError("busy", self.where, f"no free code in {_ATTEMPTS} attempts")
        self._versions[fresh] = 1
        return fresh

    def _write_row(
        self,
        tx: Tx,
        code: str,
        payload: str,
        notes: str,
        rules_version: str,
        now: datetime,
        expires: datetime,
    ) -> None:
        # A seam of its own: the crash test dies right after it, before the commit.
        tx.execute(
            "INSERT INTO sessions (code, session, notes, rules_version, saved_at, expires_at,"
            " version) VALUES (?, ?, ?, ?, ?, ?, 1)",
            (code, payload, notes, rules_version, now, expires),
        )

    def _refuse_when_guessing(self, client: str, now: datetime) -> None:
        since = now - LOOKUP_WINDOW
        remembered = self._failures.setdefault(client, deque())
        while remembered and remembered[0] <= since:
            remembered.popleft()
        times = list(remembered)
        try:
            with self._tx(write=False) as tx:
                rows = tx.execute(
                    "SELECT at FROM lookup_failures WHERE client = ? AND at > ? ORDER BY at",
                    (client, since),
                ).fetchall()
            stored = [as_datetime(r[0]) for r in rows]
            times = stored if len(stored) > len(times) else times
        except StoreError:
            pass  # the in-memory count still holds; the look-up itself will say what is wrong
        if len(times) >= LOOKUP_LIMIT:
            free_at = times[-LOOKUP_LIMIT] + LOOKUP_WINDOW
            raise TooManyTries(max(1, -(-int((free_at - now).total_seconds()) // 60)))

    def _count_failure(self, client: str, now: datetime) -> None:
        self._failures.setdefault(client, deque()).append(now)
        try:
            with self._tx() as tx:
                tx.execute("INSERT INTO lookup_failures (client, at) VALUES (?, ?)", (client, now))
        except StoreError:
            pass  # counted in memory; a read-only store must still answer "unknown code"


def _shown_time(moment: datetime) -> str:
    """When another desk saved, as a person reads it: local time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
