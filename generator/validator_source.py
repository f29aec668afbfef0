"""Helpers for writing Python source: a line writer, boolean-expression tidying, literals.

Everything the validator emitter puts into generated code passes through here: indentation
(:class:`Writer`), negation without needless parentheses (:func:`negate`, so the output is
ruff-clean), JSON values as literals of exact JSON types only (:func:`literal`, quoted as black
quotes them), and black's layout of statements too long for one line (:func:`split_statement`).
"""

from __future__ import annotations

import ast
import io
import math
import re
import tokenize
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from generator.layout import LINE_LENGTH, width
from generator.layout import literal as _layout_literal

__all__ = [
    "SchemaCompileError",
    "Writer",
    "group",
    "is_bool",
    "literal",
    "negate",
    "split_statement",
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
        """The source, split where a line is too long exactly as black would split it."""
        out = []
        for lvl, text in self.lines:
            line = "    " * lvl + text
            if len(line) > LINE_LENGTH or (not line.isascii() and width(line) > LINE_LENGTH):
                out.extend(split_statement(text, lvl))
            else:
                out.append(line)
        return "".join(line + "\n" for line in out)


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


# -- black's line splitting ------------------------------------------------------------------
#
# A generated statement wider than the line length is split the way black splits it, so the
# module needs no black run.  What follows is a port of the part of black's `linegen` that such
# statements reach (right_hand_split with its trailer omission and optional parentheses,
# delimiter_split, the "second opinion" with forced parentheses) over a token list of the
# statement.  Statements it does not understand are left on one line: black then runs on the
# module (see `generator.format.needs_black`), so a gap costs time, never correctness.

_LINE_LENGTH = LINE_LENGTH
_COMPREHENSION, _COMMA, _TERNARY, _LOGIC, _STRING, _COMPARATOR, _DOT = 20, 18, 16, 14, 12, 10, 1
_MATH = {"|": 9, "^": 8, "&": 7, "<<": 6, ">>": 6, "+": 5, "-": 5, "*": 4, "/": 4, "//": 4, "%": 4, "@": 4}
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {")": "(", "]": "[", "}": "{"}
_KEYWORDS = frozenset(
    ("and", "as", "assert", "await", "del", "elif", "else", "for", "from", "if", "import", "in", "is")
    + ("lambda", "not", "or", "return", "while", "with", "yield")
)
_ASSIGN = frozenset(("=", "+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//="))
_TOKEN_KINDS = {tokenize.NAME: "NAME", tokenize.NUMBER: "NUMBER", tokenize.STRING: "STRING", tokenize.OP: "OP"}


class _CannotSplit(Exception):
    pass


class _Leaf:
    """One token, shared by every line it lands on (black mutates depth, prefix and value)."""

    __slots__ = (
        "after",
        "atom",
        "attached",
        "bdepth",
        "before",
        "br",
        "call_comma",
        "kind",
        "opening",
        "prefix",
        "subscript",
        "value",
        "ws",
    )

    def __init__(self, kind: str, value: str, ws: str) -> None:
        self.kind = kind
        self.value = value
        self.ws = ws  # the whitespace black puts before it (restored on a re-built line)
        self.prefix = ws
        self.br = value if kind == "OP" and value in "()[]{}" and value else None
        self.before = 0  # priority of a split before this leaf
        self.after = 0  # priority of a split after it (commas)
        self.atom = False  # an opening bracket of a display / parenthesised atom (not a trailer)
        self.subscript = False  # a closing ] of a subscript
        self.call_comma = False  # a comma directly inside a call's or signature's parentheses
        self.attached = True  # black's leaf.parent is not None
        self.opening: _Leaf | None = None
        self.bdepth = 0

    def copy(self) -> _Leaf:
        new = _Leaf(self.kind, self.value, self.ws)
        new.br, new.before, new.after, new.atom = self.br, self.before, self.after, self.atom
        new.subscript, new.call_comma, new.attached = self.subscript, self.call_comma, self.attached
        return new


def _invisible(br: str, ws: str) -> _Leaf:
    leaf = _Leaf("OP", "", ws)
    leaf.br = br
    leaf.atom = br == "("
    return leaf


class _Line:
    def __init__(self, depth: int, inside: bool = False) -> None:
        self.depth = depth
        self.inside = inside
        self.leaves: list[_Leaf] = []
        self.should_split_rhs = False
        self.magic: _Leaf | None = None
        # black's BracketTracker
        self.bt_depth = 0
        self.match: dict[tuple[int, str], _Leaf] = {}
        self.delims: dict[int, int] = {}
        self.prev: _Leaf | None = None
        self.for_depths: list[int] = []
        self.invisible: list[_Leaf] = []

    def __bool__(self) -> bool:
        return bool(self.leaves)

    def append(self, leaf: _Leaf, *, preformatted: bool = True, track: bool = False) -> None:
        if leaf.br is None and not leaf.value.strip():
            return
        if self.inside or not preformatted or track:
            self.mark(leaf)
            if self.magic_comma(leaf):
                self.magic = leaf
        self.leaves.append(leaf)

    def mark(self, leaf: _Leaf) -> None:
        if self.bt_depth == 0 and leaf.br in _CLOSE and (0, leaf.br) not in self.match:
            return
        if self.for_depths and self.for_depths[-1] == self.bt_depth and leaf.kind == "NAME" and leaf.value == "in":
            self.bt_depth -= 1
            self.for_depths.pop()
        if leaf.br in _CLOSE:
            self.bt_depth -= 1
            opening = self.match.pop((self.bt_depth, leaf.br), None)
            if opening is None:
                raise _CannotSplit("unmatched bracket")
            leaf.opening = opening
            if not leaf.value:
                self.invisible.append(leaf)
        leaf.bdepth = self.bt_depth
        if self.bt_depth == 0:
            delim = _split_before(leaf, self.prev)
            if delim and self.prev is not None:
                self.delims[id(self.prev)] = delim
            elif leaf.after:
                self.delims[id(leaf)] = leaf.after
        if leaf.br in _OPEN:
            self.match[(self.bt_depth, _OPEN[leaf.br])] = leaf
            self.bt_depth += 1
            if not leaf.value:
                self.invisible.append(leaf)
        self.prev = leaf
        if leaf.kind == "NAME" and leaf.value == "for":
            self.bt_depth += 1
            self.for_depths.append(self.bt_depth)

    def magic_comma(self, closing: _Leaf) -> bool:
        if not (closing.br in _CLOSE and self.leaves and self.leaves[-1].value == ","):
            return False
        if closing.br == "}":
            return True
        if closing.br == "]":
            return not (closing.subscript and _one_sequence(closing.opening, closing, self.leaves, "["))
        return closing.opening is not None and not _one_sequence(closing.opening, closing, self.leaves, "(")

    def text(self) -> str:
        if not self.leaves:
            return ""
        first = self.leaves[0]
        rest = "".join(leaf.prefix + leaf.value for leaf in self.leaves[1:])
        return f"{first.prefix}{'    ' * self.depth}{first.value}{rest}"

    def short(self, limit: int = _LINE_LENGTH) -> bool:
        return width(self.text()) <= limit

    def max_priority(self, exclude: _Leaf | None = None) -> int:
        """Highest delimiter priority (0 when there is none)."""
        skip = id(exclude) if exclude is not None else None
        return max((v for k, v in self.delims.items() if k != skip), default=0)

    def count(self, priority: int) -> int:
        return sum(1 for v in self.delims.values() if v == priority)


def _split_before(leaf: _Leaf, prev: _Leaf | None) -> int:
    """black's is_split_before_delimiter (its parse-tree facts precomputed in ``before``)."""
    if leaf.kind == "OP" and leaf.value == ".":
        return _DOT if leaf.attached and (prev is None or prev.br in _CLOSE) else 0
    if leaf.kind == "STRING":
        return _STRING if prev is not None and prev.kind == "STRING" else 0
    if not leaf.before:
        return 0
    if leaf.kind == "OP":
        return leaf.before if leaf.before == _COMPARATOR or leaf.attached else 0
    if leaf.value == "is":
        return _COMPARATOR
    if not leaf.attached:
        return 0
    after_word = prev.value if prev is not None and prev.kind == "NAME" else ""
    if (leaf.value, after_word) in (("in", "not"), ("not", "is")):
        return 0
    return leaf.before


def _one_sequence(opening: _Leaf | None, closing: _Leaf, leaves: list[_Leaf], br: str) -> bool:
    if opening is None or opening.br != br or closing.br != _OPEN[br]:
        return False
    depth = closing.bdepth + 1
    try:
        start = next(i for i, leaf in enumerate(leaves) if leaf is opening)
    except StopIteration:
        return False
    commas = 0
    for leaf in leaves[start + 1 :]:
        if leaf is closing:
            break
        if leaf.bdepth == depth and leaf.value == "," and leaf.kind == "OP":
            commas += 1
            if leaf.call_comma:
                commas += 1
                break
    return commas < 2


def _tokens(text: str) -> list[_Leaf]:
    leaves: list[_Leaf] = []
    end = 0
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER):
            continue
        kind = _TOKEN_KINDS.get(tok.type)
        if kind is None or tok.start[0] != 1:
            raise _CannotSplit(f"token {tok.string!r}")
        leaves.append(_Leaf(kind, tok.string, text[end : tok.start[1]]))
        end = tok.end[1]
    return leaves


