"""``leerwijzer lint``: what is wrong in meaning with content that loads (docs/lint.md)."""

from __future__ import annotations

import argparse
from datetime import date

from wizard.commands import content_root

NAME = "lint"
HELP = "find dead ends, unreachable questions, overlapping routes, untranslated or long texts"


def configure(parser: argparse.ArgumentParser) -> None:
    del parser  # --content and --date (the reference date, default today) are shared


def run(args: argparse.Namespace) -> int:
    from wizard.content_cache import load_content_cached, load_documents_cached
    from wizard.lint import files_read, lint

    root = content_root(args)
    content = load_content_cached(root)
    on: date = args.date or date.today()
    findings = lint(content, on, load_documents_cached(root, files_read(content)))
    for finding in findings:
        print(finding)
    errors = sum(f.severity == "error" for f in findings)
    print(
        f"{_count(errors, 'error')}, {_count(len(findings) - errors, 'warning')} "
        f"({len(content.questions)} questions, {len(content.incentives)} instruments, "
        f"reference date {on})."
    )
    return 1 if errors else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
