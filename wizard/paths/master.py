"""The golden master file (``paths.json``): the whole diagram, one node per line.

Format 2 (format 1 wrote the verdicts settled on each edge): a node is ``[question, edges]``
(``[question, fact, edges]`` when the question asks a fact of another name) or, at the end of a
path, ``[outcome]``: a number into the ``outcomes`` table, each ``[recommended, verdicts]`` as the
engine gave them. An edge is ``[answers, node]``. A survey's master (``wizard.paths.survey``)
says ``"complete": false``: it holds the survey's witness paths, not every path, and ``offered``:
per fact the survey met, every answer offered then.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from wizard.paths.answers import Option, Picked, Range
from wizard.paths.diagram import Diagram, Edge, MasterError, Node, Outcome

MASTER_FILE = "paths.json"
MASTER_FORMAT = 2


def _option_json(option: Option) -> object:
    if isinstance(option, Range):
        return {"from": option.low, "to": option.high, "example": option.example}
    if isinstance(option, Picked):
        return {"chosen": list(option.values)}
    return option


def _option_from_json(raw: Any) -> Option:
    if isinstance(raw, dict) and "chosen" in raw:
        chosen = raw["chosen"]
        if not isinstance(chosen, list) or not all(isinstance(v, str) for v in chosen):
            raise TypeError(f"a set answer is a list of value ids, not {chosen!r}")
        return Picked(tuple(chosen))
    if isinstance(raw, dict):
        return Range(raw["from"], raw["to"], raw["example"])
    if not isinstance(raw, str):
        raise TypeError(f"an answer is a string, a range or a set, not {raw!r}")
    return raw


def diagram_json(diagram: Diagram) -> str:
    """The master as JSON text, one node per line so that a change shows as a readable diff."""
    nodes: list[str] = []
    for node in diagram.nodes:
        item: list[object]
        if node.question is None:
            item = [node.outcome]
        else:
            edges = [[[_option_json(o) for o in e.options], e.to] for e in node.edges]
            item = [node.question, edges]
            if node.fact != node.question:
                item.insert(1, node.fact)
        nodes.append(json.dumps(item, ensure_ascii=False, separators=(",", ":")))
    head = {
        "format": MASTER_FORMAT,
        "written_by": "leerwijzer paths --write-scenarios",
        "rules_version": diagram.version,
        "date": diagram.on.isoformat(),
        "paths": diagram.total,
        **({} if diagram.complete else {"complete": False}),
        **(
            {"offered": {f: list(labels) for f, labels in diagram.offered}}
            if diagram.offered
            else {}
        ),
        "outcomes": [
            [list(o.recommended), [list(v) for v in o.verdicts]] for o in diagram.outcomes
        ],
    }
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "nodes": [']
    lines += [f"  {text}," for text in nodes[:-1]] + [f"  {nodes[-1]}", "]}"]
    return "\n".join(lines) + "\n"


def _check_links(nodes: list[Node], outcomes: int) -> None:
    """Every edge leads to a node written before it, every end to an outcome in the table."""
    if not nodes:
        raise ValueError("it has no nodes")
    for index, node in enumerate(nodes):
        if node.outcome is not None and not 0 <= node.outcome < outcomes:
            raise ValueError(
                f"node {index} ends in outcome {node.outcome}, which is not in the table"
            )
        for edge in node.edges:
            if not 0 <= edge.to < index:
                raise ValueError(f"node {index} leads to node {edge.to}, which is not before it")


def read_master(path: Path) -> Diagram:
    """Read a master written by ``diagram_json``; MasterError when it is missing or broken."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != MASTER_FORMAT:
            raise ValueError(
                f"format {raw.get('format')!r}, expected {MASTER_FORMAT}; "
                "write it again with 'leerwijzer paths --write-scenarios'"
            )
        outcomes = tuple(
            Outcome(
                tuple(str(i) for i in recommended), tuple((str(i), str(s)) for i, s in verdicts)
            )
            for recommended, verdicts in raw["outcomes"]
        )
        nodes = []
        for item in raw["nodes"]:
            if len(item) == 1:
                nodes.append(Node(None, None, (), int(item[0])))
                continue
            question, fact, edges = item if len(item) == 3 else (item[0], item[0], item[1])
            nodes.append(
                Node(
                    str(question),
                    str(fact),
                    tuple(
                        Edge(tuple(_option_from_json(o) for o in options), int(to))
                        for options, to in edges
                    ),
                )
            )
        complete = raw.get("complete", True)
        if not isinstance(complete, bool):
            raise TypeError(f"'complete' is true or false, not {complete!r}")
        offered = tuple(
            (str(fact), tuple(str(label) for label in labels))
            for fact, labels in raw.get("offered", {}).items()
        )
        _check_links(nodes, len(outcomes))
        return Diagram(
            date.fromisoformat(raw["date"]),
            str(raw["rules_version"]),
            tuple(nodes),
            outcomes,
            complete,
            offered,
        )
    except FileNotFoundError:
        raise MasterError(
            f"{path}: no golden master here; write one with 'leerwijzer paths --write-scenarios'"
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise MasterError(f"{path}: not a golden master of leerwijzer paths: {exc}") from None
