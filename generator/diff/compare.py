"""The wire side of `specgen diff`: compare two loaded specs the way openapi-diff (oad) does.

Works through the spec view of each side, starting from the operations (`paths` and
`x-ms-paths`): only what an operation reaches is compared. Paths are matched with their
placeholder names erased (renaming `{vmName}` is not a change), operations by path and method,
parameters by name, responses by status code. Schemas (bodies, responses, their properties) are
compared in `schemas`, each pair once.

Every finding carries the old and the new location (`file:line:col` and JSON Pointer) of the
changed thing; when it exists on one side only, the other side points at the nearest enclosing
thing that does (the `properties` object a property was removed from, the operation a
parameter was added to).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from generator.diff.findings import Findings
from generator.diff.rules import Scenario
from generator.diff.schemas import SchemaComparer
from generator.diff.side import Side
from generator.diff.side import key_or as _key_or
from generator.diff.types import Finding
from generator.spec import Node, Operation, Parameter
from generator.spec.schemas import definition_name

_PLACEHOLDER = re.compile(r"\{[^}]*\}")

Operations = dict[str, dict[str, Operation]]  # normalised path -> method -> operation


def _op_id(op: Operation) -> str:
    return op.operation_id or f"{op.method.upper()} {op.path}"


def _client_location(p: Parameter) -> str:
    """AutoRest's place for a parameter: x-ms-parameter-location, else `client` for a global one."""
    explicit = p.value.get("x-ms-parameter-location")
    if isinstance(explicit, str):
        return explicit
    return "client" if p.is_global else "method"


def _constant(p: Parameter) -> bool:
    enum = p.value.get("enum")
    return p.required and isinstance(enum, list) and len(enum) == 1


