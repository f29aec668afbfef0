"""ARM operation naming and request/response shape rules: operationId verbs, descriptions,
PATCH bodies, PUT bodies and responses, long-running POST options, versions.
Selected and placed as Azure's linter does."""

from __future__ import annotations

import re
from typing import Any

from generator.lint.core import Context, check
from generator.lint.places import Tokens, Walk, loc_of, objects, spectral_loc, truthy
from generator.lint.rules_arm import section_items
from generator.lint.rules_arm_models import find_property
from generator.spec import Operation

_LIST_NAME = re.compile(r"^((\w+_List\w*)|List)$", re.ASCII)
_API_VERSION = re.compile(r"^(20\d{2})-(0[1-9]|1[0-2])-((0[1-9])|[12][0-9]|3[01])(-(preview))?$")
_TERMINAL_STATES = ("succeeded", "failed", "canceled")


def _operation_ids(ctx: Context, method: str) -> list[tuple[Any, str]]:
    """(location of operationId, its value) of every `method` operation with a string id."""
    return [(op.loc.child("operationId"), op.value["operationId"]) for op in ctx.operations()
            if op.method == method and isinstance(op.value.get("operationId"), str) and op.value["operationId"]]


@check("PutInOperationName")
def put_in_operation_name(ctx: Context) -> None:
    for where, op_id in _operation_ids(ctx, "put"):
        if "_" in op_id and not re.match(r"^(\w+)_(Create)", op_id, re.ASCII) and not op_id.startswith("Create"):
            ctx.report("PutInOperationName", where, f"PUT operation '{op_id}' should use the method name Create (Noun_Create...).")


@check("PatchInOperationName")
def patch_in_operation_name(ctx: Context) -> None:
    for where, op_id in _operation_ids(ctx, "patch"):
        if "_" in op_id and not re.match(r"^(\w+)_(Update)", op_id, re.ASCII) and not op_id.startswith("Update"):
            ctx.report("PatchInOperationName", where, f"PATCH operation '{op_id}' should use the method name Update (Noun_Update...).")


@check("GetInOperationName")
def get_in_operation_name(ctx: Context) -> None:
    for where, op_id in _operation_ids(ctx, "get"):
        if not re.match(r"^(\w+)_(Get|List)", op_id, re.ASCII) and not op_id.startswith(("Get", "List")):
            ctx.report("GetInOperationName", where, f"GET operation '{op_id}' should use the method name Get, or one starting with List.")


@check("ListInOperationName")
def list_in_operation_name(ctx: Context) -> None:
    # Pageable GETs and POSTs, and those returning a {value: [...]} page, are named *_List*.
    for op in ctx.operations():
        if op.section != "paths" or op.method not in ("get", "post"):
            continue
        named = _LIST_NAME.match(str(op.value.get("operationId")))
        if "x-ms-pageable" in op.value:
            if not named:
                ctx.report("ListInOperationName", op.loc, "The operation is pageable: its operationId should be of the form Noun_List*.")
            continue
        responses = Walk.at(op.node).child(ctx, "responses")
        if named or responses is None or not isinstance(responses.value, dict):
            continue
        for code in responses.value:
            props = responses.child(ctx, code, "schema", "properties")
            value = props.child(ctx, "value") if props is not None else None
            if props is not None and isinstance(props.value, dict) and len(props.value) <= 2 and value is not None and value.get("type") == "array":
                ctx.report("ListInOperationName", op.loc, "The operation returns a list (an array value): its operationId should be of the form Noun_List*.")
                break


@check("OperationIdNounConflictingModelNames")
def operation_id_noun_conflicting_model_names(ctx: Context) -> None:
    definitions = ctx.view.root.get("definitions")
    names = set(definitions) if isinstance(definitions, dict) else set()
    for section, key, item in section_items(ctx):
        for member, op in item.value.items():
            op_id = op.get("operationId") if isinstance(op, dict) else None
            if isinstance(op_id, str) and "_" in op_id and op_id.split("_")[0] in names:
                noun = op_id.split("_")[0]
                ctx.report("OperationIdNounConflictingModelNames", item.loc.child(member, "operationId"), f"The noun '{noun}' of operationId '{op_id}' is also a model name; SDKs rename the model {noun}Model. Consider the plural.")


@check("SchemaDescriptionOrTitle")
def schema_description_or_title(ctx: Context) -> None:
    definitions = ctx.view.root.child("definitions")
    for name in definitions.value if isinstance(definitions.value, dict) else []:
        schema = Walk.at(definitions).child(ctx, name)
        if schema is not None and not truthy(schema.get("description")) and not truthy(schema.get("title")):
            ctx.report("SchemaDescriptionOrTitle", definitions.loc.child(name), f"Definition '{name}' should have a description or a title.")


