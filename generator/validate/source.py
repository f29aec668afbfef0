"""Helpers for writing Python source: a line writer, literals.

Everything the validator emitter puts into generated code passes through here: indentation
(:class:`Writer`, its ``if`` conditions :mod:`generator.validate.expr` objects, which negate
themselves without needless parentheses), JSON values as literals of exact JSON types only
(:func:`literal`, quoted as black quotes them), one statement a line (:meth:`Writer.render`;
the format stage lays the module out).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from generator.format.layout import literal as _layout_literal
from generator.validate.expr import Expr, all_of

__all__ = [
    "SchemaCompileError",
    "Writer",
    "literal",
    "uses",
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
        self.lines.append((self.level, text, cond))

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
        """The source, one statement a line (the format stage lays it out)."""
        return "".join(f"{'    ' * lvl}{text}\n" for lvl, text, _ in self.lines)


def uses(w: Writer, name: str) -> bool:
    """Whether ``w``'s code mentions ``name``, a fresh variable from ``Emitter.var`` (``c12``).

    The keyword emitters interpolate the variable into their lines in dozens of places, so the
    text is asked rather than each site made to report a read; a fresh name in word bounds can
    only be that variable or the same word inside a string literal (then the caller binds a
    variable it did not need: never wrong code)."""
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
