"""Plain mode from a pipe, fed what an attacker or a misconfigured terminal sends: no traceback,
no raw escape sequence on the terminal, a message for what cannot be read, and the session goes on."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli import REPO
from tests.conftest import DATA, cached_content
from wizard.engine import Engine
from wizard.plain import PlainRunner

TINY = str(DATA / "tiny")
UNREADABLE = "Dat antwoord bevat tekens die we niet kunnen lezen."


def plain(stdin: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The real command, its input piped in as raw bytes."""
    return subprocess.run(
        [sys.executable, "-m", "wizard", "plain", "--date", "2026-11-23", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_an_escape_sequence_answer_is_never_echoed_raw() -> None:
    done = plain(b"\x1b]0;pwned\x07\n\x1b[?1049hstaff\n", "--content", TINY)
    out = done.stdout.decode()
    assert b"\x1b" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr.decode()
    # the hostile line is shown cleaned, the next one still answers the question
    assert "> \n" in out and "> staff\n" in out
    assert out.count("Wat is uw rol?") == 2


def test_invalid_utf8_gives_a_message_and_the_question_again() -> None:
    done = plain(b"caf\xe9\n\xff\xfe\n2\n", "--content", TINY)
    out = done.stdout.decode()
    assert "Traceback" not in done.stderr.decode()
    assert out.count(UNREADABLE) == 2
    assert out.count("Wat is uw rol?") == 3  # asked again after each unreadable line
    assert "Wat wilt u doen?" in out  # "2" (staff) was taken


def test_a_4301_digit_age_is_out_of_range_not_a_crash() -> None:
    done = plain(b"3\nja\n" + b"9" * 5000 + b"\n35\n", "--content", TINY, "--lang", "nl")
    out = done.stdout.decode()
    assert "Traceback" not in done.stderr.decode()
    assert "kan niet: geef een getal van 0 tot 120." in out
    refusal = next(line for line in out.splitlines() if "kan niet" in line)
    assert len(refusal) < 100  # the number is repeated short in the message, not in full
    assert out.count("Hoe oud bent u?") == 2
    assert "Wat wilt u doen?" in out  # 35 was accepted


def test_a_giant_option_number_is_refused_on_a_choice() -> None:
    done = plain(b"9" * 5000 + b"\n1\n", "--content", TINY)
    assert "Traceback" not in done.stderr.decode()
    assert "Dat begrijp ik niet. Typ een nummer van 1 tot 3" in done.stdout.decode()


def test_an_endless_line_is_cut_not_held() -> None:
    done = plain(b"x" * 2_000_000 + b"\n1\n", "--content", TINY)
    assert done.returncode in (0, 1)
    assert "Traceback" not in done.stderr.decode()
    assert len(done.stdout) < 100_000


LINE_BYTES = st.one_of(
    st.binary(max_size=40),
    st.sampled_from(
        [
            b"\x1b]0;pwned\x07",
            b"\x1b[?1049h",
            b"\x1b[2J",
            b"\x9b31m",
            b"\xc2\x9b31m",  # C1 CSI, validly encoded
            b"caf\xe9",
            b"\xff",
            b"9" * 4400,
            b"1",
            b"2",
            b"3",
            b"0",
            b"terug",
            b"?",
            b"ja",
        ]
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINE_BYTES, max_size=25), crlf=st.booleans())
def test_random_bytes_never_give_a_traceback_or_a_raw_escape(
    lines: list[bytes], crlf: bool
) -> None:
    engine = Engine(cached_content(DATA / "tiny"))
    end = b"\r\n" if crlf else b"\n"
    stdin = io.TextIOWrapper(io.BytesIO(end.join(lines)), encoding="utf-8")
    out = io.StringIO()
    code = PlainRunner(engine, stdin, out).run(engine.start(date(2026, 11, 23)))  # no exception
    assert code in (0, 1)
    text = out.getvalue()
    assert "\x1b" not in text
    assert not any(0x80 <= ord(c) < 0xA0 for c in text)  # nor its one-character C1 forms
    assert "Regels versie" in text  # every run ends in a result


def test_random_bytes_through_the_real_command() -> None:
    # One pass through the real process too: its standard streams, not a test double.
    data = b"\n".join([b"\x1b]0;x\x07", b"\xff\xfe", b"9" * 4400, b"\x00\x07", b"3", b"ja", b"7"])
    done = plain(data + b"\n", "--content", TINY)
    assert b"\x1b" not in done.stdout + done.stderr
    assert b"Traceback" not in done.stderr