def _matching(leaves: list[_Leaf], start: int) -> int:
    depth = 0
    for i in range(start, len(leaves)):
        if leaves[i].br in _OPEN:
            depth += 1
        elif leaves[i].br in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    raise _CannotSplit("unbalanced")


def _top_level(leaves: list[_Leaf], value: str) -> bool:
    depth = 0
    for leaf in leaves:
        if leaf.br in _OPEN:
            depth += 1
        elif leaf.br in _CLOSE:
            depth -= 1
        elif depth == 0 and leaf.value == value and leaf.kind in ("OP", "NAME"):
            return True
    return False


def _parenthesize(leaves: list[_Leaf], start: int, stop: int) -> list[_Leaf]:
    """black's normalize_invisible_parens for the child ``leaves[start:stop]``."""
    child = leaves[start:stop]
    if not child:
        return leaves
    first = child[0]
    if first.br == "(" and _matching(leaves, start) == stop - 1:  # (a list/dict/set is wrapped)
        if len(child) == 2 or _top_level(child[1:-1], ",") or _top_level(child[1:-1], "for"):
            return leaves  # a tuple or generator keeps its visible parentheses
        raise _CannotSplit("redundant parentheses")  # Writer.line drops these
    lpar, rpar = _invisible("(", first.ws), _invisible(")", "")
    first.ws = first.prefix = ""
    return leaves[:start] + [lpar, *child, rpar] + leaves[stop:]


