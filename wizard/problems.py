"""Content problems: every one names a file and a line, and says how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at ``path:line``."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line > 0 else f"{self.path}"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """The content cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        unique = set(problems)  # one cause reached twice is reported once
        self.problems = sorted(unique, key=lambda p: (str(p.path), p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))
