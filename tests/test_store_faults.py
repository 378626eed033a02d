"""Store faults: each gives a clear message, the session goes on, and nothing saved is lost.

A data folder that is a file, a damaged or truncated database, a read-only folder and a full disk,
each made for real where the machine allows it: a read-only or tiny tmpfs when we may mount (as
root), ``chmod`` otherwise (root ignores it), SQLite's own page limit for a full disk everywhere.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.store_fixtures import a_session
from wizard.content import Content
from wizard.store import DB_NAME, SqliteStore, StoreError, save_or_say


def assert_clear(error: StoreError, *dutch: str) -> None:
    """A message for people in both languages, saying the session goes on; no Python in it."""
    nl, en = error.message("nl"), error.message("en")
    for words in dutch:
        assert words in nl, nl
    assert "U kunt gewoon verder" in nl and "You can go on" in en
    for text in (nl, en):
        assert "Traceback" not in text and "sqlite3." not in text and "Errno" not in text


@contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path | None]:
    """A tmpfs of ``size`` at ``folder`` when this machine lets us mount one, else None."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        yield None
        return
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        timeout=30,
    )
    if done.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def test_a_data_folder_that_is_a_file_is_said_and_the_file_left_alone(tmp_path: Path) -> None:
    data = tmp_path / "leerwijzer"
    data.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        SqliteStore(data)
    assert caught.value.kind == "not_a_folder"
    assert_clear(caught.value, "is een bestand, geen map", str(data))
    assert data.read_text() == "not a folder"


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_is_said_and_never_written_to(tmp_path: Path, damage: str) -> None:
    store = SqliteStore(tmp_path)
    for n in range(40):  # enough rows for the table to span several pages
        store.save(a_session(("role", "staff")), notes=f"client {n} " + "x" * 400)
    db = tmp_path / DB_NAME
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if damage == "garbage":
        db.write_bytes(b"this is no database at all\n" * 200)
    else:
        with db.open("r+b") as file:
            file.truncate(db.stat().st_size // 3)
    before = db.read_bytes()
    with pytest.raises(StoreError) as caught:
        opened = SqliteStore(tmp_path)
        opened.load(opened.save(a_session(("role", "student"))))
        opened.count_sessions()
    assert caught.value.kind == "corrupt"
    assert_clear(caught.value, "beschadigd", "blijft staan")
    assert db.read_bytes() == before  # left for recovery, byte for byte


def test_a_read_only_folder_is_said_and_what_was_saved_stays(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "4m") as mounted:
        folder = mounted or tmp_path / "ro"
        store = SqliteStore(folder)
        code = store.save(a_session(("role", "staff")), "saved before")
        if mounted is not None:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, timeout=30)
        else:
            folder.chmod(0o500)
        try:
            with pytest.raises(StoreError) as caught:
                SqliteStore(folder).save(a_session(("role", "student")), "lost?")
            assert caught.value.kind == "read_only"
            assert_clear(caught.value, "mag niets geschreven worden", str(folder))
            fresh = folder / "new"
            with pytest.raises(StoreError) as caught:
                SqliteStore(fresh)
            assert caught.value.kind == "read_only"
        finally:
            if mounted is not None:
                subprocess.run(["mount", "-o", "remount,rw", str(folder)], timeout=30)
            folder.chmod(0o700)
        assert SqliteStore(folder).load(code).notes == "saved before"


class _SmallDisk(SqliteStore):
    """SQLite's own limit on the file's size: a real SQLITE_FULL, on any machine."""

    def _connect(self) -> sqlite3.Connection:
        db = super()._connect()
        db.execute("PRAGMA max_page_count = 40")
        return db


@pytest.mark.parametrize("disk", ["page-limit", "tiny-tmpfs"])
def test_a_full_disk_is_said_and_the_last_save_stays(tmp_path: Path, disk: str) -> None:
    with tmpfs(tmp_path / "disk", "160k") as mounted:
        if disk == "tiny-tmpfs" and mounted is None:
            pytest.skip("no tmpfs here (needs root and mount): the page limit covers a full disk")
        folder = tmp_path / "disk"
        store = _SmallDisk(folder) if disk == "page-limit" else SqliteStore(folder)
        code = store.save(a_session(("role", "staff")), notes="kept")
        with pytest.raises(StoreError) as caught:
            store.save(a_session(("role", "student")), "x" * 400_000, code)
        assert caught.value.kind == "full"
        assert_clear(caught.value, "schijf", "is vol")
        saved = store.load(code)
        assert (saved.notes, saved.session_dict["answers"]) == ("kept", {"role": "staff"})
        # Room again: the next save goes through, under the same code.
        store.save(a_session(("role", "student")), "shorter", code)
        assert store.load(code).notes == "shorter"


def test_a_front_end_save_on_a_broken_store_returns_a_message_not_an_error(
    tmp_path: Path,
) -> None:
    data = tmp_path / "file"
    data.write_text("")
    code, message = save_or_say(
        lambda: SqliteStore(data), a_session(), "notes", None, rules_version="", lang="nl"
    )
    assert code is None and message is not None and "geen map" in message
    code, message = save_or_say(
        lambda: SqliteStore(data), a_session(), "notes", "ABCD2345CDEF", rules_version="", lang="en"
    )
    assert code == "ABCD2345CDEF" and message is not None and "not a folder" in message


@pytest.mark.parametrize("fault", ["file", "garbage"])
def test_resume_on_a_broken_store_says_so_without_a_traceback(
    tmp_path: Path, fault: str, tiny: Content, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from wizard.tui.launch import launch

    data = tmp_path / "data"
    if fault == "file":
        data.write_text("")
    else:
        data.mkdir()
        (data / DB_NAME).write_bytes(b"garbage" * 100)
    monkeypatch.setenv("LEERWIJZER_DATA_DIR", str(data))
    args = argparse.Namespace(
        kiosk=False,
        counsellor=False,
        resume="ABCD 2345 CDEF",
        date=None,
        lang="nl",
        idle_timeout=120.0,
    )
    assert launch(tiny, args) == 1
    said = capsys.readouterr().err
    expected = "is een bestand, geen map" if fault == "file" else "beschadigd"
    assert expected in said and "U kunt gewoon verder" in said
