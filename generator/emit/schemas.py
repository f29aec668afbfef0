"""IR -> JSON Schema 2020-12 documents, one per definition, referring to each other as `Name.json`.

Swagger-isms are translated: draft-4 boolean `exclusiveMinimum`, `format: int32` ranges (made
explicit as minimum/maximum), annotations beside a `$ref` (`readOnly`, secrets) kept as siblings.
Objects stay open (no `additionalProperties: false`): the models keep unknown fields. A
polymorphic base dispatches on its discriminator to its subtypes' documents.
"""

from __future__ import annotations

import json
from typing import Any

from generator import ir

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SECRET = "x-ms-secret"


def document_name(name: str) -> str:
    return f"{name}.json"


def emit_schemas(api: ir.Api) -> dict[str, dict[str, Any]]:
    """`{"Name.json": schema}` for every definition model and enum, in name order."""
    emitter = _Emitter(api)
    docs: dict[str, dict[str, Any]] = {}
    for model in api.models:
        if model.definition:
            docs[document_name(model.name)] = {**_head(model.name, model.description), **emitter.dispatching(model)}
    for enum in api.enums:
        if enum.definition:
            docs[document_name(enum.name)] = {**_head(enum.name, enum.description), **emitter.enum(enum)}
    return dict(sorted(docs.items()))


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _head(name: str, description: str) -> dict[str, Any]:
    head: dict[str, Any] = {"$schema": DIALECT, "$id": document_name(name), "title": name}
    if description:
        head["description"] = description
    return head


class _Emitter:
    def __init__(self, api: ir.Api) -> None:
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}

    def model(self, model: ir.Model) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for f in model.fields:
            schema = self.type(f.type)
            if f.description:
                schema = {**schema, "description": f.description}
            if f.read_only:
                schema["readOnly"] = True
            if f.secret:
                schema[SECRET] = True
            props[f.wire_name] = schema
        out: dict[str, Any] = {"type": "object", "properties": props}
        required = [f.wire_name for f in model.fields if f.required]
        if required:
            out["required"] = required
        if model.additional is not None:
            out["additionalProperties"] = self.type(model.additional)
        return out

    def dispatching(self, model: ir.Model) -> dict[str, Any]:
        """A polymorphic base: a body whose discriminator names a subtype is checked as that
        subtype (and only as it), any other body as the base itself; one if/then/else per
        subtype. The `if` requires an object, so a non-object fails once, in the base."""
        out = self.model(model)
        disc = model.discriminator or ""
        for value, name in reversed(model.subtypes):
            names_it = {"type": "object", "properties": {disc: {"const": value}}, "required": [disc]}
            out = {"if": names_it, "then": {"$ref": document_name(self.models[name].name)}, "else": out}
        return out

    def enum(self, enum: ir.Enum) -> dict[str, Any]:
        values = [m.value for m in enum.members]
        json_type = {"integer": "integer", "number": "number", "boolean": "boolean"}.get(enum.value_kind, "string")
        if enum.extensible:
            # Unknown values are valid (x-ms-enum modelAsString): the known ones are examples.
            return {"type": json_type, "examples": values, "x-ms-enum": {"name": enum.name, "modelAsString": True}}
        return {"type": json_type, "enum": values}

    def type(self, t: ir.Type) -> dict[str, Any]:
        if t.kind == "model":
            model = self.models[t.ref or ""]
            return {"$ref": document_name(model.name)} if model.definition else self.model(model)
        if t.kind == "enum":
            enum = self.enums[t.ref or ""]
            return {"$ref": document_name(enum.name)} if enum.definition else self.enum(enum)
        if t.kind == "array":
            out: dict[str, Any] = {"type": "array"}
            if t.item is not None and t.item.kind != "any":
                out["items"] = self.type(t.item)
        elif t.kind == "map":
            out = {"type": "object"}
            if t.item is not None and t.item.kind != "any":
                out["additionalProperties"] = self.type(t.item)
        elif t.kind == "datetime":
            out = {"type": "string", "format": "date-time"}
        elif t.kind == "any":
            out = {}
        else:
            out = {"type": t.kind}
            if t.format:
                out["format"] = t.format
        out.update(_constraints(dict(t.constraints)))
        return out


def _constraints(c: dict[str, Any]) -> dict[str, Any]:
    """Swagger (draft 4) validation keywords in their 2020-12 form."""
    out = dict(c)
    if "enum" in out:
        out["enum"] = list(out["enum"])
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if isinstance(out.get(exclusive), bool) and out.pop(exclusive) and bound in out:
            out[exclusive] = out.pop(bound)
    return out