@check("ParameterDescription")
def parameter_description(ctx: Context) -> None:
    for section, key, item in section_items(ctx, ("paths",)):
        owners = [("parameters",)] + [(m, "parameters") for m in ("get", "put", "post", "patch", "delete", "options", "head") if m in item.value]
        for owner in owners:
            params = Walk.at(item).child(ctx, *owner)
            for i in range(len(params.value) if params is not None and isinstance(params.value, list) else 0):
                param = params.child(ctx, i)  # type: ignore[union-attr]
                if param is not None and isinstance(param.value, dict) and not truthy(param.get("description")):
                    ctx.report("ParameterDescription", param.shown(ctx, "description"), f"Parameter {param.get('name')} should have a description.")


def merged_properties(ctx: Context, schema: Walk | None, _depth: int = 0) -> dict[str, Walk]:
    """Azure's `getProperties`: own properties, then `allOf` parents' (an earlier parent over a
    later one), `$ref`s followed."""
    out: dict[str, Walk] = {}
    if schema is None or not isinstance(schema.value, dict) or _depth > 32:
        return out
    own = schema.get("properties")
    for name in own if isinstance(own, dict) else []:
        prop = schema.child(ctx, "properties", name)
        if prop is not None:
            out[name] = prop
    parents = schema.get("allOf")
    for i in range(len(parents) if isinstance(parents, list) else 0):
        for name, prop in merged_properties(ctx, schema.child(ctx, "allOf", i), _depth + 1).items():
            out.setdefault(name, prop)
    return out


def _required(ctx: Context, schema: Walk | None) -> set[str]:
    """Azure's `getRequiredProperties` as it behaves: the schema's `required` and that of its
    direct `allOf` parents (deeper ones end up nested, where they are never found)."""
    names: set[str] = set()
    if schema is None or not isinstance(schema.value, dict):
        return names
    parents = schema.get("allOf")
    for part in [schema, *(schema.child(ctx, "allOf", i) for i in range(len(parents) if isinstance(parents, list) else 0))]:
        listed = part.get("required") if part is not None else None
        if isinstance(listed, list):
            names.update(n for n in listed if isinstance(n, str))
    return names


@check("PatchBodyParametersSchema")
def patch_body_parameters_schema(ctx: Context) -> None:
    for op in ctx.operations():
        if op.section != "paths" or op.method != "patch":
            continue
        params = Walk.at(op.node).child(ctx, "parameters")
        for i in range(len(params.value) if params is not None and isinstance(params.value, list) else 0):
            param = params.child(ctx, i)  # type: ignore[union-attr]
            if param is not None and param.get("in") == "body" and "schema" in param.value:
                _patch_body(ctx, param.child(ctx, "schema"), param.path, top=True, depth=0)


def _patch_body(ctx: Context, schema: Walk | None, at: Tokens, *, top: bool, depth: int) -> None:
    if depth > 16:
        return
    where = spectral_loc(ctx, (*at, "schema"))
    required = _required(ctx, schema)
    for name, prop in merged_properties(ctx, schema).items():
        if top and name.lower() == "identity":
            continue
        if truthy(prop.get("default")):
            ctx.report("PatchBodyParametersSchema", where, f"Properties of a PATCH request body must not have a default value: {name}.")
        if name in required:
            ctx.report("PatchBodyParametersSchema", where, f"Properties of a PATCH request body must not be required: {name}.")
        if prop.get("x-ms-mutability") == ["create"]:
            ctx.report("PatchBodyParametersSchema", where, f"Properties of a PATCH request body must not be x-ms-mutability [\"create\"]: {name}.")
        if prop.get("type") == "object" or (prop.get("type") is None and truthy(prop.get("properties"))):
            _patch_body(ctx, prop, (*at, "schema", "properties", name), top=False, depth=depth + 1)


