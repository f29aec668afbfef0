"""ARM rules Azure implements natively (not in Spectral): they read the file as written and follow
`$ref`s file by file (`arm_resources.Workspace`). Parameters order, array identifiers, example
names, POST operationIds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.errors import SpecError
from generator.lint.arm_resources import Schema, workspace
from generator.lint.core import Context, check
from generator.lint.places import loc_of, objects, truthy
from generator.lint.reach import references_of


def _paths(ctx: Context) -> dict[str, Any]:
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    paths = data.get("paths")
    return paths if isinstance(paths, dict) else {}


@check("ParametersOrder")
def parameters_order(ctx: Context) -> None:
    # Path parameters written out, or referenced ones that say x-ms-parameter-location: method,
    # must come in the order of the path template (path-level ones first, as Azure lists them).
    ws = workspace(ctx)
    for key, item in _paths(ctx).items():
        if not isinstance(item, dict):
            continue
        listed = item.get("parameters")
        shared: list[Any] = listed if isinstance(listed, list) else []
        template = [s[1:-1] for s in key.split("/") if s.startswith("{") and s.endswith("}")]
        for method, op in item.items():
            if method.lower() == "parameters":
                continue
            params = op.get("parameters") if isinstance(op, dict) else None
            own: list[Any] = params if isinstance(params, list) else []
            declared = [name for name in (_method_path_parameter(ws, p) for p in [*shared, *own]) if name]
            in_path = [p for p in template if p in declared]
            if any(i < len(declared) and declared[i] != name for i, name in enumerate(in_path)):
                ctx.report("ParametersOrder", ctx.root.child("paths", key, method), f"The path parameters {', '.join(declared)} should be declared in the order of the path.")


def _method_path_parameter(ws: Any, param: Any) -> str:
    if not isinstance(param, dict):
        return ""
    if "$ref" not in param:
        return str(param.get("name")) if param.get("in") == "path" else ""
    resolved = ws.resolve(Schema(param, ws.file)).value
    if isinstance(resolved, dict) and resolved.get("in") == "path" and resolved.get("x-ms-parameter-location") == "method":
        return str(resolved.get("name"))
    return ""


@check("XmsIdentifierValidation")
def xms_identifier_validation(ctx: Context) -> None:
    # Arrays (under definitions or parameters) of objects: each x-ms-identifiers entry (default
    # `id`) must be a property of the item model.
    ws = workspace(ctx)
    for node, path in objects(ctx):
        if path[0] not in ("definitions", "parameters") or len(path) < 2:
            continue
        if "items" not in node or node.get("type") != "array":
            continue
        identifiers = node.get("x-ms-identifiers")
        identifiers = ["id"] if identifiers is None else identifiers
        items = ws.resolve(Schema(node["items"], ws.file))
        if isinstance(items.value, dict) and items.value.get("type") and items.value.get("type") != "object":
            continue
        for identifier in identifiers if isinstance(identifiers, list) else []:
            item: Schema | None = items
            for step in str(identifier).removeprefix("/").split("/"):
                item = ws.property(item, step) if item is not None else None
                if item is None:
                    ctx.report("XmsIdentifierValidation", loc_of(ctx, path), f"The array items have no identifier property '{identifier}' (x-ms-identifiers, default id).")
                    break


@check("UniqueXmsExample")
def unique_xms_example(ctx: Context) -> None:
    seen: set[str] = set()
    for key, item in _paths(ctx).items():
        for member, op in item.items() if isinstance(item, dict) else []:
            examples = op.get("x-ms-examples") if isinstance(op, dict) else None
            for title in examples if isinstance(examples, dict) else []:
                if title in seen:
                    ctx.report("UniqueXmsExample", ctx.root.child("paths", key, member, "x-ms-examples"), f"Example name '{title}' is used twice: every x-ms-examples name must be unique.")
                seen.add(title)


@check("PostOperationIdContainsUrlVerb")
def post_operation_id_contains_url_verb(ctx: Context) -> None:
    for key, item in _paths(ctx).items():
        post = item.get("post") if isinstance(item, dict) else None
        op_id = post.get("operationId") if isinstance(post, dict) else None
        if not isinstance(op_id, str) or not op_id:
            continue
        verb = key.lower().split("/")[-1]
        if verb not in op_id.lower().split("_")[-1]:
            ctx.report("PostOperationIdContainsUrlVerb", ctx.root.child("paths", key, "post", "operationId"), f"The operationId '{op_id}' should contain the path's verb '{verb}'.")


@check("PageableOperation")
def pageable_operation(ctx: Context) -> None:
    # A GET (under `paths`) whose most successful response model has at most three properties,
    # one of them an array (as written), is probably a list: it should be x-ms-pageable.
    ws = workspace(ctx)
    for key, item in _paths(ctx).items():
        get = item.get("get") if isinstance(item, dict) else None
        responses = get.get("responses") if isinstance(get, dict) else None
        if not isinstance(responses, dict) or "x-ms-pageable" in get:  # type: ignore[operator]
            continue
        code = "200" if "200" in responses else next((c for c in responses if str(c).startswith("2")), "default")
        response = responses.get(code)
        schema = response.get("schema") if isinstance(response, dict) else None
        if schema is None:
            continue
        props = ws.resolve(Schema(schema, ws.file)).value
        props = props.get("properties") if isinstance(props, dict) else None
        if isinstance(props, dict) and len(props) <= 3 and any(isinstance(p, dict) and p.get("type") == "array" for p in props.values()):
            ctx.report("PageableOperation", ctx.root.child("paths", key, "get"), f"The response of '{get.get('operationId')}' looks like a page (an array among at most three properties): consider x-ms-pageable.")  # type: ignore[union-attr]


@check("DeprecatedXmsCodeGenerationSetting")
def deprecated_code_generation_setting(ctx: Context) -> None:
    info = ctx.view.root.get("info")
    if isinstance(info, dict) and truthy(info.get("x-ms-code-generation-settings")):
        ctx.report("DeprecatedXmsCodeGenerationSetting", ctx.root.child("info", "x-ms-code-generation-settings"), "x-ms-code-generation-settings is deprecated: move the settings to the readme used for code generation.")


_OPERATIONS_API = re.compile(r"^/providers/[^/]+/operations$", re.IGNORECASE)


@check("OperationsAPIImplementation")
def operations_api_implementation(ctx: Context) -> None:
    # Azure checks it once per run over every file the spec reaches; specgen checks it on a spec
    # no other file of the run refers to, over the files that spec reaches.
    loader = ctx.loader
    if any(doc.path != ctx.doc.path and ctx.doc.path in references_of(loader, doc) for doc in list(loader.documents.values())):
        return
    seen: set[Path] = set()
    todo = [ctx.doc]
    while todo:
        doc = todo.pop()
        if doc.path in seen:
            continue
        seen.add(doc.path)
        for section in ("paths", "x-ms-paths"):
            paths = doc.data.get(section) if isinstance(doc.data, dict) else None
            if isinstance(paths, dict) and any(_OPERATIONS_API.match(key) for key in paths):
                return
        for target in references_of(loader, doc):
            try:
                todo.append(loader.document(target))
            except SpecError:
                continue
    first = next(iter(_paths(ctx)), "")
    providers = re.findall(r"providers/([\w.]+)", first, re.ASCII)
    ctx.report("OperationsAPIImplementation", ctx.root, f"The operations API (GET /providers/{providers[-1] if providers else 'Namespace'}/operations) must be implemented.")


@check("AvoidNestedProperties")
def avoid_nested_properties(ctx: Context) -> None:
    # A property that has properties of its own (a nested model written inline or not) should be
    # flattened for clients with x-ms-client-flatten.
    for node, path in objects(ctx):
        props = node.get("properties")
        if not isinstance(props, dict) or not props:
            continue
        for name, prop in props.items():
            if isinstance(prop, dict) and truthy(prop.get("properties")) and not truthy(prop.get("x-ms-client-flatten")):
                ctx.report("AvoidNestedProperties", loc_of(ctx, (*path, "properties", name)), f"Consider x-ms-client-flatten on {name}: its nested properties make a poor request object.")
