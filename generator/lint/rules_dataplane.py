"""Azure's data-plane rules (its `az-dataplane` Spectral ruleset) that fire on the test specs:
parameter names and path parameter schemas, DELETE responses, x-nullable, the version, PUT body
and response. Run for data-plane specs only, selected and placed as Azure's linter does."""

from __future__ import annotations

import re

from generator.lint.core import Context, check
from generator.lint.places import Walk, loc_of, objects, truthy
from generator.lint.rules_arm import section_items
from generator.lint.rules_arm_operations import put_body_differs_from_response

_URL_MAX_LENGTH = 2083
_OPERATION_MEMBERS = ("get", "put", "post", "patch", "delete", "options", "head")


def _parameters(ctx: Context) -> list[Walk]:
    """The parameters under `paths` (the path items' and their operations'), `$ref`s followed."""
    out = []
    for section, key, item in section_items(ctx, ("paths",)):
        owners = [("parameters",)] + [(m, "parameters") for m in _OPERATION_MEMBERS if m in item.value]
        for owner in owners:
            params = Walk.at(item).child(ctx, *owner)
            for i in range(len(params.value) if params is not None and isinstance(params.value, list) else 0):
                param = params.child(ctx, i)  # type: ignore[union-attr]
                if param is not None and isinstance(param.value, dict):
                    out.append(param)
    return out


@check("ParameterNamesConvention")
def parameter_names_convention(ctx: Context) -> None:
    for param in _parameters(ctx):
        name, place = param.get("name"), param.get("in")
        if not isinstance(name, str) or not name or not place:
            continue
        if name[0] in "$@":
            ctx.report("ParameterNamesConvention", param.shown(ctx, "name"), f"Parameter name {name!r} should not begin with $ or @.")
        elif place in ("path", "query") and name != "api-version" and not re.match(r"^[a-z][a-z0-9]*([A-Z][a-z0-9]+)*$", name):
            ctx.report("ParameterNamesConvention", param.shown(ctx, "name"), f"Parameter name {name!r} should be camelCase.")
        elif place == "header" and not re.match(r"^[A-Za-z][a-z0-9]*(-[A-Za-z][a-z0-9]*)*$", name):
            ctx.report("ParameterNamesConvention", param.shown(ctx, "name"), f"Header parameter name {name!r} should be kebab-case.")


@check("PathParameterSchema")
def path_parameter_schema(ctx: Context) -> None:
    for param in _parameters(ctx):
        if param.get("in") != "path" or not param.get("name"):
            continue
        if param.get("type") != "string":
            ctx.report("PathParameterSchema", param.shown(ctx, "type"), "A path parameter should be of type string.")
        longest, pattern = param.get("maxLength"), param.get("pattern")
        if not truthy(longest) and not truthy(pattern):
            problem = "should say its maximum length (maxLength) and the characters allowed (pattern)"
        elif not truthy(longest):
            problem = "should say its maximum length (maxLength)"
        elif isinstance(longest, (int, float)) and longest >= _URL_MAX_LENGTH:
            problem = f"should have a maximum length below {_URL_MAX_LENGTH}"
        elif not truthy(pattern):
            problem = "should say the characters allowed (pattern)"
        else:
            continue
        ctx.report("PathParameterSchema", param.shown(ctx), f"Path parameter {param.get('name')} {problem}.")


@check("Delete204Response")
def delete_204_response(ctx: Context) -> None:
    for section, key, item in section_items(ctx, ("paths",)):
        responses = Walk.at(item).child(ctx, "delete", "responses")
        if responses is not None and isinstance(responses.value, dict) and not truthy(responses.value.get("204")) and not truthy(responses.value.get("202")):
            ctx.report("Delete204Response", responses.shown(ctx), "A DELETE should have a 204 response.")


@check("Nullable")
def nullable(ctx: Context) -> None:
    for node, path in objects(ctx):
        if "x-nullable" in node:
            ctx.report("Nullable", loc_of(ctx, (*path, "x-nullable")), "Avoid x-nullable: a property that may be absent is simply not required.")


@check("VersionConvention")
def version_convention(ctx: Context) -> None:
    info = ctx.view.root.get("info")
    version = info.get("version") if isinstance(info, dict) else None
    if version is not None and not (isinstance(version, str) and re.search(r"^\d\d\d\d-\d\d-\d\d(-preview)?$", version)):
        ctx.report("VersionConvention", ctx.root.child("info", "version"), f"The API version {version!r} should be a date, YYYY-MM-DD, optionally followed by -preview.")


@check("PutRequestResponseScheme")
def put_request_response_scheme(ctx: Context) -> None:
    for op in put_body_differs_from_response(ctx):
        ctx.report("PutRequestResponseScheme", op.loc, f"The request body schema of PUT '{op.operation_id}' should be its 200 response schema.")
