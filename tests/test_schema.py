"""`leerwijzer schema`: JSON Schemas beside the content, named on each file's first line, kept current.

``jsonschema`` is not a dependency, so the schemas are checked here by a small validator for exactly
the keywords pydantic emits; it refuses any keyword it does not know, so it never passes silently.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, REPO
from tests.test_import_hygiene import PROBE
from wizard.cli import main
from wizard.commands.schema import REGENERATE
from wizard.loading import load_content
from wizard.schema import TARGETS, modeline, pending_changes, schema_text, with_modeline
from wizard.yamlio import read_yaml

ANNOTATIONS = {"$schema", "$defs", "title", "description", "default"}
OBJECT_KEYWORDS = {
    *("properties", "required", "additionalProperties", "patternProperties", "propertyNames")
}
TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def validate(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "") -> list[str]:
    """Every way ``value`` breaks ``schema``, as ``path: problem``."""
    errors: list[str] = []
    where = at or "(top)"
    for keyword, rule in schema.items():
        if keyword in ANNOTATIONS:
            continue
        if keyword == "$ref":
            target = root
            for step in rule.removeprefix("#/").split("/"):
                target = target[step]
            errors += validate(value, target, root, at)
        elif keyword == "anyOf":
            if all(validate(value, option, root, at) for option in rule):
                errors.append(f"{where}: matches none of the allowed forms")
        elif keyword == "type":
            is_bool = isinstance(value, bool)
            if not isinstance(value, TYPES[rule]) or (is_bool and rule in ("integer", "number")):
                errors.append(f"{where}: expected {rule}")
        elif keyword == "enum":
            if value not in rule:
                errors.append(f"{where}: {value!r} is not one of {rule}")
        elif keyword == "format":
            assert rule == "date", f"unknown format {rule}"
            if isinstance(value, str):
                try:
                    date.fromisoformat(value)
                except ValueError:
                    errors.append(f"{where}: {value!r} is not a date")
        elif keyword in ("pattern", "minLength", "maxLength"):
            errors += _string(value, keyword, rule, where)
        elif keyword in ("minimum", "maximum"):
            low = keyword == "minimum"
            if isinstance(value, int) and (value < rule if low else value > rule):
                errors.append(f"{where}: {value} is {'below' if low else 'above'} {rule}")
        elif keyword in ("items", "minItems"):
            errors += _array(value, keyword, rule, root, at)
        elif keyword in OBJECT_KEYWORDS:
            errors += _object(value, keyword, rule, schema, root, at)
        else:
            raise AssertionError(f"the test validator does not know the keyword {keyword!r}")
    return errors


def _string(value: Any, keyword: str, rule: Any, where: str) -> list[str]:
    if not isinstance(value, str):
        return []
    if keyword == "pattern" and re.search(rule, value) is None:
        return [f"{where}: {value!r} does not match {rule}"]
    if keyword == "minLength" and len(value) < rule:
        return [f"{where}: shorter than {rule}"]
    if keyword == "maxLength" and len(value) > rule:
        return [f"{where}: longer than {rule}"]
    return []


def _array(value: Any, keyword: str, rule: Any, root: dict[str, Any], at: str) -> list[str]:
    if not isinstance(value, list):
        return []
    if keyword == "minItems":
        return [f"{at or '(top)'}: fewer than {rule} items"] if len(value) < rule else []
    return [e for i, item in enumerate(value) for e in validate(item, rule, root, f"{at}[{i}]")]


def _object(
    value: Any, keyword: str, rule: Any, schema: dict[str, Any], root: dict[str, Any], at: str
) -> list[str]:
    if not isinstance(value, dict):
        return []
    errors: list[str] = []
    if keyword == "required":
        errors += [f"{at or '(top)'}: missing {key!r}" for key in rule if key not in value]
    for key, item in value.items():
        path = f"{at}.{key}" if at else key
        patterns = schema.get("patternProperties", {})
        if keyword == "properties" and key in rule:
            errors += validate(item, rule[key], root, path)
        elif keyword == "patternProperties":
            for pattern, sub in rule.items():
                if re.search(pattern, key):
                    errors += validate(item, sub, root, path)
        elif keyword == "propertyNames":
            errors += validate(key, rule, root, f"{path} (key)")
        elif keyword == "additionalProperties":
            known = key in schema.get("properties", {}) or any(re.search(p, key) for p in patterns)
            if not known and rule is False:
                errors.append(f"{path}: unknown key")
            elif not known and isinstance(rule, dict):
                errors += validate(item, rule, root, path)
    return errors


def schema_for(root: Path, content_file: Path) -> dict[str, Any]:
    for target in TARGETS:
        if content_file.relative_to(root).match(target.pattern):
            loaded: dict[str, Any] = json.loads((root / target.schema_file).read_text())
            return loaded
    raise AssertionError(f"no schema for {content_file}")


def content_files(root: Path) -> list[Path]:
    return sorted([*root.glob("questions/*.yaml"), *root.glob("incentives/*.yaml")])


# --- the bundled content -------------------------------------------------------------------------


def test_bundled_schemas_and_first_lines_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    drifted = [f"{c.path}: {c.reason}" for c in pending_changes(REPO)]
    assert drifted == [], f"run '{REGENERATE}' to bring these back in line: {drifted}"
    assert main(["schema", "--check"]) == 0
    assert capsys.readouterr().out == (
        "OK: 3 schemas and the first line of every content file are current.\n"
    )


def test_every_bundled_content_file_names_its_schema_and_passes_it() -> None:
    files = content_files(REPO)
    assert len(files) >= 3
    for path in files:
        schema = schema_for(REPO, path)
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema_file = first.removeprefix("# yaml-language-server: $schema=")
        assert (path.parent / schema_file).is_file(), first
        assert validate(read_yaml(path), schema, schema) == [], path.name


# --- write and check on a copy -------------------------------------------------------------------


@pytest.fixture()
def tiny_copy(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "tiny", tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_check_names_what_drifted_and_write_fixes_only_the_first_line(
    tiny_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {p: p.read_bytes() for p in content_files(tiny_copy)}
    assert main(["--content", str(tiny_copy), "schema", "--check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "questions/facts.schema.json: schema is missing",
        "questions/facts.yaml: needs the first line '# yaml-language-server: $schema=facts.schema.json'",
    ]
    assert out[-1] == "8 files out of date; run 'leerwijzer schema --write'."

    assert main(["--content", str(tiny_copy), "schema", "--write"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "8 files written."
    for path, old in before.items():
        schema_name = "incentive" if path.parent.name == "incentives" else path.stem
        line = f"# yaml-language-server: $schema={schema_name}.schema.json\n"
        assert path.read_bytes() == line.encode() + old, path.name  # every other byte kept

    assert main(["--content", str(tiny_copy), "schema", "--check"]) == 0
    assert main(["--content", str(tiny_copy), "schema", "--write"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 files written."  # idempotent
    content = load_content(tiny_copy)  # the loader reads files with the first line as before
    assert (len(content.facts), len(content.questions), len(content.incentives)) == (5, 5, 3)


def test_a_stale_schema_and_a_wrong_first_line_are_named(
    tiny_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--content", str(tiny_copy), "schema", "--write"])
    schema = tiny_copy / "incentives" / "incentive.schema.json"
    schema.write_text(schema.read_text().replace('"minItems": 1', '"minItems": 2'))
    card = tiny_copy / "incentives" / "campus_card.yaml"
    card.write_text(card.read_text().replace("$schema=incentive", "$schema=old"))
    capsys.readouterr()
    assert main(["--content", str(tiny_copy), "schema", "--check"]) == 1
    assert capsys.readouterr().out == (
        "incentives/incentive.schema.json: schema differs from the models\n"
        "incentives/campus_card.yaml: needs the first line "
        "'# yaml-language-server: $schema=incentive.schema.json'\n"
        "2 files out of date; run 'leerwijzer schema --write'.\n"
    )
    main(["--content", str(tiny_copy), "schema", "--write"])
    lines = card.read_text().splitlines()
    assert lines[:2] == ["# yaml-language-server: $schema=incentive.schema.json", "id: campus_card"]


def test_with_modeline_keeps_line_endings_and_the_byte_order_mark() -> None:
    line = "# yaml-language-server: $schema=s.json"
    assert with_modeline(b"a: 1\r\nb: 2\r\n", line) == f"{line}\r\na: 1\r\nb: 2\r\n".encode()
    bom = b"\xef\xbb\xbf"
    assert with_modeline(bom + b"a: 1\n", line) == bom + f"{line}\na: 1\n".encode()
    old = b"# yaml-language-server: $schema=old.json\r\na: 1\r\n"
    assert with_modeline(old, line) == f"{line}\r\na: 1\r\n".encode()
    assert with_modeline(b"#yaml-language-server:$schema=x", line) == line.encode()


def test_modeline_paths_are_relative_to_the_content_file() -> None:
    schema = Path("incentives/incentive.schema.json")
    assert modeline(Path("incentives/a.yaml"), schema).endswith("$schema=incentive.schema.json")
    assert modeline(Path("incentives/old/a.yaml"), schema).endswith(
        "$schema=../incentive.schema.json"
    )


# --- the schemas reject what the loader rejects --------------------------------------------------

GOOD_INCENTIVE = """\
id: campus_card
name: {nl: Campuskaart, en: Campus card}
summary: {nl: Gratis lenen., en: Free borrowing.}
valid_from: 2020-01-01
confidence: high
serves: {borrow: 3}
requires:
  - {id: on_campus, when: false, why_not: {nl: niet hier, en: not here}}
