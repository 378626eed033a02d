"""The only module that touches PyYAML: strict, guarded, line-aware reading.

Why so strict: content is written by people and read by a kiosk. A guard pass over the event stream
refuses anchors/aliases (an 8 KB alias file expands into a million objects), nesting deeper than
``MAX_DEPTH`` (libyaml segfaults around depth 25,000) and files over ``MAX_BYTES`` before anything is
built. Duplicate keys are errors, and only ``true``/``false`` are booleans: ``yes``, ``no``, ``on``,
``off`` and dates stay strings, so pydantic sees exactly what the author typed.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from wizard.problems import ContentError, Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 50

_BaseLoader: type[yaml.SafeLoader]
try:  # libyaml is in the manylinux wheel and parses 5-9x faster
    _BaseLoader = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader


class LineDict(dict[str, Any]):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that remembers the line of itself and of each item (1-based)."""

    line: int
    item_lines: list[int]


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader: line marks, no duplicate keys, YAML-1.2-like booleans, no timestamps."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _KeyProblem(key_node, f"keys must be text, not {key!r}; quote the key")
            if key in result:
                first = result.key_lines[key]
                raise _KeyProblem(
                    key_node,
                    f"duplicate key '{key}' (first at line {first}); keep only one of them",
                )
            result.key_lines[key] = key_node.start_mark.line + 1
            result[key] = self.construct_object(value_node, deep=True)
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_DROPPED_TAGS = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _StrictLoader.construct_sequence)


class _KeyProblem(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1
        self.message = message


_FLOW_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_depth_guard(text: str, path: Path) -> Problem | None:
    """Refuse deep flow nesting (``[[[[...``) before libyaml's scanner sees it.

    libyaml's scanner reads flow collections ahead of the events the guard walks, and newer
    releases stop at a depth of their own with their own words. Counting brackets first keeps the
    refusal ours on every PyYAML version. Brackets inside quoted text count too: a file needs over
    ``MAX_DEPTH`` unclosed ones in a row before that matters, and no content file has them.
    """
    depth = 0
    for match in _FLOW_BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                return _too_deep(path, line)
        else:
            depth = max(depth - 1, 0)
    return None


def _too_deep(path: Path, line: int) -> Problem:
    return Problem(path, line, f"nesting deeper than {MAX_DEPTH} levels; flatten the structure")


def _guard(text: str, path: Path) -> Problem | None:
    """Walk the event stream once and refuse what must never be built."""
    flow = _flow_depth_guard(text, path)
    if flow is not None:
        return flow
    depth = 0
    events: Iterator[yaml.Event] = yaml.parse(text, Loader=_BaseLoader)
    try:
        for event in events:
            line = event.start_mark.line + 1 if event.start_mark is not None else 1
            if isinstance(event, yaml.AliasEvent):
                return Problem(
                    path,
                    line,
                    f"alias '*{event.anchor}' is not allowed; write the value out in full",
                )
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                return Problem(
                    path, line, f"anchor '&{anchor}' is not allowed; write the value out in full"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep(path, line)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        return _syntax_problem(path, exc)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return Problem(path, line, f"character {char!r} is not allowed in YAML; remove it")
    return None


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    what = exc.problem or str(exc)
    return Problem(path, line, f"YAML syntax error: {what}; check indentation and quoting")


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, reading at most ``MAX_BYTES`` + 1: a huge file never fills memory.

    Only regular files are read, and never through a symbolic link: content names what it holds,
    and ``check`` must not print the lines of a file that a link points at.
    """
    if path.is_symlink():
        raise ContentError(
            [Problem(path, 0, "is a symbolic link; copy the real file into the content folder")]
        )
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise ContentError([Problem(path, 0, "is not a regular file; use a plain YAML file")])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ContentError([Problem(path, 0, f"cannot read file: {exc.strerror}")]) from None
    if len(raw) > MAX_BYTES:
        size = max(status.st_size, len(raw))  # the size on disk; only the first bytes were read
        raise ContentError(
            [Problem(path, 1, f"file is {size:,} bytes, over the {MAX_BYTES:,} limit; split it")]
        )
    return raw


def read_yaml(path: Path) -> Any:
    """Read one YAML file strictly, or raise ContentError with every problem found in it."""
    raw = _read_bounded(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            [Problem(path, line, "not valid UTF-8; save the file as UTF-8")]
        ) from None
    guarded = _guard(text, path)
    if guarded is not None:
        raise ContentError([guarded])
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except _KeyProblem as exc:
        raise ContentError([Problem(path, exc.line, exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_syntax_problem(path, exc)]) from None
    except yaml.YAMLError as exc:  # anything else PyYAML refuses: still a clean problem
        raise ContentError([Problem(path, 1, f"not readable as YAML: {exc}")]) from None


def line_of(raw: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the deepest node on ``loc`` that carries a line mark (0 if none)."""
    line = getattr(raw, "line", 0)
    node = raw
    for step in loc:
        if isinstance(node, LineDict) and isinstance(step, str) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line
