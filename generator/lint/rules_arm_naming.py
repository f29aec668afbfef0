"""ARM naming and common-types rules: property and parameter names, resource name patterns, the
common-types version. Selected and placed as Azure's linter does."""

from __future__ import annotations

import re

from generator.lint.core import Context, check
from generator.lint.places import Walk, loc_of, objects, truthy
from generator.lint.rules_arm import section_items

# The newest version of each common-types file (Azure's table); any other file is never "latest".
LATEST_COMMON_TYPES = {
    "types.json": "v6", "managedidentity.json": "v6", "privatelinks.json": "v6", "customermanagedkeys.json": "v5",
    "managedidentitywithdelegation.json": "v5", "networksecurityperimeter.json": "v5", "mobo.json": "v5",
}
_COMMON_TYPES_REF = re.compile(r"/common-types/resource-management/v\d+/\w+.json#", re.IGNORECASE | re.ASCII)
_CAMEL_CASE = re.compile(
    r"^[a-z0-9$-]+([A-Z]{1,3}[a-z0-9$-]+)+$|^[a-z0-9$-]+$|^[a-z0-9$-]+([A-Z]{1,3}[a-z0-9$-]+)*[A-Z]{1,3}$"
)
_COMMON_PARAMETERS = frozenset({
    "subscriptionId", "api-version", "resourceGroupName", "operationId", "location", "managementGroupName", "scope",
    "tenantId", "ifMatch", "ifNoneMatch",
})
_RESOURCE_TYPE_CASE = re.compile(r"^[a-z][a-z0-9]+([A-Z]+[a-z0-9]*)*$")
_NAME_PARAMETER = re.compile(r"^\w+Name+$", re.ASCII)
_NAMES_WITHOUT_PATTERN = frozenset({
    "resourceGroupName", "privateEndpointConnectionName", "managementGroupName", "networkSecurityPerimeterConfigurationName",
})


@check("LatestVersionOfCommonTypesMustBeUsed")
def latest_common_types(ctx: Context) -> None:
    for node, path in objects(ctx):
        ref = node.get("$ref")
        if not isinstance(ref, str) or not _COMMON_TYPES_REF.search(ref) or "/common-types/resource-management/" not in ref:
            continue
        version, _, rest = ref.split("/common-types/resource-management/")[1].split("#")[0].partition("/")
        file = rest.split("/")[0]
        if LATEST_COMMON_TYPES.get(file) != version.lower():
            latest = LATEST_COMMON_TYPES.get(file)
            hint = f"the latest version {latest} of {file}" if latest else f"a current common-types file instead of {file}"
            ctx.report("LatestVersionOfCommonTypesMustBeUsed", loc_of(ctx, (*path, "$ref")), f"Use {hint}.")


@check("DefinitionsPropertiesNamesCamelCase")
def property_names_camel_case(ctx: Context) -> None:
    # Properties of every object schema (type: object) under definitions.
    for node, path in objects(ctx):
        if path[0] != "definitions" or len(path) < 2 or node.get("type") != "object":
            continue
        props = node.get("properties")
        if not isinstance(props, dict):
            continue
        for name in props:
            if len(name) >= 2 and not name.startswith("@") and not _CAMEL_CASE.match(name):
                ctx.report("DefinitionsPropertiesNamesCamelCase", loc_of(ctx, (*path, "properties", name)), f"Property name '{name}' should be camelCase.")


@check("ParameterNotUsingCommonTypes")
def parameter_not_using_common_types(ctx: Context) -> None:
    # Parameters written out (not `$ref`s) in operations and in the top-level parameters.
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    places: list[tuple[str, ...]] = []
    for section, key, item in section_items(ctx):
        for member, op in item.value.items():
            params = op.get("parameters") if isinstance(op, dict) else None
            if isinstance(params, list):
                places.extend((section, key, member, "parameters", str(i)) for i in range(len(params)))
    params = data.get("parameters")
    if isinstance(params, dict):
        places.extend(("parameters", name) for name in params)
    for path in places:
        param = _at(data, path)
        name = param.get("name") if isinstance(param, dict) else None
        if isinstance(name, str) and name in _COMMON_PARAMETERS:
            ctx.report("ParameterNotUsingCommonTypes", loc_of(ctx, (*path, "name")), f"Parameter \"{name}\" is defined in common-types: reference that definition.")


@check("ResourceNameRestriction")
def resource_name_restriction(ctx: Context) -> None:
    # Under `paths` only: Azure's expression (the parent of every path item) yields `paths` alone.
    for section, key, item in section_items(ctx, ("paths",)):
        for part in key.split("/")[1:]:
            if "}" not in part:
                continue
            found = re.search(r"[^{}]+(?=})", part)
            name = found.group(0) if found else None
            if not name or not _NAME_PARAMETER.match(name) or name in _NAMES_WITHOUT_PATTERN:
                continue
            declared = _path_parameter(ctx, item.value, Walk.at(item), name)
            if declared is not None and not truthy(declared.get("enum")) and not truthy(declared.get("pattern")):
                ctx.report("ResourceNameRestriction", item.loc, f"The resource name parameter '{name}' should be defined with a 'pattern' restriction.")


def _path_parameter(ctx: Context, item: dict[str, object], walk: Walk, name: str) -> dict[str, object] | None:
    """The path parameter `name` of the path item's first member that is not `parameters`
    (Azure looks at that one operation only), else of the path item's own parameters."""
    first = next((k for k in item if k != "parameters"), None)
    lists = [(first, "parameters")] if first is not None else []
    lists.append(("parameters",))  # type: ignore[arg-type]
    for steps in lists:
        params = walk.child(ctx, *steps)  # type: ignore[arg-type]
        if params is None or not isinstance(params.value, list):
            continue
        for i in range(len(params.value)):
            param = params.child(ctx, i)
            if param is not None and isinstance(param.value, dict) and param.value.get("in") == "path" and param.value.get("name") == name:
                return param.value
    return None


def _at(data: object, path: tuple[str, ...]) -> object:
    for token in path:
        if isinstance(data, dict):
            data = data.get(token)
        elif isinstance(data, list) and token.isdigit() and int(token) < len(data):
            data = data[int(token)]
        else:
            return None
    return data


@check("PathResourceTypeNameCamelCase")
def path_resource_type_camel_case(ctx: Context) -> None:
    # Every word of a path under `paths` (placeholders' names too) but the provider namespaces.
    paths = ctx.view.root.child("paths")
    for key in paths.value if isinstance(paths.value, dict) else []:
        providers = set(re.findall(r"providers/([\w.]+)", key, re.ASCII))
        words = [w for w in re.findall(r"[\w.]+", key, re.ASCII) if w not in providers]
        if any(not _RESOURCE_TYPE_CASE.match(w) for w in words):
            ctx.report("PathResourceTypeNameCamelCase", paths.loc.child(key), f"Resource types (and the other words) of path {key} must be camelCase.")
