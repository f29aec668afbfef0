"""Schema rules: run over every schema written in the linted document (references not followed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.errors import join_pointer
from generator.lint.core import Context, Loc, check
from generator.lint.places import Tokens, loc_of, objects, truthy

# Where a schema sits decides which rules apply to it.
DEFINITION, PROPERTY, ITEMS, ADDITIONAL, COMPOSED, BODY, RESPONSE, PARAMETER, HEADER = (
    "definition", "property", "items", "additionalProperties", "composed", "body", "response", "parameter", "header",
)


def schema_nodes(ctx: Context) -> list[tuple[dict[str, Any], Loc, str]]:
    """(schema, location, kind) for every schema-like node of the document (worked out once)."""
    cached: list[tuple[dict[str, Any], Loc, str]] | None = getattr(ctx, "_schema_nodes", None)
    if cached is None:
        cached = list(_walk_schemas(ctx))
        ctx._schema_nodes = cached  # type: ignore[attr-defined]
    return cached


def _walk_schemas(ctx: Context) -> Iterator[tuple[dict[str, Any], Loc, str]]:
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


# Azure's schema rules select nodes anywhere in the file as written (JSON paths such as
# `$..[?(@.type === 'boolean')]`), not only schemas; each below says which.


def _objects(ctx: Context) -> list[tuple[dict[str, Any], Tokens]]:
    return objects(ctx)


_ENUM_TYPES = ("boolean", "integer", "number", "string")


@check("XmsEnumValidation")
def xms_enum_validation(ctx: Context) -> None:
    # Objects with `enum` under `definitions`, or at or below any `parameters` or `responses` member.
    for node, path in _objects(ctx):
        if "enum" not in node or truthy(node.get("x-ms-enum")):
            continue
        if node.get("type") not in _ENUM_TYPES or not isinstance(node["enum"], list):
            continue
        if path[0] == "definitions" or "parameters" in path or "responses" in path:
            ctx.report("XmsEnumValidation", loc_of(ctx, path), f"The enum of {_shown(path)} should have the x-ms-enum extension (its name, modelAsString).")


@check("DefaultInEnum")
def default_in_enum(ctx: Context) -> None:
    for node, path in _objects(ctx):
        if truthy(node.get("enum")) and isinstance(node["enum"], list) and "default" in node and node["default"] is not None and node["default"] not in node["enum"]:
            ctx.report("DefaultInEnum", loc_of(ctx, path), f"Default value {node['default']!r} is not one of the enum values.")


@check("EnumInsteadOfBoolean")
def enum_instead_of_boolean(ctx: Context) -> None:
    for node, path in _objects(ctx):
        if node.get("type") == "boolean":
            ctx.report("EnumInsteadOfBoolean", loc_of(ctx, path), f"Booleans are not descriptive and cannot grow; consider a string enum for {_shown(path)}.")


@check("MutabilityWithReadOnly")
def mutability_with_read_only(ctx: Context) -> None:
    for node, loc, kind in schema_nodes(ctx):
        mutability = node.get("x-ms-mutability")
        if not isinstance(mutability, list) or "readOnly" not in node:
            continue
        bad = sorted({m if isinstance(m, str) else repr(m) for m in mutability} - {"read"})
        if node["readOnly"] is True and bad:
            ctx.report("MutabilityWithReadOnly", loc.child("x-ms-mutability"), f"readOnly: true allows only x-ms-mutability [\"read\"]; has {', '.join(bad)}.")
        elif node["readOnly"] is False and mutability == ["read"]:
            ctx.report("MutabilityWithReadOnly", loc.child("x-ms-mutability"), "readOnly: false must not have x-ms-mutability [\"read\"] alone.")


@check("IntegerTypeMustHaveFormat")
def integer_type_must_have_format(ctx: Context) -> None:
    for node, path in _objects(ctx):
        if node.get("type") == "integer" and node.get("format") not in ("int32", "int64") and "x-ms-examples" not in path:
            ctx.report("IntegerTypeMustHaveFormat", loc_of(ctx, path), f"The integer type of {_shown(path)} does not have a format (int32 or int64).")


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
    # Response schemas of operations under `paths`, and `additionalProperties` of type object
    # anywhere in definitions: inline when they have properties, additionalProperties or allOf.
    for node, path in _objects(ctx):
        response_schema = len(path) == 6 and path[0] == "paths" and path[3] == "responses" and path[5] == "schema"
        inline_map = path[0] == "definitions" and path[-1] == "additionalProperties" and node.get("type") == "object"
        if (response_schema or inline_map) and _anonymous(node):
            ctx.report("AvoidAnonymousTypes", loc_of(ctx, path), f"Inline model at {_shown(path)}: define it in definitions and $ref it.")


def _anonymous(node: dict[str, Any]) -> bool:
    if "x-ms-client-name" in node:
        return False
    return bool(node.get("properties")) or "additionalProperties" in node or "allOf" in node


@check("DescriptiveDescriptionRequired")
def descriptive_description(ctx: Context) -> None:
    # Only a description of spaces: an empty one is not selected by Azure's rule.
    for node, path in _objects(ctx):
        text = node.get("description")
        if isinstance(text, str) and text and not text.strip():
            ctx.report("DescriptiveDescriptionRequired", loc_of(ctx, (*path, "description")), "The description is blank; write one that describes this.")


def _shown(path: Tokens) -> str:
    return "#" + join_pointer("", *path)


def _name(loc: Loc) -> str:
    return "#" + loc.pointer
