"""The nodes of a parsed condition, the answers they are checked against, and ``render`` (a node
back to its text). Built only by ``wizard.condition_parser``; evaluated by ``wizard.conditions``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

Value: TypeAlias = str | int
"""A value in a condition: a value id (choice, yes/no), an integer, or an ISO date string."""
Chosen: TypeAlias = frozenset[str]
"""The answer to a multi_choice fact: the value ids chosen (empty: "none of these")."""

CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]


# --- nodes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Const:
    value: bool


@dataclass(frozen=True)
class Compare:
    fact: str
    op: CompareOp
    value: Value


@dataclass(frozen=True)
class Member:
    fact: str
    values: frozenset[Value]
    negated: bool = False


@dataclass(frozen=True)
class Contains:
    """A multi_choice fact holds any (``all_of`` False) or all of ``values``."""

    fact: str
    values: frozenset[str]
    all_of: bool = False


@dataclass(frozen=True)
class IsUnknown:
    """The fact was answered "weet ik niet" (undecided while it is not answered at all)."""

    fact: str


@dataclass(frozen=True)
class Not:
    operand: Condition


@dataclass(frozen=True)
class And:
    operands: tuple[Condition, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Condition, ...]


Condition: TypeAlias = Const | Compare | Member | Contains | IsUnknown | Not | And | Or
Leaf: TypeAlias = Compare | Member | Contains | IsUnknown
"""A node that reads one fact."""

TRUE = Const(True)
FALSE = Const(False)


class Unknown:
    """The answer "weet ik niet": a fact that was asked and will stay unknown."""

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()
Known: TypeAlias = Mapping[str, "Value | Chosen | Unknown"]


def render(cond: Condition) -> str:
    """Back to the surface syntax (for graphs, traces and error messages)."""
    if isinstance(cond, Const):
        return "true" if cond.value else "false"
    if isinstance(cond, Compare):
        return f"{cond.fact} {cond.op} {cond.value}"
    if isinstance(cond, Member):
        values = ", ".join(str(v) for v in sorted(cond.values, key=str))
        return f"{cond.fact} {'not in' if cond.negated else 'in'} [{values}]"
    if isinstance(cond, Contains):
        if len(cond.values) == 1 and not cond.all_of:
            return f"{cond.fact} contains {next(iter(cond.values))}"
        values = ", ".join(sorted(cond.values))
        return f"{cond.fact} contains {'all' if cond.all_of else 'any'} [{values}]"
    if isinstance(cond, IsUnknown):
        return f"{cond.fact} is unknown"
    if isinstance(cond, Not):
        return f"not ({render(cond.operand)})"
    joiner = " or " if isinstance(cond, Or) else " and "
    return joiner.join(f"({render(op)})" for op in cond.operands)
