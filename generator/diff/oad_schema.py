"""oad's comparison of one value description: `SwaggerObject.Compare` (what parameters, headers
and schemas share: type, format, items, default, constraints, additionalProperties, enum) and
`Schema.Compare` (references, readOnly, discriminator, allOf, properties, required).

`new`/`old` are nodes of the two merged documents (`oad_view`), each with its path there. The
order of the checks, the rule each logs and its level are oad's; so are its quirks, kept on
purpose so that specgen reports what oad reports (each is noted where it happens).
"""

from __future__ import annotations

from generator.diff.oad_context import (
    NONE,
    REQUEST,
    RESPONSE,
    Context,
    Obj,
    client_name,
    data_type,
    enum_values,
    find_definition,
    number_text,
    ref_of,
    same_json,
)

_BOUNDS = (  # keyword, is a lower bound, the name logged for a request/response change
    ("maxLength", False, "maxLength"),
    ("minLength", True, "minimum"),  # oad logs 'minimum' here (its copy-paste slip)
    ("maxItems", False, "maxItems"),
    ("minItems", True, "minItems"),
)


def compare_value(ctx: Context, new: Obj, old: Obj, *, is_schema: bool, required: tuple[bool, bool] = (False, False)) -> None:
    """SwaggerObject.Compare. `required` is (new, old) for parameters (schemas: never)."""
    n, o = new.node, old.node
    if (client_name(n) or ref_of(n) or "") != (client_name(o) or ref_of(o) or ""):
        ctx.breaking("1017")
    n_req, o_req = required
    if n_req != o_req and ctx.direction != RESPONSE:
        if n_req and not o_req:
            ctx.breaking("1025", o_req, n_req)
        else:
            ctx.info("1025", o_req, n_req)
    nt, ot = data_type(n), data_type(o)
    if nt is not None and ot is not None and nt != ot:
        ctx.error("1026", nt, ot)
    if (nt is None) != (ot is None):
        is_object = nt == "object" and is_schema and isinstance(n.get("properties"), dict)
        if ot is None and nt is not None and is_object:
            ctx.info("1026", nt, "")
        else:
            ctx.error("1026", nt or "", ot or "")
    _formats(ctx, n, o)
    n_items, o_items = new.child("items"), old.child("items")
    if n_items is not None and o_items is not None:
        ctx.push("prop", "items")
        compare_schema(ctx, n_items, o_items)
        ctx.pop()
    if ("default" in n and n["default"] is not None or "default" in o and o["default"] is not None) and not same_json(n.get("default"), o.get("default")):
        ctx.breaking("1027")
    if nt == "array" and o.get("collectionFormat") != n.get("collectionFormat"):
        ctx.breaking("1028")
    _constraints(ctx, n, o)
    n_add, o_add = new.child("additionalProperties"), old.child("additionalProperties")
    if o_add is None and n_add is not None:
        ctx.breaking("1021")
    elif o_add is not None and n_add is None:
        ctx.breaking("1022")
    elif n_add is not None and o_add is not None:
        ctx.push("prop", "additionalProperties")
        compare_schema(ctx, n_add, o_add)
        ctx.pop()
    _enums(ctx, n, o)


def _formats(ctx: Context, n: dict[str, object], o: dict[str, object]) -> None:
    nf, of = n.get("format"), o.get("format")
    nf = nf if isinstance(nf, str) else None
    of = of if isinstance(of, str) else None
    if nf == of:
        return
    if nf is not None and of is not None and data_type(n) == "integer" and not ctx.strict:
        # oad lets an integer widen in a request and narrow in a response across versions.
        if ctx.direction == REQUEST and (of, nf) == ("int32", "int64"):
            return
        if ctx.direction == RESPONSE and (of, nf) == ("int64", "int32"):
            return
    ctx.breaking("1023", nf, of)


def _narrows(prior: str | None, current: str | None, lower: bool) -> bool:
    p, c = _int(prior), _int(current)
    return p is not None and c is not None and (c > p if lower else c < p)