@check("LongRunningOperationsOptionsValidator")
def long_running_post_options(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "post" or op.value.get("x-ms-long-running-operation") is not True:
            continue
        responses = Walk.at(op.node).child(ctx, "responses")
        codes = responses.value if responses is not None and isinstance(responses.value, dict) else {}
        with_schema = any(str(c).startswith("2") and isinstance(r, dict) and "schema" in r for c, r in _resolved_items(ctx, responses, codes))
        options = op.value.get("x-ms-long-running-operation-options")
        final = options.get("final-state-via") if isinstance(options, dict) else None
        if with_schema and final not in ("location", "azure-async-operation"):
            ctx.report("LongRunningOperationsOptionsValidator", op.item_loc, "A long-running POST that returns a schema must say x-ms-long-running-operation-options final-state-via (location or azure-async-operation).")


def _resolved_items(ctx: Context, walk: Walk | None, members: dict[str, Any]) -> list[tuple[str, Any]]:
    out = []
    for code in members:
        child = walk.child(ctx, code) if walk is not None else None
        out.append((code, child.value if child is not None else None))
    return out


@check("RepeatedPathInfo")
def repeated_path_info(ctx: Context) -> None:
    # A property of the PUT body's properties bag named like a path or query parameter.
    for section, key, item in section_items(ctx):
        put = Walk.at(item).child(ctx, "put")
        if put is None or not isinstance(put.get("parameters"), list):
            continue
        shared = parameter_walks(ctx, Walk.at(item).child(ctx, "parameters"))
        own = parameter_walks(ctx, put.child(ctx, "parameters"))
        names = {p.get("name") for p in shared + own if p.get("in") in ("path", "query") and isinstance(p.get("name"), str)}
        body = next((p for p in shared + own if p.get("in") == "body"), None)
        bag = merged_properties(ctx, body.child(ctx, "schema")).get("properties") if body is not None else None
        for name in merged_properties(ctx, bag) if bag is not None else {}:
            if name in names:
                index = next((i for i, p in enumerate(own) if p.get("name") == name), -1)
                ctx.report("RepeatedPathInfo", spectral_loc(ctx, (*put.path, "parameters", str(index))), f"'{name}' is in the path already: do not repeat it in the request body.")


def parameter_walks(ctx: Context, walk: Walk | None) -> list[Walk]:
    """The parameter objects of a `parameters` list (references followed)."""
    if walk is None or not isinstance(walk.value, list):
        return []
    return [p for p in (walk.child(ctx, i) for i in range(len(walk.value))) if p is not None and isinstance(p.value, dict)]


@check("DeleteResponseBodyEmpty")
def delete_response_body_empty(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "delete":
            continue
        for code in ("200", "204"):
            schema = Walk.at(op.node).child(ctx, "responses", code, "schema")
            if schema is not None and truthy(schema.value):
                ctx.report("DeleteResponseBodyEmpty", schema.shown(ctx), f"The {code} response of a DELETE must have no body (no schema).")


@check("PutRequestResponseSchemeArm")
def put_request_response_scheme(ctx: Context) -> None:
    for op in put_body_differs_from_response(ctx):
        ctx.report("PutRequestResponseSchemeArm", op.loc, f"The request body schema of PUT '{op.operation_id}' should be its 200 response schema, so one entity serves GET and PUT.")


def put_body_differs_from_response(ctx: Context) -> list[Operation]:
    """PUTs (with a 200 or 201) whose body schema is not, resolved, the 200 (else 201) schema."""
    out = []
    for op in ctx.operations():
        responses = op.value.get("responses") if op.method == "put" else None
        if not isinstance(responses, dict) or not ("200" in responses or "201" in responses):
            continue
        walk = Walk.at(op.node)
        body = next((p for p in parameter_walks(ctx, walk.child(ctx, "parameters")) if p.get("in") == "body"), None)
        request = body.child(ctx, "schema") if body is not None else None
        if request is None or not isinstance(request.value, dict) or not request.value:
            continue
        response = walk.child(ctx, "responses", "200" if "200" in responses else "201", "schema")
        if not _schema_equal(ctx, request, response if response is not None and truthy(response.value) else None, 0):
            out.append(op)
    return out


def _schema_equal(ctx: Context, a: Walk | None, b: Walk | None, depth: int) -> bool:
    """Azure's `isSchemaEqual` on the resolved schemas: same member names, values equal, nested
    objects compared the same way (null never equal)."""
    if a is None or b is None or not truthy(a.value) or not truthy(b.value) or depth > 48:
        return False
    if not isinstance(a.value, (dict, list)) or not isinstance(b.value, (dict, list)):
        return False
    names_a = _own_names(a.value)
    names_b = _own_names(b.value)
    if len(names_a) != len(names_b):
        return False
    if not names_a:
        return True
    for i, name in enumerate(names_a):
        left = _member(a.value, name)
        right = _member(b.value, name)
        if isinstance(left, (dict, list)) or left is None:
            if not _schema_equal(ctx, a.child(ctx, name), b.child(ctx, name) if _has(b.value, name) else None, depth + 1):
                return False
        elif left != right or type(left) is not type(right):
            return False
        if i == len(names_a) - 1:
            return True
    return False


def _own_names(value: dict[str, Any] | list[Any]) -> list[str]:
    return list(value) if isinstance(value, dict) else [*map(str, range(len(value))), "length"]


def _member(value: dict[str, Any] | list[Any], name: str) -> Any:
    if isinstance(value, dict):
        return value.get(name)
    return len(value) if name == "length" else (value[int(name)] if name.isdigit() and int(name) < len(value) else None)


def _has(value: dict[str, Any] | list[Any], name: str) -> bool:
    return name in value if isinstance(value, dict) else name == "length" or (name.isdigit() and int(name) < len(value))


@check("XmsResourceInPutResponse")
def xms_resource_in_put_response(ctx: Context) -> None:
    for op in ctx.operations():
        if op.method != "put":
            continue
        walk = Walk.at(op.node)
        schema = next((s for s in (walk.child(ctx, "responses", c, "schema") for c in ("200", "201")) if s is not None and truthy(s.value)), None)
        if schema is not None and not _is_xms_resource(ctx, schema, 0):
            ctx.report("XmsResourceInPutResponse", op.loc, f"The response model of PUT '{op.operation_id}' must have x-ms-azure-resource: true in its hierarchy.")


def _is_xms_resource(ctx: Context, schema: Walk | None, depth: int) -> bool:
    if schema is None or not isinstance(schema.value, dict) or depth > 32:
        return False
    if truthy(schema.get("x-ms-azure-resource")):
        return True
    parents = schema.get("allOf")
    return any(_is_xms_resource(ctx, schema.child(ctx, "allOf", i), depth + 1) for i in range(len(parents) if isinstance(parents, list) else 0))


@check("APIVersionPattern")
def api_version_pattern(ctx: Context) -> None:
    info = ctx.view.root.get("info")
    version = info.get("version") if isinstance(info, dict) else None
    if version is not None and not (isinstance(version, str) and _API_VERSION.search(version)):
        ctx.report("APIVersionPattern", ctx.root.child("info", "version"), f"The api-version {version!r} must be a date, YYYY-MM-DD, optionally followed by -preview.")


@check("ProvisioningStateValidation")
def provisioning_state_validation(ctx: Context) -> None:
    for node, path in objects(ctx):
        if path[0] != "definitions" or len(path) < 2 or path[-1] not in ("provisioningState", "ProvisioningState"):
            continue
        values = node.get("enum")
        if isinstance(values, list):
            lowered = {v.lower() for v in values if isinstance(v, str)}
            if any(state not in lowered for state in _TERMINAL_STATES):
                ctx.report("ProvisioningStateValidation", loc_of(ctx, path), "provisioningState must have the terminal states Succeeded, Failed and Canceled.")


@check("XMSLongRunningOperationProperty")
def xms_long_running_operation_property(ctx: Context) -> None:
    # A PUT/PATCH/POST/DELETE whose 200/201/202/204 response declares Location or
    # Azure-AsyncOperation is long-running and must say so.
    for op in ctx.operations():
        if op.method not in ("put", "patch", "post", "delete") or op.value.get("x-ms-long-running-operation") is True:
            continue
        walk = Walk.at(op.node)
        for code in ("200", "201", "202", "204"):
            headers = walk.child(ctx, "responses", code, "headers")
            found = next((h for h in headers.value if str(h).lower() in ("location", "azure-asyncoperation")), None) if headers is not None and isinstance(headers.value, dict) and headers.value else None
            if found is not None:
                ctx.report("XMSLongRunningOperationProperty", headers.shown(ctx, found), f"The {code} response declares {found}: the operation is long-running and must set \"x-ms-long-running-operation\": true.")  # type: ignore[union-attr]
                break


@check("UnSupportedPatchProperties")
def unsupported_patch_properties(ctx: Context) -> None:
    # A PATCH body must not let clients change id, name, type or location, nor properties.provisioningState.
    for op in ctx.operations():
        if op.method != "patch":
            continue
        params = parameter_walks(ctx, Walk.at(op.node).child(ctx, "parameters"))
        index = next((i for i, p in enumerate(params) if p.get("in") == "body"), None)
        body = params[index].child(ctx, "schema") if index is not None else None
        if body is None or not truthy(body.value):
            continue
        where = spectral_loc(ctx, (*Walk.at(op.node).path, "parameters", str(index)))
        props = merged_properties(ctx, body)
        for name in ("id", "name", "type", "location"):
            if name in props and _patchable(props[name]):
                ctx.report("UnSupportedPatchProperties", where, f"The PATCH body has the top-level property {name}, which cannot be changed: mark it readOnly or immutable, or remove it.")
        bag = merged_properties(ctx, props.get("properties")) if "properties" in props else {}
        if "provisioningState" in bag and _patchable(bag["provisioningState"]):
            ctx.report("UnSupportedPatchProperties", where, "The PATCH body has properties.provisioningState, which cannot be changed: mark it readOnly or immutable, or remove it.")


def _patchable(prop: Walk) -> bool:
    mutability = prop.get("x-ms-mutability")
    return prop.get("readOnly") is not True and not (isinstance(mutability, list) and "update" not in mutability)


@check("RequestSchemaForTrackedResourcesMustHaveTags")
def tracked_request_has_tags(ctx: Context) -> None:
    for section, key, item in section_items(ctx):
        put = Walk.at(item).child(ctx, "put")
        if put is None or not isinstance(put.get("parameters"), list):
            continue
        params = parameter_walks(ctx, Walk.at(item).child(ctx, "parameters")) + parameter_walks(ctx, put.child(ctx, "parameters"))
        body = next((p for p in params if p.get("in") == "body"), None)
        schema = body.child(ctx, "schema") if body is not None else None
        props = merged_properties(ctx, schema)
        if "location" not in props:
            continue
        if "tags" not in props:
            ctx.report("RequestSchemaForTrackedResourcesMustHaveTags", put.shown(ctx), "The PUT body of a tracked resource (it has location) must have tags.")
        elif "tags" in _required(ctx, schema):
            ctx.report("RequestSchemaForTrackedResourcesMustHaveTags", put.shown(ctx), "tags must not be a required property of a tracked resource's PUT body.")


@check("InvalidSkuModel")
def invalid_sku_model(ctx: Context) -> None:
    definitions = ctx.view.root.child("definitions")
    for name in definitions.value if isinstance(definitions.value, dict) else []:
        if name.lower() != "sku":
            continue
        props = merged_properties(ctx, Walk.at(definitions).child(ctx, name))
        ok = "name" in props and all(re.fullmatch(r"name|tier|size|family|capacity", p, re.IGNORECASE) for p in props)
        if not ok or props["name"].get("type") != "string":
            ctx.report("InvalidSkuModel", definitions.loc.child(name), "A Sku model has a string name, and optionally tier, size, family and capacity; nothing else.")


_OPERATIONS_PATH = re.compile(r"/providers/\w+\.\w+/operations$", re.ASCII | re.IGNORECASE)
_OPERATION_LIST_RESULT = re.compile(r".*/common-types/resource-management/v\d+/types.json#/definitions/OperationListResult")


@check("OperationsApiResponseSchema")
def operations_api_response_schema(ctx: Context) -> None:
    # The operations API returns value: [{name, isDataAction, display: {description, provider,
    # operation, resource}}].
    for section, key, item in section_items(ctx, ("paths",)):
        if not _OPERATIONS_PATH.search(key):
            continue
        schema = Walk.at(item).child(ctx, "get", "responses", "200", "schema")
        if schema is None or not isinstance(schema.value, dict):
            continue
        value = _js_property(ctx, schema, "value")
        items = value.child(ctx, "items") if value is not None else None
        valid = items is not None and truthy(items.value)
        if valid:
            display = _js_property(ctx, items, "display")
            valid = all(_js_property(ctx, items, p) is not None for p in ("name", "isDataAction")) and display is not None
            valid = valid and all(_js_property(ctx, display, p) is not None for p in ("description", "provider", "operation", "resource"))  # type: ignore[arg-type]
        if not valid:
            ctx.report("OperationsApiResponseSchema", schema.shown(ctx), f"The response schema of the operations API {key} does not follow ARM's (value: name, isDataAction, display).")


def _js_property(ctx: Context, schema: Walk | None, name: str) -> Walk | None:
    """Azure's Spectral `getProperty`, falsy results as missing."""
    found = find_property(ctx, schema, name)
    return found if found is not None and truthy(found.value) else None


@check("OperationsApiSchemaUsesCommonTypes")
def operations_api_uses_common_types(ctx: Context) -> None:
    for section, key, item in section_items(ctx, ("paths",)):
        if not _OPERATIONS_PATH.search(key):
            continue
        schema = _raw(item.value, "get", "responses", "200", "schema")
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str) and not _OPERATION_LIST_RESULT.search(ref):
            ctx.report("OperationsApiSchemaUsesCommonTypes", item.loc.child("get", "responses", "200", "schema", "$ref"), "The operations API returns the common-types OperationListResult.")


def _raw(value: Any, *keys: str) -> Any:
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value
