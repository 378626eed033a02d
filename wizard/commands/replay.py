"""``leerwijzer replay``: run scenario files and report, readable, as JSON lines, or as JUnit XML."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.commands import content_root

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from wizard.replay import ScenarioReport

NAME = "replay"
HELP = "replay scenario files"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", type=Path, metavar="FILE_OR_DIR")
    parser.add_argument("--json", action="store_true", help="one JSON object per scenario per line")
    parser.add_argument(
        "--junit",
        type=Path,
        metavar="FILE",
        help="also write the results as JUnit XML (one testcase per scenario) for CI systems",
    )
    parser.add_argument(
        "--figures",
        action="store_true",
        help="record anonymous usage events for each replayed session (see leerwijzer stats)",
    )


def run(args: argparse.Namespace) -> int:
    from wizard.loading import load_content
    from wizard.replay import replay_file, scenario_files
    from wizard.usage import finish, observed

    engine = observed(load_content(content_root(args)), "replay", force=args.figures)
    files = list(scenario_files(args.targets))
    if not files:
        print("no scenario files found", file=sys.stderr)
        return 1
    failed = 0
    timed: list[tuple[ScenarioReport, float]] = []
    for path in files:
        started = time.perf_counter()
        report = replay_file(engine, path)
        timed.append((report, time.perf_counter() - started))
        failed += not report.passed
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False))
            continue
        status = "ok  " if report.passed else "FAIL"
        first = report.recommended[0] if report.recommended else "-"
        print(f"{status} {path}  ({len(report.asked)} questions, first: {first})")
        for failure in report.failures:
            print(f"     {failure}")
        if not report.passed and report.asked:
            print(f"     path: {' > '.join(report.asked)}")
    finish(engine)  # the usage events, when figures are on
    if not args.json:
        print(f"{len(files) - failed} passed, {failed} failed")
    if args.junit is not None and not _write_junit(args.junit, timed):
        return 1
    return 1 if failed else 0


# --- JUnit XML -----------------------------------------------------------------------------------

_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold (a broken scenario file may quote them in its failures)."""


def _xml_text(text: str) -> str:
    return _NOT_IN_XML.sub("\ufffd", text)


def junit_xml(timed: list[tuple[ScenarioReport, float]]) -> Element:
    """One <testsuite> with one <testcase> per scenario: failures as <failure>, path as system-out."""
    from xml.etree.ElementTree import Element, SubElement

    failures = sum(not report.passed for report, _ in timed)
    total = sum(seconds for _, seconds in timed)
    suites = Element("testsuites", tests=str(len(timed)), failures=str(failures))
    suite = SubElement(
        suites,
        "testsuite",
        name="leerwijzer replay",
        tests=str(len(timed)),
        failures=str(failures),
        errors="0",
        skipped="0",
        time=f"{total:.3f}",
    )
    versions = sorted({report.rules_version for report, _ in timed})
    properties = SubElement(suite, "properties")
    SubElement(properties, "property", name="rules_version", value=", ".join(versions))
    for report, seconds in timed:
        path = Path(report.path)
        case = SubElement(
            suite,
            "testcase",
            classname=_classname(path),
            name=path.stem,
            file=report.path,
            time=f"{seconds:.3f}",
        )
        if not report.passed:
            failure = SubElement(
                case, "failure", message=_xml_text("; ".join(report.failures)), type="scenario"
            )
            failure.text = _xml_text("\n".join(report.failures))
        out = SubElement(case, "system-out")
        first = report.recommended[0] if report.recommended else "-"
        path_taken = " > ".join(report.asked) or "(no questions)"
        out.text = _xml_text(
            f"scenario: {report.name}\npath: {path_taken}\nrecommended first: {first}\n"
        )
    return suites


def _classname(path: Path) -> str:
    # CI systems group test cases by classname: the folder, dotted like a package.
    folders = [part for part in path.parent.parts if part not in (path.anchor, ".", "..")]
    return ".".join(folders) or "scenarios"


def _write_junit(target: Path, timed: list[tuple[ScenarioReport, float]]) -> bool:
    from xml.etree.ElementTree import ElementTree, indent

    tree = ElementTree(junit_xml(timed))
    indent(tree)
    try:
        tree.write(target, encoding="utf-8", xml_declaration=True)
    except OSError as exc:
        print(f"cannot write {target}: {exc.strerror}", file=sys.stderr)
        return False
    return True
