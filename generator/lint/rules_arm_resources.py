"""ARM resource rules: what a resource model must have, as Azure's native rules decide which
models are resources (`arm_resources`). Each finding is at the model's definition."""

from __future__ import annotations

import re

from generator.lint.arm_resources import (
    COMMON_TYPES,
    ArmModel,
    Resource,
    Schema,
    arm_model,
)
from generator.lint.core import Context, check
from generator.lint.places import nearest, truthy
from generator.spec import Loc

_TOP_LEVEL = (
    "name", "type", "id", "location", "properties", "tags", "plan", "sku", "etag", "managedby", "identity", "kind",
    "zones", "systemdata", "extendedlocation",
)
_TRACKED_BAG = ("name", "type", "id", "location", "tags", "plan", "sku", "etag", "managedby", "identity", "kind", "zones", "systemdata", "extendedlocation")
_PROXY_BAG = ("name", "id", "type", "etag", "systemdata")
_PROXIES_OF_PRIVATE_ENDPOINTS = "privateendpointconnectionproxies"


def _at(ctx: Context, resource: Resource) -> Loc:
    return ctx.root.child("definitions", resource.model)


@check("RequiredPropertiesMissingInResourceModel")
def required_properties(ctx: Context) -> None:
    arm = arm_model(ctx)
    for resource in arm.all_resources(include_get=True, list_gets=True):
        schema = arm.model_schema(resource.model)
        props = arm.properties(schema) if schema is not None else {}
        if COMMON_TYPES in props:
            continue
        if any(name not in props or arm.attribute(props[name], "readOnly") is not True for name in ("name", "type", "id")):
            ctx.report("RequiredPropertiesMissingInResourceModel", _at(ctx, resource), f"Model definition '{resource.model}' is a resource: it must have the properties name, id and type in its hierarchy, marked readOnly.")


@check("BodyTopLevelProperties")
def body_top_level_properties(ctx: Context) -> None:
    arm = arm_model(ctx)
    for resource in arm.all_resources(include_get=True):
        schema = arm.model_schema(resource.model)
        for name in arm.properties(schema) if schema is not None else {}:
            if name.lower() not in _TOP_LEVEL:
                ctx.report("BodyTopLevelProperties", _at(ctx, resource), f"Top level properties of resource '{resource.model}' should be among name, type, id, location, properties, tags, plan, sku, etag, managedBy, identity, zones; it has '{name}'.")


def _first_path(resource: Resource) -> str | None:
    path = resource.ops[0].path if resource.ops else None
    return path if path and _PROXIES_OF_PRIVATE_ENDPOINTS not in path.lower() else None


@check("TrackedResourcePatchOperation")
def tracked_resource_patch(ctx: Context) -> None:
    arm = arm_model(ctx)
    for resource in arm.tracked():
        path = _first_path(resource)
        if path and not arm.find_operation(path, "patch"):
            ctx.report("TrackedResourcePatchOperation", _at(ctx, resource), f"Tracked resource '{resource.model}' must have a PATCH operation that at least updates its tags.")


def _missing_delete(arm: ArmModel, resource: Resource, tracked: bool) -> bool:
    path = _first_path(resource)
    return bool(path) and (tracked or arm.find_operation(path, "put") is not None) and not arm.find_operation(path, "delete")  # type: ignore[arg-type]


@check("AllTrackedResourcesMustHaveDelete")
def tracked_resources_delete(ctx: Context) -> None:
    arm = arm_model(ctx)
    for resource in arm.tracked():
        if _missing_delete(arm, resource, tracked=True):
            ctx.report("AllTrackedResourcesMustHaveDelete", _at(ctx, resource), f"The tracked resource '{resource.model}' has no DELETE operation.")


@check("AllProxyResourcesShouldHaveDelete")
def proxy_resources_delete(ctx: Context) -> None:
    arm = arm_model(ctx)
    for resource in arm.proxies():
        if _missing_delete(arm, resource, tracked=False):
            ctx.report("AllProxyResourcesShouldHaveDelete", _at(ctx, resource), f"The proxy resource '{resource.model}' has a PUT but no DELETE operation.")


