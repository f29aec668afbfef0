"""A flattened body (`x-ms-client-flatten` on the body parameter): the request builder's keyword
arguments for the body model's fields, and the statements that make the model from them.

An argument is required when the body and every field on its way are; a model on the way that
may be absent is made only when one of its arguments is given, and then its required fields must
be (else ParameterError, before anything is built)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator import ir
from generator.emit.annotations import py_type
from generator.emit.statements import call
from generator.format.layout import INDENT, literal

BODY_VAR = "_body"


@dataclass
class _Node:
    """A model on the way: its fields that arguments stand for, in the model's order."""

    model: ir.Model
    path: tuple[str, ...]
    entries: list[tuple[ir.Field, ir.BodyMember | _Node]] = field(default_factory=list)

    def arguments(self) -> list[str]:
        return [name for _, entry in self.entries for name in (entry.arguments() if isinstance(entry, _Node) else [entry.py_name])]


def signature(api: ir.Api, p: ir.Parameter) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The builder's (name, annotation, default) entries for the members: required, optional."""
    required, optional = [], []
    for m in p.members:
        annotation = py_type(api, m.type, qualify="_models.")  # what the model's field takes
        if m.required:
            required.append((m.py_name, annotation, ""))
        else:
            optional.append((m.py_name, f"{annotation} | None", " = None"))
    return required, optional


def statements(api: ir.Api, p: ir.Parameter, ind: str) -> list[str]:
    """Statements leaving the body model in `_body` (`_UNSET` when the body is optional and no
    argument of it was given)."""
    lines: list[str] = []
    _make(_tree(api, p), BODY_VAR, not p.required, ind, lines)
    return lines


def _tree(api: ir.Api, p: ir.Parameter) -> _Node:
    root = _Node(api.model(p.type.ref or ""), ())
    for m in p.members:
        node = root
        for depth, step in enumerate(m.path):
            f = next(f for f in node.model.fields if f.py_name == step)
            if depth == len(m.path) - 1:
                node.entries.append((f, m))
                continue
            inner = next((n for g, n in node.entries if g.py_name == step and isinstance(n, _Node)), None)
            if inner is None:
                inner = _Node(api.model(f.type.ref or ""), (*node.path, step))
                node.entries.append((f, inner))
            node = inner
    return root


def _make(node: _Node, var: str, optional: bool, ind: str, lines: list[str]) -> None:
    cls = f"_models.{node.model.py_name}"
    at = ind
    if optional:
        given = " or ".join(f"{name} is not None" for name in node.arguments())
        lines += [f"{ind}{var}: {cls} | _Unset = _UNSET", ind + f"if {given}:"]
        at = ind + INDENT
    args = []
    for f, entry in node.entries:
        needed = f.required and not f.read_only
        if isinstance(entry, _Node):
            inner = "_b_" + "_".join(entry.path)
            _make(entry, inner, not needed, at, lines)
            args.append(f"{f.py_name}={inner}")
            continue
        if needed and not entry.required:  # optional as an argument, required once its model is made
            problem = f"is required with the other fields of {node.model.py_name}"
            error = call("raise ParameterError(", literal(entry.py_name), literal("/".join(entry.wire_path)), literal(problem))
            lines += [f"{at}if {entry.py_name} is None:", at + INDENT + error]
        args.append(f"{f.py_name}={entry.py_name}" if needed else f"{f.py_name}=_UNSET if {entry.py_name} is None else {entry.py_name}")
    lines.append(at + call(f"{var} = {cls}(", *args))
