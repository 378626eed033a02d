"""Where things are: the ``file:line`` of content items, for a finding to point at."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wizard.content import Content
from wizard.lint.findings import RULES, Finding, Severity
from wizard.loading import FACTS_FILE, GRAPH_FILE, INCENTIVES_DIR
from wizard.yamlio import line_of, read_yaml

Loc = tuple[int | str, ...]
Where = tuple[Path, int]


class Locator:
    """``file:line`` of content items: the files are read again (content that loaded reads
    cleanly), unless ``documents`` holds them as read before (the ``lint`` command's cache)."""

    def __init__(self, content: Content, documents: Mapping[Path, Any] | None = None) -> None:
        self.root = content.root
        self.documents: dict[Path, Any] = dict(documents or {})
        self.question_index = {question_id: i for i, question_id in enumerate(content.questions)}

    def raw(self, relative: Path) -> Any:
        if relative not in self.documents:
            self.documents[relative] = read_yaml(self.root / relative)
        return self.documents[relative]

    def at(self, relative: Path, loc: Loc) -> Where:
        return relative, line_of(self.raw(relative), loc)

    def question(self, question_id: str, *loc: int | str) -> Where:
        return self.at(GRAPH_FILE, ("questions", self.question_index[question_id], *loc))

    def incentive(self, incentive_id: str, *loc: int | str) -> Where:
        return self.at(incentive_file(incentive_id), loc)

    def finding(
        self, rule: str, where: Where, message: str, severity: Severity | None = None
    ) -> Finding:
        return Finding(severity or RULES[rule], rule, where[0], where[1], message)


def incentive_file(incentive_id: str) -> Path:
    return INCENTIVES_DIR / f"{incentive_id}.yaml"


def files_read(content: Content) -> list[Path]:
    """Every file lint reads for its texts and lines (relative to the content folder)."""
    return [FACTS_FILE, GRAPH_FILE, *(incentive_file(i) for i in content.incentives)]
