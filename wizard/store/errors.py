"""What can go wrong with the store, said plainly in Dutch and English, never as a traceback.

Every back end turns its own exceptions into a StoreError with one of a few kinds. A front end
shows ``message(lang)`` and goes on: the session stays in memory, nothing saved earlier is touched.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Literal

from wizard.model import Lang

Kind = Literal[
    "not_a_folder",
    "read_only",
    "corrupt",
    "full",
    "busy",
    "newer_schema",
    "unavailable",
    "bad_config",
]

_TEXTS: dict[Kind, tuple[str, str]] = {
    "not_a_folder": (
        "Bewaren lukt niet: {where} is een bestand, geen map.",
        "Cannot save: {where} is a file, not a folder.",
    ),
    "read_only": (
        "Bewaren lukt niet: in {where} mag niets geschreven worden.",
        "Cannot save: nothing may be written in {where}.",
    ),
    "corrupt": (
        "Bewaren lukt niet: het bestand {where} is beschadigd. Het blijft staan zoals het is.",
        "Cannot save: the file {where} is damaged. It is left as it is.",
    ),
    "full": (
        "Bewaren lukt niet: de schijf van {where} is vol.",
        "Cannot save: the disk of {where} is full.",
    ),
    "busy": (
        "Bewaren lukt nu niet: {where} is bezet. Probeer zo opnieuw.",
        "Cannot save right now: {where} is busy. Try again in a moment.",
    ),
    "newer_schema": (
        "Bewaren lukt niet: {where} komt van een nieuwere Leerwijzer.",
        "Cannot save: {where} was written by a newer Leerwijzer.",
    ),
    "unavailable": (
        "Bewaren lukt niet: de databank {where} is niet bereikbaar.",
        "Cannot save: the database {where} cannot be reached.",
    ),
    "bad_config": (
        "Bewaren lukt niet: het instellingenbestand {where} klopt niet ({detail}).",
        "Cannot save: the settings file {where} is not right ({detail}).",
    ),
}
_GOES_ON = (
    "U kunt gewoon verder: uw antwoorden blijven hier staan. Meld het aan de beheerder.",
    "You can go on: your answers stay here. Tell the administrator.",
)


class StoreError(Exception):
    """The store cannot do what was asked; nothing saved before is lost. ``message`` explains."""

    def __init__(self, kind: Kind, where: str, detail: str = "") -> None:
        self.kind: Kind = kind
        self.where = where
        self.detail = detail
        """The underlying error, for the log and the administrator (never personal data)."""
        super().__init__(self.message("en") + (f" ({detail})" if detail else ""))

    def message(self, lang: Lang) -> str:
        nl, en = _TEXTS[self.kind]
        goes_on_nl, goes_on_en = _GOES_ON
        if lang == "en":
            return f"{en.format(where=self.where, detail=self.detail)} {goes_on_en}"
        return f"{nl.format(where=self.where, detail=self.detail)} {goes_on_nl}"


class StaleSession(StoreError):
    """Someone else saved this code since it was read here: the save is refused, nothing lost."""

    def __init__(self, code: str, saved_at: str, kept_as: str | None = None) -> None:
        self.code = code
        self.saved_at = saved_at
        self.kept_as = kept_as
        """Where the refused version was kept instead (a new code), when the caller did so."""
        super().__init__("busy", code)

    def message(self, lang: Lang) -> str:
        if lang == "en":
            text = (
                f"Session {self.code} was saved on another desk at {self.saved_at}, after you "
                "opened it here. Your changes did not overwrite it."
            )
            if self.kept_as:
                text += f" Your version is kept under the new code {self.kept_as}."
            return text
        text = (
            f"Sessie {self.code} werd om {self.saved_at} op een ander toestel bewaard, nadat u "
            "ze hier opende. Uw wijzigingen hebben die niet overschreven."
        )
        if self.kept_as:
            text += f" Uw versie is bewaard onder de nieuwe code {self.kept_as}."
        return text


class TooManyTries(StoreError):
    """Too many unknown codes from this desk in a short time: look-ups wait a while."""

    def __init__(self, minutes: int) -> None:
        self.minutes = minutes
        super().__init__("busy", "")

    def message(self, lang: Lang) -> str:
        if lang == "en":
            return (
                f"Too many wrong codes in a short time. Try again in {self.minutes} minutes, "
                "or ask a counsellor."
            )
        return (
            f"Te veel foute codes na elkaar. Probeer opnieuw over {self.minutes} minuten, "
            "of vraag het aan een begeleider."
        )


def classify_sqlite(error: BaseException, where: str) -> StoreError:
    """The kind of an sqlite3 or OS error, by SQLite's result code or errno (never by guessing)."""
    if isinstance(error, StoreError):
        return error
    detail = f"{type(error).__name__}: {error}"
    if isinstance(error, (NotADirectoryError, FileExistsError)):
        return StoreError("not_a_folder", where, detail)
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
            return StoreError("full", where, detail)
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StoreError("read_only", where, detail)
        if error.errno == errno.ENOTDIR:
            return StoreError("not_a_folder", where, detail)
        return StoreError("unavailable", where, detail)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    kind: Kind
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        kind = "corrupt"
    elif primary == sqlite3.SQLITE_FULL:
        kind = "full"
    elif primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        kind = "read_only"
    elif primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        kind = "busy"
    elif primary == sqlite3.SQLITE_IOERR:
        kind = "full" if "full" in str(error) else "unavailable"
    else:
        kind = "unavailable"
    return StoreError(kind, where, detail)
