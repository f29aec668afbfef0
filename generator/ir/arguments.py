"""The classes the generated modules add for operations, decided once every operation is built:
the parameter-group classes of `requests` (x-ms-parameter-grouping; a group shared by operations is
one class) and the typed-headers classes of `responses`, each named in its module's namespace."""

from __future__ import annotations

from dataclasses import replace

from generator import ir
from generator.errors import Problem
from generator.ir import names


def resolve(operations: list[ir.Operation]) -> tuple[list[ir.Operation], tuple[ir.ParameterGroup, ...], list[Problem]]:
    """The operations with their groups and headers class; the parameter groups."""
    problems: list[Problem] = []
    group_names = names.Scope("request_class")
    groups: dict[str, ir.ParameterGroup] = {}
    header_classes = names.Scope("response_class")
    out = []
    for op in operations:
        uses = []
        taken = {p.py_name for p in op.parameters} | {m.py_name for p in op.parameters for m in p.members}
        keywords = names.Scope("parameter", taken)
        for raw in _group_names(op):
            members = _members(op, raw)
            group = groups.get(raw)
            if group is None:
                group = groups[raw] = ir.ParameterGroup(group_names.add(raw), members, (op.operation_id,))
            else:
                merged = _merge(group, members, op, problems)
                groups[raw] = replace(merged, operations=(*group.operations, op.operation_id))
            uses.append((raw, keywords.add(names.snake(group.name) or "group")))
        renamed = {raw: groups[raw].name for raw, _ in uses}
        op = replace(
            op,
            parameters=tuple(replace(p, group=renamed[p.group]) if p.group else p for p in op.parameters),
            groups=tuple((renamed[raw], keyword) for raw, keyword in uses),
            headers_class=header_classes.add(names.pascal(op.operation_id) + "Headers") if op.response_headers else None,
        )
        out.append(op)
    return out, tuple(sorted(groups.values(), key=lambda g: g.name)), problems


def _group_names(op: ir.Operation) -> list[str]:
    """The groups the operation's arguments belong to, in the order of their first member."""
    seen: list[str] = []
    for p in op.parameters:
        if p.group and p.group not in seen:
            seen.append(p.group)
    return seen


def _members(op: ir.Operation, raw: str) -> tuple[ir.GroupMember, ...]:
    out = []
    for p in op.parameters:
        if p.group != raw:
            continue
        for m in p.members:  # a flattened body: its fields are the members
            out.append(ir.GroupMember(m.py_name, "/".join(m.wire_path), "body", m.type, m.required, None, m.description))
        if not p.members:
            default = p.constant if p.constant is not None else p.default
            required = p.required and default is None and not p.request_id
            out.append(ir.GroupMember(p.py_name, p.wire_name, p.location, p.type, required, default, p.description))
    return tuple(sorted(out, key=lambda m: not m.required))  # required members first


def _merge(group: ir.ParameterGroup, members: tuple[ir.GroupMember, ...], op: ir.Operation, problems: list[Problem]) -> ir.ParameterGroup:
    """A group shared by operations holds every member of each; a member is required only where
    every operation that uses the group requires it."""
    mine = {m.py_name: m for m in group.members}
    theirs = {m.py_name: m for m in members}
    merged = []
    for name in [*mine, *(n for n in theirs if n not in mine)]:
        a, b = mine.get(name), theirs.get(name)
        if a is not None and b is not None and (a.wire_name, a.location, a.type, a.default) != (b.wire_name, b.location, b.type, b.default):
            file, _, pointer = op.source.partition("#")
            problems.append(Problem(file, pointer or None, f"parameter group {group.name!r}: member {name!r} is not the same parameter as in {group.operations[0]}"))
        kept = a or b
        assert kept is not None
        merged.append(replace(kept, required=a is not None and b is not None and a.required and b.required))
    return replace(group, members=tuple(merged))
