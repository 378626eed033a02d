"""The question graph drawn as Mermaid or Graphviz DOT, optionally with one path highlighted.

Questions are boxes (their id, their text and, when set, their ``ask_when``), routes are arrows
labelled with their ``when`` (the default route of a question with several is "otherwise"), and
every ``goto: end`` arrives at one end node, where the result is shown. Conditions are drawn as
the author wrote them. A highlighted path marks the questions asked, the questions walked past
(skipped) and every route taken, exactly as the engine walks them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from wizard.conditions import evaluate
from wizard.content import CompiledQuestion, Content
from wizard.engine import Engine
from wizard.model import END, Lang
from wizard.recording import scenario_session
from wizard.replay import Scenario
from wizard.sessions import Answer, Session

Format = Literal["mermaid", "dot"]
FORMATS: tuple[Format, ...] = ("mermaid", "dot")

OTHERWISE = "otherwise"
END_LABEL = "end: result"
PATH_COLOUR = "#b8860b"
PATH_FILL = "#ffe08a"


@dataclass(frozen=True)
class PathTaken:
    """One walk through the graph: what to highlight."""

    name: str
    asked: tuple[str, ...]
    """Question ids asked, in order."""
    skipped: frozenset[str]
    """Question ids walked past without asking (known, ``ask_when`` false, or no longer useful)."""
    routes: frozenset[tuple[str, int]]
    """(question id, index of the route taken) for every question left on the walk."""
    complete: bool


def path_of(engine: Engine, session: Session, name: str = "") -> PathTaken:
    """The path ``session`` takes, route by route, as ``Engine.walk`` takes it."""
    walk = engine.walk(session)
    content = engine.content
    asked_ids = [q.id for q in walk.asked]
    # Replay the walk: a route only sees the answers met before it, as in the engine.
    known: dict[str, Answer] = {}
    routes: set[tuple[str, int]] = set()
    skipped: set[str] = set()
    node = content.start
    current = walk.current.id if walk.current is not None else None
    while node != END and node != current:
        question = content.questions[node]
        if node in asked_ids:
            known[question.fact] = walk.known[question.fact]
        else:
            skipped.add(node)
        index = _route_taken(question, known)
        routes.add((node, index))
        node = question.routes[index].goto
    return PathTaken(name, tuple(asked_ids), frozenset(skipped), frozenset(routes), walk.complete)


def scenario_path(engine: Engine, scenario: Scenario) -> PathTaken:
    """The path a scenario file takes when it is replayed."""
    return path_of(engine, scenario_session(engine, scenario), scenario.name)


def _route_taken(question: CompiledQuestion, known: Mapping[str, Answer]) -> int:
    # The same rule as the engine: the first route whose condition is true; undecided is not taken.
    for index, route in enumerate(question.routes):
        if route.condition is None or evaluate(route.condition, known) is True:
            return index
    return len(question.routes) - 1


@dataclass(frozen=True)
class _Edge:
    source: str
    route: int
    target: str
    label: str


def _edges(content: Content) -> list[_Edge]:
    edges = []
    for question in content.questions.values():
        routes = question.model.next
        for index, route in enumerate(routes):
            label = route.when if route.when is not None else (OTHERWISE if len(routes) > 1 else "")
            edges.append(_Edge(question.id, index, route.goto, label))
    return edges


def _node_lines(question: CompiledQuestion, lang: Lang) -> list[str]:
    lines = [question.id]
    if question.fact != question.id:
        lines.append(f"fact: {question.fact}")
    lines.append(question.model.text.get(lang))
    if question.model.ask_when is not None:
        lines.append(f"ask_when: {question.model.ask_when}")
    return lines


def draw(content: Content, fmt: Format, lang: Lang = "nl", path: PathTaken | None = None) -> str:
    """The graph as Mermaid or DOT text, ending with a newline."""
    if fmt == "dot":
        return _dot(content, lang, path)
    return _mermaid(content, lang, path)


# --- Mermaid -------------------------------------------------------------------------------------


def _mermaid_text(text: str) -> str:
    # Inside a quoted Mermaid label, '"' ends the label and '<' starts HTML: use entity codes.
    escaped = text.replace("#", "#35;").replace('"', "#quot;")
    return escaped.replace("<", "#lt;").replace(">", "#gt;")


def _mermaid_id(question_id: str) -> str:
    # A prefix keeps ids clear of Mermaid keywords (end, style, class, ...).
    return "END" if question_id == END else f"q_{question_id}"


def _mermaid(content: Content, lang: Lang, path: PathTaken | None) -> str:
    out = ["flowchart TD"]
    if path is not None:
        out.append(f"    %% highlighted: {path.name}")
    for question in content.questions.values():
        label = "<br/>".join(_mermaid_text(line) for line in _node_lines(question, lang))
        out.append(f'    {_mermaid_id(question.id)}["{label}"]')
    out.append(f'    {_mermaid_id(END)}(["{END_LABEL}"])')
    taken: list[str] = []
    for number, edge in enumerate(_edges(content)):
        arrow = f'-->|"{_mermaid_text(edge.label)}"|' if edge.label else "-->"
        out.append(f"    {_mermaid_id(edge.source)} {arrow} {_mermaid_id(edge.target)}")
        if path is not None and (edge.source, edge.route) in path.routes:
            taken.append(str(number))
    if path is not None:
        out.append(f"    classDef asked fill:{PATH_FILL},stroke:{PATH_COLOUR},stroke-width:3px")
        out.append(f"    classDef skipped stroke:{PATH_COLOUR},stroke-dasharray: 5 5")
        if path.asked:
            out.append(f"    class {','.join(_mermaid_id(q) for q in path.asked)} asked")
        if path.skipped:
            out.append(
                f"    class {','.join(_mermaid_id(q) for q in sorted(path.skipped))} skipped"
            )
        if path.complete:
            out.append(f"    class {_mermaid_id(END)} asked")
        if taken:
            out.append(f"    linkStyle {','.join(taken)} stroke:{PATH_COLOUR},stroke-width:3px")
    return "\n".join(out) + "\n"


# --- DOT -----------------------------------------------------------------------------------------


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot(content: Content, lang: Lang, path: PathTaken | None) -> str:
    out = ["digraph questions {", "    rankdir=TB;", '    node [shape=box, style="rounded"];']
    if path is not None:
        out.append(f"    label={_dot_text('highlighted: ' + path.name)};")
    asked = set(path.asked) if path is not None else set()
    skipped = path.skipped if path is not None else frozenset()
    for question in content.questions.values():
        attributes = [f"label={_dot_text(chr(10).join(_node_lines(question, lang)))}"]
        if question.id in asked:
            attributes += [
                'style="rounded,filled"',
                f'fillcolor="{PATH_FILL}"',
                f'color="{PATH_COLOUR}"',
                "penwidth=3",
            ]
        elif question.id in skipped:
            attributes += ['style="rounded,dashed"', f'color="{PATH_COLOUR}"']
        out.append(f"    {_dot_text(question.id)} [{', '.join(attributes)}];")
    end_attributes = [f"label={_dot_text(END_LABEL)}", "shape=oval"]
    if path is not None and path.complete:
        end_attributes += ['style="filled"', f'fillcolor="{PATH_FILL}"', "penwidth=3"]
    out.append(f"    {_dot_text(END)} [{', '.join(end_attributes)}];")
    for edge in _edges(content):
        attributes = [f"label={_dot_text(edge.label)}"] if edge.label else []
        if path is not None and (edge.source, edge.route) in path.routes:
            attributes += [f'color="{PATH_COLOUR}"', "penwidth=3"]
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        out.append(f"    {_dot_text(edge.source)} -> {_dot_text(edge.target)}{suffix};")
    out.append("}")
    return "\n".join(out) + "\n"


# --- the page in docs/ ---------------------------------------------------------------------------

REGENERATE = "leerwijzer graph --format mermaid --markdown > docs/graph.md"


def markdown_page(content: Content, lang: Lang = "nl") -> str:
    """A Markdown page holding the Mermaid drawing, as committed in ``docs/graph.md``."""
    return (
        "# The question graph\n\n"
        f"The questions (rules version {content.version}), the routes between them with their\n"
        "conditions, each question's `ask_when`, and the end where the result is shown. The engine\n"
        "walks this graph and still skips any question whose answer can no longer change the\n"
        "outcome. Draw one scenario's path with\n"
        "`leerwijzer graph --highlight tests/scenarios/FILE.yaml` (add `--format dot` for Graphviz).\n\n"
        f"Generated; a test fails when it drifts. Regenerate with `{REGENERATE}`.\n\n"
        f"```mermaid\n{draw(content, 'mermaid', lang)}```\n"
    )
