"""ARM operation rules (responses, long-running operations, parameters), named as Azure names them."""

from __future__ import annotations

import re
from typing import Any

from generator.lint.core import (
    Context,
    Loc,
    Operation,
    check,
    is_collection_path,
    is_point_path,
)

_SECRET_WORDS = ("access", "credential", "secret", "password", "key", "token", "auth", "connection")


def _is_lro(op: Operation) -> bool:
    return op.value.get("x-ms-long-running-operation") is True


def _codes(ctx: Context, op: Operation) -> set[str]:
    return {str(code) for code in ctx.responses(op)}


def _fmt(codes: set[str]) -> str:
    return ", ".join(sorted(codes)) or "none"


@check("PutResponseCodes")
def put_response_codes(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "put":
            continue
        if "x-ms-long-running-operation-options" in op.value and not _is_lro(op):
            ctx.report("PutResponseCodes", op.loc, "An async PUT operation (with x-ms-long-running-operation-options) must set x-ms-long-running-operation: true.")
            continue
        codes = _codes(ctx, op)
        if codes != {"200", "201", "default"}:
            ctx.report("PutResponseCodes", op.loc.child("responses"), f"PUT must have exactly the 200, 201 and default responses; has {_fmt(codes)}.")


@check("DeleteResponseCodes")
def delete_response_codes(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "delete" or "responses" not in op.value:
            continue
        codes = _codes(ctx, op)
        if _is_lro(op):
            if codes != {"202", "204", "default"}:
                ctx.report("DeleteResponseCodes", op.loc.child("responses"), f"A long-running DELETE must have exactly the 202, 204 and default responses; has {_fmt(codes)}.")
        elif codes != {"200", "204", "default"}:
            ctx.report("DeleteResponseCodes", op.loc.child("responses"), f"A synchronous DELETE must have exactly the 200, 204 and default responses; has {_fmt(codes)}.")


@check("LroPatch202")
def lro_patch_202(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method == "patch" and _is_lro(op) and "202" not in _codes(ctx, op):
            ctx.report("LroPatch202", op.loc.child("responses"), "A long-running PATCH must have a 202 response.")


@check("LroExtension")
def lro_extension(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "get" and "202" in _codes(ctx, op) and not _is_lro(op):
            ctx.report("LroExtension", op.loc, f"{op.method.upper()} has a 202 response but not x-ms-long-running-operation: true.")


@check("LroLocationHeader")
def lro_location_header(ctx: Context) -> None:
    for op in ctx.operations():
        responses = ctx.responses(op)
        raw = responses.get("202")
        if raw is None:
            continue
        loc = op.loc.child("responses", "202")
        resolved = ctx.deref(raw, loc)
        if resolved is None or not isinstance(resolved[0], dict):
            continue
        headers = resolved[0].get("headers")
        names = {str(h).lower() for h in headers} if isinstance(headers, dict) else set()
        if "location" not in names:
            ctx.report("LroLocationHeader", loc, "A 202 response must include a Location response header.")


def _find_property(ctx: Context, schema: Any, loc: Loc, name: str, depth: int = 0) -> tuple[Any, Loc, Loc] | None:
    """`name` among the model's properties (through allOf), else inside its `properties` bag."""
    props = ctx.properties(schema, loc, loc)
    if name in props:
        return props[name]
    bag = props.get("properties")
    if bag is not None and depth < 3:
        return _find_property(ctx, bag[0], bag[1], name, depth + 1)
    return None


@check("ProvisioningStateSpecifiedForLROPut")
def provisioning_state_for_lro_put(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "put" or not _is_lro(op):
            continue
        responses = ctx.responses(op)
        for code in ("200", "201"):
            if code not in responses:
                continue
            rloc = op.loc.child("responses", code)
            resolved = ctx.deref(responses[code], rloc)
            schema = resolved[0].get("schema") if resolved and isinstance(resolved[0], dict) else None
            if schema is None or _find_property(ctx, schema, resolved[1].child("schema"), "provisioningState") is None:  # type: ignore[index]
                ctx.report("ProvisioningStateSpecifiedForLROPut", rloc, f"The {code} response schema of a long-running PUT has no provisioningState property.")


@check("ProvisioningStateMustBeReadOnly")
def provisioning_state_read_only(ctx: Context) -> None:
    seen: set[tuple[str, str]] = set()
    for op in ctx.operations():
        for code, raw in ctx.responses(op).items():
            rloc = op.loc.child("responses", code)
            resolved = ctx.deref(raw, rloc)
            if not resolved or not isinstance(resolved[0], dict) or "schema" not in resolved[0]:
                continue
            found = _find_property(ctx, resolved[0]["schema"], resolved[1].child("schema"), "provisioningState")
            if found is None:
                continue
            prop, ploc, anchor = found
            key = (str(ploc.doc.path), ploc.pointer)
            if key in seen:
                continue
            seen.add(key)
            target = ctx.deref(prop, ploc)
            read_only = isinstance(prop, dict) and prop.get("readOnly") is True
            read_only = read_only or bool(target and isinstance(target[0], dict) and target[0].get("readOnly") is True)
            if not read_only:
                ctx.report("ProvisioningStateMustBeReadOnly", ploc, "provisioningState must be readOnly.", anchor=ctx.here(anchor, rloc))


@check("GetOperationMustNotBeLongRunning")
def get_not_long_running(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "get":
            continue
        for ext in ("x-ms-long-running-operation", "x-ms-long-running-operation-options"):
            if ext in op.value and (ext != "x-ms-long-running-operation" or op.value[ext] is True):
                ctx.report("GetOperationMustNotBeLongRunning", op.loc.child(ext), f"A GET must not be long-running: remove {ext}.")


@check("ParametersInPointGet")
def parameters_in_point_get(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "get" or not is_point_path(op.template):
            continue
        for param in ctx.parameters(op):
            if param.value.get("in") == "query" and param.value.get("name") != "api-version":
                ctx.report("ParametersInPointGet", param.loc, f"Query parameter {param.value.get('name')} should be removed: a point GET must not have query parameters other than api-version.")


def _secret_name(name: str) -> bool:
    lower = name.lower()
    if "public" in lower:
        return False
    return any(lower.endswith(w) and not lower.startswith(w) for w in _SECRET_WORDS)


@check("XMSSecretInResponse")
def xms_secret_in_response(ctx: Context) -> None:
    seen: set[tuple[str, str]] = set()
    todo: list[tuple[Any, Loc, Loc, int]] = []
    for op in ctx.operations():
        if op.method not in ("put", "get", "post"):
            continue
        for code, raw in ctx.responses(op).items():
            if not str(code).startswith("2"):
                continue
            rloc = op.loc.child("responses", code)
            resolved = ctx.deref(raw, rloc)
            if resolved and isinstance(resolved[0], dict) and "schema" in resolved[0]:
                sloc = resolved[1].child("schema")
                todo.append((resolved[0]["schema"], sloc, ctx.here(sloc, rloc), 0))
    while todo:
        schema, loc, anchor, depth = todo.pop()
        resolved = ctx.deref(schema, loc)
        if resolved is None or depth > 32:
            continue
        schema, loc = resolved
        anchor = ctx.here(loc, anchor)
        key = (str(loc.doc.path), loc.pointer)
        if key in seen or not isinstance(schema, dict):
            continue
        seen.add(key)
        props = ctx.properties(schema, loc, anchor)
        pair = set(props) == {"key", "value"}
        for name, (prop, ploc, panchor) in props.items():
            target = ctx.deref(prop, ploc)
            value = target[0] if target else None
            if (
                _secret_name(name) and not pair and isinstance(value, dict) and value.get("type") == "string"
                and "enum" not in value and "x-ms-enum" not in value
                and not (isinstance(prop, dict) and prop.get("x-ms-secret") is True) and value.get("x-ms-secret") is not True
            ):
                ctx.report("XMSSecretInResponse", ploc, f"Property '{name}' looks like a secret (name ends in a secret keyword) but has no \"x-ms-secret\": true.", anchor=panchor)
            todo.append((prop, ploc, panchor, depth + 1))
        for keyword in ("items", "additionalProperties"):
            sub = schema.get(keyword)
            if isinstance(sub, dict):
                sloc = loc.child(keyword)
                todo.append((sub, sloc, ctx.here(sloc, anchor), depth + 1))


@check("XmsPageableForListCalls")
def xms_pageable_for_list_calls(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "get" or "x-ms-pageable" in op.value or not is_collection_path(op.template):
            continue
        raw = ctx.responses(op).get("200")
        rloc = op.loc.child("responses", "200")
        resolved = ctx.deref(raw, rloc) if raw is not None else None
        if not resolved or not isinstance(resolved[0], dict) or "schema" not in resolved[0]:
            continue
        props = ctx.properties(resolved[0]["schema"], resolved[1].child("schema"), rloc)
        value = props.get("value")
        target = ctx.deref(value[0], value[1]) if value else None
        if target and isinstance(target[0], dict) and target[0].get("type") == "array":
            ctx.report("XmsPageableForListCalls", op.loc, "x-ms-pageable must be specified for a list (collection GET) operation.")


@check("OperationIdNounVerb")
def operation_id_noun_verb(ctx: Context) -> None:
    for op in ctx.operations():
        op_id = op.value.get("operationId")
        if not isinstance(op_id, str) or not op_id:
            continue
        loc = op.loc.child("operationId")
        if "_" not in op_id:
            ctx.report("OperationIdNounVerb", loc, f"operationId '{op_id}' should be of the form Noun_Verb.", key=False)
            continue
        noun, verb = op_id.split("_")[0], op_id.split("_")[1]
        pattern = re.escape(noun[:-1]) + "s?" if noun.endswith("s") else re.escape(noun)
        if noun and re.search(pattern, verb):
            ctx.report("OperationIdNounVerb", loc, f"Per the Noun_Verb convention for operationIds, the noun '{noun}' should not appear after the underscore.", key=False)


@check("ApiVersionParameterRequired")
def api_version_required(ctx: Context) -> None:
    for op in ctx.operations():
        if not any(p.value.get("name") == "api-version" and p.value.get("in") == "query" for p in ctx.parameters(op)):
            ctx.report("ApiVersionParameterRequired", op.loc, f"Operation '{op.value.get('operationId', op.method)}' is missing the api-version query parameter.")


@check("MissingDefaultResponse")
def missing_default_response(ctx: Context) -> None:
    for op in ctx.operations():
        if "responses" in op.value and "default" not in ctx.responses(op):
            ctx.report("MissingDefaultResponse", op.loc.child("responses"), "Operation is missing a default response.")


def _returned(ctx: Context, op: Operation) -> tuple[tuple[str, str] | None, bool]:
    responses = ctx.responses(op)
    for code in ("200", "201"):
        if code in responses:
            loc = op.loc.child("responses", code)
            resolved = ctx.deref(responses[code], loc)
            if resolved and isinstance(resolved[0], dict) and "schema" in resolved[0]:
                return ctx.target_key(resolved[0]["schema"], resolved[1].child("schema")), True
            return None, True
    return None, False


@check("PutGetPatchResponseSchema")
def put_get_patch_response_schema(ctx: Context) -> None:
    done: set[str] = set()
    for op in ctx.operations():
        if op.item_loc.pointer in done or "put" not in op.item.value:
            continue
        done.add(op.item_loc.pointer)
        models = {}
        for other in ctx.operations():
            if other.item_loc.pointer == op.item_loc.pointer and other.method in ("put", "get", "patch"):
                model, has = _returned(ctx, other)
                if has:
                    models[other.method] = model
        if len(set(models.values())) > 1:
            shown = ", ".join(f"{m.upper()} {'#' + v[1] if v else 'inline'}" for m, v in sorted(models.items()))
            ctx.report("PutGetPatchResponseSchema", op.item_loc, f"{op.path} has different responses for PUT/GET/PATCH ({shown}); they must return the same model.")


def _is_read_only(ctx: Context, prop: Any, loc: Loc) -> bool:
    if isinstance(prop, dict) and prop.get("readOnly") is True:
        return True
    target = ctx.deref(prop, loc)
    return bool(target and isinstance(target[0], dict) and target[0].get("readOnly") is True)


@check("RequiredPropertiesMissingInResourceModel")
def resource_model_properties(ctx: Context) -> None:
    models: dict[tuple[str, str], tuple[Any, Loc, Loc]] = {}
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    definitions = data.get("definitions") if isinstance(data.get("definitions"), dict) else {}
    for name, schema in definitions.items():  # type: ignore[union-attr]
        if isinstance(schema, dict) and schema.get("x-ms-azure-resource") is True:
            loc = ctx.root.child("definitions", name)
            models[(str(ctx.doc.path), loc.pointer)] = (schema, loc, loc)
    for op in ctx.operations():
        if not ((op.method == "get" and is_point_path(op.template)) or op.method == "put"):
            continue
        raw = ctx.responses(op).get("200")
        if raw is None:
            continue
        rloc = op.loc.child("responses", "200")
        resolved = ctx.deref(raw, rloc)
        if not resolved or not isinstance(resolved[0], dict) or not isinstance(resolved[0].get("schema"), dict):
            continue
        target = ctx.deref(resolved[0]["schema"], resolved[1].child("schema"))
        if target and isinstance(target[0], dict):
            models.setdefault((str(target[1].doc.path), target[1].pointer), (target[0], target[1], ctx.here(target[1], rloc)))
    for schema, loc, anchor in models.values():
        props = ctx.properties(schema, loc, anchor)
        missing = [n for n in ("id", "name", "type") if n not in props or not _is_read_only(ctx, props[n][0], props[n][1])]
        if missing:
            name = loc.pointer.rsplit("/", 1)[-1]
            ctx.report("RequiredPropertiesMissingInResourceModel", loc, f"Model '{name}' is a resource but lacks readOnly {', '.join(missing)} in its hierarchy (use the common-types Resource definitions).", anchor=anchor)
