"""black's layout, written directly, so the generated text already is black's output.

Emitters build their code with these; the test suite proves the result is black's fixed point
on every spec it generates and on random statements. Three tools:

- `string`/`literal`: values quoted and spelled as black spells them;
- `bracket`/`value`: a bracketed list that fits stays on one line; one that does not is exploded
  one item per line *with a trailing comma*, a "magic trailing comma" black keeps exploded;
- `statement`/`item`/`annotated`/`def_line`: a statement (or an item inside brackets) too long
  for its line, split where black splits it.

A line that still does not fit (a long name or string) is left for black: the format stage runs
it on any file with such a line, so a gap here costs time, never correctness.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
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


# -- statements: black's split of a simple statement too long for its line --------------------
#
# A statement that fits stays on one line; one that does not is split where black splits it, for
# the shapes the emitters write (calls, conditions, ternaries, comprehensions, `+` chains). These
# follow black's `rhs`/`delimiter_split` rules. A statement none of them can split is left long:
# the format stage runs black on any file holding such a line.

_TOKEN = re.compile(r"""[rRbBuUfF]{0,2}(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|\w+|\*\*|==|!=|<=|>=|->|//|<<|>>|\S""")
_STRING = re.compile(r"""[rRbBuUfF]{0,2}["']""")
_OPENING, _CLOSING = "([{", ")]}"
_KEYWORDS = frozenset(
    {"and", "or", "not", "in", "is", "if", "else", "for", "lambda", "return", "raise", "from", "del", "assert", "await"}
)
_COMPREHENSION, _COMMA, _TERNARY, _LOGIC, _STRINGS, _COMPARATOR, _DOT = 20, 18, 16, 14, 12, 10, 1
_MATH = {"|": 9, "^": 8, "&": 7, "<<": 6, ">>": 6, "+": 5, "-": 5, "*": 4, "/": 4, "//": 4, "%": 4, "@": 4, "**": 2}
_COMPARE = frozenset({"==", "!=", "<", ">", "<=", ">="})


@dataclass(frozen=True)
class _Scan:
    """A line's tokens, its bracket pairs and black's delimiters at bracket depth 0."""

    text: str
    spans: list[tuple[int, int]]
    words: list[str]
    opening: dict[int, int]  # closing bracket -> its opening bracket (token indexes)
    delimiters: dict[int, int]  # token a split may follow -> priority


def _scan(text: str) -> _Scan:
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [text[a:b] for a, b in spans]
    opening: dict[int, int] = {}
    delimiters: dict[int, int] = {}
    stack: list[int] = []
    depth, comprehension = 0, False
    for_depths: list[int] = []
    lambda_depths: list[int] = []
    for i, word in enumerate(words):
        ends_for = bool(for_depths) and for_depths[-1] == depth and word == "in"
        if ends_for:
            depth -= 1
            for_depths.pop()
        if lambda_depths and lambda_depths[-1] == depth and word == ":":
            depth -= 1
            lambda_depths.pop()
        if word in _CLOSING:
            depth -= 1
            opening[i] = stack.pop()
        if depth == 0:
            before = _before(words, i, comprehension, ends_for) if i else 0
            if before:
                delimiters[i - 1] = before
            elif word == ",":
                delimiters[i] = _COMMA
            comprehension = comprehension or word == "for"
        if word in _OPENING:
            stack.append(i)
            depth += 1
        elif word in ("lambda", "for"):
            depth += 1
            (lambda_depths if word == "lambda" else for_depths).append(depth)
    return _Scan(text, spans, words, opening, delimiters)


def _before(words: list[str], i: int, comprehension: bool, ends_for: bool) -> int:
    """black's priority for a split before `words[i]` (0: none)."""
    word, prev = words[i], words[i - 1]
    if word == ".":
        return _DOT if prev in _CLOSING else 0
    if word in _MATH:
        unary = prev in _OPENING or prev in _KEYWORDS or prev in _MATH or prev in _COMPARE or prev in (",", ":", "=", "->")
        return 0 if unary else _MATH[word]
    if word in _COMPARE:
        return _COMPARATOR
    if _STRING.match(word) and _STRING.match(prev):
        return _STRINGS
    if word == "for":
        return _COMPREHENSION
    if word == "if":
        return _COMPREHENSION if comprehension else _TERNARY
    if word == "else":
        return _TERNARY
    if word == "is" or (word == "in" and prev != "not" and not ends_for):
        return _COMPARATOR
    if word == "not" and i + 1 < len(words) and words[i + 1] == "in" and prev != "is":
        return _COMPARATOR
    return _LOGIC if word in ("and", "or") else 0


def _top(scan: _Scan) -> tuple[int, int]:
    """The highest delimiter priority (a trailing comma is none) and how often it occurs."""
    priorities = [p for i, p in scan.delimiters.items() if i != len(scan.words) - 1]
    top = max(priorities, default=0)
    return top, priorities.count(top)


def _is_atom(scan: _Scan, i: int) -> bool:
    """Whether the bracket at token `i` opens a display or parenthesised expression (no call or subscript)."""
    if scan.words[i] == "{" or i == 0:
        return True
    prev = scan.words[i - 1]
    return not (prev in _CLOSING or _STRING.match(prev) or (prev[0].isalnum() or prev[0] == "_") and prev not in _KEYWORDS)


def _last_bracket(scan: _Scan) -> tuple[str, str, str, bool] | None:
    """black's right-hand split: head up to the last bracket pair with a body, the body, the tail."""
    text, spans = scan.text, scan.spans
    i = len(scan.words) - 1
    while i > 0:
        if scan.words[i] in _CLOSING:
            o = scan.opening[i]
            if o < i - 1:
                head, body, tail = text[: spans[o][1]], text[spans[o][1] : spans[i][0]].strip(), text[spans[i][0] :]
                return head, body, tail, _is_atom(scan, o)
            i = o
        i -= 1
    return None


def _inner(text: str, indent: str, explode: bool = False, parenthesized: bool = True) -> list[str]:
    """The lines black makes of `text` inside brackets at `indent`: split at its delimiters of
    the highest priority, else at its last bracket pair.

    `parenthesized`: whether `text` sits directly in parentheses. A conditional expression that
    does not (an item, a dict value, a keyword argument) gets parentheses of its own when split.
    """
    if not explode and fits(indent + text):
        return [indent + text]
    scan = _scan(text)
    top, count = _top(scan)
    if top == _TERNARY and not parenthesized:
        return _conditional(scan, indent)
    if top and not (top == _DOT and count == 1):
        pieces, start = [], 0
        for i, (_, end) in enumerate(scan.spans):
            if scan.delimiters.get(i) == top and i != len(scan.words) - 1:
                pieces.append(text[scan.spans[start][0] : end])
                start = i + 1
        pieces.append(text[scan.spans[start][0] :])
        if top == _COMMA and not pieces[-1].endswith(","):
            pieces[-1] += ","
        return [line for piece in pieces for line in _inner(piece, indent, parenthesized=top != _COMMA and parenthesized)]
    return _split_at(_last_bracket(scan), text, indent)


def item(text: str, indent: str) -> list[str]:
    """The lines black makes of `text`, an item (with its comma) of an exploded display or call."""
    return _inner(text, indent, parenthesized=False)


def _split_at(split: tuple[str, str, str, bool] | None, text: str, indent: str) -> list[str]:
    if split is None:
        return [indent + text]
    head, body, tail, atom = split
    if not fits(indent + tail) or (not fits(indent + head) and any(w in _CLOSING for w in _scan(head).words)):
        return [indent + text]  # black would try splitting elsewhere: left long, it is black's to do
    explode = atom and _top(_scan(body))[0] == _COMMA  # a collection's items go one per line
    return [indent + head, *_inner(body, indent + INDENT, explode, parenthesized=head.endswith("(")), indent + tail]


def _conditional(scan: _Scan, indent: str) -> list[str]:
    """`[prefix](` + the conditional expression, split + `)[,]`: the expression starts after the
    last `:` or `=` before its `if` at bracket depth 0 (a dict value, a keyword argument)."""
    words, spans, text = scan.words, scan.spans, scan.text
    first_if = min(i + 1 for i, p in scan.delimiters.items() if p == _TERNARY)
    depth, start = 0, 0
    for i, word in enumerate(words[:first_if]):
        depth += (word in _OPENING) - (word in _CLOSING)
        if depth == 0 and word in (":", "="):
            start = i + 1
    prefix = text[: spans[start][0]] if start else ""
    end = len(text) - 1 if text.endswith(",") else len(text)
    suffix = text[end:]
    return [indent + prefix + "(", *_inner(text[len(prefix) : end], indent + INDENT), indent + ")" + suffix]


def statement(text: str, indent: str) -> str:
    """One simple statement at `indent`, laid out as black does."""
    if fits(indent + text):
        return indent + text
    scan = _scan(text)
    words = scan.words
    if words[0] == "if" and words[-1] == ":":
        lines = _optional(text, "if ", text[3:-1], ":", indent)
    elif words[0] == "return":
        lines = _optional(text, "return ", text[7:], "", indent)
    else:
        depth, equals = 0, []
        for i, word in enumerate(words):
            depth += (word in _OPENING) - (word in _CLOSING)
            if word == "=" and depth == 0:
                equals.append(i)
        if len(equals) > 1 or (equals and ":" in words[: equals[0]]):
            lines = [indent + text]  # chained or annotated: not emitted long
        elif equals:
            cut = scan.spans[equals[0]][1] + 1
            lines = _optional(text, text[:cut], text[cut:], "", indent)
        else:  # raise, a call: no optional parentheses
            lines = _split_at(_last_bracket(scan), text, indent)
    return "\n".join(lines)


def _optional(text: str, prefix: str, body: str, suffix: str, indent: str) -> list[str]:
    """black's split of `prefix body suffix` where black wraps `body` in invisible parentheses:
    at the last bracket pair of the statement if black may leave the parentheses out, else
    inside them."""
    inner = indent + INDENT
    scan = _scan(body)
    if _can_omit(scan, inner):
        split = _last_bracket(_scan(text))
        if split is None:
            if len(scan.words) < 2 and not fits(inner + body):
                return [indent + text]
        elif _prefer_split(prefix, split[0], indent):
            return _split_at(split, text, indent)
    if not fits(indent + prefix + "(") or not fits(indent + ")" + suffix):
        return [indent + text]
    return [indent + prefix + "(", *_inner(body, inner), indent + ")" + suffix]


def _can_omit(scan: _Scan, indent: str) -> bool:
    """black's `can_omit_invisible_parens` for the body `scan` at `indent`."""
    words, n = scan.words, len(scan.words)
    if not scan.delimiters:
        return True
    top = max(scan.delimiters.values())
    if list(scan.delimiters.values()).count(top) > 1:
        return False
    if top == _DOT:
        return True
    if n < 2:
        return False
    if words[0] in _OPENING and words[1] not in _CLOSING:
        close = next(i for i, o in scan.opening.items() if o == 0)
        length = len(indent)
        for i in range(close, n):
            length += scan.spans[i][1] - (scan.spans[i - 1][1] if i else 0)
            if length > LINE_LENGTH:
                break
            if words[i] in _OPENING:
                return True
        else:
            return True
    if words[-1] in ")}" or (words[-1] == "]" and _is_atom(scan, scan.opening[n - 1])):
        o = scan.opening[n - 1]
        if o == n - 2:
            return False
        if any(w in _OPENING for w in words[:o]) or len(indent) + scan.spans[o][1] <= LINE_LENGTH:
            return True
    return False


def _prefer_split(prefix: str, head: str, indent: str) -> bool:
    """black's `_prefer_split_rhs_oop_over_rhs`: split at the last bracket rather than add parentheses?"""
    before = _scan(prefix).words
    if not before or before[-1] != "=":
        return True
    if not any(w in _OPENING or w in _CLOSING for w in before):
        return True
    if not fits(indent + prefix + " "):  # the head must fit with a column to spare
        return True
    words = _scan(head).words
    for word in reversed(words):
        if word == "=":
            break
        if word in _CLOSING:
            return True
    return "=" in words and fits(indent + head)


def annotated(name: str, annotation: str, suffix: str, indent: str) -> str:
    """`name: annotation` (a class-level field or a parameter, with its `suffix`): black wraps a
    long annotation in parentheses."""
    text = f"{name}: {annotation}{suffix}"
    if fits(indent + text):
        return indent + text
    return "\n".join(_optional(text, f"{name}: ", annotation, suffix, indent))


def def_line(head: str, params: list[str], tail: str, indent: str) -> str:
    """A `def` line as black splits it: the parameters on their own line, else one per line."""
    one = f"{head}{', '.join(params)}){tail}"
    if fits(indent + one):
        return indent + one
    if len(params) > 1 and fits(indent + INDENT + ", ".join(params)):
        return f"{indent}{head}\n{indent}{INDENT}{', '.join(params)}\n{indent}){tail}"
    return indent + bracket(head, params, tail, indent=indent)


def block(lines: list[tuple[int, str]]) -> str:
    """Statements at their depth (in indents) -> the text."""
    return "\n".join(statement(text, INDENT * depth) for depth, text in lines)


def export_order(names: list[str]) -> list[str]:
    """`__all__` order as linters expect it (ruff's RUF022): CONSTANTS, then Classes, then
    functions, each in natural order (`C2` before `C10`)."""
    return sorted(names, key=export_key)


def export_key(name: str) -> tuple[int, list[tuple[int, int, str]]]:
    kind = 0 if len(name) > 1 and name.isupper() else 1 if name[:1].isupper() else 2
    return kind, [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", name) if t]
