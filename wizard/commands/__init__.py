"""One module per ``leerwijzer`` subcommand; ``COMMANDS`` lists them in the order ``--help`` shows.

Each module defines ``NAME``, ``HELP``, ``configure(parser)`` (its own arguments) and
``run(args) -> int`` (the exit code). A module imports the core (and Textual) inside ``run``, so
building the parser stays cheap and ``leerwijzer check`` never pays for Textual.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Protocol

from wizard.bundled import bundled_content_root

COMMANDS: tuple[str, ...] = (
    "check",
    "replay",
    "plain",
    "graph",
    "serve",
    "schema",
    "lint",
    "paths",
    "stats",
    "purge",
)
"""Module names under ``wizard.commands``; add a new command's module name here."""


class Command(Protocol):
    NAME: str
    HELP: str

    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def load(name: str) -> Command:
    module: Command = importlib.import_module(f"wizard.commands.{name}")
    return module


def content_root(args: argparse.Namespace) -> Path:
    """The folder given with --content, or the bundled content."""
    root: Path | None = args.content
    return root if root is not None else bundled_content_root()