def _statement(text: str) -> list[_Leaf]:
    """The statement's leaves with black's invisible parentheses and delimiter priorities."""
    leaves = _tokens(text)
    if not leaves:
        raise _CannotSplit("empty")
    head = leaves[0].value if leaves[0].kind == "NAME" else ""
    if head in ("if", "elif", "while") and leaves[-1].value == ":":
        leaves = _parenthesize(leaves, 1, len(leaves) - 1)
    elif head == "return":
        leaves = _parenthesize(leaves, 1, len(leaves))
    elif head == "for" and leaves[-1].value == ":":
        inside = next((i for i, leaf in enumerate(leaves) if leaf.value == "in" and leaf.kind == "NAME"), None)
        if inside is None:
            raise _CannotSplit("for without in")
        leaves = _parenthesize(leaves, inside + 1, len(leaves) - 1)
        leaves = _parenthesize(leaves, 1, inside)
    elif head in _KEYWORDS or head in ("def", "class", "async", "try", "except", "finally", "match", "case"):
        raise _CannotSplit(f"statement {head!r}")
    else:
        depth = 0
        for i, leaf in enumerate(leaves):
            if leaf.br in _OPEN:
                depth += 1
            elif leaf.br in _CLOSE:
                depth -= 1
            elif depth == 0 and leaf.kind == "OP" and leaf.value in _ASSIGN:
                if leaf.value == "=" and _top_level(leaves[i + 1 :], "="):
                    raise _CannotSplit("chained assignment")
                leaves = _parenthesize(leaves, i + 1, len(leaves))
                break
    _roles(leaves)
    return leaves


