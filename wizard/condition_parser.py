"""Condition text to nodes: the tokenizer, the parser and its error messages (each names the column
and a fix). Content is data: the parser builds our own nodes, never eval'd.

Grammar (keywords are lower case)::

    expr     := and_expr ("or" and_expr)*
    and_expr := not_expr ("and" not_expr)*
    not_expr := "not" not_expr | primary
    primary  := "(" expr ")"
              | "true" | "false"                      # e.g. a dated rule that always fails
              | NAME                                  # a yes/no or derived fact: "is ja / holds"
              | NAME ("==" | "!=" | "<" | "<=" | ">" | ">=") VALUE
              | NAME ["not"] "in" "[" VALUE ("," VALUE)* "]"
              | NAME "contains" VALUE                 # a multi_choice fact holds this value
              | NAME "contains" ("any" | "all") "[" VALUE ("," VALUE)* "]"
              | NAME "is" "empty"                     # multi_choice: "none of these"
              | NAME "is" ["not"] ("unknown" | "known")   # answered "weet ik niet" (or not)
    VALUE    := WORD | INTEGER | DATE (YYYY-MM-DD) | 'quoted' | "quoted"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from wizard.condition_nodes import (
    And,
    Compare,
    CompareOp,
    Condition,
    Const,
    Contains,
    IsUnknown,
    Member,
    Not,
    Or,
    Value,
)

MAX_LENGTH = 2000
"""Longer conditions are refused (``MAX_TREE_SIZE`` in ``wizard.conditions`` limits what evaluation
walks)."""
MAX_DEPTH = 40

FactKindName = Literal["choice", "yes_no", "integer", "date", "multi_choice"]


@dataclass(frozen=True)
class FactShape:
    """What the parser needs to know about a fact to check a condition against it."""

    kind: FactKindName
    values: frozenset[str] = frozenset()
    yes: str = "ja"
    """A yes_no fact's "yes" value id: what the fact's name alone means in a condition."""
    may_be_unknown: bool = True
    """Whether "weet ik niet" is a possible answer (else ``is unknown`` can never hold)."""


class ConditionError(ValueError):
    """A condition that is not in the grammar or names something that does not exist."""

    def __init__(self, message: str, unknown_fact: str | None = None) -> None:
        super().__init__(message)
        self.unknown_fact = unknown_fact


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<date>\d{4}-\d{2}-\d{2}(?![\w-]))
  | (?P<int>-?\d+(?![\w.]))
  | (?P<op>==|!=|<=|>=|<|>)
  | (?P<punct>[()\[\],])
  | (?P<word>[A-Za-z][A-Za-z0-9_]*)
  | (?P<quoted>'[^'\\]*'|"[^"\\]*")
    """,
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "contains", "is"}
_FORBIDDEN_HINTS = {
    "(": "function calls are not allowed",
    ".": "attribute access is not allowed",
    "[": "subscripts are not allowed",
    ":": "lambdas and slices are not allowed",
    "_": "names must start with a letter",
    "*": "arithmetic is not allowed",
    "+": "arithmetic is not allowed",
    "=": "use == to compare",
}


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    column: int


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            char = text[pos]
            hint = _FORBIDDEN_HINTS.get(char, "only facts, values, comparisons, and/or/not")
            raise ConditionError(f"unexpected character {char!r} at column {pos + 1}: {hint}")
        kind = match.lastgroup or ""
        if kind != "space":
            tokens.append(_Token(kind, match.group(), pos + 1))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(
        self,
        text: str,
        facts: Mapping[str, FactShape],
        derived: Mapping[str, Condition],
    ) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0
        self.facts = facts
        self.derived = derived
        self.depth = 0

    # token helpers
    def peek(self, offset: int = 0) -> _Token | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def is_word(self, word: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token.kind == "word" and token.text == word

    def take(self) -> _Token:
        token = self.peek()
        if token is None:
            raise ConditionError("the condition ends too early; something is missing at the end")
        self.pos += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise ConditionError(
                f"expected '{text}' at column {token.column}, found '{token.text}'"
            )

    # grammar
    def parse(self) -> Condition:
        if not self.tokens:
            raise ConditionError("the condition is empty")
        cond = self.expr()
        token = self.peek()
        if token is not None:
            hint = _FORBIDDEN_HINTS.get(token.text, "join conditions with 'and' or 'or'")
            raise ConditionError(f"unexpected '{token.text}' at column {token.column}: {hint}")
        return cond

    def nested(self, parse: Callable[[], Condition]) -> Condition:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(f"nested more than {MAX_DEPTH} levels deep; simplify it")
        try:
            return parse()
        finally:
            self.depth -= 1

    def expr(self) -> Condition:
        operands = [self.and_expr()]
        while self.is_word("or"):
            self.take()
            operands.append(self.and_expr())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def and_expr(self) -> Condition:
        operands = [self.not_expr()]
        while self.is_word("and"):
            self.take()
            operands.append(self.not_expr())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def not_expr(self) -> Condition:
        if self.is_word("not"):
            self.take()
            return Not(self.nested(self.not_expr))
        return self.primary()

    def primary(self) -> Condition:
        token = self.take()
        if token.text == "(":
            inner = self.nested(self.expr)
            self.expect(")")
            return inner
        if token.kind == "word" and token.text in ("true", "false"):
            return Const(token.text == "true")
        if token.kind != "word" or token.text in _KEYWORDS:
            raise ConditionError(
                f"expected a fact id at column {token.column}, found '{token.text}'"
            )
        name = token.text
        after = self.peek()
        if after is not None and after.text == "(":
            raise ConditionError(
                f"'{name}(' at column {token.column}: function calls are not allowed"
            )
        if after is not None and after.text == "[":
            raise ConditionError(f"'{name}[' at column {token.column}: subscripts are not allowed")
        if after is not None and after.kind == "op":
            return self.comparison(name, token.column)
        if self.is_word("in") or (self.is_word("not") and self.is_word("in", 1)):
            return self.membership(name, token.column)
        if self.is_word("contains"):
            return self.contains(name, token.column)
        if self.is_word("is"):
            return self.is_test(name, token.column)
        return self.bare(name, token.column)

    def shape(self, name: str, column: int) -> FactShape:
        if name in self.derived:
            raise ConditionError(
                f"'{name}' is a derived fact: use it alone (e.g. '{name}' or 'not {name}')"
            )
        shape = self.facts.get(name)
        if shape is None:
            raise ConditionError(_unknown_fact(name, column, self.facts, self.derived), name)
        return shape

    def bare(self, name: str, column: int) -> Condition:
        if name in self.derived:
            return self.derived[name]
        shape = self.facts.get(name)
        if shape is None:
            raise ConditionError(_unknown_fact(name, column, self.facts, self.derived), name)
        if shape.kind == "multi_choice":
            raise ConditionError(_multi_hint(name, column))
        if shape.kind != "yes_no":
            raise ConditionError(
                f"'{name}' at column {column} is a {shape.kind} fact; compare it, "
                f"e.g. '{name} == ...'"
            )
        return Compare(name, "==", shape.yes)

    def comparison(self, name: str, column: int) -> Condition:
        shape = self.shape(name, column)
        if shape.kind == "multi_choice":
            raise ConditionError(_multi_hint(name, column))
        op_token = self.take()
        op: CompareOp = op_token.text  # type: ignore[assignment]
        if op not in ("==", "!=") and shape.kind not in ("integer", "date"):
            raise ConditionError(
                f"'{op}' at column {op_token.column} needs an integer or date fact; "
                f"'{name}' is a {shape.kind} fact"
            )
        return Compare(name, op, self.value(name, shape))

    def membership(self, name: str, column: int) -> Condition:
        shape = self.shape(name, column)
        if shape.kind == "multi_choice":
            raise ConditionError(_multi_hint(name, column))
        negated = self.is_word("not")
        if negated:
            self.take()
        self.expect("in")
        return Member(name, self.value_list(name, shape), negated)

    def value_list(self, name: str, shape: FactShape) -> frozenset[Value]:
        self.expect("[")
        values = [self.value(name, shape)]
        while self.peek() is not None and self.peek().text == ",":  # type: ignore[union-attr]
            self.take()
            values.append(self.value(name, shape))
        self.expect("]")
        return frozenset(values)

    def contains(self, name: str, column: int) -> Condition:
        shape = self.shape(name, column)
        keyword = self.take()
        if shape.kind != "multi_choice":
            raise ConditionError(
                f"'contains' at column {keyword.column} is for multi_choice facts; '{name}' is "
                f"a {shape.kind} fact: write '{name} == ...' or '{name} in [...]'"
            )
        after = self.peek(1)
        if (self.is_word("any") or self.is_word("all")) and after is not None and after.text == "[":
            all_of = self.take().text == "all"
            values = self.value_list(name, shape)
        else:
            all_of, values = False, frozenset({self.value(name, shape)})
        return Contains(name, frozenset(str(v) for v in values), all_of)

    def is_test(self, name: str, column: int) -> Condition:
        shape = self.shape(name, column)
        self.take()  # "is"
        negated = self.is_word("not")
        if negated:
            self.take()
        word = self.take()
        if word.text == "empty" and shape.kind == "multi_choice":
            empty: Condition = Not(Contains(name, shape.values))
            return Not(empty) if negated else empty
        if word.text not in ("unknown", "known"):
            also = ", 'is empty'" if shape.kind == "multi_choice" else ""
            raise ConditionError(
                f"expected 'unknown' or 'known' after '{name} is' at column {word.column}, "
                f"found '{word.text}': write '{name} is unknown', '{name} is known'{also}"
            )
        if not shape.may_be_unknown:
            raise ConditionError(
                f"'{name} is {word.text}' (column {word.column}) can never change: '{name}' does "
                'not offer "weet ik niet" (offer_unknown: false); remove the test, or offer it'
            )
        unknown = (word.text == "unknown") != negated
        return IsUnknown(name) if unknown else Not(IsUnknown(name))

    def value(self, name: str, shape: FactShape) -> Value:
        token = self.take()
        text = token.text
        if token.kind == "quoted":
            text = text[1:-1]
        if shape.kind == "integer":
            if token.kind != "int":
                raise ConditionError(
                    f"'{name}' is a number: expected a whole number at column {token.column}, "
                    f"found '{token.text}'"
                )
            return int(text)
        if shape.kind == "date":
            try:
                return date.fromisoformat(text).isoformat()
            except ValueError:
                raise ConditionError(
                    f"'{name}' is a date: expected YYYY-MM-DD at column {token.column}, "
                    f"found '{token.text}'"
                ) from None
        if text == "weet_niet":
            raise ConditionError(
                f"'weet_niet' (column {token.column}) means \"I don't know\": no comparison can "
                "match it; an unknown answer already makes a requirement undecided (verdict "
                f"'possibly'); to name that answer, write '{name} is unknown'"
            )
        if token.kind not in ("word", "quoted", "int") or text not in shape.values:
            allowed = ", ".join(sorted(shape.values))
            raise ConditionError(
                f"'{text}' (column {token.column}) is not a value of '{name}'; "
                f"choose one of: {allowed}"
            )
        return text


def _multi_hint(name: str, column: int) -> str:
    return (
        f"'{name}' at column {column} is a multi_choice fact (a set of answers): write "
        f"'{name} contains <value>', '{name} contains any [a, b]', '{name} contains all [a, b]' "
        f"or '{name} is empty'"
    )


def _unknown_fact(
    name: str, column: int, facts: Mapping[str, FactShape], derived: Mapping[str, Condition]
) -> str:
    import difflib

    names = [*facts, *derived]
    close = difflib.get_close_matches(name, names, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "declare it in questions/facts.yaml"
    return f"unknown fact '{name}' at column {column}; {hint}"


def parse_condition(
    text: str,
    facts: Mapping[str, FactShape],
    derived: Mapping[str, Condition] | None = None,
) -> Condition:
    """Parse ``text`` into a Condition, checking every fact and value; raise ConditionError."""
    if not isinstance(text, str):
        raise ConditionError(f"a condition must be text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"longer than {MAX_LENGTH} characters; split it or use a derived fact")
    return _Parser(text, facts, derived or {}).parse()
