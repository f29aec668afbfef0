"""Schema rules: run over every schema written in the linted document (references not followed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.lint.core import Context, Loc, check

# Where a schema sits decides which rules apply to it.
DEFINITION, PROPERTY, ITEMS, ADDITIONAL, COMPOSED, BODY, RESPONSE, PARAMETER, HEADER = (
    "definition", "property", "items", "additionalProperties", "composed", "body", "response", "parameter", "header",
)


def schema_nodes(ctx: Context) -> Iterator[tuple[dict[str, Any], Loc, str]]:
    """(schema, location, kind) for every schema-like node of the document, iteratively."""
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    todo: list[tuple[Any, Loc, str]] = []
    for name, schema in _members(data.get("definitions")):
        todo.append((schema, ctx.root.child("definitions", name), DEFINITION))
    for name, param in _members(data.get("parameters")):
        todo.extend(_parameter(param, ctx.root.child("parameters", name)))
    for code, response in _members(data.get("responses")):
        todo.extend(_response(response, ctx.root.child("responses", code)))
    items_seen: set[str] = set()
    for op in ctx.operations():
        owners = [op.node] if op.item_loc.pointer in items_seen else [op.item, op.node]
        items_seen.add(op.item_loc.pointer)
        for owner in owners:
            for i, param in enumerate(_items(owner.get("parameters"))):
                todo.extend(_parameter(param, owner.loc.child("parameters", i)))
        for code, response in _members(op.value.get("responses")):
            todo.extend(_response(response, op.loc.child("responses", code)))
    todo.reverse()
    while todo:
        node, loc, kind = todo.pop()
        if not isinstance(node, dict):
            continue
        yield node, loc, kind
        children: list[tuple[Any, Loc, str]] = []
        for name, prop in _members(node.get("properties")):
            children.append((prop, loc.child("properties", name), PROPERTY))
        items = node.get("items")
        if isinstance(items, dict):
            children.append((items, loc.child("items"), ITEMS))
        elif isinstance(items, list):
            children.extend((s, loc.child("items", i), ITEMS) for i, s in enumerate(items))
        if isinstance(node.get("additionalProperties"), dict):
            children.append((node["additionalProperties"], loc.child("additionalProperties"), ADDITIONAL))
        for keyword in ("allOf", "anyOf", "oneOf"):
            children.extend((s, loc.child(keyword, i), COMPOSED) for i, s in enumerate(_items(node.get(keyword))))
        todo.extend(reversed(children))


def _members(value: Any) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in value.items() if isinstance(v, dict)] if isinstance(value, dict) else []


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _parameter(param: Any, loc: Loc) -> list[tuple[Any, Loc, str]]:
    if not isinstance(param, dict) or "$ref" in param:
        return []
    if param.get("in") == "body":
        return [(param["schema"], loc.child("schema"), BODY)] if isinstance(param.get("schema"), dict) else []
    return [(param, loc, PARAMETER)]


def _response(response: Any, loc: Loc) -> list[tuple[Any, Loc, str]]:
    if not isinstance(response, dict) or "$ref" in response:
        return []
    out: list[tuple[Any, Loc, str]] = []
    if isinstance(response.get("schema"), dict):
        out.append((response["schema"], loc.child("schema"), RESPONSE))
    for name, header in _members(response.get("headers")):
        out.append((header, loc.child("headers", name), HEADER))
    return out


def _key(loc: Loc, kind: str) -> bool:
    """Report at the member name where the node has one (`"name": {`), else at the value."""
    return kind not in (ITEMS, COMPOSED, PARAMETER) or loc.pointer.endswith("/items")


@check("XmsEnumValidation")
def xms_enum_validation(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        if "enum" in node and "x-ms-enum" not in node:
            ctx.report("XmsEnumValidation", loc.child("enum"), f"The enum of {_name(loc)} should have the x-ms-enum extension.")


@check("DefaultInEnum")
def default_in_enum(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        if "default" in node and isinstance(node.get("enum"), list) and node["default"] not in node["enum"]:
            ctx.report("DefaultInEnum", loc.child("default"), f"Default value {node['default']!r} is not one of the enum values.", key=False)


@check("EnumInsteadOfBoolean")
def enum_instead_of_boolean(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        if node.get("type") == "boolean" and kind in (PROPERTY, PARAMETER, DEFINITION):
            ctx.report("EnumInsteadOfBoolean", loc, f"Booleans are not descriptive and cannot grow; consider a string enum for {_name(loc)}.", key=_key(loc, kind))


@check("MutabilityWithReadOnly")
def mutability_with_read_only(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        mutability = node.get("x-ms-mutability")
        if not isinstance(mutability, list) or "readOnly" not in node:
            continue
        if node["readOnly"] is True and set(mutability) - {"read"}:
            bad = sorted(str(m) for m in set(mutability) - {"read"})
            ctx.report("MutabilityWithReadOnly", loc.child("x-ms-mutability"), f"readOnly: true allows only x-ms-mutability [\"read\"]; has {', '.join(bad)}.")
        elif node["readOnly"] is False and mutability == ["read"]:
            ctx.report("MutabilityWithReadOnly", loc.child("x-ms-mutability"), "readOnly: false must not have x-ms-mutability [\"read\"] alone.")


@check("IntegerTypeMustHaveFormat")
def integer_type_must_have_format(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        if node.get("type") == "integer" and node.get("format") not in ("int32", "int64"):
            if "format" in node:
                ctx.report("IntegerTypeMustHaveFormat", loc.child("format"), f"Integer format {node['format']!r} is not int32 or int64.", key=False)
            else:
                ctx.report("IntegerTypeMustHaveFormat", loc.child("type"), f"The integer type of {_name(loc)} does not have a format (int32 or int64).", key=False)


@check("ArraySchemaMustHaveItems")
def array_schema_must_have_items(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        if node.get("type") == "array" and "items" not in node:
            ctx.report("ArraySchemaMustHaveItems", loc.child("type"), f"Please provide an items property for the array type {_name(loc)}.", key=False)


@check("MissingTypeObject")
def missing_type_object(ctx: Context) -> None:
    # As Azure's rule: schemas under definitions (through properties, additionalProperties, items, allOf).
    for node, loc, kind in schema_nodes(ctx):
        if not loc.pointer.startswith("/definitions/") or "type" in node:
            continue
        if isinstance(node.get("properties"), dict) or node.get("additionalProperties") not in (None, False):
            name = loc.pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            ctx.report("MissingTypeObject", loc, f"The schema '{name}' is considered an object but without a 'type:object', please add the missing 'type:object'.", key=_key(loc, kind))


@check("AvoidAnonymousTypes")
def avoid_anonymous_types(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        anonymous = kind in (BODY, RESPONSE, PROPERTY, ITEMS, ADDITIONAL) and "$ref" not in node and "x-ms-client-name" not in node
        if anonymous and isinstance(node.get("properties"), dict) and node["properties"]:
            ctx.report("AvoidAnonymousTypes", loc, f"Inline model at {_name(loc)}: define it in definitions and $ref it.", key=_key(loc, kind))


@check("DescriptiveDescriptionRequired")
def descriptive_description(ctx: Context) -> None:
    todo: list[tuple[Any, Loc]] = [(ctx.doc.data, ctx.root)]
    while todo:
        node, loc = todo.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                if k in ("x-ms-examples", "example", "examples", "enum", "default"):
                    continue
                if k == "description" and isinstance(v, str) and not v.strip():
                    ctx.report("DescriptiveDescriptionRequired", loc.child(k), "The description is empty; write one that describes this.", key=False)
                elif isinstance(v, (dict, list)):
                    todo.append((v, loc.child(k)))
        elif isinstance(node, list):
            todo.extend((v, loc.child(i)) for i, v in enumerate(node) if isinstance(v, (dict, list)))


def _name(loc: Loc) -> str:
    return "#" + loc.pointer
