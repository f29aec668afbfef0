"""IR -> JSON Schema 2020-12 documents, one per definition, referring to each other as `Name.json`.

Swagger-isms are translated: draft-4 boolean `exclusiveMinimum`, `format: int32` ranges (made
explicit as minimum/maximum), the formats a model reads named as `emit/formats.py` says (`time` is
`azure-time`: JSON Schema's own `time` requires an offset), annotations beside a `$ref`
(`readOnly`, secrets) kept as siblings.
Objects stay open (no `additionalProperties: false`): the models keep unknown fields. A
polymorphic base dispatches on its discriminator to its subtypes' documents.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from generator import ir
from generator.emit.formats import codec
from generator.emit.text import INVISIBLE

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SECRET = "x-ms-secret"


def document_name(name: str) -> str:
    return f"{name}.json"


def emit_schemas(api: ir.Api) -> dict[str, dict[str, Any]]:
    """`{"Name.json": schema}` for every definition (model, enum, array/map/primitive alias), in
    name order; also for an inline object schema the documents reach from more than one place.

    A document refers to the others (`{"$ref": "Name.json"}`), its allOf base included, rather
    than repeat them, so the documents grow with the spec, not with how often a definition is
    used."""
    emitter = _Emitter(api)
    docs: dict[str, dict[str, Any]] = {}
    for model in api.models:
        if model.definition or model.name in emitter.shared:
            docs[document_name(model.name)] = {**_head(model.name, model.description), **emitter.dispatching(model)}
    for enum in api.enums:
        if enum.definition:
            docs[document_name(enum.name)] = {**_head(enum.name, enum.description), **emitter.enum(enum)}
    for alias in api.aliases:
        docs[document_name(alias.name)] = {**_head(alias.name, alias.description), **emitter.type(alias.type)}
    return dict(sorted(docs.items()))


def dumps(schema: dict[str, Any]) -> str:
    """The document as JSON text: UTF-8 as written, except characters a reader cannot see
    (bidi controls, zero-width and other format characters), which become `\\uXXXX` escapes."""
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    if text.isascii():
        return text
    return "".join(json.dumps(ch)[1:-1] if ch != "\n" and unicodedata.category(ch) in INVISIBLE else ch for ch in text)


def _head(name: str, description: str) -> dict[str, Any]:
    head: dict[str, Any] = {"$schema": DIALECT, "$id": document_name(name), "title": name}
    if description:
        head["description"] = description
    return head


class _Emitter:
    def __init__(self, api: ir.Api) -> None:
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}
        self.shared = _shared_inline_models(api)

    def model(self, model: ir.Model) -> dict[str, Any]:
        """An object schema; a model with a base (and mixins) refers to their documents for
        their fields."""
        base = self.models[model.base] if model.base else None
        own = model.fields[len(base.fields) :] if base else model.fields
        mixins = [self.models[name] for name in model.mixins]
        inherited = {f for mixin in mixins for f in mixin.fields}
        own = tuple(f for f in own if f not in inherited)
        props: dict[str, Any] = {}
        for f in own:
            schema = self.type(f.type)
            if f.description:
                schema = {**schema, "description": f.description}
            if f.read_only:
                schema["readOnly"] = True
            if f.secret:
                schema[SECRET] = True
            props[f.wire_name] = schema
        parents = [document_name(m.name) for m in ([base] if base else []) + mixins]
        out: dict[str, Any] = {"allOf": [{"$ref": name} for name in parents]} if parents else {}
        out.update({"type": "object", "properties": props})
        required = [f.wire_name for f in own if f.required]
        if required:
            out["required"] = required
        if model.additional is not None:
            out["additionalProperties"] = self.type(model.additional)
        if model.secret:
            out[SECRET] = True
        return out

    def dispatching(self, model: ir.Model) -> dict[str, Any]:
        """A polymorphic base: a body whose discriminator names a subtype is checked as that
        subtype (and only as it), any other body as the base itself. One if/then per subtype
        and an if/else for the rest, side by side under `allOf` (nested, 1,000 subtypes were
        1,000 levels deep). An `if` requires an object, so a non-object fails once, in the base."""
        disc = model.discriminator or ""

        def naming(values: dict[str, Any]) -> dict[str, Any]:
            return {"type": "object", "properties": {disc: values}, "required": [disc]}

        if not model.subtypes:
            return self.model(model)
        cases: list[dict[str, Any]] = [{"if": naming({"const": value}), "then": {"$ref": document_name(self.models[name].name)}} for value, name in model.subtypes]
        cases.append({"if": naming({"enum": [value for value, _ in model.subtypes]}), "else": self.model(model)})
        return {"allOf": cases}

    def enum(self, enum: ir.Enum) -> dict[str, Any]:
        values = [m.value for m in enum.members]
        # (values of several JSON types, and no `type` in the spec: none here either)
        typed = {} if enum.value_kind == "any" else {"type": enum.value_kind}
        secret = {SECRET: True} if enum.secret else {}
        if enum.extensible:
            # Unknown values are valid (x-ms-enum modelAsString): the known ones are examples.
            return {**typed, "examples": values, "x-ms-enum": {"name": enum.name, "modelAsString": True}, **secret}
        return {**typed, "enum": values, **secret}

    def type(self, t: ir.Type) -> dict[str, Any]:
        schema = self.non_null(t)
        if not t.nullable or not schema:  # (`{}` takes null already)
            return schema
        if isinstance(schema.get("type"), str) and "$ref" not in schema and "enum" not in schema:
            return {**schema, "type": [schema["type"], "null"]}
        return {"anyOf": [schema, {"type": "null"}]}

    def non_null(self, t: ir.Type) -> dict[str, Any]:
        if t.alias is not None:
            return {"$ref": document_name(t.alias)}
        if t.kind == "model":
            model = self.models[t.ref or ""]
            return {"$ref": document_name(model.name)} if model.definition or model.name in self.shared else self.model(model)
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
        elif (found := codec(t)) is not None:
            out = {"type": found.wire, "format": found.schema_format}  # (the name: emit/formats.py)
        elif t.kind == "any":
            out = {}
        else:
            out = {"type": t.kind}
            if t.format:
                out["format"] = t.format
        out.update(_constraints(dict(t.constraints)))
        return out


def _shared_inline_models(api: ir.Api) -> set[str]:
    """Inline object schemas that documents reach from two places or more (an inline object is
    reached from one place unless a `$ref` points into the middle of a definition)."""
    seen: set[str] = set()
    shared: set[str] = set()
    types = [t for m in api.models for t in [f.type for f in m.fields] + [m.additional] if t is not None]
    types += [a.type for a in api.aliases]
    for t in types:
        while t.alias is None and t.kind in ("array", "map") and t.item is not None:
            t = t.item
        if t.alias is None and t.kind == "model" and t.ref:
            (shared if t.ref in seen else seen).add(t.ref)
    return shared


def _constraints(c: dict[str, Any]) -> dict[str, Any]:
    """Swagger (draft 4) validation keywords in their 2020-12 form."""
    out = dict(c)
    if "enum" in out:
        out["enum"] = list(out["enum"])
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if isinstance(out.get(exclusive), bool) and out.pop(exclusive) and bound in out:
            out[exclusive] = out.pop(bound)
    return out
