"""Object keywords: ``required``, ``min/maxProperties``, dependencies, ``properties``,
``patternProperties``, ``additionalProperties``, ``unevaluatedProperties``, ``propertyNames``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from generator.format.layout import string
from generator.validate import evaluated
from generator.validate.expr import any_of, atom, compare
from generator.validate.scope import Ctx
from generator.validate.source import SchemaCompileError, Writer, literal, uses
from generator.validate.vocab import count, short

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["group_obj", "properties"]

#: A call of a helper or of another schema's function (`isinstance`, `type`, `len` are cheap).
_CALL = re.compile(r"\b_\w*\(")


def group_obj(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    required = obj.get("required")
    if isinstance(required, list) and required:
        if ctx.fast:
            cond = any_of([compare(literal(k), "not in", var) for k in required])
            em.check(w, ctx, cond, nid, "required", var, pexpr, "")
        else:
            for name in required:
                em.check(w, ctx, compare(literal(name), "not in", var), nid, "required", var, pexpr,
                           f"{short(name)} is a required property")
    for kw, word in (("minProperties", "fewer"), ("maxProperties", "more")):
        if kw in obj:
            n = count(obj[kw], kw)
            op = "<" if word == "fewer" else ">"
            em.check(w, ctx, compare(f"len({var})", op, str(n), typed=True), nid, kw, var, pexpr,
                       f"object has {word} than {n} properties")
    deps: list[tuple[str, Any, str]] = []
    for kw in ("dependentRequired", "dependentSchemas", "dependencies"):
        value = obj.get(kw)
        if value is not None and not isinstance(value, dict):
            raise SchemaCompileError(f"{kw} must be an object, got {value!r}")
        deps.extend((name, dep, kw) for name, dep in (value or {}).items())
    for name, dep, kw in deps:
        sub = Writer()
        if isinstance(dep, list):  # draft 4 `dependencies` and dependentRequired: names
            for other in dep:
                em.check(sub, ctx, compare(literal(other), "not in", var), nid, kw, var, pexpr,
                           f"{short(other)} is required when {short(name)} is present")
        elif isinstance(dep, (dict, bool)):
            em.apply(sub, em.child(nid, kw, name), var, pexpr, ctx)
        else:
            raise SchemaCompileError(f"{kw}[{name!r}] must be a schema or a list of names, got {dep!r}")
        if sub.lines:
            with w.if_(compare(literal(name), "in", var), collapse=True):
                w.splice(sub)
    properties(em, w, nid, obj, var, pexpr, ctx)
    if "unevaluatedProperties" in obj:
        seen_src = evaluated.own_expr(em, "properties", nid, var, ctx)
        key, item, seen = em.var("k"), em.var("c"), em.var("seen")
        sub = Writer()
        em.apply(sub, em.child(nid, "unevaluatedProperties"), item, f"{pexpr} + ({key},)", ctx)
        if sub.lines and seen_src is not None:
            w.line(f"{seen} = {seen_src}")
            header = f"for {key}, {item} in {var}.items():" if uses(sub, item) else f"for {key} in {var}:"
            with w.block(header), w.if_(compare(key, "not in", seen)):
                w.splice(sub)
    if "propertyNames" in obj:
        key = em.var("k")
        sub = Writer()
        em.apply(sub, em.child(nid, "propertyNames"), key, pexpr, ctx)
        if sub.lines:
            with w.block(f"for {key} in {var}:"):
                w.splice(sub)


def properties(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    props: dict[str, Any] = obj["properties"] if isinstance(obj.get("properties"), dict) else {}
    required = obj.get("required")
    # (a verdict has returned already when one of these is missing: see group_obj)
    present = {k for k in required if isinstance(k, str)} if ctx.fast and isinstance(required, list) else set()
    checks: list[Writer] = []
    for name in props:
        pid = em.child(nid, "properties", name)
        lit = literal(name)
        check = Writer()
        checks.append(check)
        if ctx.request and em.is_read_only(pid):
            with check.if_(compare(lit, "in", var)):
                em.fail(check, ctx, pid, "readOnly", f"{pexpr} + ({lit},)",
                          string(f"{short(name)} is read-only and must not be sent in a request"))
            continue
        item = em.var("c")
        sub = Writer()
        em.apply(sub, pid, item, f"{pexpr} + ({lit},)", ctx)
        if sub.lines and name in present:
            if uses(sub, item):
                check.line(f"{item} = {var}[{lit}]")
            check.splice(sub)
        elif sub.lines:
            with check.if_(compare(lit, "in", var), collapse=True):
                if uses(sub, item):
                    check.line(f"{item} = {var}[{lit}]")
                check.splice(sub)
    if ctx.fast:  # a verdict: the checks that call nothing first, so a wrong type is found before a format's
        # regex; the shorter first among them (a nested object written out in place comes after the scalars)
        checks.sort(key=lambda check: (_CALL.search(check.text()) is not None, len(check.lines)))
    for check in checks:
        w.splice(check)
    patterns: dict[str, Any] = (
        obj["patternProperties"] if isinstance(obj.get("patternProperties"), dict) else {}
    )
    extra = obj.get("additionalProperties", True)
    if not patterns and (extra is True or extra == {}):
        return
    key, item = em.var("k"), em.var("c")
    regexes = {pat: em.regex(pat) for pat in patterns}
    loop = Writer()
    for pat in patterns:
        sub = Writer()
        em.apply(sub, em.child(nid, "patternProperties", pat), item, f"{pexpr} + ({key},)", ctx)
        if sub.lines:
            with loop.if_(compare(f"{regexes[pat]}({key})", "is not", "None"), collapse=True):
                loop.splice(sub)
    known = sorted(props)
    excluded = []
    if known:
        excluded.append(compare(key, "in", em.constant("K", f"frozenset({literal(tuple(known))})")))
    excluded.extend(compare(f"{regexes[pat]}({key})", "is not", "None") for pat in patterns)
    if extra is not True:
        xid = em.child(nid, "additionalProperties")
        eff, _ctx = em.effective(xid, ctx)
        if em.obj(eff) is False and not ctx.fast:
            names = em.var("extra")
            if excluded:
                w.line(f"{names} = [{key} for {key} in {var} if {any_of(excluded).negated()}]")
            else:
                w.line(f"{names} = list({var})")
            with w.if_(atom(names)):
                em.helpers.add("_r")
                shown = f"str(len({names}))" if ctx.secret else f'", ".join(map(_r, {names}))'
                msg = f'"Additional properties are not allowed (" + {shown} + " unexpected)"'
                em.fail(w, ctx, nid, "additionalProperties", pexpr, msg)
        else:
            sub = Writer()
            em.apply(sub, xid, item, f"{pexpr} + ({key},)", ctx)
            if sub.lines:
                if excluded:
                    with loop.if_(any_of(excluded).negated(), collapse=True):
                        loop.splice(sub)
                else:
                    loop.splice(sub)
    if loop.lines:
        if not uses(loop, item):
            header = f"for {key} in {var}:"
        elif not uses(loop, key):
            header = f"for {item} in {var}.values():"
        else:
            header = f"for {key}, {item} in {var}.items():"
        with w.block(header):
            w.splice(loop)
