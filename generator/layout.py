"""black's layout, written directly: literals and bracketed lists the way black would leave them.

Emitters use these so the generated text already is black's output (the test suite proves it on
every spec it generates). Two rules make that hold by construction:

- a bracketed list that fits on its line stays on one line;
- one that does not is exploded one item per line *with a trailing comma*, which black treats as
  a "magic trailing comma" and keeps exploded, whatever it would have chosen itself.

A line that still does not fit (a long name or string) is left for black: the format stage runs
it on any file with such a line.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

LINE_LENGTH = 100
INDENT = "    "


def width(line: str) -> int:
    """Columns a line takes, counted like black (East Asian wide characters count two)."""
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def fits(line: str) -> bool:
    return width(line) <= LINE_LENGTH


def string(text: str) -> str:
    """A str literal as black writes it: double quotes unless they would need more escapes."""
    single = repr(text)
    if single[0] == '"':  # repr chose double quotes already (text has ' but no ")
        return single
    body = single[1:-1]
    if '"' not in text:  # nothing to escape or unescape: the common case
        return f'"{body}"'
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            pair = body[i : i + 2]
            out.append("'" if pair == "\\'" else pair)
            i += 2
            continue
        out.append('\\"' if ch == '"' else ch)
        i += 1
    double = "".join(out)
    return single if double.count("\\") > body.count("\\") else f'"{double}"'


def literal(value: Any) -> str:
    """A one-line Python literal for a JSON-ish value, quoted and spaced like black."""
    if isinstance(value, str):
        return string(value)
    if value is None or isinstance(value, (bool, int)):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):  # no literal exists; never in JSON
            raise ValueError(f"{value!r} is not a JSON value")
        return repr(value).replace("e+", "e")  # black drops an exponent's plus sign
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        if len(value) == 1:
            return f"({literal(value[0])},)"
        return "(" + ", ".join(literal(v) for v in value) + ")"
    if isinstance(value, (set, frozenset)):
        raise TypeError("sets have no stable order; pass a sorted tuple")
    raise TypeError(f"no literal for {type(value).__name__}")


def bracket(head: str, items: list[str], tail: str = "", *, indent: str = "", closer: str = ")") -> str:
    """`head` + items + closer + `tail`, e.g. bracket("x = f(", ["a", "b"]) -> "x = f(a, b)".

    `head` ends with the opening bracket and `indent` is the indentation of the line it starts
    (not included in the result). Items are already-rendered, one-line expressions; exploded items
    go one per line at indent + 4 with a trailing comma. No items: `head` + closer + `tail`.
    """
    one = f"{head}{', '.join(items)}{closer}{tail}"
    if not items or fits(indent + one):
        return one
    inner = indent + INDENT
    lines = [head] + [f"{inner}{item}," for item in items] + [f"{indent}{closer}{tail}"]
    return "\n".join(lines)


def value(head: str, data: Any, tail: str = "", *, indent: str = "") -> str:
    """`head` + a JSON-ish literal + `tail`, exploded level by level where a line does not fit."""
    one = f"{head}{literal(data)}{tail}"
    if fits(indent + one) or not isinstance(data, (dict, list, tuple)) or not data:
        return one
    if isinstance(data, tuple) and len(data) == 1:  # (x,) is no magic trailing comma: leave it to black
        return one
    opener, closer = {dict: ("{", "}"), list: ("[", "]"), tuple: ("(", ")")}[type(data)]
    inner = indent + INDENT
    if isinstance(data, dict):
        parts = [value(f"{literal(k)}: ", v, ",", indent=inner) for k, v in data.items()]
    else:
        parts = [value("", v, ",", indent=inner) for v in data]
    return "\n".join([head + opener] + [inner + part for part in parts] + [f"{indent}{closer}{tail}"])
