"""``unevaluatedProperties`` and ``unevaluatedItems``: what did a node's in-place applicators evaluate?

For a node with ``unevaluatedProperties`` the emitter generates ``_uN(x) -> set[str]``, the keys
of object ``x`` evaluated by the node's own ``properties``/``patternProperties``/
``additionalProperties`` and by every in-place subschema that applies (``$ref``,
``$dynamicRef``, ``allOf``, the passing ``anyOf``/``oneOf`` branches, ``if``/``then``/``else``,
``dependentSchemas``).  For ``unevaluatedItems`` the same, ``-> set[int]``: the indices of
array ``x`` that ``prefixItems``, ``items`` and the items matching ``contains`` evaluated.
A subschema with its own ``unevaluated*`` evaluated everything once it passed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.validate.expr import compare
from generator.validate.scope import Ctx
from generator.validate.source import Writer, literal

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["emit", "evaluated_expr", "own_expr"]

#: kind -> (the annotation's element type, the keyword that evaluates whatever is left)
_KINDS = {"properties": ("str", "unevaluatedProperties"), "items": ("int", "unevaluatedItems")}


def evaluated_expr(em: Emitter, kind: str, nid: int, var: str, ctx: Ctx) -> str:
    """Expression: the set of keys (``kind`` "properties") or indices ("items") of ``var``
    that node ``nid`` evaluates, read in dynamic scope ``ctx.scope``."""
    nid, ctx = em.effective(nid, ctx)
    obj = em.obj(nid)
    if not isinstance(obj, dict):
        return "set()"  # a boolean schema evaluates nothing
    if _KINDS[kind][1] not in obj:
        own = own_expr(em, kind, nid, var, ctx)
        if own is not None:
            return own
    return f"set({var})" if kind == "properties" else f"set(range(len({var})))"


def own_expr(em: Emitter, kind: str, nid: int, var: str, ctx: Ctx) -> str | None:
    """Like :func:`evaluated_expr` for node ``nid`` itself, leaving out its own ``unevaluated*``;
    None when its ``additionalProperties`` (``items``) already evaluates everything."""
    obj = em.obj(nid)
    if kind == "properties":
        rest = "additionalProperties"
    else:
        rest = "additionalItems" if em.dialect(nid).tuple_items else "items"
    if isinstance(obj.get(rest), (dict, bool)):
        return None
    return em.call(_function(em, kind, nid, ctx), var)


def _function(em: Emitter, kind: str, nid: int, ctx: Ctx) -> str:
    scope = ctx.scope if em.scope_relevant(nid) else ()
    key = (kind, nid, scope)
    name = em.evaluated_names.get(key)
    if name is None:
        name = f"_u{len(em.evaluated_names)}"
        em.evaluated_names[key] = name
        em.function_nodes[name] = nid
        em.evaluated_queue.append((name, kind, nid, Ctx(True, False, False, scope)))
    return name


def emit(em: Emitter, name: str, kind: str, nid: int, ctx: Ctx) -> None:
    """``def _uN(x)``: what node ``nid`` evaluates of ``x`` (its own ``unevaluated*`` aside)."""
    obj = em.obj(nid)
    em.current = name
    w = Writer()
    with w.block(f"def {name}(x: Any) -> set[{_KINDS[kind][0]}]:"):
        if kind == "properties":
            _own_properties(em, w, nid, obj)
        else:
            _own_items(em, w, nid, obj, ctx)

        def add(sub: int) -> None:
            w.line(f"s |= {evaluated_expr(em, kind, sub, 'x', ctx)}")

        if em.ref_of(nid) is not None:
            add(em.resolve(nid, ctx.scope))
        for j in range(len(obj.get("allOf") or ())):
            add(em.child(nid, "allOf", str(j)))
        for kw in ("anyOf", "oneOf"):
            for j in range(len(obj.get(kw) or ())):
                sub = em.child(nid, kw, str(j))
                with w.if_(em.test_expr(sub, "x", ctx)):
                    add(sub)
        if "if" in obj:
            iid = em.child(nid, "if")
            with w.if_(em.test_expr(iid, "x", ctx)):
                add(iid)
                if "then" in obj:
                    add(em.child(nid, "then"))
            if "else" in obj:
                with w.block("else:"):
                    add(em.child(nid, "else"))
        if kind == "properties":
            for keyword in ("dependentSchemas", "dependencies"):
                for dep, value in (obj.get(keyword) or {}).items():
                    if isinstance(value, (dict, bool)):
                        with w.if_(compare(literal(dep), "in", "x")):
                            add(em.child(nid, keyword, dep))
        w.line("return s")
    em.functions.append(w.render())


def _own_properties(em: Emitter, w: Writer, nid: int, obj: dict[str, Any]) -> None:
    props = sorted(obj.get("properties") or {})
    w.line(f"s = {{k for k in {literal(tuple(props))} if k in x}}" if props else "s: set[str] = set()")
    for pat in obj.get("patternProperties") or {}:
        w.line(f"s.update(k for k in x if {em.regex(pat)}(k) is not None)")


def _own_items(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], ctx: Ctx) -> None:
    prefix = obj.get("items") if em.dialect(nid).tuple_items else obj.get("prefixItems")
    if isinstance(prefix, list) and prefix:
        w.line(f"s = set(range(min(len(x), {len(prefix)})))")
    else:
        w.line("s: set[int] = set()")
    if "contains" in obj:
        test = em.test_expr(em.child(nid, "contains"), "c", ctx)
        w.line(f"s.update(i for i, c in enumerate(x) if {test})")
