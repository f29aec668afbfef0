"""Expressions and statements the request and response emitters write, laid out as black writes
them (see generator/format/layout.py): every body is complete lines, indented for where the
template puts them (a function body: `BODY`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.format.layout import (
    INDENT,
    annotated,
    def_line,
    fits,
    literal,
    statement,
)

BODY = INDENT


@dataclass(frozen=True)
class Call:
    """`head` (ending in "(") + arguments + ")"."""

    head: str
    args: tuple[str, ...]

    def flat(self) -> str:
        return f"{self.head}{', '.join(self.args)})"

    def lay(self, indent: str, tail: str = "") -> str:
        return lay(self.flat() + tail, indent)


@dataclass(frozen=True)
class Group:
    """`head` + operands joined by spaces (`a`, `and b`, `or c`; `None`, `if c`, `else d`), in
    parentheses unless `optional` (then they are black's own, shown only when it splits)."""

    head: str
    parts: tuple[Call | Group | str, ...]
    tail: str = ""
    optional: bool = False

    def flat(self) -> str:
        inner = " ".join(part if isinstance(part, str) else part.flat() for part in self.parts)
        return self.head + (inner if self.optional else f"({inner})") + self.tail

    def lay(self, indent: str, tail: str = "") -> str:
        return lay(self.flat() + tail, indent)


def lay(text: str, indent: str) -> str:
    """Statement `text` as black lays it out at `indent`, its first line unindented (the caller's)."""
    return statement(text, indent)[len(indent) :]


def assign(target: str, expression: str, indent: str) -> str:
    return lay(f"{target} = {expression}", indent)


def call_with_data(head: str, args: list[str], data: Any, indent: str) -> str:
    """A call whose last argument is a JSON-ish literal."""
    return lay(f"{head}{', '.join([*args, literal(data)])})", indent)


def dict_entry(key: str, expression: str, indent: str) -> str:
    """A `key: expression,` line of an exploded dict; one that does not fit puts the expression in
    parentheses on a line of its own (black keeps those, and cannot split a name itself)."""
    one = f"{key}: {expression},"
    if fits(indent + one) or not fits(indent + INDENT + expression):
        return one
    return f"{key}: (\n{indent}{INDENT}{expression}\n{indent}),"


def parameter_line(name: str, annotation: str, default: str, indent: str) -> str:
    """A `name: annotation = default,` line of an exploded parameter list."""
    return annotated(name, annotation, f"{default},", indent)[len(indent) :]


def not_in(subject: str, values: tuple[Any, ...], indent: str) -> str:
    return lay(f"if {subject} not in {literal(values)}:", indent)


def function_def(name: str, params: list[str], returns: str) -> str:
    """A module-level `def` line; black splits the parameter list first."""
    return def_line(f"def {name}(", params, f" -> {returns}:", "")
