"""JSON Schema for the content files, generated from the pydantic models and committed beside them.

Editors that speak the YAML language server (VS Code, Neovim, JetBrains...) read the first line of
each content file, ``# yaml-language-server: $schema=<path>``, and then autocomplete keys and
underline mistakes while an author types. The schemas come from ``wizard.model``, so they say what
the loader accepts; ``check`` reports where the committed files drifted from it and ``write``
brings them back (the schemas, and that first line of every content file, nothing else).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from wizard.loading import FACTS_FILE, GRAPH_FILE, INCENTIVES_DIR
from wizard.model import FactsFile, GraphFile, Incentive
from wizard.model import _bool_as_condition as bool_as_condition

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELINE = re.compile(r"#\s*yaml-language-server\s*:.*")
"""A first line that is already a YAML-language-server instruction: replaced, never stacked."""


@dataclass(frozen=True)
class SchemaTarget:
    """One schema file and the content files it describes."""

    schema_file: Path
    model: type[BaseModel]
    description: str
    pattern: str
    """Which files it describes, as a glob relative to the content root."""


TARGETS = (
    SchemaTarget(
        FACTS_FILE.with_name("facts.schema.json"),
        FactsFile,
        "questions/facts.yaml: the facts a person can tell, and derived facts "
        "(docs/content-format.md).",
        str(FACTS_FILE),
    ),
    SchemaTarget(
        GRAPH_FILE.with_name("graph.schema.json"),
        GraphFile,
        "questions/graph.yaml: the question graph (docs/content-format.md).",
        str(GRAPH_FILE),
    ),
    SchemaTarget(
        INCENTIVES_DIR / "incentive.schema.json",
        Incentive,
        "incentives/<id>.yaml: one instrument (docs/content-format.md).",
        str(INCENTIVES_DIR / "*.yaml"),
    ),
)


class _ContentSchema(GenerateJsonSchema):
    """Pydantic's generator, told that a condition may also be written as a bare true/false."""

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        if schema["function"]["function"] is bool_as_condition:
            return {"anyOf": [{"type": "string"}, {"type": "boolean"}]}
        return super().function_before_schema(schema)


def schema_text(target: SchemaTarget) -> str:
    """The schema file's text: stable, so that a diff shows only what the models changed."""
    schema = target.model.model_json_schema(schema_generator=_ContentSchema)
    document = {"$schema": DIALECT, **schema, "description": target.description}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def modeline(content_file: Path, schema_file: Path) -> str:
    """The first line naming ``schema_file``, relative to the folder of ``content_file``."""
    relative = Path(os.path.relpath(schema_file, content_file.parent))
    return f"# yaml-language-server: $schema={relative.as_posix()}"


def with_modeline(data: bytes, line: str) -> bytes:
    """``data`` with ``line`` first: replacing an earlier modeline, every other byte untouched."""
    bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
    body = data[len(bom) :]
    first, newline, rest = body.partition(b"\n")
    ending = b"\r\n" if first.endswith(b"\r") else b"\n"
    if MODELINE.fullmatch(first.rstrip(b"\r").decode("utf-8", "replace")):
        return bom + line.encode() + (newline and ending) + rest
    return bom + line.encode() + ending + body


@dataclass(frozen=True)
class Change:
    """One file that differs from what ``write`` would make of it."""

    path: Path
    """Relative to the content root."""
    reason: str
    new: bytes


def pending_changes(root: Path) -> list[Change]:
    """Every schema file and content file ``write`` would change, in a stable order."""
    changes: list[Change] = []
    for target in TARGETS:
        wanted = schema_text(target).encode("utf-8")
        schema_path = root / target.schema_file
        if not schema_path.is_file():
            changes.append(Change(target.schema_file, "schema is missing", wanted))
        elif schema_path.read_bytes() != wanted:
            changes.append(Change(target.schema_file, "schema differs from the models", wanted))
        for path in sorted(root.glob(target.pattern)):
            relative = path.relative_to(root)
            data = path.read_bytes()
            line = modeline(relative, target.schema_file)
            updated = with_modeline(data, line)
            if updated != data:
                changes.append(Change(relative, f"needs the first line '{line}'", updated))
    return changes


def write_changes(root: Path, changes: list[Change]) -> None:
    for change in changes:
        (root / change.path).write_bytes(change.new)
