"""Where the bundled content lives: inside the wheel, or beside the package in a source checkout."""

from __future__ import annotations

from pathlib import Path


def bundled_content_root() -> Path:
    package = Path(__file__).resolve().parent
    installed = package / "_content"
    if (installed / "questions").is_dir():
        return installed
    return package.parent
