"""The core never loads textual or rich: proven in a fresh interpreter, as it really runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
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
]

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
