"""Session codes: long enough that guessing one is impractical, easy to read aloud and to type.

See docs/store.md for the numbers: 30**12 (5.3e17) codes, read in three groups of four.
"""

from __future__ import annotations

import re
import secrets

from wizard.model import Lang
from wizard.ui_texts import say

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
"""No 0/O, 1/I/L (look alike) and no U (reads like V, and keeps rude words out)."""
CODE_LENGTH = 12
"""30**12 = 5.3e17 codes: with a million live sessions a guess hits one in 5e11 (docs/store.md)."""
LEGACY_CODE_LENGTH = 6
"""Codes handed out before schema 2; still read until their session expires."""
GROUP = 4
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]")
"""Spaces and every kind of dash a keyboard or a word processor produces."""


class UnknownCode(LookupError):
    """No saved session under this code (or it cannot be a code at all); ``message`` explains."""

    def __init__(self, code: str, *, malformed: bool = False) -> None:
        self.code = code
        self.malformed = malformed
        super().__init__(self.message("en"))

    def message(self, lang: Lang) -> str:
        shown = self.code.strip()[:40] or "''"
        key = "store.malformed_code" if self.malformed else "store.unknown_code"
        return say(key, lang, code=shown, length=CODE_LENGTH)


def normalise_code(raw: str) -> str:
    """The code as stored: upper case, without spaces or dashes; UnknownCode if it cannot be one."""
    code = _SEPARATORS.sub("", raw).upper()
    if len(code) not in (CODE_LENGTH, LEGACY_CODE_LENGTH) or any(
        c not in CODE_ALPHABET for c in code
    ):
        raise UnknownCode(raw, malformed=True)
    return code


def format_code(code: str) -> str:
    """How to show a code: groups, easier to read aloud and copy ("ABCD EFGH JKMN", "ABC 234")."""
    size = GROUP if len(code) == CODE_LENGTH else max(1, len(code) // 2)
    return " ".join(code[i : i + size] for i in range(0, len(code), size))


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
