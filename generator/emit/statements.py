"""Expressions and statements the request and response emitters write, one statement a line (the
format stage lays them out). Function bodies sit one level in (`BODY`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.format.layout import INDENT, annotated, fits, literal

BODY = INDENT


@dataclass(frozen=True)
class Call:
    """`head` (ending in "(") + arguments + ")"; kept apart so another head can take the same
    arguments (`_data = _json_body(...)` and `... else _json_body(...)`)."""

    head: str
    args: tuple[str, ...]

    def flat(self) -> str:
        return f"{self.head}{', '.join(self.args)})"


@dataclass(frozen=True)
class Group:
    """`head` + operands joined by spaces (`a`, `and b`, `or c`; `None`, `if c`, `else d`), in
    parentheses unless `optional` (the output keeps parentheses it is given: black and ruff
    remove none)."""

    head: str
    parts: tuple[Call | Group | str, ...]
    tail: str = ""
    optional: bool = False

    def flat(self) -> str:
        inner = " ".join(part if isinstance(part, str) else part.flat() for part in self.parts)
        return self.head + (inner if self.optional else f"({inner})") + self.tail


def call_with_data(head: str, args: list[str], data: Any) -> str:
    """A call whose last argument is a JSON-ish literal."""
    return f"{head}{', '.join([*args, literal(data)])})"


def dict_entry(key: str, expression: str, indent: str) -> str:
    """A `key: expression,` line of an exploded dict at `indent`. One too long for its line gets
    parentheses around the expression when that would fit on a line of its own: black and ruff
    split there, but neither adds the parentheses (black's stable style) nor can split a name."""
    one = f"{key}: {expression},"
    if fits(indent + one) or not fits(indent + INDENT + expression):
        return one
    return f"{key}: ({expression}),"


def parameter_line(name: str, annotation: str, default: str, indent: str) -> str:
    """A `name: annotation = default,` line of an exploded parameter list."""
    return annotated(name, annotation, f"{default},", indent)[len(indent) :]


def function_def(name: str, params: list[str], returns: str) -> str:
    """A module-level `def` line."""
    return f"def {name}({', '.join(params)}) -> {returns}:"
