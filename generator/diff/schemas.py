"""Schema comparison for `specgen diff`: every schema pair the operations reach, compared once.

A schema reached from several places (a request body, a response, a property of another
schema) is one pair, knowing every direction it travels in (request, response or both), so each
change yields one finding with the direction-aware rule oad would pick. `allOf` parents are
merged (the spec view's `properties`) before properties are compared.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.diff.side import Side
from generator.diff.side import key_or as _key_or
from generator.errors import unescape_pointer_token
from generator.spec import Node

# Numeric bounds: keyword -> True for an upper bound (a smaller value constrains more).
_BOUNDS = {
    "maxLength": True, "minLength": False, "maximum": True, "minimum": False,
    "maxItems": True, "minItems": False, "maxProperties": True, "minProperties": False,
}
_EXACT = ("pattern", "multipleOf", "exclusiveMaximum", "exclusiveMinimum", "uniqueItems")
_INT_WIDENING = ("int32", "int64")
_IN_DEFINITION = re.compile(r"^/definitions/([^/]+)")

Emit = Callable[..., None]  # Findings.emit


@dataclass
class _Pair:
    old: Node
    new: Node
    subject: str
    group: str
    directions: set[str] = field(default_factory=set)


class SchemaComparer:
    """The schema pairs found so far, the directions they travel in, and their comparison."""

    def __init__(self, old: Side, new: Side, emit: Emit) -> None:
        self.old = old
        self.new = new
        self.emit = emit
        self.pairs: dict[tuple[Any, ...], _Pair] = {}
        self._queue: list[tuple[Any, ...]] = []

    def compare_all(self) -> None:
        """Pass directions down to the schemas below each pair, then compare every pair."""
        self.propagate()
        for key in sorted(self.pairs):
            self.compare_schema_pair(self.pairs[key])

    def schema_use(self, o_site: Node, n_site: Node, direction: str, group: str, subject: str) -> None:
        """A schema used by an operation (a body or a response): redirected `$ref`, then the pair."""
        o_name, n_name = self.old.ref_name(o_site), self.new.ref_name(n_site)
        if o_name and n_name and o_name != n_name:
            self.emit("1017", group, o_site.at("$ref"), n_site.at("$ref"), o_name, n_name, subject=subject)
        self.add_pair(self.old.resolve(o_site), self.new.resolve(n_site), {direction}, group, n_name or subject)

    def add_pair(self, o: Node, n: Node, directions: set[str], group: str, subject: str) -> None:
        key = (str(o.doc.path), o.pointer, str(n.doc.path), n.pointer)
        pair = self.pairs.get(key)
        if pair is None:
            name = _enclosing_definition(n.pointer) or _enclosing_definition(o.pointer)
            if name and n.pointer.count("/") == 2:
                subject = name  # the definition itself
            pair = self.pairs[key] = _Pair(o, n, subject, f"model {name}" if name else group)
        if not directions <= pair.directions:
            pair.directions |= directions
            self._queue.append(key)

    def propagate(self) -> None:
        """Pass each pair's directions on to the schemas below it, until nothing changes."""
        while self._queue:
            pair = self.pairs[self._queue.pop()]
            o, n = pair.old, pair.new
            if not (isinstance(o.value, dict) and isinstance(n.value, dict)):
                continue
            oprops, _ = self.merged(self.old, o)
            nprops, _ = self.merged(self.new, n)
            for wire in sorted(set(oprops) & set(nprops)):
                self.add_pair(self.old.resolve(oprops[wire]), self.new.resolve(nprops[wire]), pair.directions, pair.group, f"{pair.subject}.{wire}")
            for key, suffix in (("items", "[]"), ("additionalProperties", "{}")):
                if isinstance(o.value.get(key), dict) and isinstance(n.value.get(key), dict):
                    self.add_pair(self.old.resolve(o.child(key)), self.new.resolve(n.child(key)), pair.directions, pair.group, pair.subject + suffix)

    def merged(self, side: Side, node: Node) -> tuple[dict[str, Node], set[str]]:
        """Properties (wire name -> property site) and required names, `allOf` parents merged."""
        merged = side.view.properties(node)
        props = {wire: prop.site for wire, prop in merged.by_name.items() if isinstance(prop.site.value, dict)}
        return props, set(merged.required)

    def compare_schema_pair(self, pair: _Pair) -> None:
        o, n = pair.old, pair.new
        if not (isinstance(o.value, dict) and isinstance(n.value, dict)):
            return
        dirs, group, subject = pair.directions, pair.group, pair.subject
        self.compare_value_schema(o, n, dirs, group, subject)
        ov, nv = o.value, n.value
        # allOf parents (by definition name).
        o_all, n_all = self.all_of_names(self.old, o), self.all_of_names(self.new, n)
        if o_all != n_all:
            self.emit("1032", group, _key_or(o, "allOf"), _key_or(n, "allOf"), ", ".join(o_all) or "none", ", ".join(n_all) or "none", subject=subject)
        od, nd = ov.get("discriminator"), nv.get("discriminator")
        if od != nd:
            self.emit("1030", group, _key_or(o, "discriminator"), _key_or(n, "discriminator"), od, nd, subject=subject)
        oa, na = _has_additional(ov), _has_additional(nv)
        if not oa and na:
            self.emit("1021", group, o, n.at("additionalProperties"), subject=subject)
        elif oa and not na:
            self.emit("1022", group, o.at("additionalProperties"), n, subject=subject)
        # Properties.
        oprops, oreq = self.merged(self.old, o)
        nprops, nreq = self.merged(self.new, n)
        for wire in sorted(oprops):
            prop_subject = f"{subject}.{wire}"
            if wire not in nprops:
                self.emit("1033", group, oprops[wire], _key_or(n, "properties"), wire, subject=subject)
                continue
            op_, np_ = oprops[wire], nprops[wire]
            o_req, n_req = wire in oreq, wire in nreq
            if o_req != n_req:
                # Required -> optional breaks readers of a response; optional -> required breaks
                # writers of a request. The harmless direction is "benign" (info across versions).
                breaks = ("response" in dirs) if o_req else ("request" in dirs)
                self.emit("1025", group, _required_site(o, self.old, wire), _required_site(n, self.new, wire), o_req, n_req, subject=prop_subject, variant="" if breaks else "benign")
            o_ro, n_ro = _read_only(self.old, op_), _read_only(self.new, np_)
            if o_ro != n_ro:
                self.emit("1029", group, _key_or(op_, "readOnly"), _key_or(np_, "readOnly"), o_ro, n_ro, subject=prop_subject)
            o_name, n_name = self.old.ref_name(op_), self.new.ref_name(np_)
            if o_name and n_name and o_name != n_name:
                self.emit("1017", group, op_.at("$ref"), np_.at("$ref"), o_name, n_name, subject=prop_subject)
        for wire in sorted(set(nprops) - set(oprops)):
            np_ = nprops[wire]
            where = _key_or(o, "properties")
            if wire in nreq:
                self.emit("1034", group, where, np_, wire, subject=subject)
            elif _read_only(self.new, np_) and "response" in dirs:
                self.emit("1040", group, where, np_, wire, subject=subject)
            elif "request" in dirs:
                self.emit("1045", group, where, np_, wire, subject=subject)
            else:
                self.emit("1041", group, where, np_, wire, subject=subject)

    def all_of_names(self, side: Side, node: Node) -> list[str]:
        parts = node.value.get("allOf")
        if not isinstance(parts, list):
            return []
        out = []
        for i in range(len(parts)):
            out.append(side.ref_name(node.child("allOf", i)) or "<inline schema>")
        return sorted(out)

    def compare_value_schema(self, o: Node, n: Node, dirs: set[str], group: str, subject: str) -> None:
        """What a schema (or a non-body parameter, or a header) says about one value: type,
        format, default, collectionFormat, constraints, enum, x-ms-enum; then array items."""
        ov, nv = o.value, n.value
        ot, nt = _type(ov), _type(nv)
        if ot != nt:
            self.emit("1026", group, _key_or(o, "type"), _key_or(n, "type"), nt or "none", ot or "none", subject=subject)
        of, nf = ov.get("format"), nv.get("format")
        if of != nf:
            benign = nt == "integer" and of in _INT_WIDENING and nf in _INT_WIDENING and (
                (dirs == {"request"} and (of, nf) == ("int32", "int64")) or (dirs == {"response"} and (of, nf) == ("int64", "int32"))
            )
            self.emit("1023", group, _key_or(o, "format"), _key_or(n, "format"), nf or "none", of or "none", subject=subject, variant="benign" if benign else "")
        if ("default" in ov or "default" in nv) and not _same(ov.get("default"), nv.get("default")):
            self.emit("1027", group, _key_or(o, "default"), _key_or(n, "default"), ov.get("default"), nv.get("default"), subject=subject)
        if nt == "array" and "in" in nv and ov.get("collectionFormat", "csv") != nv.get("collectionFormat", "csv"):
            self.emit("1028", group, _key_or(o, "collectionFormat"), _key_or(n, "collectionFormat"), ov.get("collectionFormat", "csv"), nv.get("collectionFormat", "csv"), subject=subject)
        self.compare_constraints(o, n, dirs, group, subject)
        self.compare_enum(o, n, group, subject)
        if "in" in nv and isinstance(ov.get("items"), dict) and isinstance(nv.get("items"), dict):
            # Items of a non-body parameter or header (schemas' items are pairs of their own).
            self.compare_value_schema(self.old.resolve(o.child("items")), self.new.resolve(n.child("items")), dirs, group, subject + "[]")

    def compare_constraints(self, o: Node, n: Node, dirs: set[str], group: str, subject: str) -> None:
        ov, nv = o.value, n.value
        direction = "request" if dirs == {"request"} else "response" if dirs == {"response"} else "both"
        for key, upper in _BOUNDS.items():
            a, b = ov.get(key), nv.get(key)
            if a == b:
                continue
            if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b) if x is not None):
                self.emit("1036", group, _key_or(o, key), _key_or(n, key), key, a, b, subject=subject)
                continue
            if a is None:
                narrows = True
            elif b is None:
                narrows = False
            else:
                narrows = (b < a) if upper else (b > a)
            self.constraint_finding(narrows, direction, group, o, n, key, a, b, subject)
        # An enum where there was none constrains; losing it relaxes (value changes: compare_enum).
        oe, ne = isinstance(ov.get("enum"), list), isinstance(nv.get("enum"), list)
        if oe != ne:
            self.constraint_finding(ne, direction, group, o, n, "enum", ov.get("enum"), nv.get("enum"), subject)
        for key in _EXACT:
            a, b = ov.get(key), nv.get(key)
            if key == "uniqueItems" or key.startswith("exclusive"):
                a, b = bool(a), bool(b)
            if a != b:
                self.emit("1036", group, _key_or(o, key), _key_or(n, key), key, a, b, subject=subject)

    def constraint_finding(self, narrows: bool, direction: str, group: str, o: Node, n: Node, key: str, a: Any, b: Any, subject: str) -> None:
        # Stronger breaks what callers send (requests), weaker breaks what they expect (responses).
        if narrows:
            variant = "benign" if direction == "response" else ""
            self.emit("1024", group, _key_or(o, key), _key_or(n, key), key, a, b, subject=subject, variant=variant)
        else:
            variant = "benign" if direction == "request" else ""
            self.emit("1037", group, _key_or(o, key), _key_or(n, key), key, a, b, subject=subject, variant=variant)

    def compare_enum(self, o: Node, n: Node, group: str, subject: str) -> None:
        ov, nv = o.value, n.value
        oe, ne = ov.get("enum"), nv.get("enum")
        if isinstance(oe, list) and isinstance(ne, list):
            okeys = [_canon(v) for v in oe]
            nkeys = [_canon(v) for v in ne]
            removed = [v for v, k in zip(oe, okeys) if k not in nkeys]
            added = [v for v, k in zip(ne, nkeys) if k not in okeys]
            if removed:
                self.emit("1019", group, o.at("enum"), n.at("enum"), ", ".join(map(str, removed)), subject=subject)
            if added:
                xms = nv.get("x-ms-enum") if isinstance(nv.get("x-ms-enum"), dict) else {}
                variant = "extensible" if xms.get("modelAsString") else ""
                self.emit("1020", group, o.at("enum"), n.at("enum"), ", ".join(map(str, added)), subject=subject, variant=variant)
        ox, nx = ov.get("x-ms-enum"), nv.get("x-ms-enum")
        if not isinstance(ox, dict) and isinstance(nx, dict):
            self.emit("1048", group, o, n.at("x-ms-enum"), subject=subject)
        elif isinstance(ox, dict) and not isinstance(nx, dict):
            self.emit("1049", group, o.at("x-ms-enum"), n, subject=subject)
        elif isinstance(ox, dict) and isinstance(nx, dict):
            for key, default in (("name", None), ("modelAsString", False)):
                a, b = ox.get(key, default), nx.get(key, default)
                if a != b:
                    self.emit("1047", group, _key_or(o.child("x-ms-enum"), key), _key_or(n.child("x-ms-enum"), key), key, a, b, subject=subject)


