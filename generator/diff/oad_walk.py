"""oad's walk over two merged documents (`ServiceDefinition`, `Operation`, `SwaggerParameter`
and `OperationResponse.Compare` of Azure/openapi-diff 0.12.4): version, schemes, paths and
operations (parameters, media types, responses), then the document's own `parameters`,
`responses` and `definitions` sections. Each message records the comparison path it was logged
at; `oad_view.View.complete` turns that into a place in each spec, as oad does.

A change inside a definition therefore shows up where oad shows it: once at each use that
compares the definition as a whole (a body or response schema, a property that names an enum),
and once in the `definitions` section.
"""

from __future__ import annotations

from typing import Any

from generator.diff.oad_context import (
    NONE,
    PARAMETER_IN,
    REQUEST,
    RESPONSE,
    Context,
    Message,
    Obj,
    find_definition,
    find_parameter,
    ref_of,
)
from generator.diff.oad_schema import compare_schema, compare_value
from generator.diff.oad_view import View, openapi_path_name

_NOT_OPERATIONS = ("parameters",)


def walk(old: View, new: View, *, strict: bool | None = None) -> tuple[list[Message], bool]:
    """oad's messages, and whether the comparison was strict (same api-version). `strict`
    overrides oad's own reading of the two `info.version`s."""
    ctx = Context(old, new)
    o_root, n_root = old.root, new.root
    o_ver, n_ver = _version(o_root), _version(n_root)
    if o_ver is not None and n_ver is not None:
        ctx.push("prop", "info")
        ctx.push("prop", "version")
        _compare_versions(ctx, n_ver, o_ver)
        ctx.pop()
        ctx.pop()
    if strict is not None:
        ctx.strict = strict
    if ctx.strict:
        ctx.info("1001")  # the version did not change: noteworthy, not an error
    ctx.push("prop", "schemes")
    for scheme in _strings(o_root.get("schemes")):
        if scheme not in _strings(n_root.get("schemes")):
            ctx.breaking("1002", scheme)
    ctx.pop()
    _root_media_types(ctx, o_root, n_root)
    _paths(ctx)
    ctx.referenced["new"] = _referenced(new)
    ctx.referenced["old"] = _referenced(old)
    _sections(ctx)
    return ctx.messages, ctx.strict


def _version(root: dict[str, Any]) -> str | None:
    info = root.get("info")
    v = info.get("version") if isinstance(info, dict) else None
    return v if isinstance(v, str) else None


def _compare_versions(ctx: Context, new: str, old: str) -> None:
    """oad's rule: numeric major.minor compared as numbers, anything else (a date) as text."""
    o_parts, n_parts = old.split("."), new.split(".")
    changed = False
    integers = o_parts[0].lstrip("-").isdigit() and n_parts[0].lstrip("-").isdigit()
    if integers and int(o_parts[0]) != int(n_parts[0]):
        changed = True
        if int(o_parts[0]) > int(n_parts[0]):
            ctx.error("1000", old, new)
    if not changed and integers and len(o_parts) > 1 and len(n_parts) > 1:
        integers = o_parts[1].lstrip("-").isdigit() and n_parts[1].lstrip("-").isdigit()
        if integers and int(o_parts[1]) != int(n_parts[1]):
            changed = True
            if int(o_parts[1]) > int(n_parts[1]):
                ctx.error("1000", old, new)
    if not changed and not integers:
        changed = old.lower() != new.lower()
        if changed and new.lower() < old.lower():
            ctx.beyond("1000", old, new)  # a date api-version going back: oad only compares numbers
    ctx.strict = not changed


def _root_media_types(ctx: Context, o_root: dict[str, Any], n_root: dict[str, Any]) -> None:
    ctx.push("prop", "consumes")
    for fmt in _strings(o_root.get("consumes")):
        if fmt not in _strings(n_root.get("consumes")):
            ctx.breaking("1003", fmt)
    ctx.pop()
    ctx.push("prop", "produces")
    for fmt in _strings(n_root.get("produces")):
        if fmt not in _strings(o_root.get("produces")):
            ctx.breaking("1004", fmt)
    ctx.pop()


