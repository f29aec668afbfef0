"""Helpers for writing Python source: a line writer, boolean-expression tidying, literals.

Everything the validator emitter puts into generated code passes through here: indentation
(:class:`Writer`), negation without needless parentheses (:func:`negate`, so the output is
ruff-clean), JSON values as literals of exact JSON types only (:func:`literal`, quoted as black
quotes them), and black's layout of the statements too long for one line (:meth:`Writer.render`,
via :func:`generator.format.layout.statement`; one it cannot split stays long, and the format stage
runs black on the module).
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from generator.format.layout import literal as _layout_literal
from generator.format.layout import statement

__all__ = [
    "SchemaCompileError",
    "Writer",
    "group",
    "is_bool",
    "literal",
    "negate",
    "split_top",
    "uses",
    "wrapped",
]


class SchemaCompileError(ValueError):
    """The schema cannot be compiled (bad keyword value, `$ref` cycle, unresolvable `$ref`...)."""


class Writer:
    """Lines with indentation levels; ``block`` indents, ``splice`` inserts another writer."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self.level = 0

    def line(self, text: str) -> None:
        self.lines.append((self.level, _unparenthesized(text)))

    @contextmanager
    def block(self, header: str, *, collapse: bool = False) -> Iterator[None]:
        """An indented block; with ``collapse``, ``if A:`` around a lone ``if B:`` becomes one."""
        self.line(header)
        self.level += 1
        start = len(self.lines)
        yield
        if len(self.lines) == start:
            self.line("pass")
        self.level -= 1
        inner = self.lines[start:]
        if (
            collapse
            and header.startswith("if ")
            and inner[0][1].startswith("if ")
            and all(level > self.level + 1 for level, _ in inner[1:])
        ):
            merged = f"if {group(header[3:-1])} and {group(inner[0][1][3:-1])}:"
            self.lines[start - 1 : start + 1] = [(self.level, merged)]
            self.lines[start:] = [(level - 1, text) for level, text in self.lines[start:]]

    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)

    def splice(self, other: Writer) -> None:
        self.lines.extend((self.level + lvl, text) for lvl, text in other.lines)

    def render(self) -> str:
        """The source; a statement too long for its line is split as black splits it."""
        return "".join(statement(text, "    " * lvl) + "\n" for lvl, text in self.lines)


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


_INVERSE = (
    (" is not ", " is "),
    (" not in ", " in "),
    (" is ", " is not "),
    (" in ", " not in "),
    (" != ", " == "),
    (" == ", " != "),
    (" <= ", " > "),
    (" >= ", " < "),
    (" < ", " >= "),
    (" > ", " <= "),
)


def negate(expr: str) -> str:
    """The negation of a generated boolean expression, without needless parentheses."""
    if any(sep in expr and len(split_top(expr, sep)) > 1 for sep in (" or ", " and ")):
        return f"not ({expr})"
    if expr.startswith("not "):
        return expr[4:]
    for op, inverse in _INVERSE:
        if op not in expr:  # the cheap test first: most conditions hold one operator or none
            continue
        parts = split_top(expr, op)
        if len(parts) == 2:
            return parts[0] + inverse + parts[1]
        if len(parts) > 2:
            return f"not ({expr})"
    return f"not {expr}"


#: Generated functions known to return ``bool`` (``_f<n>`` fast paths and copied helpers).
_BOOL_CALL = re.compile(r"isinstance|_f[0-9]+|_mul|_uniq|_fmt_[a-z_]+")
#: Names and calls whose value has a known (not ``Any``) type in generated code:
#: ``oneOf``/``contains`` counters, ``len(...)``, ``_canon(...)`` and its constants.
_TYPED_NAME = re.compile(r"n[0-9]+|_[CK][0-9]+")
_TYPED_CALL = re.compile(r"len|_canon")


def _typed(node: ast.expr) -> bool:
    """Is ``node`` of a known type (``x`` and every value taken from it are ``Any``)?"""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return _TYPED_NAME.fullmatch(node.id) is not None
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.Not) or _typed(node.operand)
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and (
            _TYPED_CALL.fullmatch(node.func.id) is not None or _BOOL_CALL.fullmatch(node.func.id) is not None
        )
    return _is_bool(node)


def _is_bool(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return type(node.value) is bool
    if isinstance(node, ast.UnaryOp):
        return isinstance(node.op, ast.Not)
    if isinstance(node, ast.BoolOp):
        # ``a and b`` is ``bool | Any`` when either side is bool, and mypy accepts that.
        return any(_is_bool(value) for value in node.values)
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and _BOOL_CALL.fullmatch(node.func.id) is not None
    if isinstance(node, ast.Compare):
        if all(isinstance(op, (ast.Is, ast.IsNot, ast.In, ast.NotIn)) for op in node.ops):
            return True
        return _typed(node.left) and all(_typed(item) for item in node.comparators)
    return False


def is_bool(expr: str) -> bool:
    """True when a type checker sees ``expr`` as ``bool`` even though instances are ``Any``.

    ``x < 5`` or ``x == "a"`` on an ``Any`` instance is ``Any`` to mypy, so a function
    declared ``-> bool`` must not return it (``no-any-return``); ``not``, ``is``, ``in``,
    ``isinstance`` and the generated predicates are ``bool`` whatever the operands, and so is
    a comparison of known types.  Conservative: False when unsure.
    """
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError:
        return False
    return _is_bool(tree.body)


def group(expr: str) -> str:
    """``expr`` safe as an operand of ``and``."""
    return f"({expr})" if len(split_top(expr, " or ")) > 1 else expr


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