def _roles(leaves: list[_Leaf]) -> None:
    """Set the parse-tree facts black's delimiter priorities depend on."""
    stack: list[tuple[_Leaf | None, dict[str, bool]]] = [(None, {"comp": False, "for": False, "call": False})]
    prev: _Leaf | None = None
    for i, leaf in enumerate(leaves):
        ctx = stack[-1][1]
        operand_before = prev is not None and (
            prev.kind in ("NUMBER", "STRING")
            or (prev.kind == "NAME" and prev.value not in _KEYWORDS)
            or prev.br in _CLOSE
        )
        if leaf.br in _OPEN:
            leaf.atom = not operand_before or not leaf.value
            stack.append((leaf, {"comp": False, "for": False, "call": leaf.br == "(" and not leaf.atom}))
        elif leaf.br in _CLOSE:
            opening = stack.pop()[0]
            if opening is None or _OPEN[opening.br or ""] != leaf.br:
                raise _CannotSplit("unbalanced")
            leaf.opening = opening
            leaf.subscript = leaf.br == "]" and not opening.atom
        elif leaf.kind == "OP":
            if leaf.value == ",":
                leaf.after = 0 if ctx["for"] else _COMMA
                leaf.call_comma = ctx["call"]
            elif leaf.value in ("<", ">", "==", "!=", "<=", ">="):
                leaf.before = _COMPARATOR
            elif leaf.value in _MATH and operand_before:
                leaf.before = _MATH[leaf.value]
            elif leaf.value == "**" and operand_before:
                leaf.before = 2
            elif leaf.value in (":=", "~"):
                raise _CannotSplit(f"operator {leaf.value!r}")
        elif leaf.kind == "NAME":
            value = leaf.value
            if value in ("lambda", "await", "yield", "async"):
                raise _CannotSplit(value)
            if value == "for":
                if i:
                    leaf.before = _COMPREHENSION
                    ctx["comp"] = True
                ctx["for"] = True
            elif value == "in":
                if ctx["for"]:
                    ctx["for"] = False
                else:
                    leaf.before = _COMPARATOR
            elif value == "if" and i:
                leaf.before = _COMPREHENSION if ctx["comp"] else _TERNARY
            elif value == "else" and i:
                leaf.before = _TERNARY
            elif value == "is":
                leaf.before = _COMPARATOR
            elif value == "not":
                nxt = leaves[i + 1] if i + 1 < len(leaves) else None
                if nxt is not None and nxt.kind == "NAME" and nxt.value == "in":
                    leaf.before = _COMPARATOR
            elif value in ("and", "or"):
                leaf.before = _LOGIC
        prev = leaf
    if len(stack) != 1:
        raise _CannotSplit("unbalanced")


class _RHS(NamedTuple):
    head: _Line
    body: _Line
    tail: _Line
    opening: _Leaf
    closing: _Leaf


def _build(leaves: list[_Leaf], original: _Line, opening: _Leaf, component: str) -> _Line:
    result = _Line(original.depth)
    if component == "body":
        result.inside = True
        result.depth += 1
    track: set[int] = set()
    if component == "head":
        track = _inside_matching(leaves)
    for leaf in leaves:
        result.append(leaf, track=id(leaf) in track)
    if component == "body" and _should_split(result, opening):
        result.should_split_rhs = True
    return result


