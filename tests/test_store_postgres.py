"""PostgreSQL with real processes: save on one desk, resume on another; two desks at once.

Each desk is a separate Python process against the server tests/postgres.py starts.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.postgres import postgres_server, postgres_url
from tests.store_fixtures import a_session
from wizard.store import DATABASE_URL_ENV, SessionStore, StaleSession
from wizard.store.postgres import PostgresStore

__all__ = ["postgres_server", "postgres_url"]  # fixtures

DESK = textwrap.dedent(
    """
    import json, sys
    from datetime import date
    from wizard.sessions import Session
    from wizard.store import SessionStore, save_or_say

    store = SessionStore()  # the database comes from LEERWIJZER_DATABASE_URL
    print(type(store).__name__, flush=True)
    for line in sys.stdin:
        command, *rest = line.split()
        if command == "save":
            answers, notes = json.loads(rest[0]), rest[1]
            session = Session(date=date(2026, 11, 23))
            for fact, value in answers.items():
                session = session.with_answer(fact, value)
            code = rest[2] if len(rest) > 2 else None
            code, message = save_or_say(
                lambda: store, session, notes, code, rules_version="v1", lang="en"
            )
            print(json.dumps({"code": code, "message": message}), flush=True)
        elif command == "load":
            saved = store.load(rest[0])
            print(json.dumps({"answers": saved.session_dict["answers"], "notes": saved.notes}),
                  flush=True)
    """
)


class Desk:
    """A desk: its own process, talking to the shared database."""

    def __init__(self, url: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", DESK],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), DATABASE_URL_ENV: url},
        )
        assert self.ask_raw() == "PostgresStore"

    def ask_raw(self, line: str | None = None) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        if line is not None:
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer:
            assert self.process.stderr is not None
            pytest.fail(f"desk process ended: {self.process.stderr.read()}")
        return answer

    def ask(self, line: str) -> dict[str, object]:
        import json

        result: dict[str, object] = json.loads(self.ask_raw(line))
        return result

    def close(self) -> None:
        _, errors = self.process.communicate(timeout=30)  # closes every pipe
        assert self.process.returncode == 0, errors


def test_saved_on_one_desk_resumed_on_another(postgres_url: str) -> None:
    desk_a, desk_b = Desk(postgres_url), Desk(postgres_url)
    try:
        saved = desk_a.ask('save {"role":"staff","age":41} first-visit')
        code = str(saved["code"])
        assert saved["message"] is None
        assert desk_b.ask(f"load {code}") == {
            "answers": {"role": "staff", "age": 41},
            "notes": "first-visit",
        }
        # Desk B goes on with the session it resumed; desk A sees B's answers.
        assert desk_b.ask(f'save {{"role":"staff","age":42}} second-visit {code}')["code"] == code
        assert desk_a.ask(f"load {code}")["notes"] == "second-visit"
    finally:
        desk_a.close()
        desk_b.close()


def test_two_desks_resuming_one_code_the_second_save_is_refused_and_nothing_lost(
    postgres_url: str,
) -> None:
    desk_a, desk_b = Desk(postgres_url), Desk(postgres_url)
    try:
        code = str(desk_a.ask('save {"role":"staff"} opened')["code"])
        desk_a.ask(f"load {code}")
        desk_b.ask(f"load {code}")  # both desks hold the same version now
        assert desk_a.ask(f'save {{"role":"staff","age":30}} from-A {code}')["message"] is None
        refused = desk_b.ask(f'save {{"role":"student"}} from-B {code}')
        message = str(refused["message"])
        assert "saved on another desk" in message and code in message
        kept = str(refused["code"])
        assert kept != code and kept in message  # B's version is kept under a new code
        assert desk_a.ask(f"load {code}")["notes"] == "from-A"
        assert desk_a.ask(f"load {kept}") == {"answers": {"role": "student"}, "notes": "from-B"}
    finally:
        desk_a.close()
        desk_b.close()


def test_racing_saves_exactly_one_wins(postgres_url: str) -> None:
    first = PostgresStore(postgres_url)
    code = first.save(a_session(("role", "staff")), "start")
    desks = [PostgresStore(postgres_url, pool_size=1) for _ in range(6)]
    for desk in desks:
        desk.load(code)
    outcomes: list[str] = []
    barrier = threading.Barrier(len(desks))

    def race(n: int, desk: SessionStore) -> None:
        barrier.wait()
        try:
            desk.save(a_session(("role", "staff")), f"desk {n}", code)
            outcomes.append(f"won {n}")
        except StaleSession:
            outcomes.append("refused")

    threads = [threading.Thread(target=race, args=(n, d)) for n, d in enumerate(desks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    winners = [o for o in outcomes if o.startswith("won")]
    assert len(winners) == 1 and outcomes.count("refused") == len(desks) - 1
    saved = first.load(code)
    assert saved.notes == f"desk {winners[0].split()[1]}" and saved.version == 2
    for desk in [first, *desks]:
        desk.close()


def test_desks_starting_together_migrate_once(postgres_url: str, tmp_path: Path) -> None:
    script = "from wizard.store.postgres import PostgresStore; import sys; PostgresStore(sys.argv[1]).close()"
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", script, postgres_url], cwd=REPO, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    for start in starts:
        _, errors = start.communicate(timeout=60)
        assert start.returncode == 0, errors
    with PostgresStore(postgres_url) as store:
        assert store.schema_version() == 1


def test_an_unreachable_database_is_said_without_its_password() -> None:
    import socket

    from wizard.store import StoreError

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StoreError) as caught:
        PostgresStore(f"postgresql://desk:s3cret@127.0.0.1:{port}/leerwijzer", connect_seconds=1)
    assert caught.value.kind == "unavailable"
    message = caught.value.message("nl")
    assert f"127.0.0.1:{port}/leerwijzer" in message and "niet bereikbaar" in message
    assert "s3cret" not in message + str(caught.value)
    assert not [t for t in threading.enumerate() if "leerwijzer" in t.name]  # no pool left


def test_figures_go_to_the_shared_database_and_stats_read_them(
    postgres_url: str, tmp_path: Path
) -> None:
    from tests.cli import leerwijzer
    from tests.conftest import SCENARIOS

    env = {DATABASE_URL_ENV: postgres_url, "LEERWIJZER_DATA_DIR": str(tmp_path / "unused")}
    replayed = leerwijzer("replay", "--figures", str(SCENARIOS), env=env)
    assert "passed" in replayed.stdout, replayed.stderr
    with PostgresStore(postgres_url) as store:
        runs = {row.run for row in store.events()}
        assert len(runs) > 50 and store.count_sessions() == 0  # figures only, no sessions
    page = tmp_path / "figures.html"
    done = leerwijzer("stats", "--html", str(page), env=env)
    assert done.returncode == 0, done.stderr
    assert f"Sessies / sessions: {len(runs)}" in done.stdout
    assert 'class="chart outcomes"' in page.read_text(encoding="utf-8")
    assert not (tmp_path / "unused").exists()  # nothing went to a local file