@check("ArmResourcePropertiesBag")
def properties_bag(ctx: Context) -> None:
    arm = arm_model(ctx)
    for resources, names in ((arm.tracked(), _TRACKED_BAG), (arm.proxies(), _PROXY_BAG)):
        for resource in resources:
            schema = arm.model_schema(resource.model)
            trail: list[str] = []
            while schema is not None and len(trail) < 16:
                bag = arm.property(schema, "properties")
                if bag is None:
                    break
                trail.append("properties")
                for name in names:
                    if arm.property(bag, name) is not None:
                        where = ".".join([*trail, name])
                        ctx.report("ArmResourcePropertiesBag", _at(ctx, resource), f"Top-level property names should not be repeated inside the properties bag of resource '{resource.model}': {where} is an ARM top-level property.")
                schema = bag



@check("RequiredReadOnlySystemData")
def required_read_only_system_data(ctx: Context) -> None:
    # Specs of api-version 2020-05-01 and later: a GET/PUT/PATCH (under `paths`) whose 2xx
    # response returns a resource must have a readOnly systemData in it.
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    info = data.get("info") if isinstance(data.get("info"), dict) else {}
    version = info.get("version") if isinstance(info, dict) else None
    dated = re.search(r"\d{4}-\d{2}-\d{2}", version) if isinstance(version, str) else None
    if dated is None or dated.group(0) < "2020-05-01":
        return
    arm = arm_model(ctx)
    names = set(arm.resource_names())
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for method in ("get", "put", "patch"):
        for key, item in paths.items():
            op = item.get(method) if isinstance(item, dict) else None
            responses = op.get("responses") if isinstance(op, dict) else None
            if not isinstance(responses, dict):
                continue
            missing = not_read_only = False
            for code, response in responses.items():
                schema = response.get("schema") if isinstance(response, dict) and str(code).startswith("20") else None
                ref = schema.get("$ref") if isinstance(schema, dict) else None
                if not isinstance(ref, str) or "#/definitions/" not in ref or ref.split("#/definitions/", 1)[1] not in names:
                    continue
                system_data = arm.property(Schema(schema, arm.file), "systemData")
                if system_data is None:
                    missing = True
                    break
                if not truthy(arm.attribute(system_data, "readOnly")):
                    not_read_only = True
                    break
            op_id = op.get("operationId")  # type: ignore[union-attr]
            where = ctx.root.child("paths", key, method)
            if missing:
                ctx.report("RequiredReadOnlySystemData", where, f"The response of operation '{op_id}' has no systemData; add the common-types systemData (readOnly).")
            if not_read_only:
                ctx.report("RequiredReadOnlySystemData", where, f"systemData in the response of operation '{op_id}' must be readOnly.")


@check("AllResourcesMustHaveGetOperation")
def resources_must_have_get(ctx: Context) -> None:
    # A resource with a PUT or PATCH and no GET returning it (in any file of the run), unless
    # it derives from a polymorphic base (allOf a model with a discriminator).
    arm = arm_model(ctx)
    with_get = {r.model for r in arm.resources if any(op.method == "get" for op in r.ops)}
    for resource in arm.all_resources():
        if not any(op.method in ("put", "patch") for op in resource.ops) or resource.model in with_get:
            continue
        if not arm.derives_from_polymorphic(resource.model):
            ctx.report("AllResourcesMustHaveGetOperation", _at(ctx, resource), f"The resource '{resource.model}' has no GET operation.")


@check("GetCollectionResponseSchema")
def get_collection_response_schema(ctx: Context) -> None:
    # The list of a resource returns `value`: an array of that resource's model. Azure reports it
    # in every file of the run whose resources include the pair, at the list's path key.
    arm = arm_model(ctx)
    for collection in arm.collections():
        schema = arm.model_schema(collection.model) if collection.model else None
        value = arm.property(schema, "value") if schema is not None else None
        items = value.value.get("items") if value is not None and isinstance(value.value, dict) and value.value.get("type") == "array" else None
        ref = items.get("$ref") if isinstance(items, dict) else None
        if isinstance(ref, str) and "#/definitions/" in ref and ref.split("#/definitions/", 1)[1] == collection.child:
            continue
        listing, specific = arm.operation_id(collection.listing[0]), arm.operation_id(collection.specific[0]) if collection.specific else None
        ctx.report("GetCollectionResponseSchema", nearest(ctx.doc, ("paths", collection.listing[0])), f"The response of the list operation '{listing}' does not match the model of the GET '{specific}': value must be an array of it.")


@check("NestedResourcesMustHaveListOperation")
def nested_resources_must_have_list(ctx: Context) -> None:
    arm = arm_model(ctx)
    listed = {c.child for c in arm.collections()}
    for model in arm.nested():
        if model not in listed:
            ctx.report("NestedResourcesMustHaveListOperation", ctx.root.child("definitions", model), f"The nested resource '{model}' has no list operation.")
