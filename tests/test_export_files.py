"""Exports are private (0600), never overwrite an earlier one, name their full path, and a failure
is said as a failure with nothing half-written left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from wizard.export_files import ExportFailed, saved_message, write_exports, write_private

FILES = [("# Samenvatting\n", "md"), ("<!doctype html>\n", "html")]


def test_files_are_private_and_their_full_paths_returned(tmp_path: Path) -> None:
    paths = write_exports(tmp_path, "leerwijzer-2026-12-03", FILES)
    assert paths == [tmp_path / "leerwijzer-2026-12-03.md", tmp_path / "leerwijzer-2026-12-03.html"]
    for path in paths:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert paths[0].read_text(encoding="utf-8") == "# Samenvatting\n"
    message = saved_message(paths, "nl")
    assert str(tmp_path / "leerwijzer-2026-12-03.md") in message


def test_the_next_export_that_day_gets_its_own_name(tmp_path: Path) -> None:
    first = write_exports(tmp_path, "leerwijzer-2026-12-03", [("client one", "md")])
    second = write_exports(tmp_path, "leerwijzer-2026-12-03", [("client two", "md")])
    assert second == [tmp_path / "leerwijzer-2026-12-03-2.md"]
    assert first[0].read_text() == "client one"  # not overwritten
    # one name for all the files of one export, even when only one of them was taken
    (tmp_path / "leerwijzer-2026-12-03-3.html").write_text("someone else's")
    third = write_exports(tmp_path, "leerwijzer-2026-12-03", FILES)
    assert [p.name for p in third] == ["leerwijzer-2026-12-03-4.md", "leerwijzer-2026-12-03-4.html"]


def test_a_link_planted_under_the_next_name_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "leerwijzer-x.md").symlink_to(target)
    paths = write_exports(tmp_path / "out", "leerwijzer-x", [("text", "md")])
    assert paths[0].name == "leerwijzer-x-2.md"
    assert not target.exists()


def test_a_missing_folder_is_a_failure_said_as_such(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed) as caught:
        write_exports(tmp_path / "Downloads", "leerwijzer-x", FILES)
    message = caught.value.message("nl")
    assert message.startswith("De samenvatting is NIET bewaard in")
    assert str(tmp_path / "Downloads") in message
    assert caught.value.message("en").startswith("The summary was NOT saved in")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_a_failure_and_leaves_nothing(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(ExportFailed):
            write_exports(tmp_path, "leerwijzer-x", FILES)
    finally:
        tmp_path.chmod(0o700)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_halfway_removes_what_was_begun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open
    calls: list[str] = []

    def full_disk(path: str, flags: int, mode: int = 0o777) -> int:
        calls.append(str(path))
        if str(path).endswith(".html"):
            raise OSError(28, "No space left on device")
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", full_disk)
    with pytest.raises(ExportFailed) as caught:
        write_exports(tmp_path, "leerwijzer-x", FILES)
    assert "No space left on device" in caught.value.message("en")
    assert list(tmp_path.iterdir()) == []  # the Markdown begun first is gone too


async def test_the_counsellor_export_shows_full_paths_and_never_overwrites(tmp_path: Path) -> None:
    from tests.tui.test_app import ON, settle, tiny_content
    from wizard.tui.app import make_app

    app = make_app(tiny_content(), on=ON, mode="counsellor", export_dir=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_export()
        app.action_export()  # the next client, the same day
        await pilot.pause()
        said = [notification.message for notification in app._notifications]
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [
        "leerwijzer-2026-01-01-2.html",
        "leerwijzer-2026-01-01-2.md",
        "leerwijzer-2026-01-01.html",
        "leerwijzer-2026-01-01.md",
    ]
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in tmp_path.iterdir())
    assert any(str(tmp_path / "leerwijzer-2026-01-01-2.md") in message for message in said)


async def test_a_counsellor_export_that_fails_says_so(tmp_path: Path) -> None:
    from tests.tui.test_app import ON, settle, tiny_content
    from wizard.tui.app import make_app

    missing = tmp_path / "Downloads"
    app = make_app(tiny_content(), on=ON, mode="counsellor", export_dir=missing)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_export()
        await pilot.pause()
        said = [(n.message, n.severity) for n in app._notifications]
    assert not missing.exists()
    assert said == [
        (
            f"De samenvatting is NIET bewaard in {missing}: die map bestaat niet. Kies een andere map of vraag hulp.",
            "error",
        )
    ]


def test_a_recording_the_person_named_is_private_too(tmp_path: Path) -> None:
    path = tmp_path / "klacht.yaml"
    path.write_text("old")
    path.chmod(0o644)
    write_private(path, "answers")
    assert path.read_text() == "answers"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(OSError):
        write_private(link, "answers")
    assert not (tmp_path / "elsewhere.yaml").exists()
