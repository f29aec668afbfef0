"""ARM path rules: how resource paths are shaped (segments, nesting, actions, casing, where a
tracked resource lives), and what parameters and content types operations take. Selected and
placed as Azure's linter does."""

from __future__ import annotations

import re
from typing import Any

from generator.lint.core import Context, check
from generator.lint.places import Walk, loc_of, objects, truthy
from generator.lint.rules_arm import section_items
from generator.lint.rules_arm_operations import merged_properties, parameter_walks

_EVEN_SEGMENTS = re.compile(r".*/providers/\w+.\w+(/\w+/(default|{\w+}))+$", re.ASCII)
_HAS_RESOURCE_TYPE = re.compile(r"^.*/providers/\w+\.\w+/\w+.*", re.ASCII | re.IGNORECASE)
_RESOURCE_ACTION = re.compile(r".*/providers/[\w\.]+(?:/\w+/(default|{\w+}))*/\w+$", re.ASCII)
# Shapes a nested resource path must not have (Azure's list): a type without a name, a name
# without a type, or a segment after a name that is neither.
_NOT_NESTED = tuple(re.compile(p, re.ASCII | re.IGNORECASE) for p in (
    r"^.*/providers/\w+\.\w+/\w+/{\w+}(?:/\w+/(?!default)\w+){1,2}$",
    r"^.*/providers/\w+\.\w+(?:/\w+/(default|{\w+})){1,2}(?:/\w+/(?!default)\w+)+$",
    r"^.*/providers/\w+\.\w+/\w+/(?:/\w+/(default|{\w+})){0,3}{\w+}(?:/{\w+})+.*$",
    r"^.*/providers/\w+\.\w+(?:/\w+/(default|{\w+})){0,2}(?:/\w+/(?!default)\w+)+/{\w+}.*$",
))


