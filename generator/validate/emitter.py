"""The validator emitter: schema nodes -> generated functions (see :mod:`generator.validate.compiler`).

:class:`Emitter` holds what one generated module accumulates (functions, constants, helpers,
the schema-path table) and the machinery every keyword group uses: function naming and the
work list, reading a node through its dialect, `$ref` following with the dynamic scope
(:mod:`generator.validate.scope`), failure reporting, applying a subschema.  The keywords
themselves live in ``kw_values`` (type, enum, const, strings, numbers), ``kw_arrays``,
``kw_objects``, ``kw_applicators`` and ``evaluated`` (``unevaluated*``); ``module`` writes the
finished module.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from typing import Any

from generator.format.layout import string
from generator.validate import (
    evaluated,
    kw_applicators,
    kw_arrays,
    kw_objects,
    kw_values,
)
from generator.validate.expr import FALSE, TRUE, Expr, atom, not_
from generator.validate.index import SchemaIndex
from generator.validate.regex import translate
from generator.validate.scope import Ctx, Scope
from generator.validate.source import SchemaCompileError, Writer
from generator.validate.vocab import (
    APPLICATORS,
    GROUP_CHECKS,
    GROUP_OF_TYPE,
    LEAF_KEYWORDS,
    Dialect,
    shape_error,
    type_cond,
)

__all__ = ["Emitter"]


#: The most properties an object schema a verdict writes out in place (see `Emitter.inlined`) has.
_INLINED_PROPERTIES = 4
#: Keywords whose subschemas are applied (to the instance or a part of it), and those that hold a map of them.
_APPLIED = (APPLICATORS | {"then", "else"}) - {"$ref", "$dynamicRef"}
_MAPS = frozenset({"properties", "patternProperties", "dependentSchemas", "dependencies"})


def _escape_segment(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")


class Emitter:
    """Turns indexed schema nodes into generated functions (see the module docstring)."""

    def __init__(self, index: SchemaIndex, secret_keyword: str, *, sets: bool, formats: Mapping[str, str]) -> None:
        self.index = index
        self.formats = formats
        self.secret_keyword = secret_keyword
        self.sets = sets
        self.names: dict[tuple[str, int, bool, bool, Scope], str] = {}
        self.queue: deque[tuple[str, int, Ctx]] = deque()
        self.evaluated_names: dict[tuple[str, int, Scope], str] = {}
        self.evaluated_queue: deque[tuple[str, str, int, Ctx]] = deque()
        self.functions: list[str] = []
        self.constants: list[str] = []
        self.const_names: dict[tuple[str, str], str] = {}
        self.helpers: set[str] = set()
        self.imports: set[str] = set()
        self.typing_names: set[str] = set()
        self.sp_ids: dict[int, int] = {}
        self.sp_table: list[tuple[int, str]] = []
        self.fresh = 0
        #: The function being written, and which functions each one calls on its own ``x``.
        self.current = ""
        self.same_value_calls: dict[str, set[str]] = {}
        self.function_nodes: dict[str, int] = {}
        self.views: dict[int, Any] = {}
        self.effective_cache: dict[tuple[int, bool, Scope], tuple[int, bool, Scope]] = {}
        self.request_cache: dict[int, bool] = {}
        self.dynamic_cache: dict[int, bool] = {}

    # -- naming -----------------------------------------------------------------------------

    def reaches(self, nid: int, hit: Callable[[int, Any], bool], cache: dict[int, bool]) -> bool:
        """Is a node for which ``hit(node, view)`` holds reachable from ``nid`` (refs followed)?"""
        known = cache.get(nid)
        if known is not None:
            return known
        seen = {nid}
        todo = [nid]
        found = False
        while todo and not found:
            cur = todo.pop()
            obj = self.obj(cur)
            found = hit(cur, obj)
            nexts = self.ref_targets(cur) + self.applied_children(cur)
            for nxt in nexts:
                if nxt in cache:
                    found = found or cache[nxt]
                elif nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        if found:
            cache[nid] = True
        else:
            for item in seen:
                cache[item] = False
        return found

    def applied_children(self, nid: int) -> list[int]:
        """The subschemas node ``nid`` applies in place or to parts of the instance (not `$defs`)."""
        obj = self.obj(nid)
        if not isinstance(obj, dict):
            return []
        children = self.index.children
        found: list[int] = []
        for key in obj:
            child = children.get((nid, key))
            if child is None or key not in _APPLIED:
                continue
            if key in _MAPS or isinstance(self.index.nodes[child].obj, list):
                holder = self.index.nodes[child].obj
                names = holder if isinstance(holder, dict) else (str(i) for i in range(len(holder)))
                found.extend(children[(child, name)] for name in names if (child, name) in children)
            else:
                found.append(child)
        return found

    def _holds_read_only(self, nid: int, obj: Any) -> bool:
        if not isinstance(obj, dict) or not isinstance(obj.get("properties"), dict):
            return False
        holder = self.child(nid, "properties")
        children = self.index.children
        return any(self.is_read_only(children[(holder, name)]) for name in obj["properties"] if (holder, name) in children)

    def request_relevant(self, nid: int) -> bool:
        """Can request mode change the verdict below node ``nid`` (a readOnly property)?"""
        return self.reaches(nid, self._holds_read_only, self.request_cache)

    def scope_relevant(self, nid: int) -> bool:
        """Can the dynamic scope change the verdict below node ``nid`` (a ``$dynamicRef``)?"""
        return self.reaches(nid, lambda _nid, obj: isinstance(obj, dict) and "$dynamicRef" in obj, self.dynamic_cache)

    def function(self, nid: int, ctx: Ctx) -> str:
        """Name of the generated function for node ``nid`` in mode ``ctx`` (queued if new)."""
        if ctx.request and not self.request_relevant(nid):
            ctx = ctx._replace(request=False)
        if ctx.scope and not self.scope_relevant(nid):
            ctx = ctx._replace(scope=())
        secret = ctx.secret and not ctx.fast
        key = ("f" if ctx.fast else "v", nid, ctx.request, secret, ctx.scope)
        name = self.names.get(key)
        if name is None:
            name = f"_{key[0]}{len(self.names)}"
            self.names[key] = name
            self.function_nodes[name] = nid
            self.queue.append((name, nid, ctx._replace(secret=secret)))
        return name

    def call(self, name: str, var: str) -> str:
        """``name(var)``, noting a call on the calling function's own value (loops are refused
        when the module is assembled)."""
        if var == "x":
            self.same_value_calls.setdefault(self.current, set()).add(name)
        return f"{name}({var})"

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
        """Node ``nid``'s schema as its dialect reads it: keywords not live there left out
        (and the values of those that are checked for shape, once)."""
        view = self.views.get(nid)
        if view is None:
            node = self.index.nodes[nid]
            view = node.obj
            if isinstance(view, dict):
                if not node.dialect.inactive.isdisjoint(view):
                    view = {k: v for k, v in view.items() if k not in node.dialect.inactive}
                problem = shape_error(view, node.dialect)
                if problem is not None:
                    raise SchemaCompileError(f"{problem} (at {self.location(nid)})")
            self.views[nid] = view
        return view

    def location(self, nid: int) -> str:
        """Where node ``nid`` is, for messages: ``document#/json/pointer``."""
        segments = []
        node = self.index.nodes[nid]
        while node.parent >= 0:
            segments.append(_escape_segment(node.segment))
            node = self.index.nodes[node.parent]
        return f"{node.segment}#" + "".join(f"/{segment}" for segment in reversed(segments))

    def dialect(self, nid: int) -> Dialect:
        return self.index.nodes[nid].dialect

    def child(self, nid: int, *path: str) -> int:
        for segment in path:
            found = self.index.children.get((nid, segment))
            if found is None:
                raise SchemaCompileError(f"{segment} must hold a schema (at {self.location(nid)})")
            nid = found
        return nid

    def ref_of(self, nid: int) -> tuple[str, bool] | None:
        """The `$ref` of node ``nid`` (or its ``$dynamicRef``, flagged True)."""
        obj = self.obj(nid)
        if not isinstance(obj, dict):
            return None
        ref = obj.get("$ref")
        if isinstance(ref, str):
            return ref, False
        dyn = obj.get("$dynamicRef")
        if isinstance(dyn, str):
            return dyn, True
        return None

    def is_ref_only(self, nid: int) -> bool:
        if self.ref_of(nid) is None:
            return False
        if self.dialect(nid).ref_alone:
            return True
        obj = self.obj(nid)
        live = (APPLICATORS | LEAF_KEYWORDS) & obj.keys()
        return live <= {"$ref", "$dynamicRef"} and not ("$ref" in obj and "$dynamicRef" in obj)

    def resolve(self, nid: int, scope: Scope = ()) -> int:
        """The target of node ``nid``'s reference; a dynamic one is looked up in ``scope``."""
        ref = self.ref_of(nid)
        assert ref is not None
        target = self.index.resolve(nid, ref[0])
        if ref[1]:
            name = self.index.dynamic_name(target, ref[0])
            if name is not None:
                return dict(scope).get(name, target)
        return target

    def ref_targets(self, nid: int) -> list[int]:
        """Every node node ``nid``'s reference can lead to, whatever the dynamic scope."""
        ref = self.ref_of(nid)
        if ref is None:
            return []
        target = self.index.resolve(nid, ref[0])
        name = self.index.dynamic_name(target, ref[0]) if ref[1] else None
        return [target, *self.index.dynamic.get(name, ())] if name is not None else [target]

    def enter(self, nid: int, scope: Scope) -> Scope:
        """The dynamic scope once evaluation reaches node ``nid``: its resource's anchors join.

        The outermost resource declaring a ``$dynamicAnchor`` name wins, so names already
        bound stay as they are.
        """
        anchors = self.index.dynamic_anchors.get(self.index.nodes[nid].base)
        if not anchors:
            return scope
        bound = dict(scope)
        fresh = {name: target for name, target in anchors.items() if name not in bound}
        return tuple(sorted({**bound, **fresh}.items())) if fresh else scope

    def effective(self, nid: int, ctx: Ctx) -> tuple[int, Ctx]:
        """Follow `$ref`-only nodes; collect the secret flag and the dynamic scope on every hop."""
        key = (nid, ctx.secret, ctx.scope)
        hit = self.effective_cache.get(key)
        if hit is None:
            secret, scope = ctx.secret, ctx.scope
            seen: set[int] = set()
            while True:
                scope = self.enter(nid, scope)
                obj = self.obj(nid)
                if isinstance(obj, dict) and obj.get(self.secret_keyword) is True:
                    secret = True
                if not self.is_ref_only(nid):
                    break
                if nid in seen:
                    raise SchemaCompileError(f"$ref cycle never reaches a schema: {obj.get('$ref', obj.get('$dynamicRef'))!r}")
                seen.add(nid)
                nid = self.resolve(nid, scope)
            hit = self.effective_cache[key] = (nid, secret, scope)
        return hit[0], ctx._replace(secret=hit[1], scope=hit[2])

    def is_read_only(self, nid: int) -> bool:
        seen: set[int] = set()
        while nid not in seen:
            seen.add(nid)
            obj = self.obj(nid)
            if not isinstance(obj, dict):
                return False
            if obj.get("readOnly") is True:
                return True
            if self.ref_of(nid) is None:
                return False
            nid = self.resolve(nid)
        return False

    def is_leaf(self, obj: Any) -> bool:
        return isinstance(obj, dict) and not (APPLICATORS & obj.keys())

    def is_trivial(self, obj: Any) -> bool:
        """Does ``obj`` accept everything (``true``, or no keyword that asserts or applies)?"""
        return obj is True or (isinstance(obj, dict) and not obj.keys() & (APPLICATORS | LEAF_KEYWORDS))

    # -- failures ---------------------------------------------------------------------------

    def message(self, ctx: Ctx, var: str, text: str) -> str:
        """Source of a message; ``{v}`` at the start stands for the (masked) instance value."""
        if text.startswith("{v}"):
            rest = text[3:]
            if ctx.secret:
                return string("'***'" + rest)
            self.helpers.add("_r")
            return f"_r({var}) + {string(rest)}"
        return string(text)

    def fail(
        self, w: Writer, ctx: Ctx, nid: int, kw: str, pexpr: str, msg_src: str
    ) -> None:
        if ctx.fast:
            w.line("return False")
            return
        w.line(f"e.append(_E({pexpr}, {string(kw)}, {self.sp(nid)}, {msg_src}))")

    def check(
        self, w: Writer, ctx: Ctx, cond: Expr, nid: int, kw: str, var: str, pexpr: str, text: str
    ) -> None:
        with w.if_(cond):
            self.fail(w, ctx, nid, kw, pexpr, self.message(ctx, var, text))

    # -- children ---------------------------------------------------------------------------

    def apply(self, w: Writer, nid: int, var: str, pexpr: str, ctx: Ctx) -> None:
        """Validate ``var`` against schema node ``nid``: inline if a leaf (or, in a verdict, a
        small object or array of them), else call."""
        nid, ctx = self.effective(nid, ctx)
        obj = self.obj(nid)
        if self.is_trivial(obj):
            return
        if obj is False or self.is_leaf(obj) or self.inlined(nid, ctx):
            self.body(w, nid, var, pexpr, ctx)
            return
        fast = atom(self.call(self.function(nid, ctx._replace(fast=True)), var), is_bool=True)
        if ctx.fast:
            with w.if_(not_(fast)):
                w.line("return False")
        else:
            full = self.function(nid, ctx)
            self.call(full, var)
            with w.if_(not_(fast)):
                w.line(f"{full}({var}, {pexpr}, e)")

    def inlined(self, nid: int, ctx: Ctx) -> bool:
        """Does a verdict write node ``nid`` out where it applies it (a call costs as much as a few
        checks)? When it is a small object or array whose subschemas are all leaves: what it
        writes is as long as the schema, so a definition used anywhere costs the same."""
        obj = self.obj(nid)
        if not ctx.fast or not isinstance(obj, dict) or not obj.keys() & APPLICATORS <= {"properties", "additionalProperties", "items"}:
            return False
        props = obj.get("properties", {})
        if not isinstance(props, dict) or len(props) > _INLINED_PROPERTIES:
            return False
        leaves = (self.obj(self.effective(child, ctx)[0]) for child in self.applied_children(nid))
        return all(leaf is False or self.is_leaf(leaf) or self.is_trivial(leaf) for leaf in leaves)

    def test_expr(self, nid: int, var: str, ctx: Ctx) -> Expr:
        """Does ``var`` satisfy node ``nid``?"""
        nid, ctx = self.effective(nid, ctx._replace(secret=False))
        obj = self.obj(nid)
        if self.is_trivial(obj):
            return TRUE
        if obj is False:
            return FALSE
        return atom(self.call(self.function(nid, ctx._replace(fast=True, secret=False)), var), is_bool=True)

    # -- bodies -----------------------------------------------------------------------------

    def emit_function(self, name: str, nid: int, ctx: Ctx) -> None:
        self.fresh = 0
        self.current = name
        w = Writer()
        if ctx.fast:
            header = f"def {name}(x: Any) -> bool:"
        else:
            header = f"def {name}(x: Any, p: {_PATH}, e: {_ERRORS}) -> None:"
        with w.block(header):
            self.body(w, nid, "x", "p", ctx)
            if ctx.fast:
                tail = w.lines[-2:]
                cond = tail[0][2] if len(w.lines) >= 3 and tail[0][0] == 1 else None
                if cond is not None and tail[1][:2] == (2, "return False"):
                    # ``return x >= 5`` would be Any to a type checker (and differs from
                    # ``if x < 5`` for NaN): ``not x < 5`` is bool and costs the same as the if.
                    returned = cond.negated()
                    del w.lines[-2:]
                    w.line(f"return {returned if returned.is_bool else not_(cond.unwrapped())}")
                else:
                    w.line("return True")
        self.functions.append(w.render())

    def body(self, w: Writer, nid: int, var: str, pexpr: str, ctx: Ctx) -> None:
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
        groups = {
            "str": kw_values.group_str,
            "num": kw_values.group_num,
            "obj": kw_objects.group_obj,
            "arr": kw_arrays.group_arr,
        }
        sub: dict[str, Writer] = {}
        for group, method in groups.items():
            if types is not None and not any(GROUP_OF_TYPE.get(t) == group for t in types):
                continue
            gw = Writer()
            method(self, gw, nid, obj, var, pexpr, ctx)
            if gw.lines:
                sub[group] = gw
        if types is not None:
            cond = type_cond(types, var, float_integers=self.dialect(nid).float_integers)
            names = ", ".join(repr(t) for t in types)
            only = GROUP_OF_TYPE.get(types[0]) if len(types) == 1 else None
            if ctx.fast:
                self.check(w, ctx, cond.negated(), nid, "type", var, pexpr, "")
                if only in sub:
                    w.splice(sub.pop(only))
            else:
                msg = self.message(ctx, var, "{v} is not of type " + names)
                with w.if_(cond.negated()):
                    self.fail(w, ctx, nid, "type", pexpr, msg)
                if only in sub:
                    with w.block("else:"):
                        w.splice(sub.pop(only))
        for group, gw in sub.items():
            with w.if_(GROUP_CHECKS[group](var), collapse=True):
                w.splice(gw)
        if "enum" in obj:
            kw_values.enum(self, w, nid, obj, var, pexpr, ctx)
        if "const" in obj:
            kw_values.const(self, w, nid, obj, var, pexpr, ctx)
        kw_applicators.applicators_any(self, w, nid, obj, var, pexpr, ctx)

    def regex(self, pattern: str) -> str:
        self.imports.add("import re")
        return self.constant("R", f"re.compile({string(translate(pattern))}).search")
    # -- module -----------------------------------------------------------------------------

    def drain(self) -> None:
        while self.queue or self.evaluated_queue:
            while self.queue:
                name, nid, ctx = self.queue.popleft()
                self.emit_function(name, nid, ctx)
            while self.evaluated_queue:
                name, kind, nid, ctx = self.evaluated_queue.popleft()
                evaluated.emit(self, name, kind, nid, ctx)


#: Annotations of the generated functions' instance path and error list.
_PATH = "tuple[str | int, ...]"
_ERRORS = "list[ValidationError]"
