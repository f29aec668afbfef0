"""``unevaluatedProperties``: which keys of an object did a node's in-place applicators evaluate?

For a node with ``unevaluatedProperties`` the emitter generates ``_uN(x) -> set[str]``, the keys
evaluated by the node's own ``properties``/``patternProperties``/``additionalProperties`` and by
every in-place subschema that applies (``$ref``, ``allOf``, the passing ``anyOf``/``oneOf``
branches, ``if``/``then``/``else``, ``dependentSchemas``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.validate.scope import Ctx
from generator.validate.source import Writer, literal

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["emit_evaluated", "evaluated_expr", "evaluated_function"]


def evaluated_expr(em: Emitter, nid: int, var: str) -> str:
    """Expression: the set of keys of dict ``var`` that node ``nid`` evaluates."""
    nid, _secret = em.effective(nid, False)
    obj = em.obj(nid)
    if not isinstance(obj, dict):
        return "set()"
    if "unevaluatedProperties" in obj or "additionalProperties" in obj:
        return f"set({var})"
    return f"{evaluated_function(em, nid)}({var})"


def evaluated_function(em: Emitter, nid: int) -> str:
    name = em.evaluated_names.get(nid)
    if name is None:
        name = f"_u{len(em.evaluated_names)}"
        em.evaluated_names[nid] = name
        em.evaluated_queue.append((name, nid))
    return name


def emit_evaluated(em: Emitter, name: str, nid: int) -> None:
    """``def _uN(x)``: keys of dict ``x`` evaluated by node ``nid`` (own unevaluated* aside)."""
    obj = em.obj(nid)
    ctx = Ctx(True, False, False)
    w = Writer()
    with w.block(f"def {name}(x: Any) -> set[str]:"):
        if "additionalProperties" in obj:
            w.line("return set(x)")
            em.functions.append(w.render())
            return
        props = sorted(obj.get("properties") or {})
        w.line(f"s = {{k for k in {literal(tuple(props))} if k in x}}" if props else "s: set[str] = set()")
        for pat in obj.get("patternProperties") or {}:
            w.line(f"s.update(k for k in x if {em.regex(pat)}(k) is not None)")
        if em.ref_of(obj) is not None:
            w.line(f"s |= {evaluated_expr(em, em.resolve(nid), 'x')}")
        for j in range(len(obj.get("allOf") or ())):
            w.line(f"s |= {evaluated_expr(em, em.child(nid, 'allOf', str(j)), 'x')}")
        for kw in ("anyOf", "oneOf"):
            for j in range(len(obj.get(kw) or ())):
                sub = em.child(nid, kw, str(j))
                with w.block(f"if {em.test_expr(sub, 'x', ctx)}:"):
                    w.line(f"s |= {evaluated_expr(em, sub, 'x')}")
        if "if" in obj:
            iid = em.child(nid, "if")
            with w.block(f"if {em.test_expr(iid, 'x', ctx)}:"):
                w.line(f"s |= {evaluated_expr(em, iid, 'x')}")
                if "then" in obj:
                    w.line(f"s |= {evaluated_expr(em, em.child(nid, 'then'), 'x')}")
            if "else" in obj:
                with w.block("else:"):
                    w.line(f"s |= {evaluated_expr(em, em.child(nid, 'else'), 'x')}")
        for dep in obj.get("dependentSchemas") or {}:
            with w.block(f"if {literal(dep)} in x:"):
                w.line(f"s |= {evaluated_expr(em, em.child(nid, 'dependentSchemas', dep), 'x')}")
        w.line("return s")
    em.functions.append(w.render())
