"""A real PostgreSQL server for the tests: initdb and pg_ctl in a temporary folder, on a free port.

One server per test run (``postgres_server``), a fresh database per test (``postgres_url``),
stopped and removed at the end. PostgreSQL refuses to run as root, so as root the server runs as
the ``postgres`` user (or ``nobody``) through setpriv. Without the server binaries the tests that
need it skip, saying how to install them (``make test-tools`` does).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ADMIN = "leerwijzer"
MISSING = (
    "PostgreSQL server binaries (initdb, pg_ctl) not found via pg_config --bindir or "
    "/usr/lib/postgresql/*/bin: install the Debian package 'postgresql' (make test-tools does)"
)


def server_bindir() -> Path | None:
    """Where initdb and pg_ctl are: pg_config's bindir, else the newest Debian version folder."""
    candidates: list[Path] = []
    if shutil.which("pg_config"):
        try:
            done = subprocess.run(
                ["pg_config", "--bindir"], capture_output=True, text=True, timeout=10
            )
            candidates.append(Path(done.stdout.strip()))
        except (OSError, subprocess.SubprocessError):
            pass
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2] or 0)
    )
    candidates += [Path(p) for p in reversed(versions)]
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _unprivileged() -> pwd.struct_passwd | None:
    """The user to run the server as when we are root (PostgreSQL refuses root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    pytest.skip("running as root and no 'postgres' or 'nobody' user to run PostgreSQL as")


@dataclass
class PostgresServer:
    bindir: Path
    folder: Path
    port: int
    user: pwd.struct_passwd | None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{ADMIN}@127.0.0.1:{self.port}/{database}"

    def run(self, *command: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        argv = [str(self.bindir / command[0]), *command[1:]]
        if self.user is not None and shutil.which("setpriv"):
            argv = [
                "setpriv",
                f"--reuid={self.user.pw_uid}",
                f"--regid={self.user.pw_gid}",
                "--clear-groups",
                *argv,
            ]
        elif self.user is not None:  # no setpriv: runuser does the same (util-linux too)
            argv = ["runuser", "-u", self.user.pw_name, "--", *argv]
        return subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout, cwd=self.folder
        )

    def start(self) -> None:
        done = self.run(
            "initdb", "-D", str(self.data), "-U", ADMIN, "--auth=trust", "-E", "UTF8", "--no-sync"
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{done.stdout}\n{done.stderr}")
        for _ in range(3):  # another process may take the free port first: try another
            self.port = _free_port()
            options = (
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off"
            )
            done = self.run(
                "pg_ctl", "-D", str(self.data), "-o", options, "-l", "server.log", "-w", "start"
            )
            if done.returncode == 0:
                return
        log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"pg_ctl start failed:\n{done.stderr}\n{log}")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def create_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def start_server() -> Iterator[PostgresServer]:
    bindir = server_bindir()
    if bindir is None:
        pytest.skip(MISSING)
    user = _unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="leerwijzer-pg-"))
    if user is not None:
        os.chown(folder, user.pw_uid, user.pw_gid)
    server = PostgresServer(bindir, folder, 0, user)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    yield from start_server()


@pytest.fixture()
def postgres_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database on the test run's server."""
    return postgres_server.create_database()
