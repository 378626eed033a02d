"""Problems in a content file as an author reads them: file:line, where in the file, the value
and the fix; conditions parsed with their problems gathered (and their size bounded)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from wizard.conditions import (
    MAX_TREE_DEPTH,
    MAX_TREE_SIZE,
    Condition,
    ConditionError,
    FactShape,
    measure,
    parse_condition,
)
from wizard.problems import Problem
from wizard.sanitize import visible
from wizard.yamlio import line_of

Loc = tuple[int | str, ...]


class ProblemCollector:
    """Gathers problems for one file, turning a location path into its line."""

    def __init__(
        self, path: Path, raw: Any, problems: list[Problem], quiet: frozenset[str] = frozenset()
    ) -> None:
        self.path = path
        self.raw = raw
        self.problems = problems
        self.quiet = quiet
        """Derived facts already reported broken: a condition naming one adds no second error."""

    def add(self, loc: Loc, message: str) -> None:
        # A message quotes the file (a condition, a value): its control characters are shown
        # as escapes, never sent to the terminal that prints the problem.
        self.problems.append(Problem(self.path, line_of(self.raw, loc), visible(message)))

    def condition(
        self,
        loc: Loc,
        text: str,
        shapes: Mapping[str, FactShape],
        derived: Mapping[str, Condition],
    ) -> Condition | None:
        try:
            cond = parse_condition(text, shapes, derived)
        except ConditionError as exc:
            if exc.unknown_fact not in self.quiet:
                self.add(loc, f"condition `{text}`: {exc}")
            return None
        # Derived facts are filled in where they are read: bound what the engine will walk, so
        # `check` refuses what could not be evaluated quickly (or would overflow the stack).
        depth, size = measure(cond, cap=MAX_TREE_SIZE + 1)
        if depth > MAX_TREE_DEPTH:
            self.add(
                loc,
                f"condition `{text}`: nests {depth} levels deep once its derived facts are filled "
                f"in (at most {MAX_TREE_DEPTH}); let it read the asked facts more directly",
            )
            return None
        if size > MAX_TREE_SIZE:
            self.add(
                loc,
                f"condition `{text}`: has more than {MAX_TREE_SIZE} parts once its derived facts "
                "are filled in (a derived fact counts each time it is read, so chains of them "
                "double); read the asked facts directly or use fewer derived facts in it",
            )
            return None
        return cond


_HINTS = {
    "date_": "write dates as YYYY-MM-DD",
    "datetime_": "write dates as YYYY-MM-DD",
    "string_type": "write it as text (put it in quotes if it looks like a number or true/false)",
    "list_type": "write a list, one item per line starting with '- '",
    "int_": "write a whole number",
    "bool_": "write true or false",
    "literal_error": "use one of the values listed",
    "too_short": "add at least one item",
    "greater_than": "use a larger number",
    "less_than": "use a smaller number",
}


def readable_location(raw: Any, loc: Sequence[int | str]) -> str:
    """Where in a file an error sits, as an author reads it: 1-based items named by their id.

    ``("facts", 1, "values", 3, "id")`` becomes ``facts > item 2 ('role') > values > item 4 > id``.
    """
    parts: list[str] = []
    node: Any = raw
    for step in loc:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            named = isinstance(ident, str) and re.fullmatch(r"[a-z][a-z0-9_]*", ident)
            parts.append(f"item {step + 1}" + (f" ('{ident}')" if named else ""))
            node = item
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return " > ".join(parts)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "...'"


def _as_id(value: str) -> str:
    """A suggestion for a malformed id: lower case, words joined by underscores."""
    words = re.findall(r"[a-z0-9]+", value.lower())
    suggestion = "_".join(words)
    return suggestion if suggestion[:1].isalpha() else f"x_{suggestion}"


def describe_error(error: Mapping[str, Any], raw: Any = None) -> str:
    """One pydantic error as a plain message: where, the offending value and the fix.

    The caller adds ``file:line``. ``raw`` (the file as read) lets the location name items by
    their id instead of pydantic's zero-based internal path.
    """
    loc = list(error["loc"])
    where = readable_location(raw, loc) if loc else "(top level)"
    value = error.get("input")
    kind = error["type"]
    if kind == "extra_forbidden":
        return (
            f"unknown key '{loc[-1]}'; remove it or fix its spelling (see docs/content-format.md)"
        )
    if kind == "missing":
        return f"missing required key '{where}'; add it (see docs/content-format.md)"
    if kind == "string_pattern_mismatch" and "url" in [str(s) for s in loc[-1:]]:
        return f"{where}: {_shown(value)} must be a web address starting with http:// or https://"
    if kind == "string_pattern_mismatch":
        fix = f"; write it as '{_as_id(value)}'" if isinstance(value, str) else ""
        return (
            f"{where}: {_shown(value)} is not an id: ids are lower-case snake_case "
            f"(letters, digits, _), starting with a letter{fix}"
        )
    if kind in ("model_type", "dict_type"):
        return f"{where}: expected a mapping of keys (key: value), not {_shown(value)}"
    message = str(error["msg"]).removeprefix("Value error, ")
    hint = next((h for prefix, h in _HINTS.items() if kind.startswith(prefix)), None)
    if hint is not None:
        message += f"; {hint}"
    if value is not None and not isinstance(value, dict | list) and kind != "value_error":
        where = f"{where} = {_shown(value)}"  # the offending value, as the author typed it
    return f"{where}: {message}" if loc else message
