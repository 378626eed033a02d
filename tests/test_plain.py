"""Plain mode as a screen-reader user meets it: answers said back, a check step, words understood,
labels never ids, and an honest stop when the input ends early."""

from __future__ import annotations

import io
from datetime import date

import pytest

from tests.cli import leerwijzer
from tests.conftest import DATA, REPO, cached_content
from wizard.engine import Engine
from wizard.model import Lang
from wizard.plain import PlainRunner

DAY = date(2026, 11, 23)


def run_plain(typed: str, *, tiny: bool = True, lang: Lang = "nl") -> tuple[int, str]:
    engine = Engine(cached_content(DATA / "tiny" if tiny else REPO))
    out = io.StringIO()
    code = PlainRunner(engine, io.StringIO(typed), out).run(engine.start(DAY, lang))
    return code, out.getvalue()


def test_every_answer_is_said_back_by_its_label() -> None:
    code, out = run_plain("1\nlenen\nja\n")
    assert code == 0
    assert "> 1\nU koos: Student\n" in out
    assert "> lenen\nU koos: Lenen\n" in out  # a word of the label
    assert "> ja\nU koos: Ja\n" in out


def test_the_check_step_lists_the_answers_and_changes_one_by_number() -> None:
    # student, borrow, full-time; at the check step: change answer 2 to "studeren", then Enter
    code, out = run_plain("1\n1\n1\n2\nstuderen\n\n")
    assert code == 0
    check = out.index("Controleer uw antwoorden:")
    assert out.index("Uw resultaat") > check  # the result comes only after the check step
    assert "  1. Wat is uw rol? Uw antwoord: Student\n" in out
    assert "  2. Wat wilt u doen? Uw antwoord: Lenen\n" in out
    assert "U wijzigt dit antwoord. Nu: Lenen." in out
    assert "U koos: Studeren" in out
    assert "  2. Wat wilt u doen? Uw antwoord: Studeren\n" in out  # listed again, changed
    assert out.count("Controleer uw antwoorden:") == 2
    _, out = run_plain("1\n1\n1\n?\nja\n")  # "Klopt alles?" "ja"
    assert out.count("Controleer uw antwoorden:") == 2 and "1. ✔ zeker: Campuskaart" in out


def test_the_end_of_input_at_the_check_step_shows_the_result() -> None:
    code, out = run_plain("1\n1\n1\n")  # every question answered, then nothing more
    assert code == 0
    assert "Controleer uw antwoorden:" in out
    assert "1. ✔ zeker: Campuskaart" in out


def test_an_early_end_of_input_recommends_nothing() -> None:
    code, out = run_plain("0\n0\n0\n0\n", tiny=False)  # four times "weet ik niet", then it stops
    assert code == 1
    assert "De invoer stopte voor alle vragen beantwoord waren." in out
    assert "Uw resultaat is dus niet volledig." in out
    assert "zeker:" not in out and "misschien:" not in out  # no list of instruments at all
    assert "Uw resultaat\n" not in out
    assert "Regels versie" in out


def test_labels_never_ids_in_what_is_not_understood() -> None:
    _, out = run_plain("1\n1\nbanaan\n1\n", tiny=False)
    hint = next(line for line in out.splitlines() if line.startswith("Dat begrijp ik niet"))
    assert "Typ een nummer van 1 tot" in hint
    assert "_" not in hint  # no ids such as wallonie_na_verhuis_uit_eer


def test_an_age_is_read_from_a_sentence_and_0_is_not_zero_years() -> None:
    _, out = run_plain("3\nja\nik ben 45\n")  # visitor, resident, age
    assert "> ik ben 45\nU koos: 45\n" in out
    _, out = run_plain("3\nja\n0\n")
    assert "> 0\nU koos: Ik weet het niet\n" in out
    assert "U koos: 0" not in out
    _, out = run_plain("3\nja\n130\n40\n")
    assert "130 kan niet: geef een getal van 0 tot 120." in out
    assert "U koos: 40" in out


def test_the_glance_comes_first_then_a_card_or_why_not_on_request() -> None:
    code, out = run_plain("1\n1\n1\n\n1\nwaarom\n\n")
    assert code == 0
    glance = out.index("1. ✔ zeker: Campuskaart")
    card = out.index("Wat u krijgt:")
    why = out.index("Ook niet voor u: voor andere situaties of doelen:\n- Stadspas: ")
    assert glance < card < why
    assert "Ook mogelijk voor u, maar minder passend bij wat u wilt:\n- Studiezaal" in out
    assert "2 andere passen niet of minder goed. Typ 'waarom' om te lezen waarom." in out


def test_english_and_record_keep_working_from_a_pipe(tmp_path: object) -> None:
    done = leerwijzer(
        "plain", "--content", str(DATA / "tiny"), "--lang", "en", "--date", "2026-11-23",
        stdin="staff\nborrow\n",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "You chose: Staff" in done.stdout
    assert "Check your answers:" in done.stdout
    assert "1. ✔ certain: Campus card" in done.stdout


def test_the_linux_console_gets_ascii_glyphs_with_the_same_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TERM", "linux")
    _, out = run_plain("1\n1\n1\n")
    assert "1. + zeker: Campuskaart" in out
    assert "✔" not in out


def test_from_a_real_pipe_an_early_end_is_honest() -> None:
    done = leerwijzer("plain", "--date", "2026-11-23", stdin="werkzoekende\n")
    assert done.returncode == 1
    out = done.stdout
    assert "> werkzoekende\nU koos: Ik heb geen werk en ik zoek werk\n" in out
    assert "Uw resultaat is dus niet volledig." in out
    assert "zeker:" not in out and "misschien:" not in out
    assert "Traceback" not in done.stderr
