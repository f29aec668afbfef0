"""IR models and enums -> the code fragments `models.py.jinja` stitches together.

Every `from_dict`/`to_dict` is specialised per model here: a fixed sequence of lookups and
conversions decided from the field types, so the generated code does no per-call reflection.
Values from the spec reach the code only through `literal()` (repr) or checked identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator import ir
from generator.layout import INDENT, LINE_LENGTH, bracket, fits, literal, value
from generator.text import docstring

_CHECK = {"string": "str", "integer": "int", "boolean": "bool"}


@dataclass(frozen=True)
class FieldView:
    py_name: str
    declaration: str  # the class-level annotation line, e.g. `    id: str | None | Unset`
    parameter: str  # its __init__ parameter line(s), with default and comma: `        id: str | None | Unset = UNSET,`
    docstring: str


@dataclass(frozen=True)
class FlatView:
    py_name: str
    via: str
    target: str
    getter: str  # the property's `def` line(s)
    get_body: str
    setter: str
    set_body: str


@dataclass(frozen=True)
class ModelView:
    """Every line that depends on the model comes laid out (and indented) as black writes it."""

    py_name: str
    docstring: str
    fields: tuple[FieldView, ...]
    slots: str  # the `__slots__` statement
    required: str  # the `__dataclass_fields__` statement
    init: tuple[str, ...]  # the field assignments of __init__
    eq: str  # the body of __eq__
    known: str  # the module constant holding the wire names
    from_dict_def: str
    from_dict: str  # body lines
    to_dict: str
    repr: str
    flattened: tuple[FlatView, ...]
    secret_class: str | None  # `class _Secret<Name>(<Name>):`, the view read from secret fields
    secret_docstring: str
    secret_repr: str


@dataclass(frozen=True)
class EnumView:
    py_name: str
    bases: str
    docstring: str
    members: tuple[str, ...]  # `    NAME = "value"` lines
    lookup: str  # the statement binding value -> member
    reader_def: str  # `def _in_<Name>(value: Any) -> ...:`
    reader_body: str


class ModelEmitter:
    def __init__(self, api: ir.Api) -> None:
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}
        self.api = api
        self.used: set[str] = set()  # runtime helpers the emitted code calls
        # Models that secret fields hold (directly or as items): they get a masked view class.
        self.secret_models = {
            ref for m in api.models for f in m.fields if f.secret for ref in _model_refs(f.type)
        }

    def _use(self, helper: str) -> str:
        self.used.add(helper)
        return helper

    # -- annotations --------------------------------------------------------------------------

    def annotation(self, t: ir.Type) -> str:
        if t.kind == "model":
            return self.models[t.ref or ""].py_name
        if t.kind == "enum":
            enum = self.enums[t.ref or ""]
            return f"{enum.py_name} | {_scalar(enum.value_kind)}" if enum.extensible else enum.py_name
        if t.kind == "array":
            return f"list[{self.annotation(t.item or ir.Type('any'))}]"
        if t.kind == "map":
            return f"dict[str, {self.annotation(t.item or ir.Type('any'))}]"
        return {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "datetime": "datetime"}.get(t.kind, "Any")

    def field_annotation(self, f: ir.Field) -> str:
        base = self.annotation(f.type)
        if f.required and not f.read_only:
            return base
        return f"{base} | None | Unset"

    # -- wire -> Python -----------------------------------------------------------------------

    def needs_conversion(self, t: ir.Type) -> bool:
        if t.kind in ("model", "enum", "datetime"):
            return True
        if t.kind in ("array", "map") and t.item is not None:
            return self.needs_conversion(t.item)
        return False

    def read_expr(self, t: ir.Type, var: str, secret: bool = False) -> str:
        """An expression turning the (non-null) wire value in `var` into its Python value.

        Models read from a secret field become their `_Secret...` view, whose repr shows nothing."""
        if t.kind in ("array", "map"):
            item = t.item or ir.Type("any")
            helper = self._use("_read_list" if t.kind == "array" else "_read_map")
            return f"{helper}({var}, {self.reader(item, secret) if self.needs_conversion(item) else 'None'})"
        return f"{self.reader(t, secret)}({var})"

    def reader(self, t: ir.Type, secret: bool = False) -> str:
        """The same as a callable (for the items of arrays and maps)."""
        if t.kind == "model":
            name = self.models[t.ref or ""].py_name
            return f"_Secret{name}.from_dict" if secret else f"{name}.from_dict"
        if t.kind == "enum":
            return f"_in_{self.enums[t.ref or ''].py_name}"
        if t.kind == "datetime":
            return self._use("_read_datetime")
        if t.kind in ("array", "map"):
            return f"lambda v: {self.read_expr(t, 'v', secret)}"
        return self._use("_identity")

    def read_statements(self, f: ir.Field, var: str) -> list[tuple[int, str]]:
        """The statements reading field `f` into `var`, each with its depth (in indents)."""
        wire = literal(f.wire_name)
        lines = [(0, f"{var} = get({wire}, UNSET)")]
        if f.required and not f.read_only:
            lines += [(0, f"if {var} is UNSET:"), (1, f"raise DecodeError({literal('required property ' + repr(f.wire_name) + ' is missing')})")]
        t = f.type
        required = f.required and not f.read_only
        # A required field must be there and must not be null; an optional one may be either.
        present = f"{var} is not UNSET and {var} is not None"

        def guarded(*body: str) -> list[tuple[int, str]]:
            return [(0, b) for b in body] if required else [(0, f"if {present}:"), *((1, b) for b in body)]

        if t.kind in _CHECK:
            check = f"{var}.__class__ is not {_CHECK[t.kind]}"
            lines += [(0, f"if {check}{'' if required else ' and ' + present}:"), (1, f"raise _type_error({literal(t.kind)}, {var}).at({wire})")]
        elif t.kind == "number":
            check = f"{var}.__class__ is not float and {var}.__class__ is not int"
            lines += [(0, f"if {check}{'' if required else ' and ' + present}:"), (1, f'raise _type_error("number", {var}).at({wire})')]
        elif t.kind == "enum" and f.secret:
            lines += guarded(f"k = {wire}", f"{var} = {self._use('_secret_value')}({self.reader(t)}, {var})")
        elif self.needs_conversion(t) or t.kind in ("array", "map"):
            lines += guarded(f"k = {wire}", f"{var} = {self.read_expr(t, var, f.secret)}")
        return lines

    # -- Python -> wire -----------------------------------------------------------------------

    def writer(self, t: ir.Type, var: str, depth: int = 0) -> str:
        """An expression turning the Python value in `var` back into its wire value."""
        if t.kind == "model":
            return f"{var}.to_dict(request=request)"
        if t.kind == "enum":
            enum = self.enums[t.ref or ""]
            return f"({var}._value_ if {var}.__class__ is {enum.py_name} else {var})"
        if t.kind == "datetime":
            return f"{self._use('_write_datetime')}({var})"
        if t.kind == "array":
            item = t.item or ir.Type("any")
            x = f"x{depth}"
            return f"[{self.writer(item, x, depth + 1)} for {x} in {var}]" if self.needs_conversion(item) else f"list({var})"
        if t.kind == "map":
            item = t.item or ir.Type("any")
            k, x = f"k{depth}", f"x{depth}"
            return f"{{{k}: {self.writer(item, x, depth + 1)} for {k}, {x} in {var}.items()}}" if self.needs_conversion(item) else f"dict({var})"
        return var

    # -- views --------------------------------------------------------------------------------

    def model_view(self, m: ir.Model) -> ModelView:
        known_name = f"_KEYS_{m.py_name}"
        # The object is made without __init__ (half the cost) and every slot is set below.
        read: list[tuple[int, str]] = [
            (2, "if data.__class__ is not dict:"),
            (3, f'raise _type_error("object", data, {literal(m.name)})'),
            (2, "obj = object.__new__(cls)"),
        ]
        if m.fields:
            read += [(2, "get: Any = data.get"), (2, "k = None"), (2, "try:")]
            for f in m.fields:
                read += [(3 + depth, line) for depth, line in self.read_statements(f, "v")]
                read.append((3, f"obj.{f.py_name} = v"))
            read += [(2, "except DecodeError as exc:"), (3, "raise exc.at(k) if k is not None else exc from None")]
        read += [
            (2, f"obj.additional_properties = {{}} if {known_name}.issuperset(data) else {{key: value for key, value in data.items() if key not in {known_name}}}"),
            (2, "return obj"),
        ]
        write = [(2, "out: dict[str, Any] = {}")]
        for f in m.fields:
            var = f"f_{f.py_name}"
            written = self.writer(f.type, var)
            if written != var:
                written = f"None if {var} is None else {written}"
            line = f"out[{literal(f.wire_name)}] = {written}"
            if f.required and not f.read_only:  # always set: the constructor requires it
                write += [(2, f"{var} = self.{f.py_name}"), (2, line)]
            else:
                cond = f"{var} is not UNSET" + (" and not request" if f.read_only else "")
                write += [(2, f"{var} = self.{f.py_name}"), (2, f"if {cond}:"), (3, line)]
        write += [(2, "if self.additional_properties:"), (3, "out.update(self.additional_properties)"), (2, "return out")]
        rep = [(2, "parts: list[str] = []")]
        for f in m.fields:
            # py_name is a checked identifier, so it may stand inside the f-string.
            shown = f'"{f.py_name}=***"' if f.secret else f'f"{f.py_name}={{self.{f.py_name}!r}}"'
            if f.required and not f.read_only:
                rep += [(2, f"parts.append({shown})")]
            else:
                rep += [(2, f"if self.{f.py_name} is not UNSET:"), (3, f"parts.append({shown})")]
        rep += [
            (2, "if self.additional_properties:"),
            (3, 'parts.append(f"additional_properties=<{len(self.additional_properties)} unknown fields>")'),
            (2, f'return {literal(m.py_name + "(")} + ", ".join(parts) + ")"'),
        ]
        flat = []
        for fl in m.flattened:
            outer = next(f for f in m.fields if f.py_name == fl.via)
            inner = self.models[outer.type.ref or ""]
            creatable = not any(f.required and not f.read_only for f in inner.fields)
            annotation = self.annotation(fl.type) + " | None | Unset"
            create = f"inner = self.{fl.via} = {inner.py_name}()" if creatable else f"raise AttributeError({literal(f'set {fl.via} first: it has required fields')})"
            flat.append(
                FlatView(
                    py_name=fl.py_name,
                    via=fl.via,
                    target=fl.target,
                    getter=_def(f"def {fl.py_name}(", ["self"], f" -> {annotation}:", INDENT),
                    get_body=_block([(2, f"inner = self.{fl.via}"), (2, f"return UNSET if inner is UNSET or inner is None else inner.{fl.target}")]),
                    setter=_def(f"def {fl.py_name}(", ["self", f"value: {annotation}"], " -> None:", INDENT),
                    set_body=_block([(2, f"inner = self.{fl.via}"), (2, "if inner is UNSET or inner is None:"), (3, create), (2, f"inner.{fl.target} = value")]),
                )
            )
        fields = sorted(m.fields, key=lambda f: not (f.required and not f.read_only))
        views = []
        for f in fields:
            annotation = self.field_annotation(f)
            required = f.required and not f.read_only
            parameter = _annotated(f.py_name, annotation, "," if required else " = UNSET,", INDENT * 2)
            views.append(FieldView(f.py_name, _annotated(f.py_name, annotation, "", INDENT), parameter, docstring(_field_doc(f), 4)))
        names = [f.py_name for f in m.fields] + ["additional_properties"]
        return ModelView(
            py_name=m.py_name,
            docstring=docstring(m.description or f"The {m.name} model.", 4),
            fields=tuple(views),
            slots=INDENT + value("__slots__ = ", tuple(sorted(names, key=_natural)), indent=INDENT),
            required=_stmt(f"__dataclass_fields__ = _DataclassFields({literal(tuple(f.py_name for f in fields if f.required and not f.read_only))})", INDENT),
            init=tuple(_stmt(f"self.{f.py_name} = {f.py_name}", INDENT * 2) for f in fields),
            eq=_block([(2, f"if not isinstance(other, {m.py_name}):"), (3, "return NotImplemented")]) + "\n" + _equal(names),
            known=_stmt(f"{known_name} = frozenset({literal(sorted(f.wire_name for f in m.fields))})", ""),
            from_dict_def=_def("def from_dict(", ["cls", "data: Any"], f" -> {m.py_name}:", INDENT),
            from_dict=_block(read),
            to_dict=_block(write),
            repr=_block(rep),
            flattened=tuple(flat),
            secret_class=_stmt(f"class _Secret{m.py_name}({m.py_name}):", "") if m.name in self.secret_models else None,
            secret_docstring=docstring(f"{m.py_name} as read from a secret field: its repr shows no value.", 4),
            secret_repr=_stmt(f"return {literal(m.py_name + '(***)')}", INDENT * 2),
        )

    def enum_view(self, e: ir.Enum) -> EnumView:
        bases = {"string": "str, Enum", "integer": "int, Enum"}.get(e.value_kind, "Enum")
        doc = e.description or f"The {e.name} values."
        if e.extensible:
            doc += "\n\nExtensible: values not listed here are accepted and kept as plain strings."
        lookup = [f"{literal(m.value)}: {e.py_name}.{m.py_name}" for m in e.members]
        returns = f"{e.py_name} | str" if e.extensible else e.py_name
        return EnumView(
            py_name=e.py_name,
            bases=bases,
            docstring=docstring(doc, 4),
            members=tuple(_stmt(f"{m.py_name} = {literal(m.value)}", INDENT) for m in e.members),
            lookup=bracket(f"_VALUES_{e.py_name}: dict[Any, {e.py_name}] = {{", lookup, closer="}"),
            reader_def=_def(f"def _in_{e.py_name}(", ["value: Any"], f" -> {returns}:", ""),
            reader_body=_stmt(f"return _read_enum(_VALUES_{e.py_name}, value, {literal(e.py_name)}, {e.extensible})", INDENT),
        )


def _equal(names: list[str]) -> str:
    """`return (self.a, ...) == (other.a, ...)` in __eq__; exploded with magic trailing commas
    (a layout black keeps) where it does not fit."""
    indent = INDENT * 2
    ours, theirs = [f"self.{n}" for n in names], [f"other.{n}" for n in names]
    if len(names) == 1:
        return f"{indent}return ({ours[0]},) == ({theirs[0]},)"
    one = f"{indent}return ({', '.join(ours)}) == ({', '.join(theirs)})"
    if fits(one):
        return one
    inner = indent + INDENT
    lines = [f"{indent}return (", *(f"{inner}{n}," for n in ours), f"{indent}) == (", *(f"{inner}{n}," for n in theirs), f"{indent})"]
    return "\n".join(lines)


def _model_refs(t: ir.Type) -> set[str]:
    """The models a value of type `t` holds directly or as array/map items."""
    if t.kind == "model" and t.ref:
        return {t.ref}
    return _model_refs(t.item) if t.item is not None else set()


def _natural(name: str) -> list[Any]:
    """Natural order (`a2` before `a10`), as linters expect `__slots__`."""
    return [(0, int(t), "") if t.isdigit() else (1, 0, t) for t in re.split(r"(\d+)", name) if t]


def _scalar(kind: str) -> str:
    return {"integer": "int", "number": "float", "boolean": "bool"}.get(kind, "str")


def _field_doc(f: ir.Field) -> str:
    notes = []
    if f.wire_name != f.py_name:
        notes.append(f"Wire name: `{f.wire_name}`.")
    if f.read_only:
        notes.append("Read-only: kept when parsing, left out of request bodies.")
    if f.secret:
        notes.append("Secret: never shown in repr() or messages.")
    return " ".join([f.description.strip()] + notes).strip() if f.description else " ".join(notes)


# -- layout: black's split of each statement emitted here -------------------------------------
#
# A statement that fits stays on one line; one that does not is split where black splits it, for
# the shapes this module emits (calls, conditions, ternaries, comprehensions, `+` chains). These
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


def _inner(text: str, indent: str, explode: bool = False) -> list[str]:
    """The lines black makes of `text` inside brackets at `indent`: split at its delimiters of
    the highest priority, else at its last bracket pair."""
    if not explode and fits(indent + text):
        return [indent + text]
    scan = _scan(text)
    top, count = _top(scan)
    if top and not (top == _DOT and count == 1):
        pieces, start = [], 0
        for i, (_, end) in enumerate(scan.spans):
            if scan.delimiters.get(i) == top and i != len(scan.words) - 1:
                pieces.append(text[scan.spans[start][0] : end])
                start = i + 1
        pieces.append(text[scan.spans[start][0] :])
        if top == _COMMA and not pieces[-1].endswith(","):
            pieces[-1] += ","
        return [line for piece in pieces for line in _inner(piece, indent)]
    return _split_at(_last_bracket(scan), text, indent)


def _split_at(split: tuple[str, str, str, bool] | None, text: str, indent: str) -> list[str]:
    if split is None:
        return [indent + text]
    head, body, tail, atom = split
    if not fits(indent + tail) or (not fits(indent + head) and any(w in _CLOSING for w in _scan(head).words)):
        return [indent + text]  # black would try splitting elsewhere: left long, it is black's to do
    explode = atom and _top(_scan(body))[0] == _COMMA  # a collection's items go one per line
    return [indent + head, *_inner(body, indent + INDENT, explode), indent + tail]


def _stmt(text: str, indent: str) -> str:
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


def _annotated(name: str, annotation: str, suffix: str, indent: str) -> str:
    """`name: annotation` (a class-level field or a parameter, with its `suffix`): black wraps a
    long annotation in parentheses."""
    text = f"{name}: {annotation}{suffix}"
    if fits(indent + text):
        return indent + text
    return "\n".join(_optional(text, f"{name}: ", annotation, suffix, indent))


def _def(head: str, params: list[str], tail: str, indent: str) -> str:
    """A `def` line as black splits it: the parameters on their own line, else one per line."""
    one = f"{head}{', '.join(params)}){tail}"
    if fits(indent + one):
        return indent + one
    if len(params) > 1 and fits(indent + INDENT + ", ".join(params)):
        return f"{indent}{head}\n{indent}{INDENT}{', '.join(params)}\n{indent}){tail}"
    return indent + bracket(head, params, tail, indent=indent)


def _block(lines: list[tuple[int, str]]) -> str:
    """Statements at their depth (in indents) -> the text."""
    return "\n".join(_stmt(text, INDENT * depth) for depth, text in lines)
