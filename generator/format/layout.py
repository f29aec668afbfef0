"""Small helpers for emitting plain, correct Python, one statement a line.

The format stage (`generator.format.formatter`) lays the whole package out in one pass, so
emitters decide no line breaks. What stays here: `literal` and `string` (values as literals,
quoted as black quotes them), `annotated` (the one parenthesization black makes and ruff does
not), `fits`, `export_order`, and the one-line joins the models emitter still calls.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from generator.format.formatter import LINE_LENGTH

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


def bracket(head: str, items: list[str], tail: str = "", *, closer: str = ")") -> str:
    """`head` + items + closer + `tail` on one line: bracket("x = f(", ["a", "b"]) -> "x = f(a, b)"."""
    return f"{head}{', '.join(items)}{closer}{tail}"


def value(head: str, data: Any, tail: str = "", *, indent: str = "") -> str:
    """`head` + a JSON-ish literal + `tail`, on one line."""
    return f"{head}{literal(data)}{tail}"


def statement(text: str, indent: str) -> str:
    """One simple statement at `indent`, on one line."""
    return indent + text


def annotated(name: str, annotation: str, suffix: str, indent: str) -> str:
    """`name: annotation` (a class-level field or a parameter, with its `suffix`) at `indent`.

    black puts an annotation too long for its line in parentheses; ruff keeps parentheses it is
    given but adds none to a parameter's, so the emitter writes them (the one layout rule left here).
    """
    text = f"{indent}{name}: {annotation}{suffix}"
    return text if fits(text) else f"{indent}{name}: ({annotation}){suffix}"


def def_line(head: str, params: list[str], tail: str, indent: str) -> str:
    """A `def` line: `head` ends with the opening parenthesis."""
    return f"{indent}{head}{', '.join(params)}){tail}"


def block(lines: list[tuple[int, str]]) -> str:
    """Statements at their depth (in indents) -> the text."""
    return "\n".join(INDENT * depth + text for depth, text in lines)


def export_order(names: list[str]) -> list[str]:
    """`__all__` order as linters expect it (ruff's RUF022): CONSTANTS, then Classes, then
    functions, each in natural order (`C2` before `C10`)."""
    return sorted(names, key=export_key)


def export_key(name: str) -> tuple[int, list[tuple[int, int, str]]]:
    kind = 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2
    return kind, [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", name) if t]