def _inside_matching(leaves: list[_Leaf]) -> set[int]:
    ids: set[int] = set()
    start = next((i for i, leaf in enumerate(leaves) if leaf.br in _OPEN), None)
    if start is None:
        return ids
    stack: list[tuple[str, list[int]]] = []
    for leaf in leaves[start:]:
        if leaf.br in _OPEN:
            stack.append((_OPEN[leaf.br], [id(leaf)]))
        elif leaf.br in _CLOSE:
            if stack and leaf.br == stack[-1][0]:
                _, level = stack.pop()
                level.append(id(leaf))
                ids.update(level)
            else:
                break
        elif stack:
            stack[-1][1].append(id(leaf))
    return ids


def _should_split(line: _Line, opening: _Leaf) -> bool:
    if not line.leaves:
        return False
    last = line.leaves[-1]
    trailing = last.value == "," and last.kind == "OP"
    priority = line.max_priority(last if trailing else None)
    if not priority:
        return False
    return priority == _COMMA and (trailing or opening.atom)


def _first_rhs(line: _Line, omit: frozenset[int] | set[int] = frozenset()) -> _RHS:
    tail: list[_Leaf] = []
    body: list[_Leaf] = []
    head: list[_Leaf] = []
    current = tail
    opening: _Leaf | None = None
    closing: _Leaf | None = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.br in _CLOSE and id(leaf) not in omit:
            opening, closing = leaf.opening, leaf
            current = body
    if not (opening and closing and head):
        raise _CannotSplit("no brackets")
    tail.reverse()
    body.reverse()
    head.reverse()
    h, b, t = (_build(part, line, opening, name) for part, name in ((head, "head"), (body, "body"), (tail, "tail")))
    tail_len = len(t.text().strip())
    if not b.leaves and (tail_len == 0 or tail_len < 3):
        raise _CannotSplit("empty body")
    return _RHS(h, b, t, opening, closing)