sources:
  - {url: "https://example.org/card", title: Card rules, read_on: 2026-11-23}
"""


def incentive_errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "incentive.yaml"
    path.write_text(text)
    target = next(t for t in TARGETS if t.schema_file.name == "incentive.schema.json")
    schema: dict[str, Any] = json.loads(schema_text(target))
    return validate(read_yaml(path), schema, schema)


def test_the_incentive_schema_accepts_a_good_file(tmp_path: Path) -> None:
    assert incentive_errors(tmp_path, GOOD_INCENTIVE) == []  # `when: false` is a condition too


def test_the_incentive_schema_rejects_a_bad_file(tmp_path: Path) -> None:
    bad = (
        GOOD_INCENTIVE.replace("id: campus_card", "id: Campus-Card")
        .replace("summary:", "sumary:")
        .replace("confidence: high", "confidence: sure")
        .replace("borrow: 3", "borrow: 4")
        .replace("valid_from: 2020-01-01", "valid_from: 2020-13-01")
        .replace("read_on: 2026-11-23", "read_on: soon")
    )
    assert incentive_errors(tmp_path, bad) == [
        "sumary: unknown key",
        "id: 'Campus-Card' does not match ^[a-z][a-z0-9_]*$",
        "valid_from: '2020-13-01' is not a date",
        "confidence: 'sure' is not one of ['high', 'medium', 'low']",
        "serves.borrow: 4 is above 3",
        "sources[0].read_on: 'soon' is not a date",
        "(top): missing 'summary'",
    ]


def test_the_schema_module_does_not_import_textual_or_rich() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "wizard.schema"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
