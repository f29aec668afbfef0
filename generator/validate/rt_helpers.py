"""The validator runtime helpers every generated validator module may need, copied into it.

This module is the source the emitter copies from (see :mod:`generator.validate.formats`),
read definition by definition like the format checks (``fmt_*.py``): a run of statements with
no blank line between them is one helper, copied with the helpers and imports it names, and
only when a schema uses it.  Standard library only.  The schema-path tables ``_sp`` reads are
written per module; the import below only stands in for them here.
"""

import math
from decimal import Decimal, localcontext
from fractions import Fraction

from generator.validate.rt_tables import _SP_PARENT, _SP_SEGMENT


class ValidationError:
    """One failed keyword.

    Attributes: instance ``path`` (JSON Pointer), ``keyword``, ``schema_path``, ``message``.
    """

    __slots__ = ("_at", "_node", "_path", "_schema_path", "keyword", "message")

    def __init__(self, path: str, keyword: str, schema_path: str, message: str) -> None:
        self._path: str | None = path
        self._at: tuple[str | int, ...] = ()
        self.keyword = keyword
        self._schema_path: str | None = schema_path
        self._node = -1
        self.message = message

    @property
    def path(self) -> str:
        path = self._path
        if path is None:  # made on first use: listing many errors stays cheap
            path = self._path = _ptr(self._at)
        return path

    @property
    def schema_path(self) -> str:
        text = self._schema_path
        if text is None:  # made on first use too, from the keyword's schema node
            text = self._schema_path = _sp(self._node, self.keyword)
        return text

    def __repr__(self) -> str:
        return (
            f"ValidationError(path={self.path!r}, keyword={self.keyword!r}, "
            f"schema_path={self.schema_path!r}, message={self.message!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ValidationError):
            return NotImplemented
        return (self.path, self.keyword, self.schema_path, self.message) == (
            other.path,
            other.keyword,
            other.schema_path,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.keyword, self.schema_path, self.message))

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"


def _E(at: tuple[str | int, ...], keyword: str, node: int, message: str) -> ValidationError:
    """The error at instance location ``at`` (keys and indices) of ``keyword`` in schema node
    ``node``, its pointer and schema path left for later."""
    error = _new(ValidationError)
    error._at = at
    error._path = None
    error.keyword = keyword
    error._node = node
    error._schema_path = None
    error.message = message
    return error


_new = object.__new__


def _r(value: object) -> str:
    """A short repr of an instance value for messages."""
    try:
        text = repr(value)
    except ValueError:  # an int with more digits than int-to-str conversion allows
        return f"<{type(value).__name__} too large to show>"
    except RecursionError:  # nested deeper than repr can follow
        return f"a deeply nested {type(value).__name__}"
    if len(text) > 120:
        text = text[:100] + "..." + text[-12:]
    return text


def _ptr(path: tuple[str | int, ...]) -> str:
    """RFC 6901 JSON Pointer for a tuple of keys and indices."""
    if not path:
        return ""
    text = "/".join(map(str, path))
    if "~" in text or text.count("/") != len(path) - 1:
        text = "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)
    return "/" + text


def _deepest(value: object) -> tuple[tuple[str | int, ...], int]:
    """The path to the first of the most deeply nested values, and its depth (iteratively; a
    container seen twice is not entered again). `_runtime` has it too."""
    keys: list[str | int] = []  # of node i in its parent
    parents: list[int] = []  # node i's parent (-1: the root)
    best, best_depth = -1, 0
    todo: list[tuple[object, int, int]] = [(value, -1, 0)]
    seen: set[int] = set()
    while todo:
        node, index, depth = todo.pop()
        if depth > best_depth:
            best, best_depth = index, depth
        if isinstance(node, dict):
            children: list[tuple[str | int, object]] = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        else:
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        for key, child in reversed(children):
            keys.append(key)
            parents.append(index)
            todo.append((child, len(keys) - 1, depth + 1))
    path: list[str | int] = []
    while best >= 0:
        path.append(keys[best])
        best = parents[best]
    return tuple(reversed(path)), best_depth


def _too_deep(instance: object, schema_path: str) -> list[ValidationError]:
    """The one error of an instance nested deeper than Python's recursion limit lets the
    validator follow: at the first of its most deeply nested values (found without recursion)."""
    path, depth = _deepest(instance)
    message = f"nested too deeply to validate ({depth} levels)"
    return [ValidationError(_ptr(path), "depth", schema_path, message)]


_SP_CACHE: dict[tuple[int, str], str] = {}


def _sp(node: int, keyword: str) -> str:
    """Schema location of ``keyword`` in schema node ``node`` (see _SP_PARENT)."""
    key = (node, keyword)
    text = _SP_CACHE.get(key)
    if text is None:
        parts = [keyword]
        while node >= 0:
            parts.append(_SP_SEGMENT[node])
            node = _SP_PARENT[node]
        text = _SP_CACHE[key] = "/".join(reversed(parts))
    return text


def _canon(value: object) -> tuple[str, object]:
    """A hashable form where 1 == 1.0 but 1 != True, for enum/const/uniqueItems."""
    kind = type(value)
    if kind is str:
        return ("s", value)
    if kind is bool:
        return ("b", value)
    if kind is int or kind is float:
        return ("n", value)
    if value is None:
        return ("z", None)
    if isinstance(value, dict):
        return ("d", frozenset((k, _canon(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("l", tuple(map(_canon, value)))
    if isinstance(value, str):
        return ("s", str(value))
    if isinstance(value, (int, float)):
        return ("n", value)
    return ("?", id(value))


def _uniq(items: list[object]) -> bool:
    """True when no two items of the array are equal as JSON values."""
    seen: set[tuple[str, object]] = set()
    for item in items:
        key = _canon(item)
        if key in seen:
            return False
        seen.add(key)
    return True


def _mul(value: float, divisor: float) -> bool:
    """JSON Schema multipleOf, exact for decimal literals (0.0075 is a multiple of 0.0001)."""
    if type(value) is int and type(divisor) is int:
        return value % divisor == 0
    if type(value) is float and not math.isfinite(value):
        return False
    if type(value) is int:  # any size: no float conversion, no decimal precision to run out of
        exact = Fraction(repr(divisor)) if type(divisor) is float else Fraction(divisor)
        return (value / exact).denominator == 1
    with localcontext() as ctx:
        ctx.prec = 1200  # a float quotient needs at most ~650 digits
        return Decimal(repr(value)) % Decimal(divisor if type(divisor) is int else repr(divisor)) == 0