def _can_be_split(line: _Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == "STRING" and leaves[1].value == ".":
        calls = dots = 0
        nxt = leaves[-1]
        for leaf in leaves[-2::-1]:
            if leaf.br in _OPEN:
                if nxt.br not in _CLOSE:
                    return False
                calls += 1
            elif leaf.value == "." and leaf.kind == "OP":
                dots += 1
            elif leaf.kind == "NAME":
                if not (nxt.value == "." or nxt.br in _OPEN):
                    return False
            elif leaf.br not in _CLOSE:
                return False
            if dots > 1 and calls > 1:
                return False
            nxt = leaf
    return True


def _lengths(line: _Line) -> Iterator[tuple[int, _Leaf, int]]:
    for i, leaf in enumerate(line.leaves):
        yield i, leaf, len(leaf.prefix) + len(leaf.value)


def _can_omit_invisible_parens(rhs: _RHS) -> bool:
    line = rhs.body
    if not line.delims:
        return True
    priority = line.max_priority()
    if line.count(priority) > 1:
        return False
    if priority == _DOT:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.br in _OPEN and second.br not in _CLOSE:
        remainder, length, index = False, 4 * line.depth, -1
        for index, leaf, leaf_length in _lengths(line):
            if leaf.br in _CLOSE and leaf.opening is first:
                remainder = True
            if remainder:
                length += leaf_length
                if length > _LINE_LENGTH:
                    break
                if leaf.br in _OPEN:
                    remainder = False
        else:
            if len(line.leaves) == index + 1:
                return True
    penultimate, last = line.leaves[-2], line.leaves[-1]
    if last.br in (")", "}") or (last.br == "]" and not last.subscript):
        if penultimate.br in _OPEN:
            return False
        length, seen_other = 4 * line.depth, False
        for _index, leaf, leaf_length in _lengths(line):
            length += leaf_length
            if leaf is last.opening:
                if seen_other or length <= _LINE_LENGTH:
                    return True
            elif leaf.br in _OPEN:
                seen_other = True
    return False


def _prefer_rhs_oop(rhs_oop: _RHS, rhs: _RHS) -> bool:
    head = rhs.head.leaves
    if not (len(head) >= 2 and head[-2].value == "=" and head[-2].kind == "OP"):
        return True
    if not any(leaf.br for leaf in head[:-1]):
        return True
    if not rhs.head.short(_LINE_LENGTH - 1):
        return True
    if rhs.head.magic is not None:
        return True
    closing_after_assign = False
    for leaf in reversed(rhs_oop.head.leaves):
        if leaf.value == "=" and leaf.kind == "OP":
            break
        if leaf.br in _CLOSE:
            closing_after_assign = True
            break
    return closing_after_assign or (
        any(leaf.value == "=" and leaf.kind == "OP" for leaf in rhs_oop.head.leaves) and rhs_oop.head.short()
    )


def _maybe_omit(rhs: _RHS, line: _Line, force: bool, omit: frozenset[int]) -> list[_Line]:
    if (
        not force
        and rhs.opening.br == "("
        and not rhs.opening.value
        and rhs.closing.br == ")"
        and not rhs.closing.value
        and _can_omit_invisible_parens(rhs)
    ):
        omit = frozenset({id(rhs.closing), *omit})
        try:
            rhs_oop = _first_rhs(line, omit)
            if _prefer_rhs_oop(rhs_oop, rhs):
                return _maybe_omit(rhs_oop, line, force, omit)
        except _CannotSplit:
            if sum(1 for leaf in line.leaves if leaf.value == "=" and leaf.kind == "OP") > 1:
                pass
            elif not _can_be_split(rhs.body) and not rhs.body.short():
                raise
    if rhs.opening.br == "(":
        rhs.opening.value = "("
    if rhs.closing.br == ")":
        rhs.closing.value = ")"
    return [part for part in (rhs.head, rhs.body, rhs.tail) if part]


def _trailers_to_omit(line: _Line) -> Iterator[frozenset[int]]:
    omit: set[int] = set()
    if not line.magic:
        yield frozenset(omit)
    length = 4 * line.depth
    opening: _Leaf | None = None
    closing: _Leaf | None = None
    inner: set[int] = set()
    for index in range(len(line.leaves) - 1, -1, -1):
        leaf = line.leaves[index]
        length += len(leaf.prefix) + len(leaf.value)
        if length > _LINE_LENGTH:
            break
        prev = line.leaves[index - 1] if index > 0 else None
        if opening:
            if leaf is opening:
                opening = None
            elif leaf.br in _CLOSE:
                if prev and prev.value == "," and leaf.opening is not None and not _one_sequence(
                    leaf.opening, leaf, line.leaves, "("
                ):
                    break
                inner.add(id(leaf))
        elif leaf.br in _CLOSE:
            if prev and prev.br in _OPEN:
                inner.add(id(leaf))
                continue
            if closing:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield frozenset(omit)
            if prev and prev.value == "," and leaf.opening is not None and not _one_sequence(
                leaf.opening, leaf, line.leaves, "("
            ):
                break
            if leaf.value:
                opening, closing = leaf.opening, leaf


def _rhs(line: _Line, force: bool) -> Iterator[_Line]:
    starts: dict[int, int] = {}
    length = 4 * line.depth
    for leaf in line.leaves:
        starts[id(leaf)] = length
        length += len(leaf.prefix) + len(leaf.value)
    first_lines: list[_Line] | None = None
    for omit in _trailers_to_omit(line):
        if omit:
            target = next((leaf.opening for leaf in reversed(line.leaves) if leaf.br in _CLOSE and id(leaf) not in omit), None)
            if target is not None and target.value and starts.get(id(target), 0) > _LINE_LENGTH:
                continue
        lines = _maybe_omit(_first_rhs(line, omit), line, force, omit)
        if first_lines is None and not omit:
            first_lines = lines
        if lines[0].short():
            yield from lines
            return
    if first_lines is not None:
        yield from first_lines
    else:
        yield from _maybe_omit(_first_rhs(line), line, force, frozenset())


def _delimiter_split(line: _Line, force: bool) -> Iterator[_Line]:
    if not line.leaves:
        raise _CannotSplit("empty")
    last = line.leaves[-1]
    priority = line.max_priority(last)
    if not priority:
        raise _CannotSplit("no delimiters")
    if priority == _DOT and line.count(priority) == 1:
        raise _CannotSplit("single attribute")
    current = _Line(line.depth, line.inside)
    for leaf in line.leaves:
        current.append(leaf)
        if line.delims.get(id(leaf)) == priority:
            current.leaves[0].prefix = ""
            yield current
            current = _Line(line.depth, line.inside)
    if current:
        if priority == _COMMA and current.leaves[-1].value != ",":
            comma = _Leaf("OP", ",", "")
            comma.after, comma.attached = _COMMA, False
            current.append(comma)
        current.leaves[0].prefix = ""
        yield current


def _transform(line: _Line, force: bool) -> list[_Line]:
    text = line.text()
    if not line.should_split_rhs and not line.magic and width(text) <= _LINE_LENGTH:
        return [line]
    for transform in (_delimiter_split, _rhs) if line.inside else (_rhs,):
        try:
            return _run(line, transform, force, text)
        except _CannotSplit:
            continue
    return [line]


def _run(line: _Line, transform: Any, force: bool, text: str) -> list[_Line]:
    optional = [leaf for leaf in line.invisible if leaf.bdepth == 0]
    result: list[_Line] = []
    for new in transform(line, force):
        if new.text() == text:
            raise _CannotSplit("unchanged")
        result.extend(_transform(new, force))
    if (
        force
        or transform is not _rhs
        or not line.invisible
        or any(leaf.value for leaf in optional)
        or result[0].short()
        or not all(leaf.attached for leaf in line.leaves)
    ):
        return result
    copy = _Line(line.depth, line.inside)
    copy.should_split_rhs, copy.magic = line.should_split_rhs, line.magic
    for i, leaf in enumerate(line.leaves):
        new_leaf = leaf.copy()
        if not i:
            new_leaf.prefix = ""
        leaf.attached = False
        copy.append(new_leaf, preformatted=False)
    second = _run(copy, transform, True, text)
    if all(part.short() for part in second):
        result = second
    return result


def split_statement(text: str, level: int) -> list[str]:
    """The lines (indented) black makes of statement ``text`` at indentation ``level``.

    A statement this port does not handle comes back whole, too long: the format stage then
    runs black on the module.
    """
    indent = "    " * level
    if width(indent + text) <= _LINE_LENGTH:
        return [indent + text]
    if text.startswith("e.append(_E(") and text.endswith("))"):
        fast = _append_lines(text[12:-2], indent)
        if fast is not None:
            return fast
    try:
        line = _Line(level)
        for leaf in _statement(text):
            line.append(leaf, preformatted=False)
        return [part.text() for part in _transform(line, False)]
    except (_CannotSplit, tokenize.TokenError, IndentationError):
        return [indent + text]


def _append_lines(args: str, indent: str) -> list[str] | None:
    """``e.append(_E(<args>))`` split as black does, when no argument needs splitting itself.

    The common too-long statement, so it skips the general port (which agrees, but is slower).
    """
    inner, deeper = indent + "    ", indent + "        "
    if width(f"{inner}_E({args})") <= _LINE_LENGTH:
        return [f"{indent}e.append(", f"{inner}_E({args})", f"{indent})"]
    if width(deeper + args) <= _LINE_LENGTH:
        middle = [deeper + args]
    else:
        middle = [f"{deeper}{arg}," for arg in split_top(args, ", ")]
        if any(width(line) > _LINE_LENGTH for line in middle):
            return None
    return [f"{indent}e.append(", f"{inner}_E(", *middle, f"{inner})", f"{indent})"]
