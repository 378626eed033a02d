"""An export written to files: private, never over an earlier export, and said where (or why not).

Exports hold a person's answers and the counsellor's notes, so each file is created 0600 and
exclusively (``O_EXCL``): the next client's export the same day gets a new name instead of
overwriting this one. The caller shows the full paths returned, or the failure raised.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from wizard.model import Lang

MAX_NAMES = 1000
"""How many exports of one day may share a folder before we stop looking for a free name."""

_SAVED = ("Samenvatting bewaard in {paths}", "Summary saved in {paths}")
_FAILED = (
    "De samenvatting is NIET bewaard in {folder}: {reason}. Kies een andere map of vraag hulp.",
    "The summary was NOT saved in {folder}: {reason}. Choose another folder or ask for help.",
)


class ExportFailed(OSError):
    """Nothing was written (files begun are removed); ``message(lang)`` says where and why."""

    def __init__(self, folder: Path, reason: tuple[str, str]) -> None:
        super().__init__(f"{folder}: {reason[1]}")
        self.folder = folder
        self.reason = reason
        """Why, in Dutch and English (the system's own words when it gave them)."""

    def message(self, lang: Lang) -> str:
        return _FAILED[lang == "en"].format(folder=self.folder, reason=self.reason[lang == "en"])


def saved_message(paths: Sequence[Path], lang: Lang) -> str:
    return _SAVED[lang == "en"].format(paths=", ".join(str(path) for path in paths))


def default_export_dir() -> Path:
    """The user's Downloads folder when there is one, else the home folder (never a guess that
    silently goes nowhere)."""
    from platformdirs import user_downloads_dir

    downloads = Path(user_downloads_dir())
    return downloads if downloads.is_dir() else Path.home()


def write_exports(folder: Path, stem: str, files: Sequence[tuple[str, str]]) -> list[Path]:
    """Write each (text, suffix) as ``folder/<stem>[-n].<suffix>``, all under one free name.

    Returns the full paths written; raises ExportFailed when any file cannot be written.
    """
    folder = folder.expanduser().absolute()
    if not folder.is_dir():
        raise ExportFailed(folder, ("die map bestaat niet", "that folder does not exist"))
    for number in range(1, MAX_NAMES + 1):
        name = stem if number == 1 else f"{stem}-{number}"
        paths = [folder / f"{name}.{suffix}" for _, suffix in files]
        if any(path.exists() or path.is_symlink() for path in paths):
            continue
        try:
            return _write_all(paths, [text for text, _ in files])
        except FileExistsError:
            continue  # another export took this name just now: try the next one
        except OSError as error:
            reason = error.strerror or str(error)
            raise ExportFailed(folder, (reason, reason)) from None
    raise ExportFailed(folder, (f"al {MAX_NAMES} exports", f"already {MAX_NAMES} exports"))


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to a file the person named (``--record FILE``): replaced if it is there, but
    readable by its owner only and never through a link; OSError as open() raises it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    handle = os.open(path, flags, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        os.fchmod(file.fileno(), 0o600)  # an existing file keeps no wider mode
        file.write(text)


def _write_all(paths: list[Path], texts: list[str]) -> list[Path]:
    written: list[Path] = []
    try:
        for path, text in zip(paths, texts, strict=True):
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            handle = os.open(path, flags, 0o600)
            written.append(path)
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
    except OSError:
        for path in written:  # half an export is worse than none: the person is told it failed
            path.unlink(missing_ok=True)
        raise
    return written
