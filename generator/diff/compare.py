"""The wire side of `specgen diff`: compare two loaded specs the way openapi-diff (oad) does.

Works on the raw documents (after `$ref` resolution, with `allOf` parents merged), starting from
the operations: only what an operation reaches is compared. Paths are matched with their
placeholder names erased (renaming `{vmName}` is not a change), operations by path and method,
parameters by name, responses by status code, properties by wire name. A schema reached from
several places is compared once, knowing every direction it travels in (request, response or
both), so each change yields one finding with the direction-aware rule oad would pick.

Every finding carries the old and the new location (`file:line:col` and JSON Pointer) of the
changed thing; when it exists on one side only, the other side points at the nearest enclosing
thing that does (the `properties` object a property was removed from, the operation a
parameter was added to).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diff.rules import RULES, Scenario, severity
from generator.diff.types import Finding, Location
from generator.errors import join_pointer, unescape_pointer_token
from generator.load.loader import Document, Loader

HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_DEFINITION = re.compile(r"^/definitions/([^/]+)")
# Numeric bounds: keyword -> True for an upper bound (a smaller value constrains more).
_BOUNDS = {
    "maxLength": True, "minLength": False, "maximum": True, "minimum": False,
    "maxItems": True, "minItems": False, "maxProperties": True, "minProperties": False,
}
_EXACT = ("pattern", "multipleOf", "exclusiveMaximum", "exclusiveMinimum", "uniqueItems")
_INT_WIDENING = ("int32", "int64")


@dataclass(frozen=True)
class Node:
    """A value in a document and where it is."""

    value: Any
    doc: Document
    pointer: str

    def child(self, *tokens: str | int) -> Node:
        value = self.value
        for t in tokens:
            value = value[t] if isinstance(value, dict) else value[int(t)]
        return Node(value, self.doc, join_pointer(self.pointer, *tokens))

    def at(self, *tokens: str | int) -> Node:
        """A Node naming a (possibly missing) place below this one, for locations only."""
        return Node(None, self.doc, join_pointer(self.pointer, *tokens))


class Side:
    """One spec: its loader, root document and helpers to resolve and locate."""

    def __init__(self, spec: Path, root: Path) -> None:
        self.loader = Loader(root)
        self.root = self.loader.document(spec)
        self._resolved: dict[tuple[Path, str], Node] = {}

    def resolve(self, node: Node) -> Node:
        if isinstance(node.value, dict) and "$ref" in node.value:
            key = (node.doc.path, node.pointer)
            hit = self._resolved.get(key)
            if hit is None:
                t = self.loader.resolve(node.value["$ref"], node.doc, join_pointer(node.pointer, "$ref"))
                hit = self._resolved[key] = Node(t.value, t.doc, t.pointer)
            return hit
        return node

    def ref_name(self, node: Node) -> str | None:
        """The definition name a `$ref` node lands on, else None."""
        if not (isinstance(node.value, dict) and "$ref" in node.value):
            return None
        target = self.resolve(node)
        m = _DEFINITION.match(target.pointer)
        return unescape_pointer_token(m.group(1)) if m and target.pointer.count("/") == 2 else None

    @property
    def version(self) -> str:
        info = self.root.data.get("info") if isinstance(self.root.data, dict) else None
        v = info.get("version") if isinstance(info, dict) else None
        return v if isinstance(v, str) else ""


def locate(node: Node) -> Location:
    line_col = node.doc.positions.key(node.pointer)
    line, col = line_col if line_col else (None, None)
    return Location(node.doc.display, node.pointer, line, col)


@dataclass
class _Op:
    path: str
    method: str
    node: Node  # the operation object
    item: Node  # the path item

    @property
    def op_id(self) -> str:
        v = self.node.value.get("operationId")
        return v if isinstance(v, str) else f"{self.method.upper()} {self.path}"


@dataclass
class _Param:
    name: str
    where: str
    site: Node  # the entry in the operation's (or path item's) parameter list
    node: Node  # the resolved parameter object
    global_: bool  # defined in a `parameters` section (AutoRest: client location by default)

    @property
    def required(self) -> bool:
        return bool(self.node.value.get("required")) or self.where == "path"

    @property
    def location(self) -> str:
        explicit = self.node.value.get("x-ms-parameter-location")
        if isinstance(explicit, str):
            return explicit
        return "client" if self.global_ else "method"

    @property
    def constant(self) -> bool:
        enum = self.node.value.get("enum")
        return self.required and isinstance(enum, list) and len(enum) == 1


@dataclass
class _Pair:
    old: Node
    new: Node
    subject: str
    group: str
    directions: set[str] = field(default_factory=set)


class Comparer:
    def __init__(self, old: Side, new: Side, scenario: Scenario) -> None:
        self.old = old
        self.new = new
        self.scenario = scenario
        self.findings: dict[tuple[Any, ...], Finding] = {}
        self._removed_client: set[str] = set()
        self.pairs: dict[tuple[Any, ...], _Pair] = {}
        self._queue: list[tuple[Any, ...]] = []

    # -- output -------------------------------------------------------------------------------

    def emit(self, rule_id: str, group: str, old: Node | None, new: Node | None, *args: Any, subject: str = "", variant: str = "") -> None:
        rule = RULES[rule_id]
        text = rule.message.format(*(_show(a) for a in args))
        message = f"{subject}: {text}" if subject else text
        o = locate(old) if old is not None else None
        n = locate(new) if new is not None else None
        key = (rule_id, variant, message, o and (o.file, o.pointer), n and (n.file, n.pointer))
        if key not in self.findings:
            self.findings[key] = Finding(rule_id, rule.code, severity(rule_id, self.scenario, variant), message, group, o, n, variant)

    # -- top level ----------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        o_root = Node(self.old.root.data, self.old.root, "")
        n_root = Node(self.new.root.data, self.new.root, "")
        self.compare_version(o_root, n_root)
        self.compare_root_lists(o_root, n_root)
        old_ops, new_ops = _operations(o_root), _operations(n_root)
        self.compare_client_parameters(old_ops, new_ops)
        self.compare_paths(o_root, n_root, old_ops, new_ops)
        self.propagate()
        for key in sorted(self.pairs, key=_pair_order):
            self.compare_schema_pair(self.pairs[key])
        self.compare_definitions(old_ops, new_ops)
        if self.findings and self.old.version and self.old.version == self.new.version:
            # oad's note that the version did not change: context for changes made in place
            # (a spec diffed with itself stays empty).
            self.emit("1001", "spec", o_root.at("info", "version"), n_root.at("info", "version"))
        return sorted(self.findings.values(), key=lambda f: f.sort_key())

    def compare_version(self, o: Node, n: Node) -> None:
        ov, nv = self.old.version, self.new.version
        if not ov or not nv:
            return
        if nv < ov:
            self.emit("1000", "spec", o.at("info", "version"), n.at("info", "version"), ov, nv)

    def compare_root_lists(self, o: Node, n: Node) -> None:
        for key, rule, removed in (("schemes", "1002", True), ("consumes", "1003", True), ("produces", "1004", False)):
            ol, nl = _strings(o.value.get(key)), _strings(n.value.get(key))
            changed = [x for x in ol if x not in nl] if removed else [x for x in nl if x not in ol]
            for value in changed:
                self.emit(rule, "spec", o.at(key), n.at(key), value)

    # -- paths and operations -----------------------------------------------------------------

    def compare_paths(self, o_root: Node, n_root: Node, old_ops: dict[str, dict[str, _Op]], new_ops: dict[str, dict[str, _Op]]) -> None:
        for norm in sorted(old_ops):
            olds = old_ops[norm]
            first = next(iter(olds.values()))
            if norm not in new_ops:
                self.emit("1005", f"path {first.path}", first.item, n_root.at("paths"), first.path)
                continue
            news = new_ops[norm]
            new_item = next(iter(news.values())).item
            for method in sorted(olds):
                op = olds[method]
                if method not in news:
                    self.emit("1035", f"operation {op.op_id}", op.node, new_item, op.op_id)
                else:
                    self.compare_operation(op, news[method])
            for method in sorted(set(news) - set(olds)):
                op = news[method]
                self.emit("1039", f"operation {op.op_id}", first.item, op.node, f"{method.upper()} {op.path}")
        for norm in sorted(set(new_ops) - set(old_ops)):
            first = next(iter(new_ops[norm].values()))
            self.emit("1038", f"path {first.path}", o_root.at("paths"), first.item, first.path)

    def compare_operation(self, o: _Op, n: _Op) -> None:
        group = f"operation {n.op_id}"
        if o.op_id != n.op_id:
            self.emit("1008", group, o.node.at("operationId"), n.node.at("operationId"), o.op_id, n.op_id)
        o_lro = bool(o.node.value.get("x-ms-long-running-operation"))
        n_lro = bool(n.node.value.get("x-ms-long-running-operation"))
        if o_lro != n_lro:
            self.emit("1044", group, _key_or(o.node, "x-ms-long-running-operation"), _key_or(n.node, "x-ms-long-running-operation"), o_lro, n_lro)
        for key, rule, removed in (("consumes", "1003", True), ("produces", "1004", False)):
            if key not in o.node.value and key not in n.node.value:
                continue  # both inherit the document's list, compared once at the top
            ol = _strings(o.node.value.get(key, self.old.root.data.get(key)))
            nl = _strings(n.node.value.get(key, self.new.root.data.get(key)))
            changed = [x for x in ol if x not in nl] if removed else [x for x in nl if x not in ol]
            for value in changed:
                self.emit(rule, group, _key_or(o.node, key), _key_or(n.node, key), value)
        self.compare_parameters(o, n, group)
        self.compare_responses(o, n, group)

    def compare_parameters(self, o: _Op, n: _Op, group: str) -> None:
        old_params = {p.name: p for p in _parameters(self.old, o)}
        new_params = {p.name: p for p in _parameters(self.new, n)}
        for name, op in old_params.items():
            np_ = new_params.get(name)
            subject = f"parameter `{name}`"
            if np_ is None:
                if op.location == "client" and name in self._removed_client:
                    continue  # reported once, as 1007
                self.emit("1009" if op.required else "1046", group, op.site, _key_or(n.node, "parameters"), name)
                continue
            self.compare_parameter(op, np_, group, subject)
        for name, np_ in new_params.items():
            if name not in old_params:
                self.emit("1010" if np_.required else "1043", group, _key_or(o.node, "parameters"), np_.site, name)
        # Order of the (non-path) parameters both versions have.
        old_order = [p for p in old_params if p in new_params and old_params[p].where != "path"]
        new_order = [p for p in new_params if p in old_params and new_params[p].where != "path"]
        for i, name in enumerate(new_order):
            j = old_order.index(name)
            if i != j:
                self.emit("1042", group, old_params[name].site, new_params[name].site, name, j, i)

    def compare_parameter(self, o: _Param, n: _Param, group: str, subject: str) -> None:
        if o.where != n.where:
            self.emit("1015", group, o.node.at("in"), n.node.at("in"), o.where, n.where, subject=subject)
        if o.constant != n.constant:
            self.emit("1016", group, _key_or(o.node, "enum"), _key_or(n.node, "enum"), f"{o.constant} -> {n.constant}", subject=subject)
        if o.location != n.location:
            self.emit("1050", group, _key_or(o.node, "x-ms-parameter-location"), _key_or(n.node, "x-ms-parameter-location"), o.name, o.location, n.location)
        if o.required != n.required:
            # A request input: optional -> required breaks callers, required -> optional does not.
            self.emit("1025", group, _key_or(o.node, "required"), _key_or(n.node, "required"), o.required, n.required, subject=subject, variant="" if n.required else "benign")
        if o.where == "body" or n.where == "body":
            os_, ns_ = o.node.value.get("schema"), n.node.value.get("schema")
            if isinstance(os_, dict) and isinstance(ns_, dict):
                self.schema_use(o.node.child("schema"), n.node.child("schema"), "request", group, subject)
            return
        self.compare_value_schema(o.node, n.node, {"request"}, group, subject)

    def compare_responses(self, o: _Op, n: _Op, group: str) -> None:
        o_resp: dict[str, Any] = _dict(o.node.value.get("responses"))
        n_resp: dict[str, Any] = _dict(n.node.value.get("responses"))
        for status in sorted(n_resp):
            if status not in o_resp:
                self.emit("1011", group, _key_or(o.node, "responses"), n.node.at("responses", status), status)
        for status in sorted(o_resp):
            if status not in n_resp:
                self.emit("1012", group, o.node.at("responses", status), _key_or(n.node, "responses"), status)
                continue
            orr = self.old.resolve(o.node.child("responses", status))
            nrr = self.new.resolve(n.node.child("responses", status))
            if not (isinstance(orr.value, dict) and isinstance(nrr.value, dict)):
                continue
            subject = f"response `{status}`"
            oh: dict[str, Any] = _dict(orr.value.get("headers"))
            nh: dict[str, Any] = _dict(nrr.value.get("headers"))
            for h in sorted(nh):
                if h not in oh:
                    self.emit("1013", group, _key_or(orr, "headers"), nrr.at("headers", h), h, subject=subject)
            for h in sorted(oh):
                if h not in nh:
                    self.emit("1014", group, orr.at("headers", h), _key_or(nrr, "headers"), h, subject=subject)
                else:
                    self.compare_value_schema(orr.child("headers", h), nrr.child("headers", h), {"response"}, group, f"{subject} header `{h}`")
            if isinstance(orr.value.get("schema"), dict) and isinstance(nrr.value.get("schema"), dict):
                self.schema_use(orr.child("schema"), nrr.child("schema"), "response", group, subject)

    def compare_client_parameters(self, old_ops: dict[str, dict[str, _Op]], new_ops: dict[str, dict[str, _Op]]) -> None:
        """1007: a client parameter (a setting of the client, not of one call) that no operation
        of the new version has any more. Reported once, instead of once per operation."""
        old_client: dict[str, _Param] = {}
        for ops in _sorted_ops(old_ops):
            for p in _parameters(self.old, ops):
                if p.location == "client":
                    old_client.setdefault(p.name, p)
        new_names = {p.name for ops in _sorted_ops(new_ops) for p in _parameters(self.new, ops)}
        self._removed_client = {name for name in old_client if name not in new_names}
        n_root = Node(self.new.root.data, self.new.root, "")
        for name in sorted(self._removed_client):
            self.emit("1007", "spec", old_client[name].node, n_root.at("paths"), name)

    def compare_definitions(self, old_ops: dict[str, dict[str, _Op]], new_ops: dict[str, dict[str, _Op]]) -> None:
        """1006: a definition the old operations reach that the new version neither reaches nor
        defines (oad: a referenced definition missing from the new document)."""
        old_defs = _reached_definitions(self.old, old_ops)
        new_names = set(_reached_definitions(self.new, new_ops))
        defined = self.new.root.data.get("definitions")
        new_names |= set(defined) if isinstance(defined, dict) else set()
        n_root = Node(self.new.root.data, self.new.root, "")
        for name in sorted(old_defs):
            if name not in new_names:
                self.emit("1006", f"model {name}", old_defs[name], n_root.at("definitions"), name)

    # -- schemas ------------------------------------------------------------------------------

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
            name = _definition_name(n.pointer) or _definition_name(o.pointer)  # the enclosing definition
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
        props: dict[str, Node] = {}
        required: set[str] = set()
        for part in _all_of_chain(side, node):
            for wire, prop in (part.value.get("properties") or {}).items():
                if isinstance(prop, dict):
                    props[wire] = part.child("properties", wire)
            req = part.value.get("required")
            if isinstance(req, list):
                required.update(r for r in req if isinstance(r, str))
        return props, required

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


def compare(old: Side, new: Side, scenario: Scenario) -> list[Finding]:
    """Every finding between two loaded specs, in a stable order."""
    return Comparer(old, new, scenario).run()


def _operations(root: Node) -> dict[str, dict[str, _Op]]:
    """normalised path -> method -> operation."""
    out: dict[str, dict[str, _Op]] = {}
    paths = root.value.get("paths") if isinstance(root.value, dict) else None
    if not isinstance(paths, dict):
        return out
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        norm = _PLACEHOLDER.sub("{}", path)
        item_node = root.child("paths", path)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                out.setdefault(norm, {})[method] = _Op(path, method, item_node.child(method), item_node)
    return out


def _sorted_ops(ops: dict[str, dict[str, _Op]]) -> Iterable[_Op]:
    for norm in sorted(ops):
        for method in sorted(ops[norm]):
            yield ops[norm][method]


def _parameters(side: Side, op: _Op) -> list[_Param]:
    """Path-level then operation-level parameters (an operation's own overrides by name and
    place), resolved, in declaration order."""
    found: dict[tuple[str, str], _Param] = {}
    for owner in (op.item, op.node):
        params = owner.value.get("parameters")
        if not isinstance(params, list):
            continue
        for i in range(len(params)):
            site = owner.child("parameters", i)
            node = side.resolve(site)
            if not isinstance(node.value, dict) or not isinstance(node.value.get("name"), str):
                continue
            where = node.value.get("in")
            is_global = node.pointer.startswith("/parameters/")
            found[(str(where), node.value["name"])] = _Param(node.value["name"], str(where), site, node, is_global)
    return list(found.values())


def _all_of_chain(side: Side, node: Node) -> list[Node]:
    """The schema's allOf parents (depth first, each once) followed by the schema itself."""
    out: list[Node] = []
    seen: set[tuple[str, str]] = set()
    stack: list[tuple[Node, bool]] = [(node, False)]
    while stack:
        current, expanded = stack.pop()
        if expanded:
            out.append(current)
            continue
        key = (str(current.doc.path), current.pointer)
        if key in seen or not isinstance(current.value, dict):
            continue
        seen.add(key)
        stack.append((current, True))
        parents = current.value.get("allOf")
        if isinstance(parents, list):
            for i in reversed(range(len(parents))):
                stack.append((side.resolve(current.child("allOf", i)), False))
    return out


