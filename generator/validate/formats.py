"""Runtime helpers copied into generated validator modules (standard library only).

Each entry of :data:`HELPERS` is the source of one top-level definition plus the helpers and
imports it needs.  The emitter copies only what a schema uses, in a fixed order, so the
generated module stays small and byte-identical between runs.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["FORMATS", "HELPERS", "Helper", "helper_closure"]


class Helper(NamedTuple):
    source: str
    needs: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()


HELPERS: dict[str, Helper] = {
    "_r": Helper(
        '''
def _r(value: object) -> str:
    """A short repr of an instance value for messages."""
    try:
        text = repr(value)
    except RecursionError:  # nested deeper than repr can follow
        return f"a deeply nested {type(value).__name__}"
    if len(text) > 120:
        text = text[:100] + "..." + text[-12:]
    return text
'''
    ),
    "_ptr": Helper(
        '''
def _ptr(path: tuple[str | int, ...]) -> str:
    """RFC 6901 JSON Pointer for a tuple of keys and indices."""
    if not path:
        return ""
    text = "/".join(map(str, path))
    if "~" in text or text.count("/") != len(path) - 1:
        text = "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)
    return "/" + text
'''
    ),
    "_too_deep": Helper(
        '''
def _too_deep(instance: object, schema_path: str) -> list[ValidationError]:
    """The one error of an instance nested deeper than Python's recursion limit lets the
    validator follow: at the first of its most deeply nested values (found without recursion)."""
    keys: list[str | int] = []
    parents: list[int] = []
    best, depth = -1, 0
    todo: list[tuple[object, int, int]] = [(instance, -1, 0)]
    seen: set[int] = set()
    while todo:
        node, index, level = todo.pop()
        if level > depth:
            best, depth = index, level
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
            todo.append((child, len(keys) - 1, level + 1))
    path: list[str | int] = []
    while best >= 0:
        path.append(keys[best])
        best = parents[best]
    message = f"nested too deeply to validate ({depth} levels)"
    return [ValidationError(_ptr(tuple(reversed(path))), "depth", schema_path, message)]
''',
        needs=("_ptr",),
    ),
    "_sp": Helper(
        '''
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
'''
    ),
    "_canon": Helper(
        '''
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
'''
    ),
    "_uniq": Helper(
        '''
def _uniq(items: list[object]) -> bool:
    """True when no two items of the array are equal as JSON values."""
    seen: set[tuple[str, object]] = set()
    for item in items:
        key = _canon(item)
        if key in seen:
            return False
        seen.add(key)
    return True
''',
        needs=("_canon",),
    ),
    "_mul": Helper(
        '''
def _mul(value: float, divisor: float) -> bool:
    """JSON Schema multipleOf, exact for decimal literals (0.0075 is a multiple of 0.0001)."""
    if type(value) is int and type(divisor) is int:
        return value % divisor == 0
    if not math.isfinite(value):
        return False
    with localcontext() as ctx:
        ctx.prec = 1200
        try:
            return Decimal(repr(value)) % Decimal(repr(divisor)) == 0
        except ArithmeticError:
            return False
''',
        imports=("import math", "from decimal import Decimal, localcontext"),
    ),
    "_fmt_date_time": Helper(
        '''
_DATE_TIME = re.compile(
    r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]"
    r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(?:\\.[0-9]+)?"
    r"(?:[Zz]|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))"
).fullmatch


def _fmt_date_time(value: str) -> bool:
    """RFC 3339 date-time (any number of fraction digits; leap seconds at 23:59:60 UTC), from
    year 0001: no datetime holds year 0, and the generated models read what this accepts."""
    m = _DATE_TIME(value)
    if m is None or m[1] == "0000":
        return False
    day = m[3]
    if day > "28":
        year, month = int(m[1]), int(m[2])
        if month == 2:
            leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
            last = 29 if leap else 28
        else:
            last = 30 if month in (4, 6, 9, 11) else 31
        if int(day) > last:
            return False
    if m[6] == "60":
        offset = 0
        if m[7] is not None:
            offset = (int(m[8]) * 60 + int(m[9])) * (1 if m[7] == "+" else -1)
        if (int(m[4]) * 60 + int(m[5]) - offset) % 1440 != 23 * 60 + 59:
            return False
    return True
''',
        imports=("import re",),
    ),
    "_fmt_uuid": Helper(
        '''
_UUID = re.compile(
    r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
).fullmatch


def _fmt_uuid(value: str) -> bool:
    """RFC 4122 textual UUID (8-4-4-4-12 hex digits)."""
    return _UUID(value) is not None
''',
        imports=("import re",),
    ),
    "_fmt_uri": Helper(
        '''
_URI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\\-]*:"
    r"(?://(?:(?:[A-Za-z0-9\\-._~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*@)?"
    r"(\\[[^\\]]*\\]|(?:[A-Za-z0-9\\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*)"
    r"(?::[0-9]*)?(?:/(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*"
    r"|/?(?:(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+"
    r"(?:/(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*)?)"
    r"(?:\\?(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?"
    r"(?:#(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?"
).fullmatch
_IP_FUTURE = re.compile(r"v[0-9A-Fa-f]+\\.[A-Za-z0-9\\-._~!$&'()*+,;=:]+").fullmatch


def _fmt_uri(value: str) -> bool:
    """RFC 3986 absolute URI (scheme required; IP literals checked)."""
    m = _URI(value)
    if m is None:
        return False
    host = m.group(1)
    if host and host.startswith("["):
        literal = host[1:-1]
        if _IP_FUTURE(literal) is not None:
            return True
        try:
            ipaddress.IPv6Address(literal)
        except ValueError:
            return False
    return True
''',
        imports=("import ipaddress", "import re"),
    ),
}

#: format name -> (helper name, applies to "str" or "num")
FORMATS: dict[str, str] = {
    "date-time": "_fmt_date_time",
    "uuid": "_fmt_uuid",
    "uri": "_fmt_uri",
}


def helper_closure(names: set[str]) -> list[str]:
    """The helpers in ``names`` plus everything they need, in a stable order."""
    todo = sorted(names)
    done: set[str] = set()
    while todo:
        name = todo.pop()
        if name in done:
            continue
        done.add(name)
        todo.extend(HELPERS[name].needs)
    return [name for name in HELPERS if name in done]