class Comparer:
    def __init__(self, old: Side, new: Side, scenario: Scenario) -> None:
        self.old = old
        self.new = new
        self.findings = Findings(scenario)
        self.emit = self.findings.emit
        self.schemas = SchemaComparer(old, new, self.emit)
        self._removed_client: set[str] = set()

    # -- top level ----------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        o_root, n_root = self.old.view.root, self.new.view.root
        self.compare_version(o_root, n_root)
        self.compare_root_lists(o_root, n_root)
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        self.compare_client_parameters(old_ops, new_ops)
        self.compare_paths(o_root, n_root, old_ops, new_ops)
        self.schemas.compare_all()
        self.compare_definitions(old_ops, new_ops)
        if self.findings and self.old.version and self.old.version == self.new.version:
            # oad's note that the version did not change: context for changes made in place
            # (a spec diffed with itself stays empty).
            self.emit("1001", "spec", o_root.at("info", "version"), n_root.at("info", "version"))
        return self.findings.ordered()

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

    def compare_paths(self, o_root: Node, n_root: Node, old_ops: Operations, new_ops: Operations) -> None:
        for norm in sorted(old_ops):
            olds = old_ops[norm]
            first = next(iter(olds.values()))
            if norm not in new_ops:
                self.emit("1005", f"path {first.path}", first.item, n_root.at(first.section), first.path)
                continue
            news = new_ops[norm]
            new_item = next(iter(news.values())).item
            for method in sorted(olds):
                op = olds[method]
                if method not in news:
                    self.emit("1035", f"operation {_op_id(op)}", op.node, new_item, _op_id(op))
                else:
                    self.compare_operation(op, news[method])
            for method in sorted(set(news) - set(olds)):
                op = news[method]
                self.emit("1039", f"operation {_op_id(op)}", first.item, op.node, f"{method.upper()} {op.path}")
        for norm in sorted(set(new_ops) - set(old_ops)):
            first = next(iter(new_ops[norm].values()))
            self.emit("1038", f"path {first.path}", o_root.at(first.section), first.item, first.path)

    def compare_operation(self, o: Operation, n: Operation) -> None:
        group = f"operation {_op_id(n)}"
        if _op_id(o) != _op_id(n):
            self.emit("1008", group, o.node.at("operationId"), n.node.at("operationId"), _op_id(o), _op_id(n))
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

    def compare_parameters(self, o: Operation, n: Operation, group: str) -> None:
        old_params = {p.name: p for p in self.old.view.parameters(o)}
        new_params = {p.name: p for p in self.new.view.parameters(n)}
        for name, op in old_params.items():
            np_ = new_params.get(name)
            subject = f"parameter `{name}`"
            if np_ is None:
                if _client_location(op) == "client" and name in self._removed_client:
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

    def compare_parameter(self, o: Parameter, n: Parameter, group: str, subject: str) -> None:
        if o.where != n.where:
            self.emit("1015", group, o.node.at("in"), n.node.at("in"), o.where, n.where, subject=subject)
        if _constant(o) != _constant(n):
            self.emit("1016", group, _key_or(o.node, "enum"), _key_or(n.node, "enum"), f"{_constant(o)} -> {_constant(n)}", subject=subject)
        o_place, n_place = _client_location(o), _client_location(n)
        if o_place != n_place:
            self.emit("1050", group, _key_or(o.node, "x-ms-parameter-location"), _key_or(n.node, "x-ms-parameter-location"), o.name, o_place, n_place)
        if o.required != n.required:
            # A request input: optional -> required breaks callers, required -> optional does not.
            self.emit("1025", group, _key_or(o.node, "required"), _key_or(n.node, "required"), o.required, n.required, subject=subject, variant="" if n.required else "benign")
        if o.where == "body" or n.where == "body":
            os_, ns_ = o.node.value.get("schema"), n.node.value.get("schema")
            if isinstance(os_, dict) and isinstance(ns_, dict):
                self.schemas.schema_use(o.node.child("schema"), n.node.child("schema"), "request", group, subject)
            return
        self.schemas.compare_value_schema(o.node, n.node, {"request"}, group, subject)

    def compare_responses(self, o: Operation, n: Operation, group: str) -> None:
        o_resp = {r.status: r for r in self.old.view.responses(o)}
        n_resp = {r.status: r for r in self.new.view.responses(n)}
        for status in sorted(n_resp):
            if status not in o_resp:
                self.emit("1011", group, _key_or(o.node, "responses"), n.node.at("responses", status), status)
        for status in sorted(o_resp):
            if status not in n_resp:
                self.emit("1012", group, o.node.at("responses", status), _key_or(n.node, "responses"), status)
                continue
            orr, nrr = o_resp[status].node, n_resp[status].node
            if orr is None or nrr is None:
                continue
            subject = f"response `{status}`"
            oh, nh = o_resp[status].headers, n_resp[status].headers
            for h in sorted(nh):
                if h not in oh:
                    self.emit("1013", group, _key_or(orr, "headers"), nrr.at("headers", h), h, subject=subject)
            for h in sorted(oh):
                if h not in nh:
                    self.emit("1014", group, orr.at("headers", h), _key_or(nrr, "headers"), h, subject=subject)
                else:
                    self.schemas.compare_value_schema(oh[h], nh[h], {"response"}, group, f"{subject} header `{h}`")
            o_schema, n_schema = o_resp[status].schema, n_resp[status].schema
            if o_schema is not None and n_schema is not None:
                self.schemas.schema_use(o_schema, n_schema, "response", group, subject)

    def compare_client_parameters(self, old_ops: Operations, new_ops: Operations) -> None:
        """1007: a client parameter (a setting of the client, not of one call) that no operation
        of the new version has any more. Reported once, instead of once per operation."""
        old_client: dict[str, Parameter] = {}
        for op in _sorted_ops(old_ops):
            for p in self.old.view.parameters(op):
                if _client_location(p) == "client":
                    old_client.setdefault(p.name, p)
        new_names = {p.name for op in _sorted_ops(new_ops) for p in self.new.view.parameters(op)}
        self._removed_client = {name for name in old_client if name not in new_names}
        for name in sorted(self._removed_client):
            self.emit("1007", "spec", old_client[name].node, self.new.view.root.at("paths"), name)

    def compare_definitions(self, old_ops: Operations, new_ops: Operations) -> None:
        """1006: a definition the old operations reach that the new version neither reaches nor
        defines (oad: a referenced definition missing from the new document)."""
        old_defs = _reached_definitions(self.old, old_ops)
        new_names = set(_reached_definitions(self.new, new_ops))
        defined = self.new.root.data.get("definitions")
        new_names |= set(defined) if isinstance(defined, dict) else set()
        for name in sorted(old_defs):
            if name not in new_names:
                self.emit("1006", f"model {name}", old_defs[name], self.new.view.root.at("definitions"), name)


def compare(old: Side, new: Side, scenario: Scenario) -> list[Finding]:
    """Every finding between two loaded specs, in a stable order."""
    return Comparer(old, new, scenario).run()


def _operations(side: Side) -> Operations:
    """The operations of `paths` and `x-ms-paths` by path (placeholder names erased) and method."""
    out: Operations = {}
    for op in side.view.operations():
        out.setdefault(_PLACEHOLDER.sub("{}", op.path), {})[op.method] = op
    return out


def _sorted_ops(ops: Operations) -> Iterable[Operation]:
    for norm in sorted(ops):
        for method in sorted(ops[norm]):
            yield ops[norm][method]


def _reached_definitions(side: Side, ops: Operations) -> dict[str, Node]:
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
                name = definition_name(target)
                if name:
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


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
