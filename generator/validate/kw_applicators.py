"""In-place applicators: ``$ref``/``$dynamicRef``, ``allOf``, ``anyOf``, ``oneOf``, ``not``, ``if``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.validate.expr import FALSE, any_of, compare
from generator.validate.scope import Ctx
from generator.validate.source import SchemaCompileError, Writer

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["applicators_any"]


def applicators_any(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    if "$recursiveRef" in obj:
        raise SchemaCompileError("$recursiveRef (draft 2019-09) is not supported")
    if em.ref_of(nid) is not None:
        em.apply(w, em.resolve(nid, ctx.scope), var, pexpr, ctx)
    if isinstance(obj.get("allOf"), list):
        for j in range(len(obj["allOf"])):
            em.apply(w, em.child(nid, "allOf", str(j)), var, pexpr, ctx)
    if isinstance(obj.get("anyOf"), list):
        tests = [em.test_expr(em.child(nid, "anyOf", str(j)), var, ctx) for j in range(len(obj["anyOf"]))]
        if "True" not in map(str, tests):
            em.check(w, ctx, any_of(tests or [FALSE]).negated(), nid, "anyOf", var, pexpr,
                       "{v} is not valid under any of the given schemas")
    if isinstance(obj.get("oneOf"), list):
        tests = [em.test_expr(em.child(nid, "oneOf", str(j)), var, ctx) for j in range(len(obj["oneOf"]))]
        hits = em.var("n")
        w.line(f"{hits} = {tests[0] if len(tests) == 1 else ' + '.join(f'({t})' for t in tests) or '0'}")
        em.check(w, ctx, compare(hits, "==", "0", typed=True), nid, "oneOf", var, pexpr,
                   "{v} is not valid under any of the given schemas")
        em.check(w, ctx, compare(hits, ">", "1", typed=True), nid, "oneOf", var, pexpr,
                   "{v} is valid under more than one of the given schemas")
    if "not" in obj:
        test = em.test_expr(em.child(nid, "not"), var, ctx)
        em.check(w, ctx, test, nid, "not", var, pexpr, "{v} must not be valid under the 'not' schema")
    if "if" in obj:
        test = em.test_expr(em.child(nid, "if"), var, ctx)
        then_w, else_w = Writer(), Writer()
        if "then" in obj:
            em.apply(then_w, em.child(nid, "then"), var, pexpr, ctx)
        if "else" in obj:
            em.apply(else_w, em.child(nid, "else"), var, pexpr, ctx)
        if then_w.lines and else_w.lines:
            with w.if_(test):
                w.splice(then_w)
            with w.block("else:"):
                w.splice(else_w)
        elif then_w.lines:
            with w.if_(test, collapse=True):
                w.splice(then_w)
        elif else_w.lines:
            with w.if_(test.negated(), collapse=True):
                w.splice(else_w)
