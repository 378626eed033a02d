"""The condition language: three-valued evaluation of parsed conditions, and the public face of
the language (every name below is importable from here).

The language lives in three modules:

- ``wizard.condition_parser``: text to nodes (grammar, checks against the facts, error messages);
- ``wizard.condition_nodes``: the nodes, the answer values, and ``render`` (nodes back to text);
- ``wizard.conditions`` (this one): ``simplify``, ``evaluate``, ``measure``, ``facts_in``.

Evaluation is three-valued (Kleene): ``simplify`` substitutes what is known and returns either a
``Const`` or the residual condition over the facts still open. A fact answered "weet ik niet" stays
in the residual, so a verdict that hangs on it is "possibly", never a guess; only ``is unknown``
and ``is known`` read that answer itself, and are decided by it.

A multi_choice fact's answer is a set of value ids (the empty set: "none of these"); a condition
reads it with ``contains`` only.
"""

from __future__ import annotations

from collections.abc import Callable

from wizard.condition_nodes import (
    FALSE,
    TRUE,
    UNKNOWN,
    And,
    Chosen,
    Compare,
    CompareOp,
    Condition,
    Const,
    Contains,
    IsUnknown,
    Known,
    Leaf,
    Member,
    Not,
    Or,
    Unknown,
    Value,
    render,
)
from wizard.condition_parser import (
    MAX_DEPTH,
    MAX_LENGTH,
    ConditionError,
    FactKindName,
    FactShape,
    parse_condition,
)

__all__ = [
    "FALSE",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_TREE_DEPTH",
    "MAX_TREE_SIZE",
    "TRUE",
    "UNKNOWN",
    "And",
    "Chosen",
    "Compare",
    "CompareOp",
    "Condition",
    "ConditionError",
    "Const",
    "Contains",
    "FactKindName",
    "FactShape",
    "IsUnknown",
    "Known",
    "Leaf",
    "Member",
    "Not",
    "Or",
    "Unknown",
    "Value",
    "evaluate",
    "facts_in",
    "measure",
    "parse_condition",
    "render",
    "simplify",
]


# --- evaluation ----------------------------------------------------------------------------------

_COMPARE: dict[str, Callable[[Value, Value], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,  # type: ignore[operator]
    "<=": lambda a, b: a <= b,  # type: ignore[operator]
    ">": lambda a, b: a > b,  # type: ignore[operator]
    ">=": lambda a, b: a >= b,  # type: ignore[operator]
}


def simplify(cond: Condition, known: Known) -> Condition:
    """Substitute known facts; return a Const when decided, else the residual condition."""
    if isinstance(cond, Const):
        return cond
    if isinstance(cond, IsUnknown):
        value = known.get(cond.fact)
        return cond if value is None else Const(isinstance(value, Unknown))
    if isinstance(cond, Compare | Member | Contains):
        value = known.get(cond.fact)
        if value is None or isinstance(value, Unknown):
            return cond
        return Const(_holds(cond, value))
    if isinstance(cond, Not):
        inner = simplify(cond.operand, known)
        return Const(not inner.value) if isinstance(inner, Const) else Not(inner)
    return _simplify_junction(cond, known)


def _holds(cond: Compare | Member | Contains, value: Value | Chosen) -> bool:
    if isinstance(cond, Contains):
        # A lone value id (a tool trying one option at a time) reads as the set of that one.
        chosen = value if isinstance(value, frozenset) else frozenset({str(value)})
        return cond.values <= chosen if cond.all_of else bool(cond.values & chosen)
    if isinstance(value, frozenset):
        return False  # the loader refuses ==/in on a multi_choice fact: never reached from content
    if isinstance(cond, Compare):
        return _COMPARE[cond.op](value, cond.value)
    return (value in cond.values) != cond.negated


def _simplify_junction(cond: And | Or, known: Known) -> Condition:
    absorbing = isinstance(cond, Or)  # True absorbs an Or, False absorbs an And
    rest: list[Condition] = []
    for operand in cond.operands:
        part = simplify(operand, known)
        if isinstance(part, Const):
            if part.value == absorbing:
                return part
            continue
        rest.append(part)
    if not rest:
        return Const(not absorbing)
    if len(rest) == 1:
        return rest[0]
    return Or(tuple(rest)) if absorbing else And(tuple(rest))


def evaluate(cond: Condition, known: Known) -> bool | None:
    """True, False, or None when the known facts do not decide it."""
    result = simplify(cond, known)
    return result.value if isinstance(result, Const) else None


MAX_TREE_DEPTH = 64
"""How deep a condition may nest once its derived facts are filled in (evaluation recurses)."""
MAX_TREE_SIZE = 500
"""How many parts a condition may have once its derived facts are filled in (evaluation visits
each one: a derived fact read twice is evaluated twice, so chains of them can double)."""


def measure(cond: Condition, cap: int = 10**9) -> tuple[int, int]:
    """(depth, parts) of ``cond`` as evaluation meets it, every derived fact counted each time it is
    read. Iterative and remembered per node, so a deep or doubling chain is measured at once.
    Sizes stop growing at ``cap``."""
    done: dict[int, tuple[int, int]] = {}
    stack: list[tuple[Condition, bool]] = [(cond, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in done:
            continue
        children = _children(node)
        if children_done or not children:
            parts = [done[id(child)] for child in children]
            depth = 1 + max((d for d, _ in parts), default=0)
            size = min(cap, 1 + sum(n for _, n in parts))
            done[id(node)] = (depth, size)
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in done)
    return done[id(cond)]


def _children(cond: Condition) -> tuple[Condition, ...]:
    if isinstance(cond, Not):
        return (cond.operand,)
    if isinstance(cond, And | Or):
        return cond.operands
    return ()


def facts_in(cond: Condition) -> frozenset[str]:
    """Every fact id the condition reads."""
    if isinstance(cond, Compare | Member | Contains | IsUnknown):
        return frozenset({cond.fact})
    if isinstance(cond, Not):
        return facts_in(cond.operand)
    if isinstance(cond, And | Or):
        return frozenset().union(*(facts_in(op) for op in cond.operands))
    return frozenset()