def _widens(prior: str | None, current: str | None, lower: bool) -> bool:
    p, c = _int(prior), _int(current)
    return p is not None and c is not None and (c < p if lower else c > p)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _directional(ctx: Context, name: str, logged: str, prior: str | None, current: str | None, lower: bool) -> None:
    """A bound that changed: breaking when it narrows a request or widens a response; oad says
    nothing at all when the bound was added or removed in a request or response (no number to
    compare), and calls it ConstraintChanged outside a request or response."""
    if ctx.direction != NONE and (prior is None) != (current is None):
        # Added: values that passed before may fail now; removed: values may come back that
        # never did. oad compares two numbers only, so it misses both.
        stronger = prior is None
        harmless = (ctx.direction == REQUEST) != stronger
        ctx.beyond("1024" if stronger else "1037", name, variant="benign" if harmless else "")
        return
    if ctx.direction == NONE:
        ctx.breaking("1036", name)
    elif ctx.direction == REQUEST and _narrows(prior, current, lower):
        ctx.breaking("1024", logged)
    elif ctx.direction == RESPONSE and _widens(prior, current, lower):
        ctx.breaking("1037", logged)
    elif _narrows(prior, current, lower):
        ctx.info("1024", name)
    elif _widens(prior, current, lower):
        ctx.info("1037", name)


def _constraints(ctx: Context, n: dict[str, object], o: dict[str, object]) -> None:
    nm, om = number_text(n.get("multipleOf")), number_text(o.get("multipleOf"))
    if nm != om:
        ctx.breaking("1036", "multipleOf")
    for key, exclusive, lower in (("maximum", "exclusiveMaximum", False), ("minimum", "exclusiveMinimum", True)):
        nv, ov = number_text(n.get(key)), number_text(o.get(key))
        nx, ox = bool(n.get(exclusive)), bool(o.get(exclusive))
        if nv != ov or nx != ox:
            if nx != ox or ctx.direction == NONE:
                ctx.breaking("1036", key)
            else:
                _directional(ctx, key, key, ov, nv, lower)
    for key, lower, logged in _BOUNDS[:2]:
        nv, ov = number_text(n.get(key)), number_text(o.get(key))
        if nv != ov:
            _directional(ctx, key, logged, ov, nv, lower)
    np_, op_ = n.get("pattern"), o.get("pattern")
    if np_ != op_:
        ctx.breaking("1036", "pattern")
    for key, lower, logged in _BOUNDS[2:]:
        nv, ov = number_text(n.get(key)), number_text(o.get(key))
        if nv != ov:
            _directional(ctx, key, logged, ov, nv, lower)
    if bool(n.get("uniqueItems")) != bool(o.get("uniqueItems")):
        ctx.breaking("1036", "uniqueItems")


def _enums(ctx: Context, n: dict[str, object], o: dict[str, object]) -> None:
    ne, oe = enum_values(n), enum_values(o)
    if ne is None and oe is None:
        return
    nx, ox = n.get("x-ms-enum"), o.get("x-ms-enum")
    nx = nx if isinstance(nx, dict) else None
    ox = ox if isinstance(ox, dict) else None
    if nx is None and ox is not None:
        ctx.error("1049")
    if nx is not None and ox is None:
        ctx.error("1048")
    if nx is not None and ox is not None:
        if nx.get("name") != ox.get("name"):
            ctx.error("1047", "name")
        if bool(nx.get("modelAsString", True)) != bool(ox.get("modelAsString", True)):  # oad's default: true
            ctx.error("1047", "modelAsString")
    if ne is None or oe is None:
        return  # an enum added or dropped as a whole: oad logs nothing
    new_set, old_set = set(ne), set(oe)  # (texts; a list's `in` made a 100,000-value enum take minutes)
    removed = [v for v in dict.fromkeys(oe) if v not in new_set]
    added = [v for v in dict.fromkeys(ne) if v not in old_set]
    if removed:
        ctx.breaking("1019", ", ".join(removed))
    if added:
        open_enum = isinstance(nx, dict) and nx.get("modelAsString") is True  # clients accept unknown values
        ctx.breaking("1020", ", ".join(added), variant="extensible" if open_enum else "")


# -- Schema.Compare -------------------------------------------------------------------------------


def compare_schema(ctx: Context, new: Obj, old: Obj) -> None:
    this, prior = new, old
    referenced = 0
    n_ref, o_ref = ref_of(new.node), ref_of(old.node)
    if n_ref is not None:
        target = find_definition(ctx.new, n_ref)
        if target is None:
            return
        this, referenced = target, referenced + 1
    if o_ref is not None:
        target = find_definition(ctx.old, o_ref)
        if target is None:
            return
        prior, referenced = target, referenced + 1
    if (client_name(this.node) or n_ref or "") != (client_name(prior.node) or o_ref or ""):
        ctx.breaking("1017")
    if ctx.direction != NONE and referenced == 2:
        # oad means to compare a definition once per direction; it reads the mark from the
        # definition but sets it on the referring schema, so only an alias definition is skipped.
        done = ctx.compared_direction.get(this.path, NONE)
        if done == ctx.direction or done == 3:
            return
        ctx.compared_direction[new.path] = ctx.compared_direction.get(new.path, NONE) | ctx.direction
    if this is not new or prior is not old:
        # Each referring schema descends into a given old definition once, ever: a definition
        # reached again through the same property is not compared again.
        seen = ctx.visited.setdefault(new.path, set())
        if prior.path in seen:
            return
        seen.add(prior.path)
        ctx.subject.append(this.path[1] if this.path[:1] == ("definitions",) else (ctx.subject[-1] if ctx.subject else ""))
        try:
            compare_schema(ctx, this, prior)
        finally:
            ctx.subject.pop()
        return
    _schema_body(ctx, new, old)


