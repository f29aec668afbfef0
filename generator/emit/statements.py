"""Expressions and statements the request and response emitters write, one statement a line (the
format stage lays them out). Function bodies sit one level in (`BODY`)."""

from __future__ import annotations

from generator.format.layout import INDENT, fits

BODY = INDENT


def call(head: str, *args: str) -> str:
    """`head` (ending in "(") + the arguments + ")": call("f(", "a", "b") -> "f(a, b)"."""
    return f"{head}{', '.join(args)})"


def dict_entry(key: str, expression: str, indent: str) -> str:
    """A `key: expression,` line of an exploded dict at `indent`. One too long for its line gets
    parentheses around the expression when that would fit on a line of its own: black and ruff
    split there, but neither adds the parentheses (black's stable style) nor can split a name."""
    one = f"{key}: {expression},"
    if fits(indent + one) or not fits(indent + INDENT + expression):
        return one
    return f"{key}: ({expression}),"


def function_def(name: str, params: list[str], returns: str) -> str:
    """A module-level `def` line."""
    return f"def {name}({', '.join(params)}) -> {returns}:"
