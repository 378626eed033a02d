"""The store from the TUI (Pilot): store faults are said and the session goes on; notes are saved
as typed and on quit; a stale desk keeps its version under a new code; figures from the TUI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from textual.widgets import Button, TextArea

from tests.tui.test_app import ON, SIZE, page_of, press, settle, tiny_content
from wizard.store import DB_NAME, SqliteStore, UsageRow
from wizard.tui.app import WizardApp, make_app
from wizard.usage import FIGURES_ENV, Figures


def said(app: WizardApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_counsellor_autosave_on_a_broken_store_says_so_and_goes_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("a file where the data folder should be")
    app = make_app(tiny_content(), on=ON, mode="counsellor", store=lambda: SqliteStore(data))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1")  # two answers: two autosaves, both refused by the store
        assert app.is_running and app.code is None
        assert said(app).count("is een bestand, geen map") == 1  # said once, not per answer
        assert app.session.answer_map == {"role": "student", "goal": "borrow"}
        data.unlink()  # the administrator fixes it: the next save goes through
        await press(pilot, "ctrl+s")
        assert app.code is not None
    saved = SqliteStore(data).load(app.code)
    assert saved.session_dict["answers"] == {"role": "student", "goal": "borrow"}


async def test_kiosk_code_on_a_damaged_store_says_so_and_keeps_the_result(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).write_bytes(b"damaged" * 500)
    before = (data / DB_NAME).read_bytes()
    app = make_app(tiny_content(), on=ON, mode="kiosk", store=lambda: SqliteStore(data))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "1", "1", "1", "enter")
        assert page_of(app) == "result"
        app.query_one("#ask-code", Button).press()
        await settle(pilot)
        assert app.is_running and page_of(app) == "result" and app.code is None
        assert "beschadigd" in said(app)
        assert app.query("#ask-code")  # the button stays: the person may try again
    assert (data / DB_NAME).read_bytes() == before


async def test_notes_are_saved_as_typed_and_on_quit(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path)
    app = make_app(tiny_content(), on=ON, mode="counsellor", store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1")
        code = app.code
        assert code is not None
        app.query_one("#notes", TextArea).text = "Belt maandag terug."
        await pilot.pause(1.5)  # a second after the last key
        assert SqliteStore(tmp_path).load(code).notes == "Belt maandag terug."
        app.query_one("#notes", TextArea).text = "Belt maandag terug. Attest mee."
        await pilot.pause()
        app.action_stop()  # quits before the timer: saved on the way out
    assert SqliteStore(tmp_path).load(code).notes == "Belt maandag terug. Attest mee."


async def test_a_desk_resuming_a_code_saved_elsewhere_keeps_its_version_apart(
    tmp_path: Path,
) -> None:
    desk_a, desk_b = SqliteStore(tmp_path), SqliteStore(tmp_path)
    content = tiny_content()
    first = make_app(content, on=ON, mode="counsellor", store=desk_a)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1")
        code = first.code
    assert code is not None
    saved = desk_b.load(code)
    second = make_app(
        content,
        on=ON,
        mode="counsellor",
        store=desk_b,
        session=saved.to_session(content.facts),
        notes=saved.notes,
        code=code,
    )
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        desk_a.save(saved.to_session(content.facts), "desk A wrote meanwhile", code)
        await press(pilot, "1")  # desk B answers: its autosave is refused, kept under a new code
        assert second.code is not None and second.code != code
        assert code in said(second) and second.code in said(second)
    assert desk_a.load(code).notes == "desk A wrote meanwhile"
    assert desk_a.load(second.code).session_dict["answers"] == {"role": "student", "goal": "borrow"}


async def test_the_tui_emits_figures_when_switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FIGURES_ENV, "1")
    rows: list[UsageRow] = []
    app = make_app(tiny_content(), on=ON, mode="citizen")
    assert isinstance(app.figures, Figures)

    def keep(new: Sequence[UsageRow]) -> None:
        rows.extend(new)

    app.figures.sink = keep
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "1", "1", "1")
    app.figures.close()
    kinds = [(r.kind, r.question, r.answer) for r in rows]
    assert kinds[:4] == [
        ("shown", "role", None),
        ("answered", "role", "student"),
        ("shown", "goal", None),
        ("answered", "goal", "borrow"),
    ]
    assert rows[-1].kind == "finished" and {r.mode for r in rows} == {"citizen"}


async def test_a_kiosk_wipe_ends_the_session_as_abandoned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FIGURES_ENV, "1")
    monkeypatch.setenv("LEERWIJZER_OPERATOR_CODE", "482913")
    rows: list[UsageRow] = []
    app = make_app(tiny_content(), on=ON, mode="kiosk", operator_code="482913")
    assert isinstance(app.figures, Figures)
    app.figures.sink = rows.extend
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert rows == [] and not app.figures.pending  # the welcome page shows no question
        await press(pilot, "enter", "1")  # start, then one answer; the person walks away
        app.wipe()
        await settle(pilot)
    app.figures.close()
    kinds = [(r.kind, r.question) for r in rows]
    assert kinds == [
        ("shown", "role"),
        ("answered", "role"),
        ("shown", "goal"),
        ("abandoned", "goal"),
    ]
    assert len({r.run for r in rows}) == 1
