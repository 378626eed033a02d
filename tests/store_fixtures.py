"""Fixtures for the store suite: one clock, and desks opened on SQLite or a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.postgres import postgres_server, postgres_url
from wizard.sessions import Session
from wizard.store import SessionStore, SqliteStore

__all__ = ["Clock", "Desks", "a_session", "postgres_server", "postgres_url"]

DAY = date(2026, 11, 23)
SAVED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
BACKENDS = ["sqlite", "postgres"]


class Clock:
    """The store's clock, moved by hand."""

    def __init__(self, now: datetime = SAVED) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


Desks = Callable[..., SessionStore]
"""Opens another desk (store object) on the same database: ``desk(client=..., clock=...)``."""


def a_session(*answers: tuple[str, object]) -> Session:
    session = Session(date=DAY, lang="en")
    for fact, value in answers:
        session = session.with_answer(fact, value)  # type: ignore[arg-type]
    return session


def open_desks(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, clock: Clock
) -> Iterator[Desks]:
    opened: list[SessionStore] = []
    url = request.getfixturevalue("postgres_url") if backend == "postgres" else ""

    def desk(**options: Any) -> SessionStore:
        options.setdefault("clock", clock)
        store: SessionStore
        if backend == "postgres":
            from wizard.store.postgres import PostgresStore

            store = PostgresStore(url, **options)
        else:
            store = SqliteStore(tmp_path / "data", **options)
        opened.append(store)
        return store

    yield desk
    for store in opened:
        store.close()


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=BACKENDS)
def desks(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[Desks]:
    yield from open_desks(str(request.param), request, tmp_path, clock)


@pytest.fixture()
def store(desks: Desks) -> SessionStore:
    return desks()
