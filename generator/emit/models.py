"""IR models and enums -> the code fragments `models.py.jinja` stitches together.

Every `from_dict`/`to_dict` is specialised per model here: a fixed sequence of lookups and
conversions decided from the field types, so the generated code does no per-call reflection.
Values from the spec reach the code only through `literal()` (repr) or checked identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from generator import ir
from generator.emit.annotations import scalar
from generator.emit.flat_accessors import FlatAccessorEmitter, FlatView
from generator.emit.text import docstring, sentence
from generator.format.layout import (
    INDENT,
    annotated,
    block,
    bracket,
    def_line,
    fits,
    literal,
    statement,
    value,
)


@dataclass(frozen=True)
class FieldView:
    py_name: str
    declaration: str  # the class-level annotation line, e.g. `    id: str | None | Unset`
    parameter: str  # its __init__ parameter line(s), with default and comma: `        id: str | None | Unset = UNSET,`
    docstring: str


@dataclass(frozen=True)
class ModelView:
    """Every line that depends on the model comes laid out (and indented) as black writes it."""

    py_name: str
    bases: str  # "" or "(Parent)": a polymorphic subtype or a model with an allOf base extends it
    docstring: str
    fields: tuple[FieldView, ...]
    slots: str  # the `__slots__` statement
    required: str  # the `__dataclass_fields__` statement
    init_def: str  # the `def __init__(` line(s) of a model with an allOf base ("" for the others: template)
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
    subtypes: str | None  # a polymorphic base: the module-level table, discriminator value -> class
    helpers: str  # module-level functions of a model in an allOf hierarchy ("" otherwise)
    additional: str  # the annotation of `additional_properties`


@dataclass(frozen=True)
class EnumView:
    py_name: str
    bases: str
    docstring: str
    members: tuple[str, ...]  # `    NAME = "value"` lines
    lookup: str  # the statement binding value -> member
    reader_def: str  # `def _in_<Name>(value: Any) -> ...:`
    reader_body: str


class ModelEmitter(FlatAccessorEmitter):
    """The views `models.py.jinja` stitches: classes, enums, type aliases and their helpers."""

    def __init__(self, api: ir.Api) -> None:
        super().__init__(api)
        # Models that secret fields hold (directly or as items): they get a masked view class.
        self.secret_models = {
            ref for m in api.models for f in m.fields if f.secret for ref in _model_refs(f.type)
        }
        self.bases = {m.base for m in api.models if m.base}  # models others extend (allOf)
        self.mixins = {p for m in api.models for p in m.mixins}  # further parents others extend
        # A class may have one base with __slots__ of its own: a mixin and what it extends keep
        # their fields in a __dict__ instead.
        self.slotless: set[str] = set()
        todo = list(self.mixins)
        while todo:
            name = todo.pop()
            if name not in self.slotless:
                self.slotless.add(name)
                up = self.models[name]
                todo += [s for s in (up.base or up.parent, *up.mixins) if s]

    # -- views --------------------------------------------------------------------------------

    def model_view(self, m: ir.Model) -> ModelView:
        base = self.models[m.base] if m.base else None
        own = m.fields[len(base.fields) :] if base else m.fields
        # A model in an allOf hierarchy (a base, or one with a base) keeps the code for its own
        # fields in module-level helpers that its subclasses call: nothing is written twice.
        shared = base is not None or m.name in self.bases
        known_name = f"_KEYS_{m.py_name}"
        # The object is made without __init__ (half the cost) and every slot is set below.
        read: list[tuple[int, str]] = [
            (2, "if data.__class__ is not dict:"),
            (3, f'raise _type_error("object", data, {literal(m.name)})'),
        ]
        if m.subtypes:  # a polymorphic base: the discriminator's value picks the class
            read += [
                (2, f"kind = data.get({literal(m.discriminator)})"),
                (2, f"subtype = _SUBTYPES_{m.py_name}.get(kind) if kind.__class__ is str and cls is {m.py_name} else None"),
                (2, "if subtype is not None:"),
                (3, "return subtype.from_dict(data)"),
            ]
        read.append((2, "obj = _new(cls)"))
        read += [(2, f"absent = _read_{m.py_name}(obj, data)")] if shared else self.read_lines(m.fields, 2)
        # Every field the body has is one of its keys: no other key when they are all there is.
        counted = shared or any(not (f.required and not f.read_only) for f in m.fields)
        every = f"len(data) + absent == len({known_name})" if counted else f"len(data) == len({known_name})"
        read.append((2, f"obj.additional_properties = {{}} if {every} else {{key: value for key, value in data.items() if key not in {known_name}}}"))
        extra = m.additional if m.additional is not None and m.additional.kind != "any" else None
        # Typed additionalProperties: the unknown fields are read (and written back) as values of
        # that type; in a polymorphic hierarchy they are only checked, as a subtype's may differ.
        typed = extra is not None and m.parent is None and not m.subtypes
        if extra is not None:
            check = f"{self._use('_read_map')}(obj.additional_properties, {self.reader(extra)})"
            read += [(2, "if obj.additional_properties:"), (3, f"obj.additional_properties = {check}" if typed else check)]
        read.append((2, "return obj"))
        write = [(2, "out: dict[str, Any] = {}")]
        write += [(2, f"_write_{m.py_name}(self, out, request)")] if shared else self.write_lines(m.fields, "self", 2)
        unknown = "self.additional_properties"
        if typed and extra is not None and self.needs_conversion(extra):
            unknown = f"{{k0: {self.item_writer(extra, 'v0', 1)} for k0, v0 in self.additional_properties.items()}}"
        write += [(2, "if self.additional_properties:"), (3, f"out.update({unknown})"), (2, "return out")]
        rep = [(2, "parts: list[str] = []")]
        rep += [(2, f"_repr_{m.py_name}(self, parts)")] if shared else self.repr_lines(m.fields, "self", 2)
        rep += [
            (2, "if self.additional_properties:"),
            (3, 'parts.append(f"additional_properties=<{len(self.additional_properties)} unknown fields>")'),
            (2, f'return {literal(m.py_name + "(")} + ", ".join(parts) + ")"'),
        ]
        flat = [self.flat_view(m, fl) for fl in (m.flattened[len(base.flattened) :] if base else m.flattened)]
        fields = sorted(own, key=lambda f: not (f.required and not f.read_only))
        fixed = self.discriminator_default(m)  # a subtype names itself unless told otherwise
        views = []
        for f in fields:
            annotation = self.field_annotation(f)
            required = f.required and not f.read_only
            default = f" = {fixed[f.py_name]}," if f.py_name in fixed else "," if required else " = UNSET,"
            parameter = annotated(f.py_name, annotation, default, INDENT * 2)
            declaration = annotated(f.py_name, annotation, "", INDENT)
            if self.keeps_text(f):  # the descriptor, and the slot it keeps the text or datetime in
                descriptor = annotated(f.py_name, f"{self._use('_DateTimeField')}[{annotation}]", " = _DateTimeField()", INDENT)
                declaration = annotated(self.slot(f), f"str | {annotation}", "", INDENT) + "\n" + descriptor
            views.append(FieldView(f.py_name, declaration, parameter, docstring(_field_doc(f), 4)))
        names = [f.py_name for f in m.fields] + ["additional_properties"]
        superclass = m.base or m.parent
        inherited = set(self.slot_names(superclass)) if superclass else set()
        subclasses = ", ".join(self.models[name].py_name for _, name in m.subtypes)
        # A subtype equals only a subtype of its own class: the base's __eq__ leaves them to it.
        foreign = f"not isinstance(other, {m.py_name})" + (f" or isinstance(other, ({subclasses},))" if subclasses else "")
        if shared or m.name in self.mixins:  # equal only to the same model (or its masked view): not to a subclass
            foreign = f"not isinstance(other, {m.py_name}) or other.__class__.__eq__ is not {m.py_name}.__eq__"
            compare = [(2, f"return _equal_{m.py_name}(self, other)")] if shared else []
            eq = block([(2, f"if {foreign}:"), (3, "return NotImplemented"), *compare]) + ("" if shared else "\n" + _equal(names))
        else:
            eq = block([(2, f"if {foreign}:"), (3, "return NotImplemented")]) + "\n" + _equal(names)
        keys = literal(sorted(f.wire_name for f in own))
        if base is not None:
            known = f"{known_name} = _KEYS_{base.py_name} | frozenset({keys})"
        elif m.fields:
            known = f"{known_name} = frozenset({literal(sorted(f.wire_name for f in m.fields))})"
        else:  # (an empty frozenset needs its type spelled out for mypy)
            known = f"{known_name}: frozenset[str] = frozenset()"
        return ModelView(
            py_name=m.py_name,
            bases=f"({', '.join(self.models[s].py_name for s in (superclass, *m.mixins) if s)})" if superclass or m.mixins else "",
            docstring=docstring(m.description or f"The {m.name} model.", 4),
            fields=tuple(views),
            slots="" if m.name in self.slotless else INDENT + value("__slots__ = ", tuple(sorted((n for n in self.slot_names(m.name) if n not in inherited), key=_natural)), indent=INDENT),
            required=statement(f"__dataclass_fields__ = _DataclassFields({self.dataclass_fields_args(fields, fixed)})", INDENT),
            init_def=self.init_def(base, views, flat) if base else "",
            init=tuple(([statement("super().__init__(**_inherited)", INDENT * 2)] if base else []) + [statement(f"self.{f.py_name} = {f.py_name}", INDENT * 2) for f in fields]
                       # a flattened accessor's argument goes through its setter (after the fields it sets into)
                       + [block([(2, f"if {fl.py_name} is not UNSET:"), (3, f"self.{fl.py_name} = {fl.py_name}")]) for fl in flat]),
            eq=eq,
            known=statement(known, ""),
            from_dict_def=def_line("def from_dict(", ["cls", "data: Any"], f" -> {m.py_name}:", INDENT),
            from_dict=block(read),
            to_dict=block(write),
            repr=block(rep),
            flattened=tuple(flat),
            secret_class=statement(f"class _Secret{m.py_name}({m.py_name}):", "") if m.name in self.secret_models else None,
            secret_docstring=docstring(f"{m.py_name} as read from a secret field: its repr shows no value.", 4),
            secret_repr=statement(f"return {literal(m.py_name + '(***)')}", INDENT * 2),
            subtypes=self.subtype_table(m) if m.subtypes else None,
            additional=f"dict[str, {self.annotation(extra)}]" if typed and extra is not None else "dict[str, Any]",
            helpers=self.helpers(m, base, own) if shared else "",
        )

    def discriminator_default(self, m: ir.Model) -> dict[str, str]:
        """A polymorphic subtype's discriminator field -> the expression of its value (its enum
        member where the field is an enum): the subtype's constructor fills it in."""
        if m.parent is None or m.value is None:
            return {}
        f = next(f for f in m.fields if f.wire_name == m.discriminator)
        if f.type.kind == "enum":
            enum = self.api.enum(f.type.ref or "")
            member = next((e for e in enum.members if e.value == m.value), None)
            if member is not None:
                return {f.py_name: f"{enum.py_name}.{member.py_name}"}
        return {f.py_name: literal(m.value)}

    @staticmethod
    def dataclass_fields_args(fields: list[ir.Field], fixed: dict[str, str]) -> str:
        """`_DataclassFields(...)`'s arguments: the required fields, and the other defaults."""
        required = literal(tuple(f.py_name for f in fields if f.required and not f.read_only and f.py_name not in fixed))
        if not fixed:
            return required
        return f"{required}, {{{', '.join(f'{literal(name)}: {expr}' for name, expr in fixed.items())}}}"

    @staticmethod
    def init_def(base: ir.Model, views: list[FieldView], flat: list[FlatView]) -> str:
        """`def __init__(` of a model with a base: its own fields and flattened accessors, then the
        base's as `**_inherited` (a name no field takes: field names never start with an underscore)."""
        parameters = [v.parameter for v in views] + [fl.parameter for fl in flat]
        own = ["*", *(p.strip().removesuffix(",") for p in parameters)] if parameters else []
        return def_line("def __init__(", ["self", *own, f"**_inherited: _Unpack[_Init{base.py_name}]"], " -> None:", INDENT)

    def read_lines(self, fields: tuple[ir.Field, ...], depth: int, absent: str | None = None) -> list[tuple[int, str]]:
        """Statements reading `fields` from `data` into `obj` (`k` is set up here), and counting in
        `absent` (starting from `absent`, or 0 if any field may be absent) those it lacks."""
        if absent is None and any(not (f.required and not f.read_only) for f in fields):
            absent = "0"
        read = [(depth, f"absent = {absent}")] if absent is not None else []
        if not fields:
            return read
        read += [(depth, "k = None"), (depth, "try:")]
        for f in fields:
            read += [(depth + 1 + d, line) for d, line in self.read_statements(f, "v")]
        read += [(depth, "except DecodeError as exc:"), (depth + 1, "raise exc.at(k) if k is not None else exc from None")]
        # A body nested deeper than the stack: the innermost model with room to spare says
        # where (the models above it add their keys as the error passes). A definition may
        # be called RecursionError: the builtin is reached through _builtins.
        return read + [(depth, "except _builtins.RecursionError:"), (depth + 1, f"raise {self._use('_too_deep')}(data) from None")]

    def write_lines(self, fields: tuple[ir.Field, ...], receiver: str, depth: int) -> list[tuple[int, str]]:
        """Statements writing `fields` of `receiver` into the dict `out`."""
        write = []
        for f in fields:
            var = f"f_{f.py_name}"
            written = self.writer(f.type, var)
            if written != var:
                written = f"None if {var} is None else {written}"
            if self.keeps_text(f):  # the text as read, unless a datetime was made or set
                written = f"{var} if isinstance({var}, str) else {f'({written})' if ' if ' in written else written}"
            line = f"out[{literal(f.wire_name)}] = {written}"
            if f.required and not f.read_only:  # always set: the constructor requires it
                write += [(depth, f"{var} = {receiver}.{self.slot(f)}"), (depth, line)]
            else:
                cond = f"{var} is not UNSET" + (" and not request" if f.read_only else "")
                write += [(depth, f"{var} = {receiver}.{self.slot(f)}"), (depth, f"if {cond}:"), (depth + 1, line)]
        return write

    def repr_lines(self, fields: tuple[ir.Field, ...], receiver: str, depth: int) -> list[tuple[int, str]]:
        """Statements appending `name=value` of `fields` (values of secret ones hidden) to `parts`."""
        rep = []
        for f in fields:
            # py_name is a checked identifier, so it may stand inside the f-string.
            shown = f'"{f.py_name}=***"' if f.secret else f'f"{f.py_name}={{{receiver}.{f.py_name}!r}}"'
            if f.required and not f.read_only:
                rep += [(depth, f"parts.append({shown})")]
            else:
                rep += [(depth, f"if {receiver}.{f.py_name} is not UNSET:"), (depth + 1, f"parts.append({shown})")]
        return rep

    def helpers(self, m: ir.Model, base: ir.Model | None, own: tuple[ir.Field, ...]) -> str:
        """`_read_`, `_write_`, `_repr_` and `_equal_<Model>`: the model's own fields, after its
        base's (by calling the base's helpers), for the model's methods and its subclasses'."""
        name = m.py_name
        up = base.py_name if base else None

        def function(head: str, params: list[str], returns: str, doc: str, body: list[tuple[int, str]]) -> str:
            lines = [def_line(f"def {head}(", params, f" -> {returns}:", ""), INDENT + docstring(doc, 4)]
            return "\n".join(lines + ([block(body)] if body else []))

        compared = [f.py_name for f in own] + ([] if base else ["additional_properties"])
        if not compared:  # a subclass with no fields of its own
            equal = f"{INDENT}return _equal_{up}(a, b)"
        else:
            equal = block([(1, f"if not _equal_{up}(a, b):"), (2, "return False")]) + "\n" if up else ""
            equal += _equal(compared, INDENT, "a", "b")
        chunks = [
            function(f"_read_{name}", [f"obj: {name}", "data: dict[str, Any]"], "int", f"{name}'s fields, read from `data` into `obj`; how many `data` lacks.",
                     self.read_lines(own, 1, f"_read_{up}(obj, data)" if up else "0") + [(1, "return absent")]),
            function(f"_write_{name}", [f"obj: {name}", "out: dict[str, Any]", "request: bool"], "None", f"{name}'s fields, written from `obj` into `out`.",
                     ([(1, f"_write_{up}(obj, out, request)")] if up else []) + self.write_lines(own, "obj", 1)),
            function(f"_repr_{name}", [f"obj: {name}", "parts: list[str]"], "None", f"{name}'s fields, shown as `name=value` in `parts`.",
                     ([(1, f"_repr_{up}(obj, parts)")] if up else []) + self.repr_lines(own, "obj", 1)),
            function(f"_equal_{name}", [f"a: {name}", f"b: {name}"], "bool", f"Whether {name}'s fields are equal in `a` and `b`.", []) + "\n" + equal,
        ]
        return "\n\n\n".join(chunks)

    def init_types(self) -> list[str]:
        """The `_Init<Model>` TypedDicts (type checking only): the keyword arguments a model that
        others extend takes, which a subclass's `**_inherited` passes on. Bases come first."""
        out = []
        for name in bases_first([m for m in self.api.models if m.name in self.bases], self.models):
            m = self.models[name]
            base = self.models[m.base] if m.base else None
            own = m.fields[len(base.fields) :] if base else m.fields
            lines = [f"{INDENT}class _Init{m.py_name}({f'_Init{base.py_name}' if base else '_TypedDict'}, total=False):"]
            for f in own:
                annotation = self.field_annotation(f)
                if f.required and not f.read_only:
                    annotation = f"_Required[{annotation}]"
                lines.append(annotated(f.py_name, annotation, "", INDENT * 2))
            for fl in m.flattened[len(base.flattened) :] if base else m.flattened:
                lines.append(self.flat_view(m, fl).parameter.removesuffix(" = UNSET,"))
            if base is None:
                lines.append(f"{INDENT * 2}additional_properties: dict[str, Any] | None")
            elif len(lines) == 1:  # nothing of its own
                lines.append(f"{INDENT * 2}pass")
            out.append("\n".join(lines))
        return out

    def alias_views(self) -> list[str]:
        """Per array or map definition: its type alias, `_read_<Name>` and `_write_<Name>`.

        They come after the classes, an alias after those it names: the alias is a real
        `list[...]`/`dict[...]` at run time."""
        out = []
        for a in self.aliases_in_order():
            spelled = replace(a.type, alias=None)  # one level spelled out; deeper ones are names
            alias_line = statement(f"{a.name}: _TypeAlias = {self.annotation(spelled)}", "")
            doc = f"\n{docstring(a.description, 0)}" if a.description else ""
            read = def_line(f"def _read_{a.name}(", ["value: Any"], f" -> {a.name}:", "") + "\n" + statement(f"return {self.read_expr(spelled, 'value')}", INDENT)
            write = def_line(f"def _write_{a.name}(", [f"value: {a.name}", "request: bool"], " -> Any:", "") + "\n" + statement(f"return {self.writer(spelled, 'value')}", INDENT)
            out.append(f"{alias_line}{doc}\n\n\n{read}\n\n\n{write}")
        return out

    def aliases_in_order(self) -> list[ir.Alias]:
        """The array and map definitions by name, each after the ones its type names."""
        out: list[ir.Alias] = []
        done: set[str] = set()
        for name in sorted(self.aliases):
            todo = [name]
            while todo:
                at = todo[-1]
                t: ir.Type | None = self.aliases[at].type.item
                while t is not None and self.alias(t) is None and t.kind in ("array", "map"):
                    t = t.item
                needed = self.alias(t) if t is not None else None
                if needed is not None and needed not in done:
                    todo.append(needed)  # definitions cannot nest in themselves (the build refuses)
                    continue
                todo.pop()
                if at not in done:
                    done.add(at)
                    out.append(self.aliases[at])
        return out

    def slot_names(self, name: str) -> list[str]:
        """Every slot instances of model `name` have (its fields, its bases' fields)."""
        out: list[str] = []
        at: str | None = name
        while at:  # (a loop: an allOf chain may be deeper than Python's stack)
            m = self.models[at]
            out += [self.slot(f) for f in m.fields] + ["additional_properties"]
            at = m.base or m.parent
        return out

    def subtype_table(self, m: ir.Model) -> str:
        """`_SUBTYPES_<Base>`: discriminator value -> subtype class, after every class is defined."""
        entries = [f"{literal(v)}: {self.models[name].py_name}" for v, name in m.subtypes]
        return bracket(f"_SUBTYPES_{m.py_name}: dict[str, type[{m.py_name}]] = {{", entries, closer="}")

    def enum_view(self, e: ir.Enum) -> EnumView:
        bases = {"string": "str, Enum", "integer": "int, Enum"}.get(e.value_kind, "Enum")
        doc = e.description or f"The {e.name} values."
        if e.extensible:
            plain = {"string": "strings", "integer": "integers", "number": "numbers"}.get(e.value_kind, "values")
            doc += f"\n\nExtensible: values not listed here are accepted and kept as plain {plain}."
        lookup = [f"{literal(m.value)}: {e.py_name}.{m.py_name}" for m in e.members]
        returns = f"{e.py_name} | {scalar(e.value_kind)}" if e.extensible else e.py_name
        return EnumView(
            py_name=e.py_name,
            bases=bases,
            docstring=docstring(doc, 4),
            members=tuple(statement(f"{m.py_name} = {literal(m.value)}", INDENT) for m in e.members),
            lookup=bracket(f"_VALUES_{e.py_name}: dict[Any, {e.py_name}] = {{", lookup, closer="}"),
            reader_def=def_line(f"def _in_{e.py_name}(", ["value: Any"], f" -> {returns}:", ""),
            reader_body=statement(f"return _read_enum(_VALUES_{e.py_name}, value, {literal(e.py_name)}, {e.extensible}, {literal(e.value_kind)})", INDENT),
        )


