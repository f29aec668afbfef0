"""One request parameter's value -> its encoded wire text, as builder statements: the type check,
the spec's constraints, the encoding its location takes (a path segment, a query value, a header),
arrays in their collectionFormat. Values from the spec reach the code only through `literal()`.

A parameter's pattern is translated with .NET's meaning, as the service reads it (Unicode `\\w`,
`\\d`; see generator/validate/regex.py), so a check never refuses a value the service takes; the
IR has made sure it is valid and linear-time to match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from generator import ir
from generator.emit.formats import codec
from generator.emit.statements import BODY, call
from generator.errors import Problem, SpecError
from generator.format.layout import INDENT, literal
from generator.validate.regex import RegexTranslationError, SharedSet, translate_parts

# The helper that checks a value's type and gives its wire text, by kind.
_CONVERTERS = {"string": "_str", "integer": "_int", "number": "_num", "boolean": "_bool", "enum": "_enum"}
# How array items are joined, per collectionFormat: in a URL (the delimiter encoded where a URL
# may not hold it) and in a header.
_URL_DELIMITERS = {"csv": ",", "ssv": "%20", "tsv": "%09", "pipes": "%7C"}
_HEADER_DELIMITERS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}
_ESCAPE = re.compile(r"(%[0-9A-Fa-f]{2})")
# Characters kept as they are in the static parts of a path (RFC 3986 pchar plus "/").
_PATH_SAFE = "/-._~!$&'()*+,;=:@"


@dataclass(frozen=True)
class CheckerView:
    name: str
    cache: str
    body: str  # statements, indented


class ValueEmitter:
    """Writes the statements that leave a parameter's encoded text in `_e_<name>`; remembers the
    module-level things they use (patterns, shared checkers, optional helpers)."""

    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.patterns: dict[tuple[str | SharedSet, ...], str] = {}  # translated pattern -> constant name
        self.shared: dict[str, SharedSet] = {}  # constant name -> a large set the patterns share
        self.checkers: dict[tuple[str, tuple[tuple[str, Any], ...]], CheckerView] = {}
        self.as_codecs: set[str] = set()  # the `_as_<codec>` checks of formatted values used
        self.uses_multiple_of = False
        self.next_operations = {op.next_operation for op in api.operations if op.next_operation}

    def text_converter(self, t: ir.Type) -> str:
        """The helper turning a value into its wire text (after checking its type): a value of a
        format must be of its Python type (a date-time parameter also takes its text, as it
        always has)."""
        found = codec(t)
        if found is not None and found.name != "datetime":
            self.as_codecs.add(found.name)
            return f"_as_{found.name}"
        return "_datetime" if found is not None else _CONVERTERS.get(t.kind, "_json_text")

    def pattern_name(self, pattern: str, where: str) -> str:
        """The module constant holding a parameter's `pattern`, compiled as .NET reads it."""
        try:
            parts = translate_parts(pattern, "dotnet")
        except RegexTranslationError as exc:
            raise problem(where, f"pattern: {exc}") from None
        for part in parts:
            if isinstance(part, SharedSet):
                self.shared[part.constant] = part
        if parts not in self.patterns:
            self.patterns[parts] = f"_PATTERN_{len(self.patterns)}"
        return self.patterns[parts]

    def encoder(self, p: ir.Parameter, op: ir.Operation) -> str:
        """The runtime helper that turns checked wire text into what its location takes."""
        if p in self.api.host_parameters:
            return "_raw_host" if p.skip_url_encoding else "_host_segment"
        if p.location == "path" and p.skip_url_encoding:
            # A next operation's link, at the very end of its path, is sent as the service gave
            # it, query included (`next?page=2`); any other value may not leave the path.
            link = op.operation_id in self.next_operations and p.wire_name.lower() == "nextlink"
            return "_raw_tail" if link and op.path.endswith("{" + p.wire_name + "}") else "_raw_segment"
        if p.location == "path":
            return "_segment"
        if p.location == "query":
            return "_raw_query" if p.skip_url_encoding else "_query_value"
        if p.location == "formData":
            return "_form_text"  # encoded with the whole form
        return "_header_value"

    def checker(self, p: ir.Parameter, op: ir.Operation) -> str:
        """A module-level function checking a string parameter (type, then the spec's
        constraints) and returning its encoded text; parameters checked alike share one. Its
        results are remembered (bounded), so a value seen before costs one dict lookup."""
        key = (self.encoder(p, op), p.type.constraints)
        if key not in self.checkers:
            i = len(self.checkers)
            ind = BODY
            lines = [
                f"{ind}if value.__class__ is not str:",
                f'{ind}{INDENT}raise _wrong_type(value, python_name, parameter, "a string")',
            ]
            lines += self.constraint_checks(p, op, "value", ["python_name", "parameter"], ind, length="len")
            encode = call(f"{self.encoder(p, op)}(", "value", "python_name", "parameter")
            lines.append(ind + call("return _remember(", f"_CACHE_{i}", "value", encode))
            self.checkers[key] = CheckerView(f"_check_{i}", f"_CACHE_{i}", "\n".join(lines))
        return self.checkers[key].name

    def encoded(self, p: ir.Parameter, op: ir.Operation, ind: str, *, required: bool) -> list[str]:
        """Statements (indented by `ind`) that check `p` and leave its encoded text in
        `_e_<py_name>` (a list of `name=value` for a `multi` array; None when an optional
        parameter was not given); `required`: the argument always has a value (a required
        parameter, or one with a default)."""
        v = p.py_name
        labels = [literal(v), literal(p.wire_name)]
        if p.type.kind == "string" and not (p.constant is not None and p.location == "path"):
            check = self.checker(p, op)
            cache = check.replace("_check_", "_CACHE_")
            chain = f"{v}.__class__ is _builtins.str and {cache}.get({v}) or {call(f'{check}(', v, *labels)}"
            if required:
                return [f"{ind}_e_{v} = {chain}"]
            return [f"{ind}_e_{v} = None if {v} is None else ({chain})"]
        inner = ind if required else ind + INDENT
        if p.collection_prefix:  # {key: value} -> a header `<prefix><key>: value` each
            lines = [inner + call(f"_e_{v} = _prefixed(", v, literal(p.collection_prefix), *labels)]
        elif p.type.kind == "array":
            lines = self.array(p, op, labels, inner)
        else:
            lines = [inner + call(f"_t_{v} = {self.text_converter(p.type)}(", v, *labels)]
            lines += self.constraint_checks(p, op, v, labels, inner)
            lines.append(inner + f"_e_{v} = {self.encoding(p, op, labels, inner)}")
        if required:
            return lines
        return [f"{ind}if {v} is None:", f"{inner}_e_{v} = None", f"{ind}else:", *lines]

    def encoding(self, p: ir.Parameter, op: ir.Operation, labels: list[str], ind: str) -> str:
        """The expression encoding `_t_<name>`. A constant path parameter closed to other values
        is its text encoded here, from the spec, so that the spec's own value may be an empty
        segment (`/paths/string/empty/`); a URL would remove `.` and `..`, so those are errors."""
        v = p.py_name
        encode = call(f"{self.encoder(p, op)}(", f"_t_{v}", *labels)
        if p.location != "path" or p.constant is None or p in self.api.host_parameters:
            return encode
        text = constant_text(p.constant)
        if text in (".", ".."):
            raise problem(p.source or op.source, f"path parameter {p.wire_name!r} is the constant {text!r}: a URL removes it (a dot segment)")
        encoded = text if p.skip_url_encoding else quote(text, safe="")
        if self.closed(p):
            return literal(encoded)
        return f"{literal(encoded)} if _t_{v} == {literal(text)} else {encode}"

    def closed(self, p: ir.Parameter) -> bool:
        """Whether a constant takes its one value only (x-ms-enum's modelAsString makes it open)."""
        return p.type.kind != "enum" or not self.api.enum(p.type.ref or "").extensible

    def array(self, p: ir.Parameter, op: ir.Operation, labels: list[str], ind: str) -> list[str]:
        """An array parameter: its items' texts (`_t_`), checked, then joined as its
        collectionFormat says, or (`multi`) one `name=value` each."""
        v = p.py_name
        item = p.type.item or ir.Type("any")
        convert = self.text_converter(item)
        if convert == "_json_text":
            raise problem(p.source or op.source, f"array parameter {p.wire_name!r}: items of type {item.kind!r} have no text form")
        lines = [ind + call(f"_t_{v} = _texts(", v, *labels, convert, str(p.nullable_items))]
        lines += self.constraint_checks(p, op, v, labels, ind)
        if item.kind == "enum" and not self.api.enum(item.ref or "").extensible:
            allowed = tuple(constant_text(m.value) for m in self.api.enum(item.ref or "").members)
            lines += self.allowed_items(f"_t_{v}", allowed, labels, ind, nullable=p.nullable_items)
        enum = item.constraint("enum")
        if isinstance(enum, tuple):
            lines += self.allowed_items(f"_t_{v}", tuple(constant_text(e) for e in enum), labels, ind, nullable=p.nullable_items)
        fmt = p.collection_format
        if p.location == "query" and fmt == "multi":
            name = literal(query_name(p.wire_name) + "=")
            encode = f"[{name} + {self.encoder(p, op)}(t, {', '.join(labels)}) for t in _t_{v}]"
        elif p.location in ("header", "formData"):  # (a form's `multi` array: one text, as csv)
            joined = f"{literal(_HEADER_DELIMITERS.get(fmt, ','))}.join(_t_{v})"
            encode = call(f"{self.encoder(p, op)}(", joined, *labels)
        elif p.skip_url_encoding:
            joined = f"{literal(_HEADER_DELIMITERS[fmt].replace(' ', '%20').replace(chr(9), '%09'))}.join(_t_{v})"
            encode = call(f"{self.encoder(p, op)}(", joined, *labels)
        else:
            helper = "_joined_segment(" if p.location == "path" else "_joined_query("
            encode = call(helper, f"_t_{v}", literal(_URL_DELIMITERS[fmt]), *labels)
        return [*lines, f"{ind}_e_{v} = {encode}"]

    def allowed_items(self, texts: str, allowed: tuple[str, ...], labels: list[str], ind: str, *, nullable: bool) -> list[str]:
        """A closed enum's items: each must be one of its values (an x-nullable None is "")."""
        values = (*allowed, "") if nullable and "" not in allowed else allowed
        test = f"if not {{{', '.join(literal(a) for a in values)}}}.issuperset({texts}):"
        inner = ind + INDENT
        return [ind + test, inner + call("raise _not_allowed(", *labels, literal(list(allowed)))]

    def constraint_checks(self, p: ir.Parameter, op: ir.Operation, v: str, labels: list[str], ind: str, length: str = "_builtins.len") -> list[str]:
        """Statements (indented by `ind`) raising ParameterError where `v` breaks a constraint.

        In a builder, `v` is a parameter, which may be called `len`: builtins are reached as
        `_builtins.len` there (`length` is plain `len` in the checkers, whose names are fixed)."""
        c = dict(p.type.constraints)
        lines: list[str] = []
        inner = ind + INDENT

        def check(test: str, error: str, *args: str) -> None:
            lines.extend([f"{ind}if {test}:", inner + call(f"raise {error}(", *labels, *args)])

        kind = p.type.kind
        if kind == "string":
            low, high = c.get("minLength"), c.get("maxLength")
            if isinstance(low, int) and isinstance(high, int):
                check(f"not {low} <= {length}({v}) <= {high}", "_length", str(low), str(high))
            elif isinstance(low, int) and low > 0:
                check(f"{length}({v}) < {low}", "_length", str(low), "None")
            elif isinstance(high, int):
                check(f"{length}({v}) > {high}", "_length", "None", str(high))
            pattern = c.get("pattern")
            if isinstance(pattern, str):
                name = self.pattern_name(pattern, p.source or op.source)
                check(f"{name}.search({v}) is None", "_mismatch", literal(pattern))
        if kind in ("integer", "number"):
            for key, flag, loose, strict in (("minimum", "exclusiveMinimum", "<", "<="), ("maximum", "exclusiveMaximum", ">", ">=")):
                bound = c.get(key)
                if isinstance(bound, (int, float)) and not isinstance(bound, bool):
                    exclusive = c.get(flag) is True  # Swagger 2.0: a flag beside minimum/maximum
                    test = strict if exclusive else loose
                    check(f"{v} {test} {literal(bound)}", "_out_of_range", literal(key), literal(bound), str(exclusive))
            divisor = c.get("multipleOf")
            if isinstance(divisor, (int, float)) and not isinstance(divisor, bool) and divisor > 0:
                self.uses_multiple_of = True
                check(f"not _multiple({v}, {literal(divisor)})", "_not_multiple", literal(divisor))
        if kind == "array":
            low, high = c.get("minItems"), c.get("maxItems")
            if isinstance(low, int):
                check(f"{length}({v}) < {low}", "_items", str(low), "None")
            if isinstance(high, int):
                check(f"{length}({v}) > {high}", "_items", "None", str(high))
        if kind == "enum":
            target = self.api.enum(p.type.ref or "")
            if not target.extensible:  # modelAsString false: only the listed values
                allowed = tuple(constant_text(m.value) for m in target.members)
                lines += [f"{ind}if _t_{v} not in {literal(allowed)}:"]
                lines += [inner + call("raise _not_allowed(", *labels, literal(list(allowed)))]
        enum = c.get("enum")
        if isinstance(enum, tuple) and kind in ("string", "integer", "number", "boolean"):
            lines += [f"{ind}if {v} not in {literal(enum)}:"]
            lines += [inner + call("raise _not_allowed(", *labels, literal(list(enum)))]
        elif isinstance(enum, tuple) and codec(p.type) is not None:  # a format's values, by their text
            texts = tuple(constant_text(e) for e in enum)
            lines += [f"{ind}if _t_{v} not in {literal(texts)}:"]
            lines += [inner + call("raise _not_allowed(", *labels, literal(list(texts)))]
        return lines


def constant_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def query_name(wire: str) -> str:
    return quote(wire, safe="-._~!$'()*+,;:@/?")


def static_path(text: str) -> str:
    """The static text of a path template, percent-encoded where needed; the escapes the spec
    wrote (`green%20color`) are kept as they are."""
    return "".join(part if _ESCAPE.fullmatch(part) else quote(part, safe=_PATH_SAFE) for part in _ESCAPE.split(text))


def problem(source: str, message: str) -> SpecError:
    """An error about the spec at `source` (`file#pointer`), as the other stages report them."""
    file, _, pointer = source.partition("#")
    return SpecError([Problem(file, pointer or None, message)])
