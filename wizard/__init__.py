"""Leerwijzer: a question-graph engine that routes people to the instruments that fit them.

The package root is lazy (PEP 562): ``import wizard`` costs nothing, and each public name is
imported on first use, so a kiosk start-up or a headless replay never pays for what it does not use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wizard.conditions import UNKNOWN
    from wizard.engine import Engine
    from wizard.loading import load_content
    from wizard.problems import ContentError, Problem
    from wizard.sessions import InvalidAnswer, Session

__all__ = [
    "UNKNOWN",
    "ContentError",
    "Engine",
    "InvalidAnswer",
    "Problem",
    "Session",
    "load_content",
]

_HOME = {
    "UNKNOWN": "wizard.conditions",
    "ContentError": "wizard.problems",
    "Engine": "wizard.engine",
    "InvalidAnswer": "wizard.sessions",
    "Problem": "wizard.problems",
    "Session": "wizard.sessions",
    "load_content": "wizard.loading",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(_HOME[name]), name)
    raise AttributeError(f"module 'wizard' has no attribute {name!r}")
