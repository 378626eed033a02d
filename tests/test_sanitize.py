"""The one input sanitiser: escapes never pass, numbers are bounded before int(), bad bytes refused."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.model import Fact, Text
from wizard.sanitize import (
    Undecodable,
    bounded_int,
    clean_line,
    decode_line,
    first_control,
    for_terminal,
    shown,
    visible,
)
from wizard.sessions import InvalidAnswer, parse_answer

AGE = Fact(id="age", kind="integer", label=Text(nl="Leeftijd", en="Age"), min=0, max=120)
ROLE = Fact.model_validate(
    {
        "id": "role",
        "kind": "choice",
        "label": {"nl": "Rol", "en": "Role"},
        "values": [
            {"id": "student", "label": {"nl": "Student", "en": "Student"}},
            {"id": "staff", "label": {"nl": "Personeel", "en": "Staff"}},
        ],
    }
)


@pytest.mark.parametrize(
    "hostile",
    [
        "\x1b]0;pwned\x07",  # OSC: renames the terminal
        "\x1b]0;pwned\x1b\\",  # OSC ended by ST
        "\x1b[?1049h",  # CSI: switches to the alternate screen
        "\x1b[2J\x1b[H",  # clears the screen
        "\x9b31m",  # C1 CSI
        "\x1bP+q\x1b\\",  # DCS
        "\x1bc",  # full reset
        "a\x1b",  # a lone ESC at the end
    ],
)
def test_escape_sequences_never_pass(hostile: str) -> None:
    for cleaned in (clean_line(hostile), for_terminal(hostile), shown(hostile)):
        assert "\x1b" not in cleaned
        assert not any(0x80 <= ord(c) < 0xA0 for c in cleaned)


def test_clean_line_keeps_letters_and_drops_controls() -> None:
    assert clean_line("  café 35\r\n") == "  café 35"
    assert clean_line("a\x00b\x07c\x7fd") == "abcd"
    assert clean_line("\u202eevil") == "evil"  # a bidi override cannot reorder what is shown
    assert for_terminal("line one\n\tline two\x1b[31m") == "line one\n\tline two"


def test_shown_is_short_and_on_one_line() -> None:
    assert shown("x" * 5000) == "x" * 39 + "…"
    assert shown("a\nb") == "ab"


@given(st.text())
@settings(max_examples=300)
def test_nothing_printable_carries_a_control_character(text: str) -> None:
    printed = for_terminal(text)
    assert all(c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs") for c in printed)
    assert all(unicodedata.category(c) not in ("Cc", "Cs") for c in clean_line(text))


def test_invalid_utf8_is_refused_with_a_message() -> None:
    with pytest.raises(Undecodable) as caught:
        decode_line(b"caf\xe9\n")  # "café" typed on a Latin-1 terminal
    assert caught.value.message[0].startswith("Dat antwoord bevat tekens")
    assert decode_line("café\n".encode()) == "café\n"
    # a line cut in the middle of a character keeps what came before it
    assert decode_line("abé".encode()[:-1], partial=True) == "ab"


@pytest.mark.parametrize(
    ("text", "status", "value"),
    [
        ("35", "ok", 35),
        (" 007 ", "ok", 7),
        ("-1", "out_of_range", None),
        ("121", "out_of_range", None),
        ("9" * 4301, "out_of_range", None),  # over Python's int() digit limit: never converted
        ("1" + "0" * 1_000_000, "out_of_range", None),
        ("0" * 5000 + "42", "ok", 42),  # leading zeros do not count
        ("3.5", "not_a_number", None),
        ("²", "not_a_number", None),
        ("", "not_a_number", None),
    ],
)
def test_numbers_are_bounded_on_their_digits(text: str, status: str, value: int | None) -> None:
    checked = bounded_int(text, 0, 120)
    assert (checked.status, checked.value) == (status, value)


def test_an_unbounded_number_still_has_a_digit_limit() -> None:
    assert bounded_int("9" * 15, None, None).value == 10**15 - 1
    assert bounded_int("9" * 5000, None, None).status == "out_of_range"


def test_answers_are_checked_through_the_sanitiser() -> None:
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(AGE, "9" * 5000)
    assert (
        caught.value.reason.nl
        == "999999999999999999999999999999999999999… kan niet: geef een getal van 0 tot 120."
    )
    with pytest.raises(InvalidAnswer):
        parse_answer(AGE, 10**5000)  # a huge int from a file: compared, never turned into text
    assert parse_answer(AGE, "120") == 120
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(ROLE, "\x1b]0;pwned\x07 \udcff")
    assert "\x1b" not in caught.value.reason.nl and "\udcff" not in caught.value.reason.en


def test_replaced_bytes_are_refused_with_the_unreadable_message() -> None:
    for raw in ("3\ufffd5", "caf\udce9"):  # from the TUI's tolerant reader, or surrogateescape
        with pytest.raises(InvalidAnswer) as caught:
            parse_answer(AGE, raw)
        assert caught.value.reason.nl.startswith("Dat antwoord bevat tekens die we niet kunnen")


def test_the_tui_key_reader_survives_bytes_that_are_not_utf8() -> None:
    from textual.drivers import linux_driver, web_driver

    from wizard.tui.launch import tolerate_undecodable_input

    before = (linux_driver.getincrementaldecoder, web_driver.getincrementaldecoder)  # type: ignore[attr-defined]
    try:
        with pytest.raises(UnicodeDecodeError):  # what killed the input thread
            linux_driver.getincrementaldecoder("utf-8")().decode(b"caf\xe9", final=True)  # type: ignore[attr-defined]
        tolerate_undecodable_input()
        for module in (linux_driver, web_driver):
            decode = module.getincrementaldecoder("utf-8")().decode
            assert decode(b"caf\xe9 ok", final=True) == "caf\ufffd ok"
            assert decode("é".encode()[:1]) == ""  # a character split across reads still waits
    finally:
        linux_driver.getincrementaldecoder, web_driver.getincrementaldecoder = before  # type: ignore[attr-defined]


@given(
    number=st.integers(min_value=-(10**30), max_value=10**30),
    zeros=st.integers(min_value=0, max_value=50),
    low=st.integers(min_value=-1000, max_value=1000),
    span=st.integers(min_value=0, max_value=10**6),
)
@settings(max_examples=300)
def test_bounded_int_agrees_with_int_within_the_range(
    number: int, zeros: int, low: int, span: int
) -> None:
    sign = "-" if number < 0 else ""
    text = f"{sign}{'0' * zeros}{abs(number)}"
    checked = bounded_int(text, low, low + span)
    if low <= number <= low + span:
        assert (checked.status, checked.value) == ("ok", number)
    else:
        assert (checked.status, checked.value) == ("out_of_range", None)


def test_first_control_finds_exactly_what_visible_escapes() -> None:
    # The content loader scans every text with the one pattern; it must agree with visible() on
    # every code point (new lines and tabs are text).
    for code in [*range(0x10000), *range(0x10000, 0x110000, 101)]:
        char = chr(code)
        expected = None if char in "\n\t" or visible(char) == char else char
        assert first_control(char) == expected, hex(code)
    assert first_control("gewoon\ttekst\n") is None
    assert first_control("rood\x1b[31m") == "\x1b"
