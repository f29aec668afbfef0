"""The Python side of `specgen diff`: what changes for code that uses the generated package.

Computed from the two IRs, where every Python name is decided: classes (`Model.py_name`,
`Enum.py_name`), their fields (`Field.py_name`, matched by wire name) and flattened accessors,
enum members (`EnumMember.py_name`, matched by value), request builders
(`build_<Operation.py_name>_request`, matched by operationId, else by method and path) and their
keyword parameters (`Parameter.py_name`, matched by place and wire name).
"""

from __future__ import annotations

import re

from generator import ir
from generator.diff.types import PyChange
from generator.emit.annotations import py_type

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def compare_apis(old: ir.Api, new: ir.Api) -> list[PyChange]:
    changes: list[PyChange] = []
    changes += _classes(old, new)
    changes += _builders(old, new)
    return sorted(set(changes), key=_order)


def _order(c: PyChange) -> tuple[object, ...]:
    return (not c.breaking, c.kind, c.owner, c.old, c.new, c.change, c.detail)


# -- classes ------------------------------------------------------------------------------------


def _classes(old: ir.Api, new: ir.Api) -> list[PyChange]:
    out: list[PyChange] = []
    old_models = {m.py_name: m for m in old.models}
    new_models = {m.py_name: m for m in new.models}
    old_enums = {e.py_name: e for e in old.enums}
    new_enums = {e.py_name: e for e in new.enums}
    # Renamed classes: a removed and an added class with the same (non-empty) wire shape.
    renamed: dict[str, str] = {}
    gone_models = sorted(set(old_models) - set(new_models))
    fresh_models = sorted(set(new_models) - set(old_models))
    for o in gone_models:
        shape = _model_shape(old_models[o])
        match = [n for n in fresh_models if shape and _model_shape(new_models[n]) == shape and n not in renamed.values()]
        if len(match) == 1:
            renamed[o] = match[0]
    gone_enums = sorted(set(old_enums) - set(new_enums))
    fresh_enums = sorted(set(new_enums) - set(old_enums))
    for o in gone_enums:
        shape = _enum_shape(old_enums[o])
        match = [n for n in fresh_enums if _enum_shape(new_enums[n]) == shape and n not in renamed.values()]
        if len(match) == 1:
            renamed[o] = match[0]
    for o, n in sorted(renamed.items()):
        out.append(PyChange("class", "renamed", "", o, n, "same wire shape", breaking=True))
    for name in gone_models + gone_enums:
        if name not in renamed:
            out.append(PyChange("class", "removed", "", name, "", "", breaking=True))
    for name in fresh_models + fresh_enums:
        if name not in renamed.values():
            out.append(PyChange("class", "added", "", "", name))
    pairs = [(old_models[n], new_models[n]) for n in sorted(set(old_models) & set(new_models))]
    pairs += [(old_models[o], new_models[n]) for o, n in sorted(renamed.items()) if o in old_models]
    for om, nm in pairs:
        out += _fields(old, new, om, nm)
    epairs = [(old_enums[n], new_enums[n]) for n in sorted(set(old_enums) & set(new_enums))]
    epairs += [(old_enums[o], new_enums[n]) for o, n in sorted(renamed.items()) if o in old_enums]
    for oe, ne in epairs:
        out += _members(oe, ne)
    # A class that changes between a model and an enum keeps its name but not its kind.
    for name in sorted(set(old_models) & set(new_enums)):
        out.append(PyChange("class", "changed", "", name, name, "was a dataclass, now an enum", breaking=True))
    for name in sorted(set(old_enums) & set(new_models)):
        out.append(PyChange("class", "changed", "", name, name, "was an enum, now a dataclass", breaking=True))
    return out


def _model_shape(m: ir.Model) -> frozenset[str]:
    return frozenset(f.wire_name for f in m.fields)


def _enum_shape(e: ir.Enum) -> frozenset[str]:
    return frozenset(repr(m.value) for m in e.members)


def _fields(old: ir.Api, new: ir.Api, om: ir.Model, nm: ir.Model) -> list[PyChange]:
    out: list[PyChange] = []
    owner = nm.py_name
    of = {f.wire_name: f for f in om.fields}
    nf = {f.wire_name: f for f in nm.fields}
    for wire in sorted(of):
        o = of[wire]
        n = nf.get(wire)
        if n is None:
            out.append(PyChange("field", "removed", owner, o.py_name, "", f"wire name {wire!r}", breaking=True))
            continue
        if o.py_name != n.py_name:
            out.append(PyChange("field", "renamed", owner, o.py_name, n.py_name, f"wire name {wire!r}", breaking=True))
        ot, nt = py_type(old, o.type), py_type(new, n.type)
        if ot != nt:
            out.append(PyChange("field", "changed", owner, o.py_name, n.py_name, f"type {ot} -> {nt}", breaking=True))
        if o.required != n.required:
            detail = "now required" if n.required else "now optional"
            out.append(PyChange("field", "changed", owner, o.py_name, n.py_name, detail, breaking=n.required))
        if o.read_only != n.read_only:
            detail = "now read-only (dropped from request bodies)" if n.read_only else "no longer read-only (sent in request bodies)"
            out.append(PyChange("field", "changed", owner, o.py_name, n.py_name, detail, breaking=n.read_only))
    for wire in sorted(set(nf) - set(of)):
        n = nf[wire]
        out.append(PyChange("field", "added", owner, "", n.py_name, "required" if n.required else "", breaking=n.required))
    oflat = {f.py_name for f in om.flattened}
    nflat = {f.py_name for f in nm.flattened}
    for name in sorted(oflat - nflat):
        out.append(PyChange("flattened accessor", "removed", owner, name, "", "", breaking=True))
    for name in sorted(nflat - oflat):
        out.append(PyChange("flattened accessor", "added", owner, "", name))
    return out