def _schema_body(ctx: Context, new: Obj, old: Obj) -> None:
    n, o = new.node, old.node
    compare_value(ctx, new, old, is_schema=True)
    if bool(o.get("readOnly")) != bool(n.get("readOnly")):
        ctx.breaking("1029", str(bool(o.get("readOnly"))).lower(), str(bool(n.get("readOnly"))).lower())
    od, nd = o.get("discriminator"), n.get("discriminator")
    if (od is None and nd is not None) or (od is not None and od != nd):
        ctx.breaking("1030")
    oe, ne = o.get("extends"), n.get("extends")
    if (oe is None and ne is not None) or (oe is not None and oe != ne):
        ctx.breaking("1031")
    oa, na = o.get("allOf"), n.get("allOf")
    if (oa is None) != (na is None):
        ctx.breaking("1032")
    elif isinstance(oa, list) and isinstance(na, list):
        o_refs = [p.get("$ref") if isinstance(p, dict) else None for p in oa]
        n_refs = [p.get("$ref") if isinstance(p, dict) else None for p in na]
        if any(r not in n_refs for r in o_refs) or any(r not in o_refs for r in n_refs):
            ctx.breaking("1032")
    ctx.push("prop", "properties")
    _properties(ctx, new, old)
    ctx.pop()
    _required(ctx, new, old)


def _properties(ctx: Context, new: Obj, old: Obj) -> None:
    n_props = new.get("properties") if isinstance(new.get("properties"), dict) else None
    o_props = old.get("properties") if isinstance(old.get("properties"), dict) else None
    n_req = new.get("required") if isinstance(new.get("required"), list) else None
    o_req = old.get("required") if isinstance(old.get("required"), list) else None
    if o_props is not None:
        for key in o_props:
            if n_props is None or key not in n_props:
                ctx.breaking("1033", key)
                continue
            if n_req is not None and key in n_req and (o_req is None or key not in o_req):
                ctx.breaking("1025", False, True)
            if (n_req is None or key not in n_req) and o_req is not None and key in o_req:
                ctx.breaking("1025", True, False)
            n_prop, o_prop = new.child("properties", key), old.child("properties", key)
            if n_prop is not None and o_prop is not None:
                ctx.push("prop", key)
                compare_schema(ctx, n_prop, o_prop)
                ctx.pop()
    if n_props is not None:
        for key, prop in n_props.items():
            if o_props is not None and key in o_props:
                continue
            if n_req is not None and key in n_req:
                ctx.breaking("1034", key)
            elif ctx.direction == RESPONSE and prop is not None:
                if isinstance(prop, dict) and prop.get("readOnly") is True:
                    ctx.info("1040", key)
                else:
                    ctx.breaking("1041", key)
            elif _is_referenced(ctx, new) and prop is not None:
                ctx.breaking("1045", key)


def _is_referenced(ctx: Context, schema: Obj) -> bool:
    return schema.path[:1] == ("definitions",) and len(schema.path) == 2 and schema.path[1] in ctx.referenced["new"]


def _required(ctx: Context, new: Obj, old: Obj) -> None:
    n_req = new.get("required")
    if not isinstance(n_req, list):
        return
    o_req = old.get("required") if isinstance(old.get("required"), list) else []
    n_props = new.get("properties") if isinstance(new.get("properties"), dict) else {}
    o_props = old.get("properties") if isinstance(old.get("properties"), dict) else {}
    names = []
    for name in n_req:
        if not isinstance(name, str):
            continue
        n_prop, o_prop = n_props.get(name), o_props.get(name)
        read_only = isinstance(n_prop, dict) and n_prop.get("readOnly") is True and isinstance(o_prop, dict) and o_prop.get("readOnly") is True
        if name not in o_req and not read_only:
            names.append(str(name))
    if names:
        ctx.breaking("1034", ", ".join(names))
