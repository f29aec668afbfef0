"""Array keywords: ``minItems``/``maxItems``/``uniqueItems``, ``items``/``prefixItems`` (draft 4:
``items`` as a list and ``additionalItems``), ``contains`` and ``unevaluatedItems``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.validate import evaluated
from generator.validate.expr import Expr, all_of, atom, compare, not_
from generator.validate.scope import Ctx
from generator.validate.source import Writer, uses
from generator.validate.vocab import count

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["contains", "group_arr", "unevaluated_items"]


def group_arr(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    if "minItems" in obj:
        n = count(obj["minItems"], "minItems")
        em.check(w, ctx, _length(var, "<", n), nid, "minItems", var, pexpr,
                   f"array has fewer than the minimum of {n} items")
    if "maxItems" in obj:
        n = count(obj["maxItems"], "maxItems")
        em.check(w, ctx, _length(var, ">", n), nid, "maxItems", var, pexpr,
                   f"array has more than the maximum of {n} items")
    if obj.get("uniqueItems") is True:
        em.helpers.add("_uniq")
        unique = atom(f"_uniq({var})", is_bool=True)
        em.check(w, ctx, all_of([_length(var, ">", 1), not_(unique)]), nid, "uniqueItems", var, pexpr,
                   "array has non-unique elements")
    items = obj.get("items")
    if em.dialect(nid).tuple_items:
        prefix = items if isinstance(items, list) else None
        rest_key = "additionalItems" if prefix is not None else "items"
    else:
        prefix = obj.get("prefixItems")
        rest_key = "items"
    offset = 0
    if isinstance(prefix, list):
        holder = "prefixItems" if "prefixItems" in obj else "items"
        for j in range(len(prefix)):
            sub = Writer()
            item = em.var("c")
            em.apply(sub, em.child(nid, holder, str(j)), item, f"{pexpr} + ({j},)", ctx)
            if sub.lines:
                with w.if_(_length(var, ">", j), collapse=True):
                    if uses(sub, item):
                        w.line(f"{item} = {var}[{j}]")
                    w.splice(sub)
        offset = len(prefix)
    rest = obj.get(rest_key)
    if isinstance(rest, (dict, bool)):
        rid = em.child(nid, rest_key)
        eff, _ctx = em.effective(rid, ctx)
        if em.obj(eff) is False:
            em.check(w, ctx, _length(var, ">", offset), nid, rest_key, var, pexpr,
                       f"array has more than {offset} items and {rest_key!r} is false")
        else:
            item, idx = em.var("c"), em.var("i")
            sub = Writer()
            em.apply(sub, rid, item, f"{pexpr} + ({idx},)", ctx)
            if sub.lines:
                if ctx.fast:
                    header = f"for {item} in {var}:" if not offset else f"for {item} in {var}[{offset}:]:"
                    with w.block(header):
                        w.splice(sub)
                else:
                    span = f"{offset}, len({var})" if offset else f"len({var})"
                    with w.block(f"for {idx} in range({span}):"):
                        w.line(f"{item} = {var}[{idx}]")
                        w.splice(sub)
    if "contains" in obj:
        contains(em, w, nid, obj, var, pexpr, ctx)
    if "unevaluatedItems" in obj:
        unevaluated_items(em, w, nid, var, pexpr, ctx)


def contains(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    lo = count(obj.get("minContains", 1), "minContains")
    hi = obj.get("maxContains")
    item, hits = em.var("c"), em.var("n")
    test = em.test_expr(em.child(nid, "contains"), item, ctx)
    w.line(f"{hits} = 0")
    with w.block(f"for {item} in {var}:"), w.if_(test):
        w.line(f"{hits} += 1")
    em.check(w, ctx, compare(hits, "<", str(lo), typed=True), nid, "contains", var, pexpr,
               f"array has fewer than {lo} items matching 'contains'")
    if hi is not None:
        hi = count(hi, "maxContains")
        em.check(w, ctx, compare(hits, ">", str(hi), typed=True), nid, "maxContains", var, pexpr,
                   f"array has more than {hi} items matching 'contains'")


def unevaluated_items(em: Emitter, w: Writer, nid: int, var: str, pexpr: str, ctx: Ctx) -> None:
    """``unevaluatedItems``: the items nothing else here evaluated (see :mod:`evaluated`)."""
    seen_src = evaluated.own_expr(em, "items", nid, var, ctx)
    idx, item, seen = em.var("i"), em.var("c"), em.var("seen")
    sub = Writer()
    em.apply(sub, em.child(nid, "unevaluatedItems"), item, f"{pexpr} + ({idx},)", ctx)
    if sub.lines and seen_src is not None:
        w.line(f"{seen} = {seen_src}")
        with w.block(f"for {idx} in range(len({var})):"), w.if_(compare(idx, "not in", seen)):
            if uses(sub, item):
                w.line(f"{item} = {var}[{idx}]")
            w.splice(sub)


def _length(var: str, op: str, n: int) -> Expr:
    return compare(f"len({var})", op, str(n), typed=True)
