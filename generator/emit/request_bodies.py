"""The bodies of request builders: a model (read-only fields left out), a value of a JSON type or
a format (checked like a parameter, then written as JSON: `"2024-05-31"`, `2.5976931E+101`), an
array or map of values with a wire form of their own (written as the models write them), or any
other JSON value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import ir
from generator.emit.annotations import py_type
from generator.emit.formats import codec
from generator.emit.statements import call
from generator.format.layout import INDENT, literal

if TYPE_CHECKING:
    from generator.emit.requests import RequestEmitter

# The checks a value of a JSON type goes through (they give its JSON text).
_SCALAR_CONVERTERS = {"string": "_str", "integer": "_int", "number": "_num", "boolean": "_bool", "enum": "_enum"}


def body_annotation(emitter: RequestEmitter, p: ir.Parameter) -> str:
    if p.type.kind == "model":
        return f"_models.{emitter.api.model(p.type.ref or '').py_name} | Mapping[str, Any]"
    return py_type(emitter.api, p.type, qualify="_models.", argument=True)


def body_statements(emitter: RequestEmitter, p: ir.Parameter, ind: str, checks: list[str]) -> list[str]:
    """Statements (indented by `ind`) leaving the body's bytes in `_data` (None when an optional
    body is not given); `checks` are the constraint checks of a scalar body's value."""
    v = p.py_name
    labels = (literal(v), literal(p.wire_name))
    scalar = scalar_converter(emitter, p.type)
    if scalar is not None:
        converter, json_string = scalar
        inner = ind if p.required else ind + INDENT
        lines = [inner + call(f"_t_{v} = {converter}(", v, *labels), *checks]
        lines.append(inner + call(f"_data = {'_string_body' if json_string else '_raw_body'}(", f"_t_{v}"))
        emitter.scalar_bodies = True
        if p.required:
            return lines
        return [f"{ind}if {v} is None:", f"{inner}_data = None", f"{ind}else:", *lines]
    if p.type.kind == "model":
        encode = call("_model_body(", v, f"_models.{emitter.api.model(p.type.ref or '').py_name}", *labels)
    elif _has_codec(p.type):
        emitter.written_bodies = True
        encode = call("_json_body(", v, f"lambda _v: {emitter.conversions.writer(p.type, '_v')}", *labels)
    else:
        encode = call("_any_body(", v, *labels)
    if p.required:
        return [f"{ind}_data = {encode}"]
    return [f"{ind}_data = None if {v} is None else {encode}"]


def scalar_converter(emitter: RequestEmitter, t: ir.Type) -> tuple[str, bool] | None:
    """(the helper checking a scalar body and giving its JSON text, whether that text is a JSON
    string), or None for a body that is not one value of one JSON type."""
    found = codec(t)
    if found is not None:
        emitter.as_codecs.add(found.name)
        return f"_as_{found.name}", found.wire == "string"
    if t.kind == "enum":
        kind = emitter.api.enum(t.ref or "").value_kind
        return ("_enum", kind == "string") if kind != "any" else None
    converter = _SCALAR_CONVERTERS.get(t.kind)
    return (converter, t.kind == "string") if converter is not None else None


def _has_codec(t: ir.Type | None) -> bool:
    while t is not None:
        if codec(t) is not None:
            return True
        t = t.item
    return False