def _operations(item: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(item, dict):
        return {}
    return {k: v for k, v in item.items() if k not in _NOT_OPERATIONS and not k.startswith("x-") and isinstance(v, dict)}


def _paths(ctx: Context) -> None:
    o_paths = _dict(ctx.old.root.get("paths"))
    n_paths = _dict(ctx.new.root.get("paths"))
    remaining = {openapi_path_name(p): p for p in n_paths}
    ctx.push("prop", "paths")
    for path in o_paths:
        ctx.push("path", path)
        n_path = remaining.pop(openapi_path_name(path), None)
        if n_path is None:
            ctx.breaking("1005", path)
            ctx.pop()
            continue
        o_ops, n_ops = _operations(o_paths[path]), _operations(n_paths[n_path])
        for method, op in o_ops.items():
            if method not in n_ops:
                ctx.breaking("1035", op.get("operationId"))
        for method in n_ops:
            if method not in o_ops:
                ctx.push("prop", method)
                ctx.info("1039")
                ctx.pop()
        for method in n_ops:
            if method in o_ops:
                ctx.push("prop", method)
                _operation(ctx, Obj(n_ops[method], ("paths", n_path, method)), Obj(o_ops[method], ("paths", path, method)))
                ctx.pop()
        ctx.pop()
    for path in remaining.values():
        ctx.push("path", path)
        ctx.info("1038")
        ctx.pop()
    ctx.pop()


def _operation(ctx: Context, new: Obj, old: Obj) -> None:
    if new.get("operationId") != old.get("operationId"):
        ctx.breaking("1008", old.get("operationId"), new.get("operationId"))
    # oad compares the extension's JSON value with a plain `false` when it is absent: those are
    # never equal, so an explicit `false` against none is a change too.
    key = "x-ms-long-running-operation"
    n_lro = (True, new.get(key)) if key in new.node else (False, False)
    o_lro = (True, old.get(key)) if key in old.node else (False, False)
    if n_lro != o_lro:
        ctx.breaking("1044")
    _parameters(ctx, new, old)
    ctx.push("prop", "consumes")
    for fmt in _strings(old.get("consumes")):
        if fmt not in _strings(new.get("consumes")):
            ctx.breaking("1003", fmt)
    ctx.pop()
    ctx.push("prop", "produces")
    for fmt in _strings(new.get("produces")):
        if fmt not in _strings(old.get("produces")):
            ctx.breaking("1004", fmt)
    ctx.pop()
    n_resp, o_resp = new.get("responses"), old.get("responses")
    if not isinstance(n_resp, dict) or not isinstance(o_resp, dict):
        return
    ctx.push("prop", "responses")
    for code in n_resp:
        ctx.push("prop", code)
        n_r, o_r = new.child("responses", code), old.child("responses", code)
        if code not in o_resp:
            ctx.breaking("1011", code)
        elif n_r is not None and o_r is not None:
            _response(ctx, n_r, o_r)
        ctx.pop()
    for code in o_resp:
        if code not in n_resp:
            ctx.push("prop", code)
            ctx.breaking("1012", code)
            ctx.pop()
    ctx.pop()


# -- parameters ---------------------------------------------------------------------------------


def _param_list(op: Obj) -> list[Obj]:
    params = op.get("parameters")
    if not isinstance(params, list):
        return []
    return [Obj(p, op.path + ("parameters", str(i))) for i, p in enumerate(params) if isinstance(p, dict)]


def _resolved(view: View, params: list[Obj]) -> list[tuple[Obj | None, bool]]:
    """(parameter, is global): a `$ref` is looked up in the document's `parameters`."""
    return [(p, False) if ref_of(p.node) is None else (find_parameter(view, ref_of(p.node)), True) for p in params]


def _same(a: Obj | None, b: Obj | None) -> bool:
    return a is not None and b is not None and a.get("name") == b.get("name") and _in(a) == _in(b)


def _in(p: Obj) -> str | None:
    v = p.get("in")
    return PARAMETER_IN.get(v) if isinstance(v, str) else None


def _order_matters(info: tuple[Obj | None, bool]) -> bool:
    param, is_global = info
    if not is_global:
        return True  # an operation's own parameter is a method parameter: its position counts
    return param is not None and param.get("x-ms-parameter-location") == "method"


def _find(view: View, wanted: Obj, params: list[Obj]) -> Obj | None:
    """oad's FindParameterEx: same name and place, else same name (a `$ref` looked up)."""
    for by_place in (True, False):
        for p in params:
            if p.get("name") == wanted.get("name") and (not by_place or _in(p) == _in(wanted)):
                return p
            target = find_parameter(view, ref_of(p.node))
            if target is not None and target.get("name") == wanted.get("name") and (not by_place or _in(target) == _in(wanted)):
                return target
    return None


def _parameters(ctx: Context, new: Obj, old: Obj) -> None:
    ctx.push("prop", "parameters")
    n_list, o_list = _param_list(new), _param_list(old)
    n_info, o_info = _resolved(ctx.new, n_list), _resolved(ctx.old, o_list)
    for o_param, o_global in o_info:
        match = next((info for info in n_info if _same(info[0], o_param)), None)
        if o_param is not None and match is not None:
            was, now = _order_matters((o_param, o_global)), _order_matters(match)
            if was != now:
                ctx.breaking("1050", o_param.get("name"), _in(o_param), was, now)
    n_ordered = [p for p, g in n_info if _order_matters((p, g))]
    o_ordered = [p for p, g in o_info if _order_matters((p, g))]
    for index, o_param in enumerate(o_ordered):
        n_param = n_ordered[index] if index < len(n_ordered) else None
        if o_param is not None and not _same(n_param, o_param):
            new_index = next((i for i, p in enumerate(n_ordered) if _same(p, o_param)), -1)
            if new_index != -1:
                ctx.breaking("1042", o_param.get("name"), _in(o_param), index, new_index)
    for o_param, _ in o_info:
        if o_param is None:
            continue
        n_param = _find(ctx.new, o_param, n_list)
        ctx.push("item", str(o_param.get("name")))
        if n_param is not None:
            _parameter(ctx, n_param, o_param)
        elif _required(o_param):
            ctx.breaking("1009", o_param.get("name"))
        else:
            ctx.breaking("1046", o_param.get("name"))
        ctx.pop()
    for n_param, _ in n_info:
        if n_param is None or _find(ctx.old, n_param, o_list) is not None:
            continue
        ctx.push("item", str(n_param.get("name")))
        ctx.breaking("1010" if _required(n_param) else "1043", n_param.get("name"))
        ctx.pop()
    ctx.pop()


def _required(p: Obj) -> bool:
    return p.get("required") is True or p.get("in") == "path"


def _constant(p: Obj) -> bool:
    enum = p.get("enum")
    return _required(p) and isinstance(enum, list) and len(enum) == 1


def _parameter(ctx: Context, new: Obj, old: Obj) -> None:
    ctx.direction = REQUEST
    compare_value(ctx, new, old, is_schema=False, required=(_required(new), _required(old)))
    if _in(new) != _in(old):
        ctx.breaking("1015", (_in(old) or "None").lower(), (_in(new) or "None").lower())
    if _constant(new) != _constant(old):
        ctx.breaking("1016")
    n_ref = ref_of(new.node)
    if n_ref is not None and n_ref != ref_of(old.node):
        ctx.breaking("1017")
    n_schema, o_schema = new.child("schema"), old.child("schema")
    if n_schema is not None and o_schema is not None:
        ctx.push("prop", "schema")
        compare_schema(ctx, n_schema, o_schema)
        ctx.pop()
    ctx.direction = NONE


def _response(ctx: Context, new: Obj, old: Obj) -> None:
    ctx.direction = RESPONSE
    n_headers, o_headers = _dict(new.get("headers")), _dict(old.get("headers"))
    ctx.push("prop", "headers")
    for name in n_headers:
        ctx.push("prop", name)
        n_h, o_h = new.child("headers", name), old.child("headers", name)
        if name not in o_headers:
            ctx.info("1013", name)
        elif n_h is not None and o_h is not None:
            compare_value(ctx, n_h, o_h, is_schema=False)
        ctx.pop()
    for name in o_headers:
        if name not in n_headers:
            ctx.push("prop", name)
            ctx.breaking("1014", name)
            ctx.pop()
    ctx.pop()
    ctx.push("prop", "schema")
    n_schema, o_schema = new.child("schema"), old.child("schema")
    if n_schema is not None and o_schema is not None:
        compare_schema(ctx, n_schema, o_schema)
    ctx.pop()
    ctx.direction = NONE


# -- the document's own sections ------------------------------------------------------------------


def _sections(ctx: Context) -> None:
    for section in ("parameters", "responses", "definitions"):
        o_items, n_items = _dict(ctx.old.root.get(section)), _dict(ctx.new.root.get(section))
        ctx.push("prop", section)
        for name in o_items:
            n_obj = Obj(n_items[name], (section, name)) if isinstance(n_items.get(name), dict) else None
            o_obj = Obj(o_items[name], (section, name)) if isinstance(o_items[name], dict) else None
            if n_obj is None:
                if section == "parameters":
                    ctx.breaking("1007", name)
                elif section == "responses" or name in ctx.referenced["old"]:
                    ctx.breaking("1006", name)  # a definition: only when the old document used it
                continue
            if o_obj is None:
                continue
            ctx.push("prop", name)
            if section == "parameters":
                _parameter(ctx, n_obj, o_obj)
            elif section == "responses":
                _response(ctx, n_obj, o_obj)
            else:
                ctx.subject.append(name)
                compare_schema(ctx, n_obj, o_obj)
                ctx.subject.pop()
            ctx.pop()
        ctx.pop()


def _referenced(view: View) -> set[str]:
    """oad's ReferenceTrackSchemas: definitions a body parameter, a document parameter or a
    document response names, discriminator children, and what their properties name (responses
    of operations do not count)."""
    defs = _dict(view.root.get("definitions"))
    marked: set[str] = set()

    def mark(ref: Any) -> None:
        target = find_definition(view, ref if isinstance(ref, str) else None)
        if target is not None:
            marked.add(target.path[1])

    for item in _dict(view.root.get("paths")).values():
        for op in _operations(item).values():
            for p in _list(op.get("parameters")):
                if isinstance(p, dict) and isinstance(p.get("schema"), dict):
                    mark(p["schema"].get("$ref"))
    for section in ("parameters", "responses"):
        for p in _dict(view.root.get(section)).values():
            if isinstance(p, dict) and isinstance(p.get("schema"), dict):
                mark(p["schema"].get("$ref"))
    for name, schema in defs.items():
        if name in marked or not isinstance(schema, dict):
            continue
        if "x-ms-discriminator-value" in schema or any(
            isinstance(part, dict) and _has_discriminator(view, part.get("$ref"), set()) for part in _list(schema.get("allOf"))
        ):
            marked.add(name)
    changed = True
    while changed:
        changed = False
        for name in list(marked):
            for prop in _dict(_dict(defs.get(name)).get("properties")).values():
                target = find_definition(view, ref_of(prop) if isinstance(prop, dict) else None)
                if target is not None and target.path[1] not in marked:
                    marked.add(target.path[1])
                    changed = True
    return marked


def _has_discriminator(view: View, ref: Any, seen: set[str]) -> bool:
    target = find_definition(view, ref if isinstance(ref, str) else None)
    if target is None or target.path[1] in seen:
        return False
    seen.add(target.path[1])
    if target.get("discriminator") is not None:
        return True
    return any(isinstance(part, dict) and _has_discriminator(view, part.get("$ref"), seen) for part in _list(target.get("allOf")))


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