@check("EvenSegmentedPathForPutOperation")
def even_segmented_put_path(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        if "put" in item.value and not _EVEN_SEGMENTS.search(key):
            ctx.report("EvenSegmentedPathForPutOperation", item.loc, "A PUT path must name a resource: after the provider namespace, pairs of type and {name} (or default).")


@check("PathForResourceAction")
def path_for_resource_action(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        if "post" in item.value and not _RESOURCE_ACTION.search(key):
            ctx.report("PathForResourceAction", item.loc, "A POST path must be an action on a resource (or collection): .../{name}/actionName.")


@check("PathForNestedResource")
def path_for_nested_resource(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        if any(m in item.value for m in ("get", "patch", "delete", "put")) and any(p.search(key) for p in _NOT_NESTED):
            ctx.report("PathForNestedResource", item.loc, "The path of a nested resource must alternate resource types and {names}; an extension resource's fully qualified path may be suppressed.")


@check("GetCollectionOnlyHasValueAndNextLink")
def get_collection_value_and_next_link(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        if key.endswith(("}", "operations", "default")) or not isinstance(item.value.get("get"), dict):
            continue
        if "." not in key or "/" not in key or len(key.split(".")[-1].split("/")) % 2:
            continue
        props = Walk.at(item).child(ctx, "get", "responses", "200", "schema", "properties")
        if props is not None and isinstance(props.value, dict) and set(props.value) != {"value", "nextLink"}:
            ctx.report("GetCollectionOnlyHasValueAndNextLink", props.shown(ctx), "The model of a collection GET must have only the value and nextLink properties.")


@check("ParametersInPost")
def parameters_in_post(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "post":
            continue
        params = Walk.at(op.node).child(ctx, "parameters")
        if params is None or not isinstance(params.value, list):
            continue
        for i in range(len(params.value)):
            param = params.child(ctx, i)
            value = param.value if param is not None else None
            if isinstance(value, dict) and value.get("in") == "query" and value.get("name") != "api-version":
                ctx.report("ParametersInPost", params.shown(ctx), f"{value.get('name')} is a query parameter: a POST must have no query parameter but api-version.")


@check("NonApplicationJsonType")
def non_application_json(ctx: Context) -> None:
    places: list[tuple[str, ...]] = [(key,) for key in ("produces", "consumes")]
    for section, key, item in section_items(ctx):
        for member, op in item.value.items():
            if isinstance(op, dict):
                places.extend((section, key, member, k) for k in ("produces", "consumes"))
    for path in places:
        values: Any = ctx.doc.data
        for token in path:
            values = values.get(token) if isinstance(values, dict) else None
        for i, media in enumerate(values if isinstance(values, list) else []):
            if not (isinstance(media, str) and "application/json" in media):
                ctx.report("NonApplicationJsonType", loc_of(ctx, (*path, str(i))), f"Content type {media!r}: ARM supports application/json only.")


@check("GuidUsage")
def guid_usage(ctx: Context) -> None:
    for node, path in objects(ctx):
        if node.get("format") == "uuid":
            ctx.report("GuidUsage", loc_of(ctx, (*path, "format")), "format: uuid is not recommended; a GUID needs the Azure API review board's sign-off.")


@check("AvoidAdditionalProperties")
def avoid_additional_properties(ctx: Context) -> None:
    # Schemas under definitions with additionalProperties, except tags, delegatedResources and
    # userAssignedIdentities.
    for node, path in objects(ctx):
        if path[0] == "definitions" and len(path) > 1 and path[-1] not in ("tags", "delegatedResources", "userAssignedIdentities") and truthy(node.get("additionalProperties")):
            ctx.report("AvoidAdditionalProperties", loc_of(ctx, path), "Definitions must not have additionalProperties (free-form maps), except tags, delegatedResources and userAssignedIdentities.")


@check("LocationMustHaveXmsMutability")
def location_must_have_xms_mutability(ctx: Context) -> None:
    definitions = ctx.view.root.child("definitions")
    for name, schema in definitions.value.items() if isinstance(definitions.value, dict) else []:
        props = schema.get("properties") if isinstance(schema, dict) else None
        location = props.get("location") if isinstance(props, dict) else None
        if location is None:
            continue
        mutability = location.get("x-ms-mutability") if isinstance(location, dict) else None
        if not (isinstance(mutability, list) and "create" in mutability and "read" in mutability):
            ctx.report("LocationMustHaveXmsMutability", definitions.loc.child(name, "properties", "location"), "Property location must have \"x-ms-mutability\": [\"read\", \"create\"].")


@check("XmsParameterLocation")
def xms_parameter_location(ctx: Context) -> None:
    params = ctx.view.root.child("parameters")
    for name, param in params.value.items() if isinstance(params.value, dict) else []:
        wire = param.get("name") if isinstance(param, dict) else None
        if isinstance(wire, str) and re.fullmatch(r"subscriptionid|subscription-id|api-version|apiversion", wire, re.IGNORECASE) and not truthy(param.get("x-ms-parameter-location")):
            ctx.report("XmsParameterLocation", params.loc.child(name), f"Global parameter {wire} has no x-ms-parameter-location: it becomes a client property; say \"client\" if that is meant, else \"method\".")


@check("SubscriptionsAndResourceGroupCasing")
def subscriptions_and_resource_group_casing(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        for segment in ("resourceGroups", "subscriptions"):
            at = key.lower().find("/" + segment.lower())
            if at != -1 and key[at + 1 : at + 1 + len(segment)] != segment:
                ctx.report("SubscriptionsAndResourceGroupCasing", item.loc, f"The path segment {key[at + 1 : at + 1 + len(segment)]} should be {segment}.")


@check("PathContainsResourceType")
def path_contains_resource_type(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        if any(m in item.value for m in ("get", "patch", "put", "delete")) and not _HAS_RESOURCE_TYPE.search(key):
            ctx.report("PathContainsResourceType", item.loc, "The path of a CRUD operation must contain a resource type after the provider namespace.")


_RG_SCOPE = tuple(re.compile(p, re.ASCII | re.IGNORECASE) for p in (
    r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/.+",
    r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/\w+\.\w+/\w+.*",
))
_RG_NOT_NESTED = tuple(re.compile(p, re.ASCII | re.IGNORECASE) for p in (
    r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/\w+\.\w+/\w+/{\w+}(?:/\w+/(?!default)\w+){1,2}$",
    r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/\w+\.\w+(?:/\w+/(default|{\w+})){1,2}(?:/\w+/(?!default)\w+)+$",
    r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/\w+\.\w+/\w+/(?:/\w+/(default|{\w+})){0,3}{\w+}(?:/{\w+})+.*$",
    r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/\w+\.\w+(?:/\w+/(default|{\w+})){0,2}(?:/\w+/(?!default)\w+)+/{\w+}.*$",
))


def _outside_resource_group(path: str) -> bool:
    return not any(p.search(path) for p in _RG_SCOPE) or any(p.search(path) for p in _RG_NOT_NESTED)


@check("PathForTrackedResourceTypes")
def path_for_tracked_resource_types(ctx: Context) -> None:
    # A tracked resource (location in the PUT body or the GET's 2xx response model) lives under a
    # subscription and a resource group.
    for section, key, item in section_items(ctx):
        walk = Walk.at(item)
        put = walk.child(ctx, "put")
        if put is not None and isinstance(put.get("parameters"), list):
            body = next((p for p in parameter_walks(ctx, put.child(ctx, "parameters")) if p.get("in") == "body"), None)
            if body is not None and "location" in merged_properties(ctx, body.child(ctx, "schema")) and _outside_resource_group(key):
                ctx.report("PathForTrackedResourceTypes", item.loc, "A tracked resource's path must be under a subscription and a resource group.")
        get = walk.child(ctx, "get")
        responses = get.get("responses") if get is not None else None
        code = next((c for c in responses if str(c).startswith("2")), None) if isinstance(responses, dict) else None
        if code is None:
            continue
        schema = get.child(ctx, "responses", code, "schema")  # type: ignore[union-attr]
        if schema is not None and "location" in merged_properties(ctx, schema) and _outside_resource_group(key):
            ctx.report("PathForTrackedResourceTypes", item.loc, "A tracked resource's path must be under a subscription and a resource group.")


_NESTED_LIST = re.compile(r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/\w+\.\w+/\w+/{\w+}/\w+.*", re.ASCII | re.IGNORECASE)
_RESOURCE_PATH = re.compile(r"^/subscriptions/{\w+}/resourceGroups/{\w+}/providers/\w+\.\w+/\w+/{\w+}.*", re.ASCII | re.IGNORECASE)


@check("MissingSegmentsInNestedResourceListOperation")
def missing_segments_in_nested_list(ctx: Context) -> None:
    # A nested path with a GET must contain the path of a parent resource the file has.
    paths = ctx.view.root.get("paths")
    keys = list(paths) if isinstance(paths, dict) else []
    for section, key, item in section_items(ctx):
        if "get" not in item.value or not _NESTED_LIST.search(key):
            continue
        if not any(other != key and _RESOURCE_PATH.search(other) and other in key for other in keys):
            ctx.report("MissingSegmentsInNestedResourceListOperation", item.loc, "A nested resource type's List operation must include all the parent segments in its path.")
