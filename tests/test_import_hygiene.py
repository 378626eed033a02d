"""The core never loads textual or rich: proven in a fresh interpreter, as it really runs."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import wizard

# What sits on top of the core and may use textual or rich; everything else in wizard/ is core.
FRONT_ENDS = ("wizard.tui", "wizard.cli", "wizard.commands", "wizard.__main__")

NAMED_CORE = [
    "wizard",
    "wizard.model",
    "wizard.yamlio",
    "wizard.problems",
    "wizard.loading",
    "wizard.conditions",
    "wizard.content",
    "wizard.engine",
    "wizard.matching",
    "wizard.sessions",
    "wizard.replay",
    "wizard.bundled",
    "wizard.store",
    "wizard.content_cache",
    "wizard.export",
    "wizard.recording",
    "wizard.drawing",
    "wizard.schema",
    "wizard.lint",
    "wizard.paths",
    "wizard.report",
    "wizard.plain",
    "wizard.ui_texts",
    "wizard.pytest_plugin",
]


def _discovered_core() -> list[str]:
    """Every module of the package that is not a front end: a new core module is covered at once."""
    found = []
    for module in pkgutil.walk_packages(wizard.__path__, "wizard."):
        if not any(module.name == f or module.name.startswith(f + ".") for f in FRONT_ENDS):
            found.append(module.name)
    return found


CORE = sorted(set(NAMED_CORE) | set(_discovered_core()))


def test_the_named_core_modules_are_discovered() -> None:
    assert set(NAMED_CORE) - {"wizard"} <= set(_discovered_core())


PROBE = """
import sys, importlib
importlib.import_module(sys.argv[1])
if sys.argv[1] == "wizard.loading":
    from wizard.bundled import bundled_content_root
    from wizard.engine import Engine
    from wizard.loading import load_content
    engine = Engine(load_content(bundled_content_root()))
    engine.result(engine.start())
leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(",".join(leaked))
"""


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual_or_rich(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"{module} loaded: {done.stdout.strip()}"
