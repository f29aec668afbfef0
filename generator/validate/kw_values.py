"""Keywords on one value: ``enum``, ``const`` and the string and number groups (``type`` is the emitter's)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.validate.expr import (
    TRUE,
    Expr,
    all_of,
    any_of,
    atom,
    between,
    compare,
    group,
    not_,
)
from generator.validate.formats import NUMBER_FORMATS
from generator.validate.scope import Ctx
from generator.validate.source import SchemaCompileError, Writer, literal
from generator.validate.vocab import INT_FORMATS, count, number, short, within

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["const", "enum", "group_num", "group_str"]


def enum(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    values = obj["enum"]
    if not isinstance(values, list):
        raise SchemaCompileError(f"enum must be an array, got {values!r}")
    shown = short(values)
    text = "{v} is not one of " + shown
    if not values:
        em.check(w, ctx, TRUE, nid, "enum", var, pexpr, text)
        return
    if all(type(v) is str for v in values):
        ordered = sorted(set(values))
        if len(ordered) <= 4:
            equal = group(any_of([compare(var, "==", literal(v)) for v in ordered]))
            cond = all_of([_is_str(var), equal]).negated()
        else:
            name = em.constant("K", f"frozenset({literal(tuple(ordered))})")
            cond = all_of([_is_str(var), compare(var, "in", name)]).negated()
    else:
        em.helpers.add("_canon")
        name = em.constant("K", f"frozenset(map(_canon, {literal(values)}))")
        cond = compare(f"_canon({var})", "not in", name)
    em.check(w, ctx, cond, nid, "enum", var, pexpr, text)


def const(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    value = obj["const"]
    if value is None or isinstance(value, bool):
        cond = compare(var, "is not", repr(value))
    elif type(value) is str:
        cond = all_of([_is_str(var), compare(var, "==", literal(value))]).negated()
    else:
        em.helpers.add("_canon")
        name = em.constant("C", f"_canon({literal(value)})")
        cond = compare(f"_canon({var})", "!=", name, typed=True)
    em.check(w, ctx, cond, nid, "const", var, pexpr, "{v} is not the expected value " + short(value))


def group_str(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    if "minLength" in obj:
        n = count(obj["minLength"], "minLength")
        em.check(w, ctx, compare(f"len({var})", "<", str(n), typed=True), nid, "minLength", var, pexpr,
                   f"{{v}} is too short (minimum length {n})")
    if "maxLength" in obj:
        n = count(obj["maxLength"], "maxLength")
        em.check(w, ctx, compare(f"len({var})", ">", str(n), typed=True), nid, "maxLength", var, pexpr,
                   f"{{v}} is too long (maximum length {n})")
    if "pattern" in obj:
        pattern = obj["pattern"]
        if not isinstance(pattern, str):
            raise SchemaCompileError(f"pattern must be a string, got {pattern!r}")
        name = em.regex(pattern)
        em.check(w, ctx, compare(f"{name}({var})", "is", "None"), nid, "pattern", var, pexpr,
                   f"{{v}} does not match {short(pattern)}")
    fmt = obj.get("format")
    if isinstance(fmt, str) and fmt in em.formats and fmt not in NUMBER_FORMATS:
        helper = em.formats[fmt]
        em.helpers.add(helper)
        em.check(w, ctx, not_(atom(f"{helper}({var})", is_bool=True)), nid, "format", var, pexpr,
                   f"{{v}} is not a valid {fmt!r}")


def group_num(em: Emitter, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: Ctx) -> None:
    draft4 = em.dialect(nid).boolean_exclusive
    for kw, op, word in (("minimum", "<", "less than"), ("maximum", ">", "greater than")):
        if kw not in obj:
            continue
        limit = number(obj[kw], kw)
        exclusive = "exclusiveMinimum" if kw == "minimum" else "exclusiveMaximum"
        if draft4 and obj.get(exclusive) is True:
            em.check(w, ctx, compare(var, f"{op}=", literal(limit)), nid, exclusive, var, pexpr,
                       f"{{v}} is {word} or equal to the {kw} of {limit!r}")
        else:
            em.check(w, ctx, compare(var, op, literal(limit)), nid, kw, var, pexpr,
                       f"{{v}} is {word} the {kw} of {limit!r}")
    if not draft4:
        for kw, op, word in (("exclusiveMinimum", "<=", "less than or equal to the minimum"),
                             ("exclusiveMaximum", ">=", "greater than or equal to the maximum")):
            if kw in obj:
                limit = number(obj[kw], kw)
                em.check(w, ctx, compare(var, op, literal(limit)), nid, kw, var, pexpr,
                           f"{{v}} is {word} of {limit!r}")
    if "multipleOf" in obj:
        divisor = number(obj["multipleOf"], "multipleOf")
        if divisor <= 0:
            raise SchemaCompileError(f"multipleOf must be > 0, got {divisor!r}")
        em.helpers.add("_mul")
        em.check(w, ctx, not_(atom(f"_mul({var}, {literal(divisor)})", is_bool=True)), nid, "multipleOf", var, pexpr,
                   f"{{v}} is not a multiple of {divisor!r}")
    fmt = obj.get("format")
    if fmt in INT_FORMATS:
        lo, hi = INT_FORMATS[fmt]
        if within(obj, "minimum", lo, 1) and within(obj, "maximum", hi, -1):
            return  # the bounds already say it (Azure specs spell both out)
        em.check(w, ctx, not_(between(str(lo), var, str(hi))), nid, "format", var, pexpr,
                   f"{{v}} is not a valid {fmt!r} (range {lo} to {hi})")
    elif isinstance(fmt, str) and fmt in em.formats and fmt in NUMBER_FORMATS:
        helper = em.formats[fmt]
        em.helpers.add(helper)
        em.check(w, ctx, not_(atom(f"{helper}({var})", is_bool=True)), nid, "format", var, pexpr,
                   f"{{v}} is not a valid {fmt!r}")


def _is_str(var: str) -> Expr:
    return atom(f"isinstance({var}, str)", is_bool=True)
