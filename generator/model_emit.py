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
from generator.text import docstring, literal

_CHECK = {"string": "str", "integer": "int", "boolean": "bool"}


@dataclass(frozen=True)
class FieldView:
    py_name: str
    annotation: str  # e.g. `str | None | Unset`
    parameter: str  # in __init__, with its default: `id: str | None | Unset = UNSET`
    docstring: str


@dataclass(frozen=True)
class FlatView:
    py_name: str
    via: str
    target: str
    annotation: str
    inner_class: str | None  # the inner model to create on first set, if it has no required fields


@dataclass(frozen=True)
class ModelView:
    py_name: str
    docstring: str
    fields: tuple[FieldView, ...]
    slots: str  # literal tuple of slot names
    required: str  # literal tuple of the fields __init__ requires
    eq_self: str  # "self.a, self.b, ..." for __eq__
    eq_other: str
    known_name: str  # module constant holding the wire names
    known_keys: str  # literal of that frozenset
    from_dict: str  # body lines
    to_dict: str
    repr: str
    flattened: tuple[FlatView, ...]
    secret_view: bool  # also emit `_Secret<Name>`, the view read from secret fields


@dataclass(frozen=True)
class EnumView:
    py_name: str
    bases: str
    docstring: str
    members: tuple[tuple[str, str], ...]  # (name, literal)
    extensible: bool
    lookup_name: str
    lookup: str  # dict literal value -> member


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

    def read_statements(self, f: ir.Field, var: str) -> list[str]:
        wire = literal(f.wire_name)
        lines = [f"{var} = get({wire}, UNSET)"]
        if f.required and not f.read_only:
            lines += [f"if {var} is UNSET:", f"    raise DecodeError({literal('required property ' + repr(f.wire_name) + ' is missing')})"]
        t = f.type
        required = f.required and not f.read_only
        # A required field must be there and must not be null; an optional one may be either.
        present = f"{var} is not UNSET and {var} is not None"

        def guarded(*body: str) -> list[str]:
            return list(body) if required else [f"if {present}:", *("    " + b for b in body)]
        if t.kind in _CHECK:
            check = f"{var}.__class__ is not {_CHECK[t.kind]}"
            lines += [f"if {check}{'' if required else ' and ' + present}:", f"    raise _type_error({literal(t.kind)}, {var}).at({wire})"]
        elif t.kind == "number":
            check = f"{var}.__class__ is not float and {var}.__class__ is not int"
            lines += [f"if {check}{'' if required else ' and ' + present}:", f"    raise _type_error('number', {var}).at({wire})"]
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
        read: list[str] = [
            "if data.__class__ is not dict:",
            f"    raise _type_error('object', data, {literal(m.name)})",
            "obj = object.__new__(cls)",
            "get: Any = data.get",
            "k = None",
            "try:",
        ]
        for f in m.fields:
            read += ["    " + line for line in self.read_statements(f, "v")]
            read.append(f"    obj.{f.py_name} = v")
        if m.fields:
            read += ["except DecodeError as exc:", "    raise exc.at(k) if k is not None else exc from None"]
        else:
            read = [line for line in read if line not in ("get: Any = data.get", "k = None", "try:")]
        read += [
            f"obj.additional_properties = {{}} if {known_name}.issuperset(data) else {{key: value for key, value in data.items() if key not in {known_name}}}",
            "return obj",
        ]
        write = ["out: dict[str, Any] = {}"]
        for f in m.fields:
            var = f"f_{f.py_name}"
            value = self.writer(f.type, var)
            if value != var:
                value = f"None if {var} is None else {value}"
            line = f"out[{literal(f.wire_name)}] = {value}"
            if f.required and not f.read_only:  # always set: the constructor requires it
                write += [f"{var} = self.{f.py_name}", line]
            else:
                cond = f"{var} is not UNSET" + (" and not request" if f.read_only else "")
                write += [f"{var} = self.{f.py_name}", f"if {cond}:", f"    {line}"]
        write += ["if self.additional_properties:", "    out.update(self.additional_properties)", "return out"]
        rep = ["parts: list[str] = []"]
        for f in m.fields:
            # py_name is a checked identifier, so it may stand inside the f-string.
            shown = f"'{f.py_name}=***'" if f.secret else f"f'{f.py_name}={{self.{f.py_name}!r}}'"
            if f.required and not f.read_only:
                rep += [f"parts.append({shown})"]
            else:
                rep += [f"if self.{f.py_name} is not UNSET:", f"    parts.append({shown})"]
        rep += [
            "if self.additional_properties:",
            "    parts.append(f'additional_properties=<{len(self.additional_properties)} unknown fields>')",
            f"return {literal(m.py_name + '(')} + ', '.join(parts) + ')'",
        ]
        flat = []
        for fl in m.flattened:
            outer = next(f for f in m.fields if f.py_name == fl.via)
            inner = self.models[outer.type.ref or ""]
            creatable = not any(f.required and not f.read_only for f in inner.fields)
            flat.append(FlatView(fl.py_name, fl.via, fl.target, self.annotation(fl.type) + " | None | Unset", inner.py_name if creatable else None))
        fields = sorted(m.fields, key=lambda f: not (f.required and not f.read_only))
        views = []
        for f in fields:
            annotation = self.field_annotation(f)
            required = f.required and not f.read_only
            parameter = f"{f.py_name}: {annotation}" + ("" if required else " = UNSET")
            views.append(FieldView(f.py_name, annotation, parameter, docstring(_field_doc(f), 4)))
        names = [f.py_name for f in m.fields] + ["additional_properties"]
        return ModelView(
            py_name=m.py_name,
            docstring=docstring(m.description or f"The {m.name} model.", 4),
            fields=tuple(views),
            slots=literal(tuple(sorted(names, key=_natural))),
            required=literal(tuple(f.py_name for f in fields if f.required and not f.read_only)),
            eq_self=", ".join(f"self.{n}" for n in names),
            eq_other=", ".join(f"other.{n}" for n in names),
            known_name=known_name,
            known_keys=f"frozenset({literal(sorted(f.wire_name for f in m.fields))})",
            from_dict="\n".join(read),
            to_dict="\n".join(write),
            repr="\n".join(rep),
            flattened=tuple(flat),
            secret_view=m.name in self.secret_models,
        )

    def enum_view(self, e: ir.Enum) -> EnumView:
        bases = {"string": "str, Enum", "integer": "int, Enum"}.get(e.value_kind, "Enum")
        doc = e.description or f"The {e.name} values."
        if e.extensible:
            doc += "\n\nExtensible: values not listed here are accepted and kept as plain strings."
        return EnumView(
            py_name=e.py_name,
            bases=bases,
            docstring=docstring(doc, 4),
            members=tuple((m.py_name, literal(m.value)) for m in e.members),
            extensible=e.extensible,
            lookup_name=f"_VALUES_{e.py_name}",
            lookup="{" + ", ".join(f"{literal(m.value)}: {e.py_name}.{m.py_name}" for m in e.members) + "}",
        )


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
