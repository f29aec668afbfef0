"""ARM response rules beyond PUT/DELETE: GET and POST codes, error codes, LRO errors, examples.
Selected and placed as Azure's linter does."""

from __future__ import annotations

import re

from generator.lint.arm_resources import Schema, workspace
from generator.lint.core import Context, check
from generator.lint.places import Walk, truthy
from generator.lint.rules_arm import HTTP_METHODS, section_items

_ALLOWED_CODES = ("200", "201", "202", "204", "default")
_ERROR_RESPONSE = re.compile(r".*/common-types/resource-management/v(([1-9]\d+)|[2-9])/types.json#/definitions/ErrorResponse")


def _codes(responses: object) -> list[str]:
    return [str(c) for c in responses] if isinstance(responses, dict) else []


@check("GetResponseCodes")
def get_response_codes(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "get":
            continue
        codes = _codes(op.value.get("responses"))
        if not codes:
            ctx.report("GetResponseCodes", op.loc, "A GET must have responses: 200 and default (and 202 if it is a polling URL).")
        elif "200" not in codes or any(c not in ("200", "202", "default") for c in codes):
            ctx.report("GetResponseCodes", op.loc, f"A GET must have the 200 and default responses, and 202 only as a polling URL; has {', '.join(codes)}.")


@check("PostResponseCodes")
def post_response_codes(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "post":
            continue
        responses = Walk.at(op.node).child(ctx, "responses")
        codes = _codes(responses.value if responses is not None else None)
        if not codes:
            ctx.report("PostResponseCodes", op.loc, "A POST must have responses: 200 or 204 and default; if long-running, 202 and default (with 200 only for a final schema).")
            continue
        assert responses is not None
        found = set(codes)
        if truthy(responses.value.get("202")) or op.value.get("x-ms-long-running-operation") is True or truthy(op.value.get("x-ms-long-running-operation-options")):
            if op.value.get("x-ms-long-running-operation") is not True:
                ctx.report("PostResponseCodes", op.loc, "An async POST (it has a 202 response or x-ms-long-running-operation-options) must set \"x-ms-long-running-operation\": true.")
                continue
            if len(codes) != 3 or found not in ({"202", "200", "default"}, {"202", "204", "default"}):
                ctx.report("PostResponseCodes", op.loc, f"A long-running POST must have 202 and default, and 200 (final schema) or 204; has {', '.join(codes)}.")
        elif len(codes) != 2 or found not in ({"200", "default"}, {"204", "default"}):
            ctx.report("PostResponseCodes", op.loc, f"A synchronous POST must have 200 and default, or 204 and default; has {', '.join(codes)}.")
        for code, wants_schema in (("200", True), ("202", False), ("204", False)):
            response = responses.child(ctx, code)
            if response is None or not truthy(response.value):
                continue
            has_schema = isinstance(response.value, dict) and truthy(response.value.get("schema"))
            if wants_schema and not has_schema:
                ctx.report("PostResponseCodes", op.loc, "The 200 response of a POST has no schema: declare 200 only when the final response has a body, else 204.")
            elif not wants_schema and has_schema:
                ctx.report("PostResponseCodes", op.loc, f"The {code} response of a POST must not have a schema.")


@check("PatchResponseCodes")
def patch_response_codes(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "patch":
            continue
        codes = _codes(op.value.get("responses"))
        if not codes:
            ctx.report("PatchResponseCodes", op.loc, "A PATCH must have responses: 200 and default (200, 202 and default if long-running).")
        elif op.value.get("x-ms-long-running-operation") is True or truthy(op.value.get("x-ms-long-running-operation-options")):
            if op.value.get("x-ms-long-running-operation") is not True:
                ctx.report("PatchResponseCodes", op.loc, "An async PATCH (it has x-ms-long-running-operation-options) must set \"x-ms-long-running-operation\": true.")
                continue
            if sorted(codes) != ["200", "202", "default"]:
                ctx.report("PatchResponseCodes", op.loc, f"A long-running PATCH must have exactly the 200, 202 and default responses; has {', '.join(codes)}.")
            accepted = Walk.at(op.node).child(ctx, "responses", "202")
            if accepted is not None and isinstance(accepted.value, dict) and truthy(accepted.value.get("schema")):
                ctx.report("PatchResponseCodes", op.loc, "The 202 response of a long-running PATCH must not have a schema.")
        elif sorted(codes) != ["200", "default"]:
            ctx.report("PatchResponseCodes", op.loc, f"A synchronous PATCH must have exactly the 200 and default responses; has {', '.join(codes)}.")


@check("NoErrorCodeResponses")
def no_error_code_responses(ctx: Context) -> None:
    for section, key, item in section_items(ctx, ("paths",)):
        for name, member in item.value.items():
            responses = member.get("responses") if isinstance(member, dict) else None
            for code in _codes(responses):
                if code not in _ALLOWED_CODES:
                    ctx.report("NoErrorCodeResponses", item.loc.child(name, "responses", code), f"Response {code}: errors are described by the default response only (with the ARM error schema).")


@check("LroErrorContent")
def lro_error_content(ctx: Context) -> None:
    # Under `paths` only: Azure's path expression names x-ms-paths too, but its JSONPath engine
    # drops that branch after the `^` (parent) step.
    for section, key, item in section_items(ctx, ("paths",)):
        for name, member in item.value.items():
            if not isinstance(member, dict) or member.get("x-ms-long-running-operation") is not True:
                continue
            responses = member.get("responses")
            for code in _codes(responses):
                if code != "default" and not code.startswith(("4", "5")):
                    continue
                response = responses[code]  # type: ignore[index]
                schema = response.get("schema") if isinstance(response, dict) else None
                ref = schema.get("$ref") if isinstance(schema, dict) else None
                if "$ref" in (schema or {}) and not (isinstance(ref, str) and _ERROR_RESPONSE.search(ref)):
                    ctx.report("LroErrorContent", item.loc.child(name, "responses", code, "schema", "$ref"), "The error response of a long-running operation must be the ErrorResponse of common-types v2 or later.")


@check("XmsExamplesRequired")
def xms_examples_required(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        for method in HTTP_METHODS:
            op = item.value.get(method)
            if method != "trace" and isinstance(op, dict) and "x-ms-examples" not in op:
                ctx.report("XmsExamplesRequired", item.loc.child(method), "The operation has no x-ms-examples: add examples of its minimum and maximum request and response payloads.")


@check("DefaultErrorResponseSchema")
def default_error_response_schema(ctx: Context) -> None:
    # The default response's schema must have an `error` with `code` and `message` (the ARM
    # error shape), read as written under `paths`.
    ws = workspace(ctx)
    for section, key, item in section_items(ctx, ("paths",)):
        for name, member in item.value.items():
            responses = member.get("responses") if isinstance(member, dict) else None
            default = responses.get("default") if isinstance(responses, dict) else None
            if not truthy(default):
                continue
            schema = default.get("schema") if isinstance(default, dict) else None
            error = ws.property(Schema(schema, ws.file), "error") if truthy(schema) else None
            if error is not None and truthy(error.value) and ws.property(error, "code") is not None and ws.property(error, "message") is not None:
                continue
            ctx.report("DefaultErrorResponseSchema", item.loc.child(name, "responses", "default"), "The default response's schema is not the ARM error shape (an error object with code and message).")


@check("DeleteOperationResponses")
def delete_operation_responses(ctx: Context) -> None:
    for section, key, item in section_items(ctx, ("paths",)):
        delete = item.value.get("delete")
        responses = delete.get("responses") if isinstance(delete, dict) else None
        if not isinstance(responses, dict) or truthy(responses.get("202")):
            continue
        if not truthy(responses.get("200")) or not truthy(responses.get("204")):
            ctx.report("DeleteOperationResponses", item.loc.child("delete", "responses"), "A synchronous DELETE must declare both 200 and 204 responses.")