def _reached_definitions(side: Side, ops: dict[str, dict[str, _Op]]) -> dict[str, Node]:
    """Definition name -> its node, for every definition the operations reach."""
    out: dict[str, Node] = {}
    todo: list[Node] = [op.node for op in _sorted_ops(ops)] + [op.item for op in _sorted_ops(ops)]
    seen: set[tuple[str, str]] = set()
    while todo:
        node = todo.pop()
        key = (str(node.doc.path), node.pointer)
        if key in seen:
            continue
        seen.add(key)
        value = node.value
        if isinstance(value, dict):
            if "$ref" in value:
                target = side.resolve(node)
                name = _definition_name(target.pointer)
                if name and target.pointer.count("/") == 2:
                    out.setdefault(name, target)
                todo.append(target)
            for k, v in value.items():
                if k in ("x-ms-examples", "example", "examples", "$ref") or not isinstance(v, (dict, list)):
                    continue
                todo.append(node.child(k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, (dict, list)):
                    todo.append(node.child(i))
    return out


def _definition_name(pointer: str) -> str | None:
    m = _DEFINITION.match(pointer)
    return unescape_pointer_token(m.group(1)) if m else None


def _pair_order(key: tuple[Any, ...]) -> tuple[Any, ...]:
    return key


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
    for part in reversed(_all_of_chain(side, schema)):
        req = part.value.get("required")
        if isinstance(req, list) and wire in req:
            return part.at("required", req.index(wire))
    return _key_or(schema, "required")


def _key_or(node: Node, key: str) -> Node:
    """The member `key` of an object node if it exists, else the node itself."""
    if isinstance(node.value, dict) and key in node.value:
        return node.at(key)
    return node


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _same(a: Any, b: Any) -> bool:
    return _canon(a) == _canon(b)


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True)
    return str(value)
