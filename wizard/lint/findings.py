"""What a lint finding is: its rule and severity, where it is, the message; and how answers read.

Every rule and its severity are listed in ``RULES``. A finding prints as
``severity rule file:line: message``, the message saying how to fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from wizard.conditions import Unknown
from wizard.problems import shown_path
from wizard.sessions import Answer

Severity = Literal["error", "warning"]

RULES: dict[str, Severity] = {
    "dead_end": "error",
    "unreachable_question": "error",
    "unhandled_option": "warning",
    "route_overlap": "warning",
    "route_never_taken": "error",
    "fact_asked_twice": "warning",
    "never_eligible": "error",
    "only_via_weet_niet": "warning",
    "missing_translation": "warning",
    "missing_source": "warning",
    "missing_validity": "warning",
    "text_too_long": "warning",
    "hard_to_read": "warning",
}
"""Every rule and its severity, in the order docs/lint.md describes them."""


@dataclass(frozen=True)
class Finding:
    """One lint finding: ``severity rule file:line: message``, the message saying how to fix it."""

    severity: Severity
    rule: str
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        path = shown_path(self.path)
        where = f"{path}:{self.line}" if self.line > 0 else path
        return f"{self.severity} {self.rule} {where}: {self.message}"

    def sort_key(self) -> tuple[int, str, int, str, str]:
        return (self.severity != "error", str(self.path), self.line, self.rule, self.message)


def _show(answer: Answer) -> str:
    return "weet ik niet" if isinstance(answer, Unknown) else str(answer)


def describe(answers: Mapping[str, Answer]) -> str:
    """``fact = answer, ...`` as a message names the answers on a path."""
    return ", ".join(f"{fact} = {_show(value)}" for fact, value in answers.items())
