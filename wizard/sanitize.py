"""One input sanitiser for every front end: what a person types is made safe before it is used.

- Bytes that are not UTF-8 are refused with a message (never a traceback, never a lone surrogate
  travelling on into pydantic or a terminal).
- Control characters and escape sequences never reach a terminal: ``for_terminal`` strips them from
  anything about to be printed, ``clean_line`` from anything typed.
- Numbers are checked against their range on their digits, BEFORE ``int()``: Python refuses to
  convert more than 4,300 digits (ValueError), and a huge number must be "out of range", not a crash.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

MAX_LINE_BYTES = 4096
"""One answer is a short line; anything longer is cut here (the rest of the line is dropped)."""

MAX_SHOWN = 40
"""How much of a refused answer is repeated back in a message."""

UNBOUNDED_DIGITS = 15
"""A number with no range of its own still has at most this many digits."""

UNDECODABLE = (
    "Dat antwoord bevat tekens die we niet kunnen lezen. Typ het opnieuw, met gewone letters en cijfers.",
    "That answer holds characters we cannot read. Type it again, with plain letters and digits.",
)
"""Dutch and English: said when a line is not valid UTF-8."""

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/APC/PM/SOS strings (up to BEL or ST),
# and two-character escapes. The C1 forms (U+009B CSI, U+009D OSC, ...) are matched too.
_ESCAPE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?             # CSI ... final byte
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])       # OSC, DCS, SOS, PM, APC
    [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?         #   ... up to BEL or ST
  | \x1b[ -/]*[0-~]?                              # any other escape
    """,
    re.VERBOSE,
)


class Undecodable(ValueError):
    """A line that is not valid UTF-8; ``message`` is (Dutch, English)."""

    message = UNDECODABLE


def decode_line(data: bytes, *, partial: bool = False) -> str:
    """A line of bytes as text, or Undecodable when it is not valid UTF-8.

    ``partial``: the line was cut, so a character split at the end is dropped, not refused.
    """
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=not partial)
    except UnicodeDecodeError:
        raise Undecodable(UNDECODABLE[1]) from None


def has_surrogates(text: str) -> bool:
    """True for text decoded with ``surrogateescape``: it held bytes that are not UTF-8."""
    return any("\ud800" <= char <= "\udfff" for char in text)


def undecodable(text: str) -> bool:
    """True when text carries the marks of bytes that were not UTF-8: lone surrogates
    (``surrogateescape``) or U+FFFD (``errors="replace"``, as the TUI's key reader decodes)."""
    return "\ufffd" in text or has_surrogates(text)


def _is_control(char: str) -> bool:
    # Cc: C0, DEL and C1 controls; Cs: lone surrogates (undecodable bytes); bidi overrides and
    # isolates (Cf) can reorder what a terminal shows, so they go too.
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or (category == "Cf" and char in _BIDI)


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")

_CONTROL_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(_BIDI)) + "]"
)
"""What ``_is_control`` refuses, new lines and tabs excepted, as one pattern (Cc is exactly
U+0000-001F and U+007F-009F, Cs U+D800-DFFF): a content load scans every text with it."""


def first_control(text: str) -> str | None:
    """The first control character in a text (new lines and tabs are text), or None."""
    found = _CONTROL_IN_TEXT.search(text)
    return None if found is None else found.group()


def clean_line(text: str) -> str:
    """What a person typed on one line, without escape sequences or control characters."""
    text = _ESCAPE.sub("", text)
    return "".join(char for char in text if not _is_control(char))


def for_terminal(text: str) -> str:
    """Text safe to print: escape sequences and control characters removed, new lines and tabs kept."""
    text = _ESCAPE.sub("", text)
    return "".join(char for char in text if char in "\n\t" or not _is_control(char))


def visible(text: str) -> str:
    """Control characters written as escapes (``\\x1b``): an author sees what is wrong in a file,
    and the terminal showing the message is not driven by it."""
    return "".join(
        char if char in "\n\t" or not _is_control(char) else repr(char)[1:-1] for char in text
    )


def shown(raw: object) -> str:
    """A refused answer as it may be repeated back: clean, on one line, and short."""
    text = clean_line(str(raw)).strip()
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


_WHOLE_NUMBER = re.compile(r"([+-]?)0*([0-9]+)")

NumberCheck = Literal["ok", "not_a_number", "out_of_range"]


@dataclass(frozen=True)
class BoundedNumber:
    """The outcome of reading a whole number within a range: ``value`` is set only when "ok"."""

    status: NumberCheck
    value: int | None = None


def bounded_int(text: str, low: int | None, high: int | None) -> BoundedNumber:
    """Read ``text`` as a whole number in [low, high] (ASCII digits), deciding the range on its
    digits so that no number, however long, is ever handed to ``int()`` beyond the range's size."""
    match = _WHOLE_NUMBER.fullmatch(text.strip())
    if match is None:
        return BoundedNumber("not_a_number")
    sign, digits = match.groups()
    limits = [abs(bound) for bound in (low, high) if bound is not None]
    allowed = len(str(max(limits))) if limits else UNBOUNDED_DIGITS
    if len(digits) > max(allowed, 1):
        return BoundedNumber("out_of_range")
    number = int(sign + digits)
    if (low is not None and number < low) or (high is not None and number > high):
        return BoundedNumber("out_of_range")
    return BoundedNumber("ok", number)
