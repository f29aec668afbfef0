"""IR -> `strategies.py`: hypothesis strategies drawing valid wire bodies for every definition.

One builder function per model and enum, each a fixed dictionary of per-field strategy
expressions decided here from the IR types (no schema interpretation at run time, no
hypothesis-jsonschema). The generated module imports hypothesis only inside functions, so the
package stays standard-library-only for users who never draw a body.

Values from the spec reach the code only through `literal()` (repr); identifiers are the IR's
checked `py_name`s; comments go through `comment()`.

Strategy expressions are plain one-line strings; the format stage lays the module out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from generator import ir
from generator.emit.formats import codec, used_codecs
from generator.emit.models import bases_first
from generator.emit.text import comment, docstring
from generator.format.layout import INDENT, literal

MAX_ITEMS = 3  # lists and maps: modest sizes keep property tests fast
MAX_TEXT = 8  # free text: characters beyond minLength
MAX_DEPTH = 3  # recursion: levels of a model inside itself

# Wire values of the formats that have a Python type of their own, by codec (a decimal is drawn
# as any other number).
_CODEC_STRATEGIES = {
    "datetime": "_datetime()",
    "rfc1123": "_rfc1123()",
    "unixtime": "_unixtime()",
    "date": "_date()",
    "time": "_time()",
    "duration": "_duration()",
    "byte": "_base64()",
    "base64url": "_base64url()",
}
# Other string formats drawn by a dedicated helper; any other format is drawn as plain text (and
# the generated code says so).
_FORMATS = {
    "uuid": "_uuid()",
    "uri": "_uri()",
    "url": "_uri()",
    "email": "_email()",
}
_TEXT_FORMATS = {"password", "arm-id", "binary"}  # no syntax to honour beyond "string"


@dataclass(frozen=True)
class BuilderView:
    func: str  # `_build_<py_name>`
    name: str  # literal of the definition name (the key in the builder table)
    signature: str  # the `def` line
    docstring: str
    body: str  # the function body, lines (indented) joined with "\n"


class StrategyEmitter:
    def __init__(self, api: ir.Api) -> None:
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}
        self.api = api
        self.bases = {m.base for m in api.models if m.base}  # models whose builders others extend
        self.reach = {name: self._reachable(name) for name in self.models}
        self.cycle: set[str] = set()  # models that reach the model being built (recursion)

    def own_fields(self, m: ir.Model) -> tuple[ir.Field, ...]:
        """The fields `m`'s builder draws itself: those after its base's (the base's builder draws those)."""
        return m.fields[len(self.models[m.base].fields) :] if m.base else m.fields

    def _reachable(self, start: str) -> set[str]:
        """The models whose builders a body of `start` runs, at any depth (through fields, items,
        maps, subtypes and a base's builder)."""
        seen: set[str] = set()
        todo = [start]
        while todo:
            model = self.models[todo.pop()]
            types = [f.type for f in self.own_fields(model)] + ([model.additional] if model.additional else [])
            refs = {ref for t in types for ref in _model_refs(t)} | {name for _, name in model.subtypes}
            refs |= {model.base} if model.base else set()
            for ref in refs - seen:
                seen.add(ref)
                todo.append(ref)
        return seen

    def known(self, m: ir.Model) -> str:
        """The wire names `m` defines: its base's constant and its own, or written out."""
        own = literal(sorted(f.wire_name for f in self.own_fields(m)))
        return f"{_known_name(m.base)} | frozenset({own})" if m.base else f"frozenset({own})"

    def known_constants(self) -> list[str]:
        """`_KNOWN_<Model> = ...` for every model another extends, bases first."""
        lines: list[str] = []
        for name in bases_first([m for m in self.api.models if m.name in self.bases], self.models):
            lines.append(f"{_known_name(name)} = {self.known(self.models[name])}")
        return lines

    # -- expressions -------------------------------------------------------------------------

    def expr(self, t: ir.Type, notes: list[str]) -> str:
        """A strategy expression for a wire value of type `t`; `st`, `request`, `unknown` in scope.

        Constraints the strategy cannot honour are appended to `notes` (said in the code). Null
        is drawn where x-nullable allows it (`_json()` draws it anyway).
        """
        drawn = self.non_null(t, notes)
        return f"st.one_of(st.none(), {drawn})" if t.nullable and t.kind != "any" else drawn

    def non_null(self, t: ir.Type, notes: list[str]) -> str:
        if t.alias is not None:
            # A definition that is not a class has its own builder: refer to it, as to a model.
            depth = "max(depth - 1, 0)" if _model_refs(t) & self.cycle else "depth"
            return f"_ref({literal(t.alias)}, request, unknown, {depth})"
        c = dict(t.constraints)
        if "enum" in c and t.kind not in ("model", "enum"):
            return f"st.sampled_from({literal(list(c['enum']))})"
        if t.kind == "model":
            # An edge back into the current model's cycle spends one level of the depth budget.
            depth = "max(depth - 1, 0)" if t.ref in self.cycle else "depth"
            return f"_ref({literal(t.ref)}, request, unknown, {depth})"
        if t.kind == "enum":
            return f"_ref({literal(t.ref)}, request, unknown, depth)"
        if t.kind == "string":
            return self.string(t, c, notes)
        found = codec(t)
        if found is not None and found.name in _CODEC_STRATEGIES:
            if "pattern" in c or "minLength" in c or "maxLength" in c or "minimum" in c or "maximum" in c:
                notes.append(f"{'bounds' if found.wire == 'integer' else 'string bounds/pattern'} beside format {t.format} are not honoured")
            return _CODEC_STRATEGIES[found.name]
        if t.kind == "integer":
            return self.integer(c, notes)
        if t.kind in ("number", "decimal"):
            return self.number(t, c, notes)
        if t.kind == "boolean":
            return "st.booleans()"
        if t.kind == "array":
            return self.array(t, c, notes)
        if t.kind == "map":
            item = self.expr(t.item or ir.Type("any"), notes)
            low = int(c.get("minProperties", 0))
            high = int(c.get("maxProperties", low + MAX_ITEMS))
            high = min(high, low + MAX_ITEMS)
            sizes = f"min_size={low}, max_size={high}" if low else f"max_size={high}"
            return f"st.dictionaries(_text(), {item}, {sizes})"
        return "_json()"

    def string(self, t: ir.Type, c: dict[str, Any], notes: list[str]) -> str:
        low = int(c.get("minLength", 0))
        high = c.get("maxLength")
        high = None if high is None else int(high)
        if "pattern" in c:
            notes.append(
                f"pattern {c['pattern']!r} is drawn with Python's `re` (ASCII classes), not ECMA-262"
            )
            return f"_pattern({literal(c['pattern'])}, {low}, {literal(high)})"
        if t.format in _FORMATS:
            if low or high is not None:
                notes.append(f"length bounds beside format {t.format!r}: drawn values are filtered")
                return f"_sized({_FORMATS[t.format]}, {low}, {literal(high)})"
            return _FORMATS[t.format]
        if t.format and t.format not in _TEXT_FORMATS:
            notes.append(f"format {t.format!r} has no generator here: drawn as plain text")
        top = low + MAX_TEXT if high is None else min(high, low + MAX_TEXT)
        return f"_text({low}, {top})" if (low, top) != (0, MAX_TEXT) else "_text()"

    def integer(self, c: dict[str, Any], notes: list[str]) -> str:
        low, high = _bounds(c)
        lo = None if low is None else (math.floor(low[0]) + 1 if low[1] else math.ceil(low[0]))
        hi = None if high is None else (math.ceil(high[0]) - 1 if high[1] else math.floor(high[0]))
        if "multipleOf" in c:
            step = c["multipleOf"]
            return f"_multiple_of({literal(lo)}, {literal(hi)}, {literal(step)}, integral=True)"
        return f"st.integers(min_value={literal(lo)}, max_value={literal(hi)})"

    def number(self, t: ir.Type, c: dict[str, Any], notes: list[str]) -> str:
        low, high = _bounds(c)
        if "multipleOf" in c:
            lo = None if low is None else low[0]
            hi = None if high is None else high[0]
            multiples = f"_multiple_of({literal(lo)}, {literal(hi)}, {literal(c['multipleOf'])})"
            if (low and low[1]) or (high and high[1]):
                notes.append("exclusive bounds beside multipleOf: drawn values are filtered")
                return f"{multiples}.filter(lambda x: {_exclusive_filter(low, high)})"
            return multiples
        args = ["allow_nan=False", "allow_infinity=False"]
        if low is not None:
            args += [f"min_value={literal(float(low[0]))}", f"exclude_min={low[1]}"]
        if high is not None:
            args += [f"max_value={literal(float(high[0]))}", f"exclude_max={high[1]}"]
        if t.format == "float":
            args.append("width=32")
        floats = f"st.floats({', '.join(args)})"
        lo = None if low is None else (math.floor(low[0]) + 1 if low[1] else math.ceil(low[0]))
        hi = None if high is None else (math.ceil(high[0]) - 1 if high[1] else math.floor(high[0]))
        if lo is not None and hi is not None and lo > hi:
            return floats  # no integer in range
        return f"st.one_of(st.integers(min_value={literal(lo)}, max_value={literal(hi)}), {floats})"

    def array(self, t: ir.Type, c: dict[str, Any], notes: list[str]) -> str:
        item = self.expr(t.item or ir.Type("any"), notes)
        low = int(c.get("minItems", 0))
        high = int(c.get("maxItems", low + MAX_ITEMS))
        high = min(high, low + MAX_ITEMS)
        unique = ", unique_by=_canonical" if c.get("uniqueItems") else ""
        sizes = f"min_size={low}, max_size={high}" if low else f"max_size={high}"
        return f"st.lists({item}, {sizes}{unique})"

    # -- builders ----------------------------------------------------------------------------

    def model_builder(self, m: ir.Model) -> BuilderView:
        doc = f"Wire bodies of {m.name}" + (" (an inline object schema)." if not m.definition else ".")
        subtypes = [f"_ref({literal(name)}, request, unknown, depth)" for _, name in m.subtypes]
        # A polymorphic base: its bodies are its subtypes'; with unknown fields, also its own
        # with a discriminator value no subtype has (kept as the base, checked as the base).
        root = bool(subtypes) and m.value is None
        disc = next((f for f in m.fields if f.wire_name == m.discriminator), None) if root else None
        lines = [f"{_BODY}from hypothesis import strategies as st", ""]
        if root:
            if disc is None or disc.type.kind != "string":  # a closed set of values: none to invent
                lines.append(f"{_BODY}return st.one_of({', '.join(subtypes)})")
                return _builder_view(m.py_name, m.name, doc + " A polymorphic base: one of its subtypes.", lines)
            lines += [f"{_BODY}if not unknown:", f"{_BODY}{INDENT}return st.one_of({', '.join(subtypes)})"]
            doc += " A polymorphic base: one of its subtypes, or (with unknown fields) its own body naming none."
        self.cycle = {n for n in self.models if m.name in self.reach[n]} if m.name in self.reach[m.name] else set()
        # (required, read-only, recursive) -> entries; recursive optional fields stop at depth 0.
        groups: dict[tuple[bool, bool, bool], list[_Entry]] = {
            (r, ro, rec): [] for r in (True, False) for ro in (False, True) for rec in (False, True)
        }
        for f in self.own_fields(m):
            notes: list[str] = []
            # A subtype's discriminator holds the value that names it; the base's, one naming none.
            if m.value is not None and f.wire_name == m.discriminator:
                expr = f"st.just({literal(m.value)})"
            elif root and f.wire_name == m.discriminator:
                expr = f"_text(1).filter(lambda v: v not in {literal(tuple(sorted(v for v, _ in m.subtypes)))})"
            else:
                expr = self.expr(f.type, notes)
            comments = [comment(n) for n in notes]
            if f.secret:
                comments.append("secret (x-ms-secret): an ordinary string on the wire; models hide it in repr")
            recursive = not f.required and bool(_model_refs(f.type) & self.cycle)
            groups[(f.required, f.read_only, recursive)].append(_Entry(tuple(comments), literal(f.wire_name), expr))
        lines += _dict_lines("required", groups[(True, False, False)])
        lines += _dict_lines("optional", groups[(False, False, False)])
        inner = _BODY + INDENT
        if groups[(True, True, False)] or groups[(False, True, False)]:
            lines.append(f"{_BODY}if not request:  # read-only fields appear in responses only")
            if groups[(True, True, False)]:
                lines += _update_lines("required", groups[(True, True, False)], inner)
            if groups[(False, True, False)]:
                lines += _update_lines("optional", groups[(False, True, False)], inner)
        if groups[(False, False, True)]:
            lines.append(f"{_BODY}if depth > 0:  # recursive fields: the depth budget keeps drawn trees small")
            lines += _update_lines("optional", groups[(False, False, True)], inner)
            if groups[(False, True, True)]:
                lines.append(f"{inner}if not request:")
                lines += _update_lines("optional", groups[(False, True, True)], inner + INDENT)
        elif groups[(False, True, True)]:  # one condition, not two nested `if`s (ruff SIM102)
            lines.append(f"{_BODY}if depth > 0 and not request:  # recursive read-only fields, within the depth budget")
            lines += _update_lines("optional", groups[(False, True, True)], inner)
        extra_notes: list[str] = []
        if m.additional is not None:
            extra = self.expr(m.additional, extra_notes)
            lines += [f"{_BODY}# additionalProperties: unknown keys carry {comment(m.additional.kind)} values"]
        else:
            extra = "_json()"
        lines += [_comment_line(_BODY, n) for n in extra_notes]
        self.cycle = set()
        known = _known_name(m.name) if m.name in self.bases else self.known(m)
        call = f"_object(required, optional, {known}, {extra} if unknown else None)"
        if m.base is not None:
            # The base's builder draws the base's fields (no unknown ones: this call draws those,
            # knowing every field); this one adds the model's own.
            call = f"_extend(_ref({literal(m.base)}, request, False, depth), {call})"
        lines.append(f"{_BODY}return " + (f"st.one_of({', '.join([call, *subtypes])})" if subtypes else call))
        if not any("st." in line for line in lines):
            lines = lines[2:]  # no `st` needed: leave the import out (ruff F401)
        return _builder_view(m.py_name, m.name, doc, lines)

    def alias_builder(self, a: ir.Alias) -> BuilderView:
        notes: list[str] = []
        expr = self.expr(a.type, notes)
        lines = [f"{_BODY}from hypothesis import strategies as st", ""]
        lines += [_comment_line(_BODY, comment(n)) for n in notes]
        lines.append(f"{_BODY}return {expr}")
        if not any("st." in line for line in lines):
            lines = lines[2:]
        return _builder_view(a.name, a.name, f"Wire values of {a.name}.", lines)

    def enum_builder(self, e: ir.Enum) -> BuilderView:
        values = literal([member.value for member in e.members])
        lines = [f"{_BODY}from hypothesis import strategies as st", ""]
        if e.extensible:
            lines.append(f"{_BODY}# x-ms-enum modelAsString: the known values, and new ones")
            other = {"integer": "st.integers()", "number": "st.floats(allow_nan=False, allow_infinity=False)", "boolean": "st.booleans()"}.get(e.value_kind, "_text()")
            lines.append(f"{_BODY}return st.one_of(st.sampled_from({values}), {other})")
        else:
            lines.append(f"{_BODY}return st.sampled_from({values})")
        kind = "extensible" if e.extensible else "closed"
        doc = f"Values of the {kind} enum {e.name}."
        return _builder_view(e.py_name, e.name, doc, lines)


def _known_name(model: str) -> str:
    return f"_KNOWN_{model}"


def _model_refs(t: ir.Type) -> set[str]:
    """The models a value of type `t` refers to directly (through arrays and maps)."""
    while t.kind in ("array", "map") and t.item is not None:
        t = t.item
    return {t.ref} if t.kind == "model" and t.ref else set()


def _bounds(c: dict[str, Any]) -> tuple[tuple[float, bool] | None, tuple[float, bool] | None]:
    """(value, exclusive) lower and upper bounds, from draft-4 (boolean) or 2020-12 keywords."""
    out: list[tuple[float, bool] | None] = []
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        ex = c.get(exclusive)
        if isinstance(ex, bool) or ex is None:
            out.append((c[bound], bool(ex)) if bound in c else None)
        elif bound in c:
            tighter = max if bound == "minimum" else min
            value = tighter(c[bound], ex)
            out.append((value, value == ex))
        else:
            out.append((ex, True))
    return out[0], out[1]


def _exclusive_filter(low: tuple[float, bool] | None, high: tuple[float, bool] | None) -> str:
    parts = []
    if low is not None:
        parts.append(f"x {'>' if low[1] else '>='} {literal(low[0])}")
    if high is not None:
        parts.append(f"x {'<' if high[1] else '<='} {literal(high[0])}")
    return " and ".join(parts) or "True"


_BODY = INDENT  # builder bodies are one level in


@dataclass(frozen=True)
class _Entry:
    """One `key: strategy,` line of a field dictionary, after its comments."""

    comments: tuple[str, ...]
    key: str  # the wire name's literal
    expr: str


def _comment_line(indent: str, text: str) -> str:
    return f"{indent}# {text}".rstrip()


def _entry_lines(entries: list[_Entry], indent: str) -> list[str]:
    lines: list[str] = []
    for entry in entries:
        lines += [_comment_line(indent, c) for c in entry.comments]
        lines.append(f"{indent}{entry.key}: {entry.expr},")
    return lines


def _dict_lines(var: str, entries: list[_Entry]) -> list[str]:
    if not entries:
        return [f"{_BODY}{var}: dict[str, SearchStrategy[Any]] = {{}}"]
    return [f"{_BODY}{var}: dict[str, SearchStrategy[Any]] = {{", *_entry_lines(entries, _BODY + INDENT), f"{_BODY}}}"]


def _update_lines(var: str, entries: list[_Entry], indent: str) -> list[str]:
    """`var.update({...})`, its dict one entry a line (the trailing comma keeps it exploded)."""
    inner = indent + INDENT
    body = _entry_lines(entries, inner + INDENT)
    return [f"{indent}{var}.update(", f"{inner}{{", *body, f"{inner}}}", f"{indent})"]


def _builder_view(py_name: str, name: str, doc: str, lines: list[str]) -> BuilderView:
    func = f"_build_{py_name}"
    signature = f"def {func}(request: bool, unknown: bool, depth: int) -> SearchStrategy[Any]:"
    return BuilderView(func, literal(name), signature, docstring(doc, 4), "\n".join(lines))


def emit(api: ir.Api, schemas: dict[str, Any], common: dict[str, Any]) -> dict[str, str]:
    """`{"strategies.py": text}` for the package (`schemas` is unused: the IR says it all)."""
    from generator.emit.templates import render

    emitter = StrategyEmitter(api)
    builders = [emitter.enum_builder(e) for e in api.enums] + [emitter.model_builder(m) for m in api.models]
    builders += [emitter.alias_builder(a) for a in api.aliases]
    limits = [
        "null is drawn only where `x-nullable` allows it",
        "`default` values are documentation: fields are drawn present or absent, never defaulted",
    ] + [comment(n) for n in api.notes]
    return {
        "strategies.py": render(
            "strategies.py.jinja",
            builders=builders,
            known_constants=emitter.known_constants(),
            limits=[comment(n) for n in limits],
            max_items=MAX_ITEMS,
            max_text=MAX_TEXT,
            max_depth=MAX_DEPTH,
            codecs=used_codecs(api),
            **common,
        )
    }
