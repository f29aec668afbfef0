"""Helpers for writing Python source: a line writer, literals.

Everything the validator emitter puts into generated code passes through here: indentation
(:class:`Writer`, its ``if`` conditions :mod:`generator.validate.expr` objects, which negate
themselves without needless parentheses), JSON values as literals of exact JSON types only
(:func:`literal`, quoted as black quotes them), and black's layout of the statements too long
for one line (:meth:`Writer.render`, via :func:`generator.format.layout.statement`; one it
cannot split stays long, and the format stage runs black on the module).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from generator.format.layout import literal as _layout_literal
from generator.format.layout import statement
from generator.validate.expr import Expr, all_of

__all__ = [
    "SchemaCompileError",
    "Writer",
    "literal",
    "split_top",
    "uses",
    "wrapped",
]


class SchemaCompileError(ValueError):
    """The schema cannot be compiled (bad keyword value, `$ref` cycle, unresolvable `$ref`...)."""


class Writer:
    """Lines with indentation levels; ``block`` indents, ``if_`` opens an ``if`` block on a
    condition (an :class:`~generator.validate.expr.Expr`, kept with its line), ``splice``
    inserts another writer."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str, Expr | None]] = []
        self.level = 0

    def line(self, text: str, cond: Expr | None = None) -> None:
        self.lines.append((self.level, _unparenthesized(text), cond))

    @contextmanager
    def block(self, header: str) -> Iterator[None]:
        self.line(header)
        yield from self._body()

    @contextmanager
    def if_(self, cond: Expr, *, collapse: bool = False) -> Iterator[None]:
        """``if cond:``; with ``collapse``, around a lone ``if B:`` it becomes ``if cond and B:``."""
        self.line(f"if {cond.unwrapped()}:", cond)
        start = len(self.lines)
        yield from self._body()
        inner = self.lines[start:]
        if collapse and inner[0][2] is not None and all(level > self.level + 1 for level, _, _ in inner[1:]):
            merged = all_of([cond, inner[0][2]])
            self.lines[start - 1 : start + 1] = [(self.level, f"if {merged}:", merged)]
            self.lines[start:] = [(level - 1, text, c) for level, text, c in self.lines[start:]]

    def _body(self) -> Iterator[None]:
        self.level += 1
        start = len(self.lines)
        yield
        if len(self.lines) == start:
            self.line("pass")
        self.level -= 1

    def text(self) -> str:
        return "\n".join(text for _, text, _ in self.lines)

    def splice(self, other: Writer) -> None:
        self.lines.extend((self.level + lvl, text, cond) for lvl, text, cond in other.lines)

    def render(self) -> str:
        """The source; a statement too long for its line is split as black splits it."""
        return "".join(statement(text, "    " * lvl) + "\n" for lvl, text, _ in self.lines)


_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*(?:: [^=]+)? (?:=|\|=|\+=) )(\(.*)")


def _bare(expr: str) -> str:
    """``expr`` without the redundant parentheses black drops around a statement's expression."""
    while wrapped(expr) and len(expr) > 2:
        inner = expr[1:-1]
        if len(split_top(inner, ",")) > 1 or len(split_top(inner, " for ")) > 1:
            break
        expr = inner
    return expr


def _unparenthesized(text: str) -> str:
    """A statement as black writes it: ``if (a or b):`` is ``if a or b:``, ``n = (f(x))`` is ``n = f(x)``."""
    if text.startswith("if (") and text.endswith(":"):
        return f"if {_bare(text[3:-1])}:"
    if text.startswith("return ("):
        return f"return {_bare(text[7:])}"
    if "(" in text[:60]:
        m = _ASSIGNMENT.match(text)
        if m:
            return m.group(1) + _bare(m.group(2))
    return text


def wrapped(expr: str) -> bool:
    """True when ``expr`` is one parenthesised group (string literals skipped)."""
    if not expr.startswith("("):
        return False
    depth, i, n = 0, 0, len(expr)
    while i < n:
        ch = expr[i]
        if ch in "'\"":
            i += 1
            while i < n and expr[i] != ch:
                i += 2 if expr[i] == "\\" else 1
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0 and i != n - 1:
                return False
        i += 1
    return True


def split_top(expr: str, sep: str) -> list[str]:
    """Split ``expr`` at ``sep`` where it is outside brackets and string literals."""
    parts, depth, i, n, last = [], 0, 0, len(expr), 0
    while i < n:
        ch = expr[i]
        if ch in "'\"":
            i += 1
            while i < n and expr[i] != ch:
                i += 2 if expr[i] == "\\" else 1
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and expr.startswith(sep, i):
            parts.append(expr[last:i])
            i += len(sep)
            last = i
            continue
        i += 1
    parts.append(expr[last:])
    return parts


def uses(w: Writer, name: str) -> bool:
    return re.search(rf"\b{name}\b", w.text()) is not None


_JSON_SCALARS = (str, int, float, bool, type(None))


def literal(value: Any) -> str:
    """Python source for a JSON value (black's quoting); only plain JSON types are accepted.

    Exact types are required so that no ``__repr__`` from a str/dict subclass (or any other
    object smuggled into a schema) can write into the generated source.
    """
    todo = [value]
    while todo:
        item = todo.pop()
        kind = type(item)
        if kind is float and not math.isfinite(item):
            raise SchemaCompileError(f"non-finite number {item!r} in schema")
        if kind is dict:
            if any(type(key) is not str for key in item):
                raise SchemaCompileError("schema object keys must be strings")
            todo.extend(item.values())
        elif kind is list or kind is tuple:
            todo.extend(item)
        elif kind not in _JSON_SCALARS:
            raise SchemaCompileError(f"not a JSON value in schema: {kind.__name__}")
    return _layout_literal(value)
