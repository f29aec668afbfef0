"""ARM operation rules (response codes, long-running operations, parameters, operationIds), named,
selected and placed as Azure's linter does (see `places` for where a finding is shown)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.lint.arm_resources import is_list_path
from generator.lint.core import Context, check
from generator.lint.places import Walk, resource_types
from generator.spec import Node, Operation

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "options", "head", "trace")


def _is_lro(op: Operation) -> bool:
    return op.value.get("x-ms-long-running-operation") is True


def _codes(op: Operation) -> list[str]:
    responses = op.value.get("responses")
    return [str(code) for code in responses] if isinstance(responses, dict) else []


def section_items(ctx: Context, sections: tuple[str, ...] = ("paths", "x-ms-paths")) -> Iterator[tuple[str, str, Node]]:
    """(section, path key, path item) for every path item that is an object."""
    for section in sections:
        paths = ctx.view.root.child(section)
        if isinstance(paths.value, dict):
            for key, item in paths.value.items():
                if isinstance(item, dict):
                    yield section, key, paths.child(key)


def _operations(ctx: Context, method: str, sections: tuple[str, ...] = ("paths", "x-ms-paths")) -> Iterator[Operation]:
    for op in ctx.operations():
        if op.method == method and op.section in sections:
            yield op


@check("PutResponseCodes")
def put_response_codes(ctx: Context) -> None:
    for op in _operations(ctx, "put"):
        codes = _codes(op)
        if not codes:
            ctx.report("PutResponseCodes", op.loc, "A PUT must have responses: 200, 201 and default, whether long-running or not.")
        elif (_is_lro(op) or op.value.get("x-ms-long-running-operation-options")) and not op.value.get("x-ms-long-running-operation"):
            ctx.report("PutResponseCodes", op.loc, "An async PUT (it has x-ms-long-running-operation-options) must set \"x-ms-long-running-operation\": true.")
        elif sorted(codes) != ["200", "201", "default"]:
            ctx.report("PutResponseCodes", op.loc, f"A PUT, long-running or not, must have exactly the 200, 201 and default responses; has {', '.join(codes)}.")


@check("DeleteResponseCodes")
def delete_response_codes(ctx: Context) -> None:
    for op in _operations(ctx, "delete"):
        codes = _codes(op)
        responses = op.value.get("responses") or {}
        if not codes:
            ctx.report("DeleteResponseCodes", op.loc, "A DELETE must have responses: 200, 204 and default (202, 204 and default if long-running).")
            continue
        if responses.get("202") or _is_lro(op) or op.value.get("x-ms-long-running-operation-options"):
            if not op.value.get("x-ms-long-running-operation"):
                ctx.report("DeleteResponseCodes", op.loc, "An async DELETE (it has a 202 response or x-ms-long-running-operation-options) must set \"x-ms-long-running-operation\": true.")
                continue
            if sorted(codes) != ["202", "204", "default"]:
                ctx.report("DeleteResponseCodes", op.loc, f"A long-running DELETE must have exactly the 202, 204 and default responses; has {', '.join(codes)}.")
            accepted = Walk.at(op.node).child(ctx, "responses", "202")
            if accepted is not None and isinstance(accepted.value, dict) and accepted.value.get("schema"):
                ctx.report("DeleteResponseCodes", op.loc, "The 202 response of a long-running DELETE must not have a schema.")
        elif sorted(codes) != ["200", "204", "default"]:
            ctx.report("DeleteResponseCodes", op.loc, f"A synchronous DELETE must have exactly the 200, 204 and default responses; has {', '.join(codes)}.")


@check("LroPatch202")
def lro_patch_202(ctx: Context) -> None:
    for op in _operations(ctx, "patch"):
        if _is_lro(op) and isinstance(op.value.get("responses"), dict) and not op.value["responses"].get("202"):
            ctx.report("LroPatch202", op.loc.child("responses"), "A long-running PATCH must have a 202 response.")


@check("LroExtension")
def lro_extension(ctx: Context) -> None:
    # Azure looks at `paths` only, and not at GET (a 202 there answers a poll).
    for op in ctx.operations():
        if op.section == "paths" and op.method in ("put", "patch", "post", "delete") and "202" in _codes(op) and not op.value.get("x-ms-long-running-operation"):
            ctx.report("LroExtension", op.loc, f"{op.method.upper()} has a 202 response but not \"x-ms-long-running-operation\": true.")


@check("LroLocationHeader")
def lro_location_header(ctx: Context) -> None:
    for op in ctx.operations():
        if op.section != "paths":
            continue
        response = Walk.at(op.node).child(ctx, "responses", "202")
        if response is None or not isinstance(response.value, dict):
            continue
        headers = response.get("headers")
        names = {str(h).lower() for h in headers} if isinstance(headers, dict) else set()
        if "location" not in names:
            ctx.report("LroLocationHeader", response.shown(ctx, "headers"), "A 202 response must include a Location response header.")


@check("GetOperationMustNotBeLongRunning")
def get_not_long_running(ctx: Context) -> None:
    for op in _operations(ctx, "get"):
        if op.value.get("x-ms-long-running-operation-options"):
            ctx.report("GetOperationMustNotBeLongRunning", op.loc.child("x-ms-long-running-operation-options"), "A GET must not be long-running: remove x-ms-long-running-operation-options.")
        if op.value.get("x-ms-long-running-operation") is True:
            ctx.report("GetOperationMustNotBeLongRunning", op.loc.child("x-ms-long-running-operation"), "A GET must not be long-running: remove x-ms-long-running-operation.")


@check("ParametersInPointGet")
def parameters_in_point_get(ctx: Context) -> None:
    # The GET's own parameters only; a path naming one resource by Azure's pattern.
    for section, key, item in section_items(ctx):
        if not resource_types(key) or not isinstance(item.value.get("get"), dict):
            continue
        get = item.child("get")
        for param in ctx.view.declared(get, "operation"):
            if param.where == "query" and param.name != "api-version":
                ctx.report("ParametersInPointGet", get.loc.child("parameters"), f"Query parameter {param.name} should be removed: a point GET must not have query parameters other than api-version.")


@check("XmsPageableForListCalls")
def xms_pageable_for_list_calls(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        if key.endswith(("}", "/default")) or not isinstance(item.value.get("get"), dict):
            continue
        if is_list_path(key) and not item.value["get"].get("x-ms-pageable"):
            ctx.report("XmsPageableForListCalls", item.loc.child("get"), "x-ms-pageable must be specified for a list (collection GET) operation.")


@check("OperationIdNounVerb")
def operation_id_noun_verb(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        for name, member in item.value.items():
            op_id = member.get("operationId") if isinstance(member, dict) else None
            if not isinstance(op_id, str) or "_" not in op_id:
                continue
            noun, verb = op_id.split("_")[0], op_id.split("_")[1]
            pattern = noun + "?" if noun.endswith("s") else noun  # a plural noun's "s" is optional
            try:
                repeated = re.search(pattern, verb) is not None
            except re.error:
                repeated = False
            if repeated:
                ctx.report("OperationIdNounVerb", item.loc.child(name, "operationId"), f"Per the Noun_Verb convention for operationIds, the noun '{noun}' should not appear after the underscore.")


@check("ApiVersionParameterRequired")
def api_version_required(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        shared = Walk.at(item).child(ctx, "parameters")
        if shared is not None and any(p.get("name") == "api-version" and p.get("in") == "query" for p in _resolved_list(ctx, shared)):
            continue
        for method in item.value:
            if method not in HTTP_METHODS:
                continue
            own = Walk.at(item).child(ctx, method, "parameters")
            named = [p for p in (_resolved_list(ctx, own) if own is not None else []) if p.get("name") == "api-version"]
            if not named:
                ctx.report("ApiVersionParameterRequired", item.loc.child(method), f"Operation {method.upper()} {key} must have the api-version query parameter.")
            elif named[0].get("in") != "query":
                ctx.report("ApiVersionParameterRequired", item.loc.child(method), "The api-version parameter must be a query parameter.")


def _resolved_list(ctx: Context, walk: Walk) -> list[Any]:
    """The entries of a list, `$ref`s followed (entries that do not resolve left out)."""
    if not isinstance(walk.value, list):
        return []
    out = []
    for i in range(len(walk.value)):
        entry = walk.child(ctx, i)
        if entry is not None and isinstance(entry.value, dict):
            out.append(entry.value)
    return out


@check("RequiredDefaultResponse")
def required_default_response(ctx: Context) -> None:
    for section, key, item in section_items(ctx, ("paths",)):
        for name, member in item.value.items():
            responses = member.get("responses") if isinstance(member, dict) else None
            if isinstance(responses, dict) and not responses.get("default"):
                ctx.report("RequiredDefaultResponse", item.loc.child(name, "responses"), "The operation has responses but no default (error) response.")


@check("PutGetPatchResponseSchema")
def put_get_patch_response_schema(ctx: Context) -> None:
    # As written (references not followed): the `$ref` of the first 200/201/202 response's schema.
    for section, key, item in section_items(ctx):
        if "put" not in item.value:
            continue
        models: set[Any] = set()
        for verb in ("put", "get", "patch"):
            op = item.value.get(verb)
            if op:
                models.add(_returned_ref(op))
            if len(models) > 1:
                ctx.report("PutGetPatchResponseSchema", item.loc, f"{key} has different responses for PUT/GET/PATCH; they must return the same model.")
                break


def _returned_ref(op: Any) -> Any:
    responses = op.get("responses") if isinstance(op, dict) else None
    if not isinstance(responses, dict):
        return None
    for code in ("200", "201", "202"):
        response = responses.get(code)
        if response:
            schema = response.get("schema") if isinstance(response, dict) else None
            ref = schema.get("$ref") if isinstance(schema, dict) else None
            return ref if isinstance(ref, str) or ref is None else repr(ref)  # (kept in a set)
    return None