def _members(oe: ir.Enum, ne: ir.Enum) -> list[PyChange]:
    out: list[PyChange] = []
    owner = ne.py_name
    om = {repr(m.value): m for m in oe.members}
    nm = {repr(m.value): m for m in ne.members}
    for key in sorted(om):
        o = om[key]
        n = nm.get(key)
        if n is None:
            out.append(PyChange("enum member", "removed", owner, o.py_name, "", f"value {o.value!r}", breaking=True))
        elif o.py_name != n.py_name:
            out.append(PyChange("enum member", "renamed", owner, o.py_name, n.py_name, f"value {o.value!r}", breaking=True))
    for key in sorted(set(nm) - set(om)):
        n = nm[key]
        out.append(PyChange("enum member", "added", owner, "", n.py_name, f"value {n.value!r}"))
    if oe.extensible != ne.extensible:
        detail = "now open (unknown values kept)" if ne.extensible else "now closed (unknown values rejected)"
        out.append(PyChange("enum", "changed", "", owner, owner, detail, breaking=not ne.extensible))
    return out


# -- request builders ---------------------------------------------------------------------------


def builder_name(op: ir.Operation) -> str:
    return f"build_{op.py_name}_request"


def _builders(old: ir.Api, new: ir.Api) -> list[PyChange]:
    out: list[PyChange] = []
    old_ops = {o.operation_id: o for o in old.operations}
    new_ops = {o.operation_id: o for o in new.operations}
    pairs = [(old_ops[i], new_ops[i]) for i in sorted(set(old_ops) & set(new_ops))]
    gone = [old_ops[i] for i in sorted(set(old_ops) - set(new_ops))]
    fresh = {_route(new_ops[i]): new_ops[i] for i in sorted(set(new_ops) - set(old_ops))}
    for o in gone:
        n = fresh.pop(_route(o), None)
        if n is None:
            out.append(PyChange("request builder", "removed", "", builder_name(o), "", f"operation {o.operation_id}", breaking=True))
        else:
            detail = f"operationId {o.operation_id} -> {n.operation_id}; parse_{o.py_name}_response too"
            out.append(PyChange("request builder", "renamed", "", builder_name(o), builder_name(n), detail, breaking=True))
            pairs.append((o, n))
    for n in sorted(fresh.values(), key=lambda op: op.operation_id):
        out.append(PyChange("request builder", "added", "", "", builder_name(n), f"operation {n.operation_id}"))
    for o, n in pairs:
        out += _parameters(old, new, o, n)
    return out


def _route(op: ir.Operation) -> tuple[str, str]:
    return (op.method, _PLACEHOLDER.sub("{}", op.path))


def _parameters(old: ir.Api, new: ir.Api, o: ir.Operation, n: ir.Operation) -> list[PyChange]:
    out: list[PyChange] = []
    owner = builder_name(n)
    op_ = {(p.location, p.wire_name): p for p in o.parameters}
    np_ = {(p.location, p.wire_name): p for p in n.parameters}
    # A parameter that moved (path <-> query, or a renamed body) is matched by wire name alone.
    for key in sorted(set(op_) - set(np_)):
        same_wire = [k for k in np_ if k not in op_ and (k[1] == key[1] or (k[0] == key[0] == "body"))]
        if len(same_wire) == 1:
            np_[key] = np_.pop(same_wire[0])
    for key in sorted(op_):
        p = op_[key]
        q = np_.get(key)
        if q is None:
            out.append(PyChange("parameter", "removed", owner, p.py_name, "", f"{p.location} {p.wire_name!r}", breaking=True))
            continue
        if p.py_name != q.py_name:
            out.append(PyChange("parameter", "renamed", owner, p.py_name, q.py_name, f"{q.location} {q.wire_name!r}", breaking=True))
        if p.required != q.required:
            out.append(PyChange("parameter", "changed", owner, p.py_name, q.py_name, "now required" if q.required else "now optional", breaking=q.required))
        pt, qt = py_type(old, p.type, argument=True), py_type(new, q.type, argument=True)  # as the builder annotates it
        if pt != qt:
            out.append(PyChange("parameter", "changed", owner, p.py_name, q.py_name, f"type {pt} -> {qt}", breaking=True))
    for key in sorted(set(np_) - set(op_)):
        q = np_[key]
        out.append(PyChange("parameter", "added", owner, "", q.py_name, ("required " if q.required else "optional ") + f"{q.location} {q.wire_name!r}", breaking=q.required))
    return out
