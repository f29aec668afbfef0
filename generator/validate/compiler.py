"""Compile JSON Schema (2020-12 or draft 4) into the source of a standalone Python validator.

The emitter is a keyword -> method table over a small line writer.  Every schema node that
applies other schemas (``properties``, ``items``, ``allOf``, ...) becomes its own pair of
generated functions, queued on a work list, so neither the compiler nor Python's parser
recurses per nesting level:

* ``_f<n>(x) -> bool``: the fast path, returns at the first failure, builds nothing;
* ``_v<n>(x, p, e)``: the full path, appends every error to ``e``; ``p`` is the instance
  path as a tuple, extended only on branches that already failed the fast path.

Leaf subschemas (only type/enum/bounds/pattern/format/...) are inlined into their parent.
Schema values reach the generated source only as literals (``validator_source.literal``);
identifiers are made here (``_f3``, ``c2``) or come from the caller's validated ``functions``
mapping.  The source is written in black's layout (``Writer.render`` splits long statements the
way black does), so the format stage leaves it alone.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from typing import Any, NamedTuple

from generator.emit.text import docstring
from generator.format.layout import export_order, fits, statement, string, value
from generator.validate.formats import FORMATS, HELPERS, helper_closure
from generator.validate.index import SchemaIndex, UnresolvableRefError
from generator.validate.regex import RegexTranslationError, translate
from generator.validate.source import (
    SchemaCompileError,
    Writer,
    is_bool,
    literal,
    negate,
    split_top,
    uses,
)

__all__ = [
    "RegexTranslationError",
    "SchemaCompileError",
    "UnresolvableRefError",
    "compile_schema",
    "compile_schema_set",
]

DRAFTS = ("2020-12", "4")


_LEAF_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "const",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "required",
        "dependentRequired",
    }
)
_APPLICATORS = {
    "2020-12": frozenset(
        {
            "$ref",
            "$dynamicRef",
            "properties",
            "patternProperties",
            "additionalProperties",
            "propertyNames",
            "items",
            "prefixItems",
            "contains",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "dependentSchemas",
            "unevaluatedProperties",
        }
    ),
    "4": frozenset(
        {
            "$ref",
            "properties",
            "patternProperties",
            "additionalProperties",
            "items",
            "additionalItems",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "dependencies",
        }
    ),
}
_TYPE_CHECKS = {
    "string": "isinstance({v}, str)",
    "integer": "(type({v}) is int or (type({v}) is float and {v}.is_integer()))",
    "number": "(type({v}) is int or type({v}) is float)",
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "boolean": "({v} is True or {v} is False)",
    "null": "{v} is None",
}
_GROUP_CHECKS = {
    "str": "isinstance({v}, str)",
    "num": "(type({v}) is int or type({v}) is float)",
    "obj": "isinstance({v}, dict)",
    "arr": "isinstance({v}, list)",
}
_GROUP_OF_TYPE = {"string": "str", "integer": "num", "number": "num", "object": "obj", "array": "arr"}
_INT_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


class _Ctx(NamedTuple):
    fast: bool
    request: bool
    secret: bool


_ISINSTANCE = {"string": "str", "object": "dict", "array": "list"}


def _type_cond(types: list[str], var: str) -> str:
    """A boolean expression: ``var`` has one of ``types``."""
    classes = [_ISINSTANCE[t] for t in types if t in _ISINSTANCE]
    parts = []
    if len(classes) == 1:
        parts.append(f"isinstance({var}, {classes[0]})")
    elif classes:
        parts.append(f"isinstance({var}, ({', '.join(classes)}))")
    if "number" in types:
        parts.append(_TYPE_CHECKS["number"].format(v=var))
    elif "integer" in types:
        parts.append(_TYPE_CHECKS["integer"].format(v=var))
    parts.extend(_TYPE_CHECKS[t].format(v=var) for t in types if t in ("boolean", "null"))
    if len(parts) == 1:
        return parts[0]
    return " or ".join(parts)


def _within(obj: dict[str, Any], kw: str, bound: int, sign: int) -> bool:
    value = obj.get(kw)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and (value - bound) * sign >= 0


def _short(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 20] + "..." + text[-12:]


def _num(value: Any, what: str) -> int | float:
    if type(value) not in (int, float) or (type(value) is float and not math.isfinite(value)):
        raise SchemaCompileError(f"{what} must be a finite number, got {value!r}")
    return value  # type: ignore[no-any-return]


def _count(value: Any, what: str) -> int:
    if type(value) is float and value.is_integer():
        value = int(value)
    if type(value) is not int or value < 0:
        raise SchemaCompileError(f"{what} must be a non-negative integer, got {value!r}")
    return value


def _escape_segment(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


class _Emitter:
    """Turns indexed schema nodes into generated functions (see the module docstring)."""

    def __init__(self, index: SchemaIndex, draft: str, secret_keyword: str, *, sets: bool) -> None:
        self.index = index
        self.draft = draft
        self.secret_keyword = secret_keyword
        self.sets = sets
        self.applicators = _APPLICATORS[draft]
        self.names: dict[tuple[str, int, bool, bool], str] = {}
        self.queue: deque[tuple[str, int, _Ctx]] = deque()
        self.evaluated_names: dict[int, str] = {}
        self.evaluated_queue: deque[tuple[str, int]] = deque()
        self.functions: list[str] = []
        self.constants: list[str] = []
        self.const_names: dict[tuple[str, str], str] = {}
        self.helpers: set[str] = set()
        self.imports: set[str] = set()
        self.typing_names: set[str] = set()
        self.sp_ids: dict[int, int] = {}
        self.sp_table: list[tuple[int, str]] = []
        self.fresh = 0
        self.effective_cache: dict[tuple[int, bool], tuple[int, bool]] = {}
        self.relevant_cache: dict[int, bool] = {}
        self.keywords: dict[str, Any] = {
            "type": self.kw_type,
            "enum": self.kw_enum,
            "const": self.kw_const,
        }

    # -- naming -----------------------------------------------------------------------------

    def request_relevant(self, nid: int) -> bool:
        """Can request mode change the verdict below node ``nid`` (a readOnly property)?"""
        hit = self.relevant_cache.get(nid)
        if hit is not None:
            return hit
        seen = {nid}
        todo = [nid]
        found = False
        while todo and not found:
            cur = todo.pop()
            obj = self.obj(cur)
            nexts: list[int] = []
            if isinstance(obj, dict):
                if self.ref_of(obj) is not None:
                    nexts.append(self.resolve(cur))
                if isinstance(obj.get("properties"), dict):
                    holder = self.child(cur, "properties")
                    found = any(
                        self.is_read_only(self.index.children[(holder, name)])
                        for name in obj["properties"]
                        if (holder, name) in self.index.children
                    )
            if isinstance(obj, (dict, list)):
                keys = obj.keys() if isinstance(obj, dict) else (str(i) for i in range(len(obj)))
                nexts.extend(self.index.children[(cur, k)] for k in keys if (cur, k) in self.index.children)
            for nxt in nexts:
                if nxt in self.relevant_cache:
                    found = found or self.relevant_cache[nxt]
                elif nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        if found:
            self.relevant_cache[nid] = True
        else:
            for item in seen:
                self.relevant_cache[item] = False
        return found

    def function(self, nid: int, ctx: _Ctx) -> str:
        """Name of the generated function for node ``nid`` in mode ``ctx`` (queued if new)."""
        if ctx.request and not self.request_relevant(nid):
            ctx = ctx._replace(request=False)
        secret = ctx.secret and not ctx.fast
        key = ("f" if ctx.fast else "v", nid, ctx.request, secret)
        name = self.names.get(key)
        if name is None:
            name = f"_{key[0]}{len(self.names)}"
            self.names[key] = name
            self.queue.append((name, nid, ctx._replace(secret=secret)))
        return name

    def constant(self, kind: str, source: str) -> str:
        """A module-level constant (deduplicated by its source text)."""
        name = self.const_names.get((kind, source))
        if name is None:
            name = f"_{kind}{len(self.const_names)}"
            self.const_names[(kind, source)] = name
            self.constants.append(f"{name} = {source}")
        return name

    def var(self, stem: str) -> str:
        self.fresh += 1
        return f"{stem}{self.fresh}"

    def sp(self, nid: int) -> int:
        """Index of node ``nid`` in the generated schema-path table."""
        chain = []
        while nid >= 0 and nid not in self.sp_ids:
            chain.append(nid)
            nid = self.index.nodes[nid].parent
        for item in reversed(chain):
            node = self.index.nodes[item]
            if node.parent < 0:
                segment = f"{node.segment}#" if self.sets or node.segment else ""
                parent = -1
            else:
                segment = _escape_segment(node.segment)
                parent = self.sp_ids[node.parent]
            self.sp_ids[item] = len(self.sp_table)
            self.sp_table.append((parent, segment))
        return self.sp_ids[chain[0]] if chain else self.sp_ids[nid]

    # -- schema helpers ---------------------------------------------------------------------

    def obj(self, nid: int) -> Any:
        return self.index.nodes[nid].obj

    def child(self, nid: int, *path: str) -> int:
        for segment in path:
            nid = self.index.children[(nid, segment)]
        return nid

    def ref_of(self, obj: dict[str, Any]) -> tuple[str, bool] | None:
        ref = obj.get("$ref")
        if isinstance(ref, str):
            return ref, False
        if self.draft != "4":
            dyn = obj.get("$dynamicRef")
            if isinstance(dyn, str):
                return dyn, True
        return None

    def is_ref_only(self, obj: Any) -> bool:
        if not isinstance(obj, dict) or self.ref_of(obj) is None:
            return False
        if self.draft == "4":
            return True
        live = (self.applicators | _LEAF_KEYWORDS) & obj.keys()
        return live <= {"$ref", "$dynamicRef"} and not ("$ref" in obj and "$dynamicRef" in obj)

    def resolve(self, nid: int) -> int:
        obj = self.obj(nid)
        ref = self.ref_of(obj)
        assert ref is not None
        return self.index.resolve(nid, ref[0], dynamic=ref[1])

    def effective(self, nid: int, secret: bool) -> tuple[int, bool]:
        """Follow `$ref`-only nodes; collect the secret flag from every hop."""
        key = (nid, secret)
        hit = self.effective_cache.get(key)
        if hit is not None:
            return hit
        seen: set[int] = set()
        while True:
            obj = self.obj(nid)
            if isinstance(obj, dict) and obj.get(self.secret_keyword) is True:
                secret = True
            if not self.is_ref_only(obj):
                break
            if nid in seen:
                raise SchemaCompileError(f"$ref cycle never reaches a schema: {obj['$ref']!r}")
            seen.add(nid)
            nid = self.resolve(nid)
        self.effective_cache[key] = (nid, secret)
        return nid, secret

    def is_read_only(self, nid: int) -> bool:
        seen: set[int] = set()
        while nid not in seen:
            seen.add(nid)
            obj = self.obj(nid)
            if not isinstance(obj, dict):
                return False
            if obj.get("readOnly") is True:
                return True
            if self.ref_of(obj) is None:
                return False
            nid = self.resolve(nid)
        return False

    def is_leaf(self, obj: Any) -> bool:
        return isinstance(obj, dict) and not (self.applicators & obj.keys())

    # -- failures ---------------------------------------------------------------------------

    def message(self, ctx: _Ctx, var: str, text: str) -> str:
        """Source of a message; ``{v}`` at the start stands for the (masked) instance value."""
        if text.startswith("{v}"):
            rest = text[3:]
            if ctx.secret:
                return string("'***'" + rest)
            self.helpers.add("_r")
            return f"_r({var}) + {string(rest)}"
        return string(text)

    def fail(
        self, w: Writer, ctx: _Ctx, nid: int, kw: str, pexpr: str, msg_src: str
    ) -> None:
        if ctx.fast:
            w.line("return False")
            return
        self.helpers.update(("_ptr", "_sp"))
        w.line(f"e.append(_E(_ptr({pexpr}), {string(kw)}, _sp({self.sp(nid)}, {string(kw)}), {msg_src}))")

    def check(
        self, w: Writer, ctx: _Ctx, cond: str, nid: int, kw: str, var: str, pexpr: str, text: str
    ) -> None:
        with w.block(f"if {cond}:"):
            self.fail(w, ctx, nid, kw, pexpr, self.message(ctx, var, text))

    # -- children ---------------------------------------------------------------------------

    def apply(self, w: Writer, nid: int, var: str, pexpr: str, ctx: _Ctx) -> None:
        """Validate ``var`` against schema node ``nid``: inline if a leaf, else call."""
        nid, secret = self.effective(nid, ctx.secret)
        ctx = ctx._replace(secret=secret)
        obj = self.obj(nid)
        if obj is True or (isinstance(obj, dict) and not obj.keys() & (self.applicators | _LEAF_KEYWORDS)):
            return
        if obj is False or self.is_leaf(obj):
            self.body(w, nid, var, pexpr, ctx)
            return
        fast = self.function(nid, ctx._replace(fast=True))
        if ctx.fast:
            with w.block(f"if not {fast}({var}):"):
                w.line("return False")
        else:
            full = self.function(nid, ctx)
            with w.block(f"if not {fast}({var}):"):
                w.line(f"{full}({var}, {pexpr}, e)")

    def test_expr(self, nid: int, var: str, ctx: _Ctx) -> str:
        """A boolean expression: does ``var`` satisfy node ``nid``?"""
        nid, _secret = self.effective(nid, False)
        obj = self.obj(nid)
        if obj is True or (isinstance(obj, dict) and not obj.keys() & (self.applicators | _LEAF_KEYWORDS)):
            return "True"
        if obj is False:
            return "False"
        return f"{self.function(nid, _Ctx(True, ctx.request, False))}({var})"

    # -- bodies -----------------------------------------------------------------------------

    def emit_function(self, name: str, nid: int, ctx: _Ctx) -> None:
        self.fresh = 0
        w = Writer()
        if ctx.fast:
            header = f"def {name}(x: Any) -> bool:"
        else:
            header = f"def {name}(x: Any, p: {_PATH}, e: {_ERRORS}) -> None:"
        with w.block(header):
            self.body(w, nid, "x", "p", ctx)
            if ctx.fast:
                tail = w.lines[-2:]
                if (
                    len(w.lines) >= 3
                    and tail[0][0] == 1
                    and tail[0][1].startswith("if ")
                    and tail[1] == (2, "return False")
                ):
                    # ``return x >= 5`` would be Any to a type checker (and differs from
                    # ``if x < 5`` for NaN): ``not x < 5`` is bool and costs the same as the if.
                    cond = tail[0][1][3:-1]
                    returned = negate(cond)
                    del w.lines[-2:]
                    w.line(f"return {returned if is_bool(returned) else 'not ' + cond}")
                else:
                    w.line("return True")
        self.functions.append(w.render())

    def body(self, w: Writer, nid: int, var: str, pexpr: str, ctx: _Ctx) -> None:
        obj = self.obj(nid)
        if obj is False:
            self.fail(w, ctx, nid, "false", pexpr, self.message(ctx, var, "{v} is not allowed (false schema)"))
            return
        if obj is True:
            return
        if not isinstance(obj, dict):
            raise SchemaCompileError(f"schema must be an object or boolean, got {obj!r}")
        types = obj.get("type")
        if isinstance(types, str):
            types = [types]
        if types is not None and (not isinstance(types, list) or not all(t in _TYPE_CHECKS for t in types)):
                raise SchemaCompileError(f"bad type {obj['type']!r}")
        groups = {"str": self.group_str, "num": self.group_num, "obj": self.group_obj, "arr": self.group_arr}
        sub: dict[str, Writer] = {}
        for group, method in groups.items():
            if types is not None and not any(_GROUP_OF_TYPE.get(t) == group for t in types):
                continue
            gw = Writer()
            method(gw, nid, obj, var, pexpr, ctx)
            if gw.lines:
                sub[group] = gw
        if types is not None:
            cond = _type_cond(types, var)
            names = ", ".join(repr(t) for t in types)
            only = _GROUP_OF_TYPE.get(types[0]) if len(types) == 1 else None
            if ctx.fast:
                self.check(w, ctx, negate(cond), nid, "type", var, pexpr, "")
                if only in sub:
                    w.splice(sub.pop(only))
            else:
                msg = self.message(ctx, var, "{v} is not of type " + names)
                with w.block(f"if {negate(cond)}:"):
                    self.fail(w, ctx, nid, "type", pexpr, msg)
                if only in sub:
                    with w.block("else:"):
                        w.splice(sub.pop(only))
        for group, gw in sub.items():
            with w.block(f"if {_GROUP_CHECKS[group].format(v=var)}:", collapse=True):
                w.splice(gw)
        for kw, method in self.keywords.items():
            if kw in obj:
                method(w, nid, obj, var, pexpr, ctx)
        self.applicators_any(w, nid, obj, var, pexpr, ctx)

    # type is handled in body(); enum/const here.
    def kw_type(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        return

    def kw_enum(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        values = obj["enum"]
        if not isinstance(values, list):
            raise SchemaCompileError(f"enum must be an array, got {values!r}")
        shown = _short(values)
        text = "{v} is not one of " + shown
        if not values:
            self.check(w, ctx, "True", nid, "enum", var, pexpr, text)
            return
        if all(type(v) is str for v in values):
            ordered = sorted(set(values))
            if len(ordered) <= 4:
                src = " or ".join(f"{var} == {literal(v)}" for v in ordered)
                cond = negate(f"isinstance({var}, str) and ({src})")
            else:
                name = self.constant("K", f"frozenset({literal(tuple(ordered))})")
                cond = negate(f"isinstance({var}, str) and {var} in {name}")
        else:
            self.helpers.add("_canon")
            name = self.constant("K", f"frozenset(map(_canon, {literal(values)}))")
            cond = f"_canon({var}) not in {name}"
        self.check(w, ctx, cond, nid, "enum", var, pexpr, text)

    def kw_const(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        if self.draft == "4":
            return
        value = obj["const"]
        if value is None or isinstance(value, bool):
            cond = f"{var} is not {value!r}"
        elif type(value) is str:
            cond = negate(f"isinstance({var}, str) and {var} == {literal(value)}")
        else:
            self.helpers.add("_canon")
            name = self.constant("C", f"_canon({literal(value)})")
            cond = f"_canon({var}) != {name}"
        self.check(w, ctx, cond, nid, "const", var, pexpr, "{v} is not the expected value " + _short(value))

    def group_str(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        if "minLength" in obj:
            n = _count(obj["minLength"], "minLength")
            self.check(w, ctx, f"len({var}) < {n}", nid, "minLength", var, pexpr,
                       f"{{v}} is too short (minimum length {n})")
        if "maxLength" in obj:
            n = _count(obj["maxLength"], "maxLength")
            self.check(w, ctx, f"len({var}) > {n}", nid, "maxLength", var, pexpr,
                       f"{{v}} is too long (maximum length {n})")
        if "pattern" in obj:
            pattern = obj["pattern"]
            if not isinstance(pattern, str):
                raise SchemaCompileError(f"pattern must be a string, got {pattern!r}")
            name = self.regex(pattern)
            self.check(w, ctx, f"{name}({var}) is None", nid, "pattern", var, pexpr,
                       f"{{v}} does not match {_short(pattern)}")
        fmt = obj.get("format")
        if isinstance(fmt, str) and fmt in FORMATS:
            helper = FORMATS[fmt]
            self.helpers.add(helper)
            self.check(w, ctx, f"not {helper}({var})", nid, "format", var, pexpr,
                       f"{{v}} is not a valid {fmt!r}")

    def regex(self, pattern: str) -> str:
        self.imports.add("import re")
        return self.constant("R", f"re.compile({string(translate(pattern))}).search")

    def group_num(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        draft4 = self.draft == "4"
        for kw, op, word in (("minimum", "<", "less than"), ("maximum", ">", "greater than")):
            if kw not in obj:
                continue
            limit = _num(obj[kw], kw)
            exclusive = "exclusiveMinimum" if kw == "minimum" else "exclusiveMaximum"
            if draft4 and obj.get(exclusive) is True:
                self.check(w, ctx, f"{var} {op}= {literal(limit)}", nid, exclusive, var, pexpr,
                           f"{{v}} is {word} or equal to the {kw} of {limit!r}")
            else:
                self.check(w, ctx, f"{var} {op} {literal(limit)}", nid, kw, var, pexpr,
                           f"{{v}} is {word} the {kw} of {limit!r}")
        if not draft4:
            for kw, op, word in (("exclusiveMinimum", "<=", "less than or equal to the minimum"),
                                 ("exclusiveMaximum", ">=", "greater than or equal to the maximum")):
                if kw in obj:
                    limit = _num(obj[kw], kw)
                    self.check(w, ctx, f"{var} {op} {literal(limit)}", nid, kw, var, pexpr,
                               f"{{v}} is {word} of {limit!r}")
        if "multipleOf" in obj:
            divisor = _num(obj["multipleOf"], "multipleOf")
            if divisor <= 0:
                raise SchemaCompileError(f"multipleOf must be > 0, got {divisor!r}")
            self.helpers.add("_mul")
            self.check(w, ctx, f"not _mul({var}, {literal(divisor)})", nid, "multipleOf", var, pexpr,
                       f"{{v}} is not a multiple of {divisor!r}")
        fmt = obj.get("format")
        if fmt in _INT_FORMATS:
            lo, hi = _INT_FORMATS[fmt]
            if _within(obj, "minimum", lo, 1) and _within(obj, "maximum", hi, -1):
                return  # the bounds already say it (Azure specs spell both out)
            self.check(w, ctx, f"not {lo} <= {var} <= {hi}", nid, "format", var, pexpr,
                       f"{{v}} is not a valid {fmt!r} (range {lo} to {hi})")

    def group_arr(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        if "minItems" in obj:
            n = _count(obj["minItems"], "minItems")
            self.check(w, ctx, f"len({var}) < {n}", nid, "minItems", var, pexpr,
                       f"array has fewer than the minimum of {n} items")
        if "maxItems" in obj:
            n = _count(obj["maxItems"], "maxItems")
            self.check(w, ctx, f"len({var}) > {n}", nid, "maxItems", var, pexpr,
                       f"array has more than the maximum of {n} items")
        if obj.get("uniqueItems") is True:
            self.helpers.add("_uniq")
            self.check(w, ctx, f"len({var}) > 1 and not _uniq({var})", nid, "uniqueItems", var, pexpr,
                       "array has non-unique elements")
        items = obj.get("items")
        if self.draft == "4":
            prefix = items if isinstance(items, list) else None
            rest_key = "additionalItems" if prefix is not None else "items"
        else:
            prefix = obj.get("prefixItems")
            rest_key = "items"
        offset = 0
        if isinstance(prefix, list):
            holder = "items" if self.draft == "4" else "prefixItems"
            for j in range(len(prefix)):
                sub = Writer()
                item = self.var("c")
                self.apply(sub, self.child(nid, holder, str(j)), item, f"{pexpr} + ({j},)", ctx)
                if sub.lines:
                    with w.block(f"if len({var}) > {j}:", collapse=True):
                        if uses(sub, item):
                            w.line(f"{item} = {var}[{j}]")
                        w.splice(sub)
            offset = len(prefix)
        rest = obj.get(rest_key)
        if isinstance(rest, (dict, bool)):
            rid = self.child(nid, rest_key)
            eff, _secret = self.effective(rid, False)
            if self.obj(eff) is False:
                self.check(w, ctx, f"len({var}) > {offset}", nid, rest_key, var, pexpr,
                           f"array has more than {offset} items and {rest_key!r} is false")
            else:
                item, idx = self.var("c"), self.var("i")
                sub = Writer()
                self.apply(sub, rid, item, f"{pexpr} + ({idx},)", ctx)
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
        if self.draft != "4" and "contains" in obj:
            self.contains(w, nid, obj, var, pexpr, ctx)

    def contains(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        lo = _count(obj.get("minContains", 1), "minContains")
        hi = obj.get("maxContains")
        item, hits = self.var("c"), self.var("n")
        test = self.test_expr(self.child(nid, "contains"), item, ctx)
        w.line(f"{hits} = 0")
        with w.block(f"for {item} in {var}:"), w.block(f"if {test}:"):
            w.line(f"{hits} += 1")
        self.check(w, ctx, f"{hits} < {lo}", nid, "contains", var, pexpr,
                   f"array has fewer than {lo} items matching 'contains'")
        if hi is not None:
            hi = _count(hi, "maxContains")
            self.check(w, ctx, f"{hits} > {hi}", nid, "maxContains", var, pexpr,
                       f"array has more than {hi} items matching 'contains'")

    def group_obj(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        required = obj.get("required")
        if isinstance(required, list) and required:
            if ctx.fast:
                cond = " or ".join(f"{literal(k)} not in {var}" for k in required)
                self.check(w, ctx, cond, nid, "required", var, pexpr, "")
            else:
                for name in required:
                    self.check(w, ctx, f"{literal(name)} not in {var}", nid, "required", var, pexpr,
                               f"{_short(name)} is a required property")
        for kw, word in (("minProperties", "fewer"), ("maxProperties", "more")):
            if kw in obj:
                n = _count(obj[kw], kw)
                op = "<" if word == "fewer" else ">"
                self.check(w, ctx, f"len({var}) {op} {n}", nid, kw, var, pexpr,
                           f"object has {word} than {n} properties")
        deps: list[tuple[str, Any, str]] = []
        if self.draft == "4":
            for name, dep in (obj.get("dependencies") or {}).items():
                deps.append((name, dep, "dependencies"))
        else:
            for name, dep in (obj.get("dependentRequired") or {}).items():
                deps.append((name, dep, "dependentRequired"))
            for name, dep in (obj.get("dependentSchemas") or {}).items():
                deps.append((name, dep, "dependentSchemas"))
        for name, dep, kw in deps:
            sub = Writer()
            if isinstance(dep, list):
                for other in dep:
                    self.check(sub, ctx, f"{literal(other)} not in {var}", nid, kw, var, pexpr,
                               f"{_short(other)} is required when {_short(name)} is present")
            else:
                self.apply(sub, self.child(nid, kw, name), var, pexpr, ctx)
            if sub.lines:
                with w.block(f"if {literal(name)} in {var}:", collapse=True):
                    w.splice(sub)
        self.properties(w, nid, obj, var, pexpr, ctx)
        if self.draft != "4" and "unevaluatedProperties" in obj:
            key, item, seen = self.var("k"), self.var("c"), self.var("seen")
            sub = Writer()
            self.apply(sub, self.child(nid, "unevaluatedProperties"), item, f"{pexpr} + ({key},)", ctx)
            if sub.lines:
                w.line(f"{seen} = {self.evaluated_function(nid)}({var})")
                header = f"for {key}, {item} in {var}.items():" if uses(sub, item) else f"for {key} in {var}:"
                with w.block(header), w.block(f"if {key} not in {seen}:"):
                    w.splice(sub)
        if self.draft != "4" and "propertyNames" in obj:
            key = self.var("k")
            sub = Writer()
            self.apply(sub, self.child(nid, "propertyNames"), key, pexpr, ctx)
            if sub.lines:
                with w.block(f"for {key} in {var}:"):
                    w.splice(sub)

    def properties(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        props: dict[str, Any] = obj["properties"] if isinstance(obj.get("properties"), dict) else {}
        for name in props:
            pid = self.child(nid, "properties", name)
            lit = literal(name)
            if ctx.request and self.is_read_only(pid):
                with w.block(f"if {lit} in {var}:"):
                    self.fail(w, ctx, pid, "readOnly", f"{pexpr} + ({lit},)",
                              string(f"{_short(name)} is read-only and must not be sent in a request"))
                continue
            item = self.var("c")
            sub = Writer()
            self.apply(sub, pid, item, f"{pexpr} + ({lit},)", ctx)
            if sub.lines:
                with w.block(f"if {lit} in {var}:", collapse=True):
                    if uses(sub, item):
                        w.line(f"{item} = {var}[{lit}]")
                    w.splice(sub)
        patterns: dict[str, Any] = (
            obj["patternProperties"] if isinstance(obj.get("patternProperties"), dict) else {}
        )
        extra = obj.get("additionalProperties", True)
        if not patterns and (extra is True or extra == {}):
            return
        key, item = self.var("k"), self.var("c")
        regexes = {pat: self.regex(pat) for pat in patterns}
        loop = Writer()
        for pat in patterns:
            sub = Writer()
            self.apply(sub, self.child(nid, "patternProperties", pat), item, f"{pexpr} + ({key},)", ctx)
            if sub.lines:
                with loop.block(f"if {regexes[pat]}({key}) is not None:", collapse=True):
                    loop.splice(sub)
        known = sorted(props)
        excluded = []
        if known:
            excluded.append(f"{key} in {self.constant('K', f'frozenset({literal(tuple(known))})')}")
        excluded.extend(f"{regexes[pat]}({key}) is not None" for pat in patterns)
        if extra is not True:
            xid = self.child(nid, "additionalProperties")
            eff, _secret = self.effective(xid, False)
            if self.obj(eff) is False and not ctx.fast:
                names = self.var("extra")
                if excluded:
                    w.line(f"{names} = [{key} for {key} in {var} if {negate(' or '.join(excluded))}]")
                else:
                    w.line(f"{names} = list({var})")
                with w.block(f"if {names}:"):
                    self.helpers.add("_r")
                    shown = f"str(len({names}))" if ctx.secret else f'", ".join(map(_r, {names}))'
                    msg = f'"Additional properties are not allowed (" + {shown} + " unexpected)"'
                    self.fail(w, ctx, nid, "additionalProperties", pexpr, msg)
            else:
                sub = Writer()
                self.apply(sub, xid, item, f"{pexpr} + ({key},)", ctx)
                if sub.lines:
                    if excluded:
                        with loop.block(f"if {negate(' or '.join(excluded))}:", collapse=True):
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

    def applicators_any(self, w: Writer, nid: int, obj: dict[str, Any], var: str, pexpr: str, ctx: _Ctx) -> None:
        ref = self.ref_of(obj)
        if ref is not None:
            target = self.resolve(nid)
            self.apply(w, target, var, pexpr, ctx)
        if isinstance(obj.get("allOf"), list):
            for j in range(len(obj["allOf"])):
                self.apply(w, self.child(nid, "allOf", str(j)), var, pexpr, ctx)
        if isinstance(obj.get("anyOf"), list):
            tests = [self.test_expr(self.child(nid, "anyOf", str(j)), var, ctx) for j in range(len(obj["anyOf"]))]
            if "True" not in tests:
                self.check(w, ctx, negate(" or ".join(tests) or "False"), nid, "anyOf", var, pexpr,
                           "{v} is not valid under any of the given schemas")
        if isinstance(obj.get("oneOf"), list):
            tests = [self.test_expr(self.child(nid, "oneOf", str(j)), var, ctx) for j in range(len(obj["oneOf"]))]
            hits = self.var("n")
            w.line(f"{hits} = {' + '.join(f'({t})' for t in tests) or '0'}")
            self.check(w, ctx, f"{hits} == 0", nid, "oneOf", var, pexpr,
                       "{v} is not valid under any of the given schemas")
            self.check(w, ctx, f"{hits} > 1", nid, "oneOf", var, pexpr,
                       "{v} is valid under more than one of the given schemas")
        if "not" in obj:
            test = self.test_expr(self.child(nid, "not"), var, ctx)
            self.check(w, ctx, test, nid, "not", var, pexpr, "{v} must not be valid under the 'not' schema")
        if self.draft != "4" and "if" in obj:
            test = self.test_expr(self.child(nid, "if"), var, ctx)
            then_w, else_w = Writer(), Writer()
            if "then" in obj:
                self.apply(then_w, self.child(nid, "then"), var, pexpr, ctx)
            if "else" in obj:
                self.apply(else_w, self.child(nid, "else"), var, pexpr, ctx)
            if then_w.lines and else_w.lines:
                with w.block(f"if {test}:"):
                    w.splice(then_w)
                with w.block("else:"):
                    w.splice(else_w)
            elif then_w.lines:
                with w.block(f"if {test}:", collapse=True):
                    w.splice(then_w)
            elif else_w.lines:
                with w.block(f"if {negate(test)}:", collapse=True):
                    w.splice(else_w)

    # -- module -----------------------------------------------------------------------------

    def drain(self) -> None:
        while self.queue or self.evaluated_queue:
            while self.queue:
                name, nid, ctx = self.queue.popleft()
                self.emit_function(name, nid, ctx)
            while self.evaluated_queue:
                name, nid = self.evaluated_queue.popleft()
                self.emit_evaluated(name, nid)

    # -- unevaluatedProperties: which keys did in-place applicators evaluate? ----------------

    def evaluated_expr(self, nid: int, var: str) -> str:
        """Expression: the set of keys of dict ``var`` that node ``nid`` evaluates."""
        nid, _secret = self.effective(nid, False)
        obj = self.obj(nid)
        if not isinstance(obj, dict):
            return "set()"
        if "unevaluatedProperties" in obj or "additionalProperties" in obj:
            return f"set({var})"
        return f"{self.evaluated_function(nid)}({var})"

    def evaluated_function(self, nid: int) -> str:
        name = self.evaluated_names.get(nid)
        if name is None:
            name = f"_u{len(self.evaluated_names)}"
            self.evaluated_names[nid] = name
            self.evaluated_queue.append((name, nid))
        return name

    def emit_evaluated(self, name: str, nid: int) -> None:
        """``def _uN(x)``: keys of dict ``x`` evaluated by node ``nid`` (own unevaluated* aside)."""
        obj = self.obj(nid)
        ctx = _Ctx(True, False, False)
        w = Writer()
        with w.block(f"def {name}(x: Any) -> set[str]:"):
            if "additionalProperties" in obj:
                w.line("return set(x)")
                self.functions.append(w.render())
                return
            props = sorted(obj.get("properties") or {})
            w.line(f"s = {{k for k in {literal(tuple(props))} if k in x}}" if props else "s: set[str] = set()")
            for pat in obj.get("patternProperties") or {}:
                w.line(f"s.update(k for k in x if {self.regex(pat)}(k) is not None)")
            if self.ref_of(obj) is not None:
                w.line(f"s |= {self.evaluated_expr(self.resolve(nid), 'x')}")
            for j in range(len(obj.get("allOf") or ())):
                w.line(f"s |= {self.evaluated_expr(self.child(nid, 'allOf', str(j)), 'x')}")
            for kw in ("anyOf", "oneOf"):
                for j in range(len(obj.get(kw) or ())):
                    sub = self.child(nid, kw, str(j))
                    with w.block(f"if {self.test_expr(sub, 'x', ctx)}:"):
                        w.line(f"s |= {self.evaluated_expr(sub, 'x')}")
            if "if" in obj:
                iid = self.child(nid, "if")
                with w.block(f"if {self.test_expr(iid, 'x', ctx)}:"):
                    w.line(f"s |= {self.evaluated_expr(iid, 'x')}")
                    if "then" in obj:
                        w.line(f"s |= {self.evaluated_expr(self.child(nid, 'then'), 'x')}")
                if "else" in obj:
                    with w.block("else:"):
                        w.line(f"s |= {self.evaluated_expr(self.child(nid, 'else'), 'x')}")
            for dep in obj.get("dependentSchemas") or {}:
                with w.block(f"if {literal(dep)} in x:"):
                    w.line(f"s |= {self.evaluated_expr(self.child(nid, 'dependentSchemas', dep), 'x')}")
            w.line("return s")
        self.functions.append(w.render())

    def module(self, doc: str, entry_points: str, exports: list[str]) -> str:
        self.drain()
        helper_names = helper_closure(self.helpers)
        imports = set(self.imports)
        typing_names = self.typing_names | ({"Any"} if self.functions else set())
        if typing_names:
            imports.add(f"from typing import {', '.join(sorted(typing_names))}")
        for name in helper_names:
            imports.update(HELPERS[name].imports)
        head = [f'"""{doc}"""\n\nfrom __future__ import annotations\n']
        if imports:
            head.append("".join(f"{line}\n" for line in sorted(imports, key=lambda i: (i.startswith("from "), i))))
        head.append(value("__all__ = ", export_order(exports)) + "\n")
        # Top-level chunks, two blank lines apart (black's rule around every def and class).
        chunks = ["\n".join(head), _ERROR_CLASS, "_E = ValidationError\n"]
        chunks.extend(HELPERS[name].source.strip("\n") + "\n" for name in helper_names)
        if self.sp_table:
            parents = tuple(parent for parent, _ in self.sp_table)
            segments = tuple(segment for _, segment in self.sp_table)
            chunks.append(value("_SP_PARENT = ", parents) + "\n" + value("_SP_SEGMENT = ", segments) + "\n")
        if self.constants:
            chunks.append("".join(statement(source, "") + "\n" for source in self.constants))
        chunks.extend(self.functions)
        chunks.append(entry_points)
        return "\n\n".join(chunks)


#: Annotations of the generated functions' instance path and error list.
_PATH = "tuple[str | int, ...]"
_ERRORS = "list[ValidationError]"

_ERROR_CLASS = '''class ValidationError:
    """One failed keyword.

    Attributes: instance ``path`` (JSON Pointer), ``keyword``, ``schema_path``, ``message``.
    """

    __slots__ = ("keyword", "message", "path", "schema_path")

    def __init__(self, path: str, keyword: str, schema_path: str, message: str) -> None:
        self.path = path
        self.keyword = keyword
        self.schema_path = schema_path
        self.message = message

    def __repr__(self) -> str:
        return (
            f"ValidationError(path={self.path!r}, keyword={self.keyword!r}, "
            f"schema_path={self.schema_path!r}, message={self.message!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ValidationError):
            return NotImplemented
        return (self.path, self.keyword, self.schema_path, self.message) == (
            other.path,
            other.keyword,
            other.schema_path,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.keyword, self.schema_path, self.message))

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"
'''


def _check_draft(draft: str) -> None:
    if draft not in DRAFTS:
        raise ValueError(f"unknown draft {draft!r}; expected one of {', '.join(DRAFTS)}")


def compile_schema(schema: dict[str, Any] | bool, *, draft: str = "2020-12") -> str:
    """Source of a standalone module with ``validate(instance)`` and ``is_valid(instance)``.

    ``draft`` is ``"2020-12"`` or ``"4"``.  Raises ``ValueError`` (or a subclass) for an
    unknown draft, an unresolvable ``$ref`` or a malformed schema.
    """
    _check_draft(draft)
    if draft == "4" and isinstance(schema, bool):
        raise SchemaCompileError("draft 4 has no boolean schemas")
    if not isinstance(schema, (dict, bool)):
        raise SchemaCompileError(f"schema must be an object or boolean, got {type(schema).__name__}")
    index = SchemaIndex(draft)
    root = index.add_document("", schema, "")
    em = _Emitter(index, draft, "x-ms-secret", sets=False)
    base = _Ctx(fast=True, request=False, secret=False)
    eff, secret = em.effective(root, False)
    fast = em.function(eff, base)
    full = em.function(eff, base._replace(fast=False, secret=secret))
    em.helpers.add("_too_deep")
    entry = f'''def validate(instance: object) -> list[ValidationError]:
    """Every error of ``instance`` (empty when it is valid)."""
    errors: list[ValidationError] = []
    try:
        if not {fast}(instance):
            {full}(instance, (), errors)
    except RecursionError:
        return _too_deep(instance, "#")
    return errors


def is_valid(instance: object) -> bool:
    """True when ``instance`` is valid; stops at the first failure."""
    try:
        return {fast}(instance)
    except RecursionError:
        return False
'''
    doc = f"Validator generated by specgen from a JSON Schema (draft {draft}). Do not edit."
    return em.module(doc, entry, ["ValidationError", "is_valid", "validate"])


def compile_schema_set(
    documents: Mapping[str, dict[str, Any]],
    *,
    functions: Mapping[str, str],
    secret_keyword: str = "x-ms-secret",
) -> str:
    """Source of ONE module validating a set of 2020-12 documents that reference each other.

    ``documents`` maps a document URI (``"X.json"``) to its schema; ``functions`` maps each
    URI to the Python identifier of its ``validate_<identifier>`` function.  The module also
    defines ``validate(name, instance, *, request=False)``, ``is_valid(...)``, ``SCHEMAS``
    and ``VALIDATORS`` (name = URI without ``.json``).  With ``request=True`` a property
    whose subschema is ``readOnly`` is an error.  Values under ``secret_keyword`` subschemas
    never appear in messages.
    """
    index = SchemaIndex("2020-12")
    uris = sorted(documents)
    for uri in uris:
        if type(uri) is not str:
            raise ValueError(f"document URIs must be strings, got {type(uri).__name__}")
        if uri not in functions:
            raise ValueError(f"no function name given for document {uri!r}")
        ident = functions[uri]
        # Only ever used inside longer names (`validate_<ident>`), so a keyword (`and`) is fine.
        if not (isinstance(ident, str) and ident.isidentifier() and ident.isascii()):
            raise ValueError(f"bad function name {ident!r} for document {uri!r}")
        index.add_document(uri, documents[uri], uri)
    em = _Emitter(index, "2020-12", secret_keyword, sets=True)
    # An instance nested deeper than the stack: one error at its deepest value (no RecursionError).
    em.helpers.add("_too_deep")
    em.imports.add("from collections.abc import Callable, Mapping")
    em.typing_names.add("TypeVar")
    lines: list[str] = ["_T = TypeVar(\"_T\")\n"]
    table: list[tuple[str, str]] = []
    for uri in uris:
        root = index.documents[uri]
        pairs = []
        for request in (False, True):
            ctx = _Ctx(fast=True, request=request, secret=False)
            eff, secret = em.effective(root, False)
            pairs.append((em.function(eff, ctx), em.function(eff, ctx._replace(fast=False, secret=secret))))
        (fast, full), (rfast, rfull) = pairs
        ident = functions[uri]
        name = uri.removesuffix(".json")
        table.append((name, ident))
        if (fast, full) == (rfast, rfull):
            lines.append(f'''{_signature(f"validate_{ident}", "instance: object, *, request: bool = False", "list[ValidationError]")}
    {_entry_doc(uri, "(nothing below it is readOnly)")}
    errors: list[ValidationError] = []
    try:
        if not {fast}(instance):
            {full}(instance, (), errors)
    except RecursionError:
        return _too_deep(instance, {string(uri + "#")})
    return errors


{_signature(f"_is_valid_{ident}", "instance: object, request: bool = False", "bool")}
    try:
        return {fast}(instance)
    except RecursionError:
        return False
''')
            continue
        lines.append(f'''{_signature(f"validate_{ident}", "instance: object, *, request: bool = False", "list[ValidationError]")}
    {_entry_doc(uri, "(``request``: readOnly is an error)")}
    errors: list[ValidationError] = []
    try:
        if request:
            if not {rfast}(instance):
                {rfull}(instance, (), errors)
        elif not {fast}(instance):
            {full}(instance, (), errors)
    except RecursionError:
        return _too_deep(instance, {string(uri + "#")})
    return errors


{_signature(f"_is_valid_{ident}", "instance: object, request: bool = False", "bool")}
    try:
        return {rfast}(instance) if request else {fast}(instance)
    except RecursionError:
        return False
''')
    validators = _rows([f"    {string(name)}: validate_{ident},\n" for name, ident in table])
    documents_src = _rows([f"    {string(name)}: {string(uri)},\n" for (name, _), uri in zip(table, uris, strict=True)])
    checks = _rows([f"    {string(name)}: _is_valid_{ident},\n" for name, ident in table])
    lines.append(f'''VALIDATORS: dict[str, Callable[..., list[ValidationError]]] = {{{validators}}}
SCHEMAS = VALIDATORS
DOCUMENTS: dict[str, str] = {{{documents_src}}}
_CHECKS: dict[str, Callable[[object, bool], bool]] = {{{checks}}}


def _lookup(table: Mapping[str, _T], name: str) -> _T:
    try:
        return table[name]
    except KeyError:
        raise KeyError(f"unknown definition {{name!r}}; known: {{', '.join(sorted(table))}}") from None


def validate(name: str, instance: object, *, request: bool = False) -> list[ValidationError]:
    """Every error of ``instance`` against definition ``name``; KeyError if unknown."""
    return _lookup(VALIDATORS, name)(instance, request=request)


def is_valid(name: str, instance: object, *, request: bool = False) -> bool:
    """True when ``instance`` is valid against definition ``name``; KeyError if unknown."""
    return _lookup(_CHECKS, name)(instance, request)
''')
    exports = ["DOCUMENTS", "SCHEMAS", "VALIDATORS", "ValidationError", "is_valid", "validate"]
    exports += [f"validate_{ident}" for _, ident in table]
    doc = "Validators generated by specgen from JSON Schema 2020-12 documents. Do not edit."
    return em.module(doc, "\n\n".join(lines), exports)


def _rows(rows: list[str]) -> str:
    """The body of a dict display, one exploded entry a line (black keeps that: magic commas)."""
    return "".join(["\n", *rows]) if rows else ""  # and writes an empty dict as {}


def _signature(name: str, params: str, returns: str) -> str:
    """A ``def`` line as black splits it (its left-hand split at the parameter list)."""
    one = f"def {name}({params}) -> {returns}:"
    if fits(one):
        return one
    if fits(f"    {params}"):
        return f"def {name}(\n    {params}\n) -> {returns}:"
    exploded = "".join(f"    {param},\n" for param in split_top(params, ", "))
    return f"def {name}(\n{exploded}) -> {returns}:"


def _entry_doc(uri: str, note: str) -> str:
    """The docstring of ``validate_<name>`` (indented 4), wrapped to the line length."""
    name = "".join(ch if ch.isprintable() and not ch.isspace() else " " if ch.isspace() else "?" for ch in uri)
    return docstring(f"Every error of ``instance`` against {' '.join(name.split())} {note}.", 4)