# -- helpers ------------------------------------------------------------------------------------


def _type(schema: dict[str, Any]) -> str | None:
    t = schema.get("type")
    if isinstance(t, str):
        return t
    if "properties" in schema or "allOf" in schema or "additionalProperties" in schema:
        return "object"  # an object schema that does not say so
    return None


def _has_additional(schema: dict[str, Any]) -> bool:
    extra = schema.get("additionalProperties")
    return isinstance(extra, dict) or extra is True


def _read_only(side: Side, site: Node) -> bool:
    """readOnly as Swagger means it: on the property (beside a `$ref`), else on what it names."""
    if "readOnly" in site.value:
        return bool(site.value["readOnly"])
    target = side.resolve(site)
    return isinstance(target.value, dict) and bool(target.value.get("readOnly"))


def _required_site(schema: Node, side: Side, wire: str) -> Node:
    """Where `wire` is (or would be) listed as required: the `required` entry, else the list."""
    entry = side.view.properties(schema).required.get(wire)
    return Node(None, entry) if entry is not None else _key_or(schema, "required")


def _enclosing_definition(pointer: str) -> str | None:
    """The definition a pointer is in (or is)."""
    m = _IN_DEFINITION.match(pointer)
    return unescape_pointer_token(m.group(1)) if m else None


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _same(a: Any, b: Any) -> bool:
    return _canon(a) == _canon(b)

