"""`x-ms-client-flatten` on a body parameter: the request builder takes the body model's fields
as keyword arguments instead of the model, through its flattened fields at any depth (as the
model's flattened accessors do), and makes the model itself. Read-only fields are not taken:
a request never carries them."""

from __future__ import annotations

from dataclasses import replace

from generator import ir
from generator.ir import names


def flatten_bodies(operations: list[ir.Operation], models: dict[str, ir.Model], host: tuple[ir.Parameter, ...]) -> list[ir.Operation]:
    """`operations` with each flattened model body's members (`Parameter.members`) named."""
    out = []
    for op in operations:
        body = next((p for p in op.parameters if p.location == "body"), None)
        if body is None or not body.flatten or body.type.kind != "model" or body.type.ref not in models:
            out.append(op)
            continue
        root = models[body.type.ref or ""]
        # Named in the builder's scope: beside its other arguments and its own (`base_url`...).
        scope = names.Scope("parameter", {p.py_name for p in (*host, *op.parameters) if p is not body})
        accessors = {fl.path: fl.py_name for fl in root.flattened}
        members = tuple(
            replace(m, py_name=scope.add(accessors.get(m.path, m.path[-1])))
            for m in _members(root, models, (), (), body.required, frozenset())
        )
        flat = replace(body, members=members)
        out.append(replace(op, parameters=tuple(flat if p is body else p for p in op.parameters)))
    return out


def _members(model: ir.Model, models: dict[str, ir.Model], path: tuple[str, ...], wire_path: tuple[str, ...], required: bool, outer: frozenset[str]) -> list[ir.BodyMember]:
    """The writable fields of `model` (reached by `path`), a flattened one by its own fields;
    a model flattened into itself stops the walk (`outer`: the models the walk is inside)."""
    out: list[ir.BodyMember] = []
    for f in model.fields:
        if f.read_only:
            continue
        step, wire, needed = (*path, f.py_name), (*wire_path, f.wire_name), required and f.required
        inner = models.get(f.type.ref or "") if f.flatten else None
        if inner is not None and inner.name not in outer:
            out += _members(inner, models, step, wire, needed, outer | {model.name})
        else:
            out.append(ir.BodyMember(f.py_name, step, wire, f.type, needed, f.description))
    return out
