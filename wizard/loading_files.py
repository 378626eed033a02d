"""Where a content folder keeps its files."""

from __future__ import annotations

from pathlib import Path

FACTS_FILE = Path("questions") / "facts.yaml"
GRAPH_FILE = Path("questions") / "graph.yaml"
INCENTIVES_DIR = Path("incentives")
