"""Content problems: every one names a file and a line, and says how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wizard.sanitize import visible


def shown_path(path: Path | str) -> str:
    """A file name as a message prints it: every control character written as an escape, new
    lines and tabs too (``a\\nb.yaml``), so a name cannot break a line or drive the terminal."""
    return visible(str(path)).replace("\n", "\\n").replace("\t", "\\t")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at ``path:line``."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        path = shown_path(self.path)
        where = f"{path}:{self.line}" if self.line > 0 else path
        return f"{where}: {visible(self.message)}"


class ContentError(Exception):
    """The content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        unique = set(problems)  # one cause reached twice is reported once
        self.problems = sorted(unique, key=lambda p: (str(p.path), p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))