def _equal(names: list[str], indent: str = INDENT * 2, left: str = "self", right: str = "other") -> str:
    """`return (self.a, ...) == (other.a, ...)` in __eq__; exploded with magic trailing commas
    (a layout black keeps) where it does not fit."""
    ours, theirs = [f"{left}.{n}" for n in names], [f"{right}.{n}" for n in names]
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


def _field_doc(f: ir.Field) -> str:
    notes = []
    if f.wire_name != f.py_name:
        notes.append(f"Wire name: `{f.wire_name}`.")
    if f.read_only:
        notes.append("Read-only: kept when parsing, left out of request bodies.")
    if f.secret:
        notes.append("Secret: never shown in repr() or messages.")
    return " ".join([sentence(f.description)] + notes).strip() if f.description.strip() else " ".join(notes)


def class_order(models: tuple[ir.Model, ...]) -> list[ir.Model]:
    """The models in name order, except that a model comes after the class it extends."""
    by_name = {m.name: m for m in models}
    return [by_name[name] for name in bases_first(list(models), by_name)]


def bases_first(models: list[ir.Model], by_name: dict[str, ir.Model]) -> list[str]:
    """Names of `models` in their order, each after the classes it extends (allOf base or
    polymorphic parent, then mixins) that are among them."""
    wanted = {m.name for m in models}
    out: list[str] = []
    placed: set[str] = set()
    entered: set[str] = set()
    for m in models:
        stack = [(m.name, False)]  # depth first, a class once its superclasses are out
        while stack:
            name, ready = stack.pop()
            if ready:
                placed.add(name)
                out += [name] if name in wanted else []
                continue
            if name in entered:
                continue
            entered.add(name)
            stack.append((name, True))
            node = by_name[name]
            supers = [s for s in (node.base or node.parent, *node.mixins) if s and s in by_name]
            stack += [(s, False) for s in reversed(supers)]
    return out


def type_imports(api: ir.Api) -> list[str]:
    """The imports of the types models.py's annotations name: `datetime`, and the other format
    types under the private names `annotations.PRIVATE` gives them (a field may be called `time`)."""
    kinds: set[str] = set()
    types = [f.type for m in api.models for f in m.fields] + [m.additional for m in api.models]
    for t in types + [a.type for a in api.aliases]:  # (a type alias is evaluated at import)
        while t is not None:
            kinds.add(t.kind)
            t = t.item
    lines = ["from builtins import bytes as _bytes"] if "bytes" in kinds else []
    # (in isort's order: by the name imported)
    names = {"date": "date as _date", "datetime": "datetime", "time": "time as _time", "duration": "timedelta as _timedelta"}
    lines += [f"from datetime import {names[kind]}" for kind in ("date", "datetime", "time", "duration") if kind in kinds]
    lines += ["from decimal import Decimal as _Decimal"] if "decimal" in kinds else []
    return lines
