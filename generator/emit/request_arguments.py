"""A builder's keyword arguments: each parameter's annotation and default, the parameter-group
classes (x-ms-parameter-grouping) and the statements that take a group apart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import ir
from generator.emit.annotations import or_none, py_type
from generator.emit.formats import codec
from generator.emit.statements import call
from generator.emit.text import docstring, sentence
from generator.format.layout import INDENT, annotated, literal


@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    default: str  # " = <expression>", or "" for a required argument


@dataclass(frozen=True)
class GroupView:
    name: str
    text: str  # the class, complete


def model_argument(api: ir.Api, t: ir.Type) -> str:
    """A value's annotation as an argument (a model may also be given as a plain mapping)."""
    if t.kind == "model":
        return f"_models.{api.model(t.ref or '').py_name} | Mapping[str, Any]"
    return py_type(api, t, qualify="_models.", argument=True)


def parameter_argument(api: ir.Api, p: ir.Parameter, reads: set[str], annotation: str | None = None) -> Argument:
    """A parameter as a keyword argument (`annotation`: its type, when the body's media types or
    a file decide it): a constant defaults to its value (another value is checked as its enum
    says), the API's api-version to API_VERSION, an x-ms-client-default to that; a client request
    id to None (a fresh UUID is sent); other optional ones to None."""
    if annotation is None:
        annotation = model_argument(api, p.type) if p.location == "body" else py_type(api, p.type, qualify="_models.", argument=True)
    if p.constant is not None:
        default = "API_VERSION" if p.api_version and p.constant == api.api_version else value_of(p.type, p.constant, reads)
        return Argument(p.py_name, annotation, f" = {default}")
    if p.api_version:
        return Argument(p.py_name, annotation, " = API_VERSION")
    if p.default is not None:
        return Argument(p.py_name, annotation if p.required else or_none(annotation), f" = {value_of(p.type, p.default, reads)}")
    if p.required and not p.request_id:
        return Argument(p.py_name, annotation, "")
    return Argument(p.py_name, or_none(annotation), " = None")


def value_of(t: ir.Type, wire: Any, reads: set[str]) -> str:
    """The expression of a value the spec gives on the wire (a constant, a client default): a
    format's Python value is read from its text once, when the module is imported
    (`_read_date("2012-01-01")`); a date-time parameter takes its text as it is."""
    found = codec(t)
    if found is None or found.name == "datetime":
        return literal(wire)
    reads.add(f"_read_{found.name}")
    return f"_read_{found.name}({literal(wire)})"


def group_required(op: ir.Operation, group: str) -> bool:
    """A group is a required argument when one of the operation's members of it is."""
    params = [p for p in op.parameters if p.group == group]
    members = [m.required for p in params for m in p.members]
    return any(members) or any(p.required and not p.members and p.constant is None and p.default is None and not p.request_id for p in params)


def group_class(api: ir.Api, group: ir.ParameterGroup, reads: set[str]) -> GroupView:
    """A frozen, keyword-only dataclass holding the group's members."""
    ops = ", ".join(group.operations)
    lines = [
        "@dataclass(frozen=True, slots=True, kw_only=True)",
        f"class {group.name}:",
        INDENT + docstring(f"Grouped parameters (x-ms-parameter-grouping) of {ops}.", len(INDENT)),
        "",
    ]
    for m in group.members:
        annotation = model_argument(api, m.type)
        if m.default is not None:
            suffix = f" = {value_of(m.type, m.default, reads)}"
        elif m.required:
            suffix = ""
        else:
            annotation, suffix = or_none(annotation), " = None"
        lines.append(annotated(m.py_name, annotation, suffix, INDENT))
        described = sentence(" ".join(m.description.split())) if m.description else ""
        lines.append(INDENT + docstring(f"`{m.wire_name}`. {described}".strip(), len(INDENT)))
    return GroupView(group.name, "\n".join(lines))


def unpack_groups(op: ir.Operation, ind: str) -> list[str]:
    """Statements that check each group argument and take its members into locals of the
    members' names (an optional group not given is the group with every member at its default)."""
    lines: list[str] = []
    for cls, keyword in op.groups:
        labels = (literal(keyword), literal(keyword))
        if not group_required(op, cls):
            lines += [f"{ind}if {keyword} is None:", f"{ind}{INDENT}{keyword} = {cls}()"]
        inner = ind + INDENT
        lines += [
            f"{ind}if {keyword}.__class__ is not {cls}:",
            inner + call("raise _wrong_type(", keyword, *labels, literal(f"a {cls}")),
        ]
        members = [m.py_name for p in op.parameters if p.group == cls for m in p.members]
        members += [p.py_name for p in op.parameters if p.group == cls and not p.members]
        lines += [f"{ind}{name} = {keyword}.{name}" for name in members]
    return lines

