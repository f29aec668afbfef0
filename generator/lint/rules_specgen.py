"""specgen's own rules: references, unused definitions, path parameters, operationIds, patterns."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.errors import SpecError, escape_pointer_token
from generator.lint.core import Context, Loc, check, placeholders
from generator.lint.places import loc_of, objects
from generator.lint.reach import references_of
from generator.load.files import is_file, real_path
from generator.load.loader import _inside
from generator.validate import patterns

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def refs(ctx: Context) -> list[tuple[Any, Loc]]:
    """Every `$ref` written in the document, with the location of the object holding it."""
    cached = getattr(ctx, "_refs", None)
    if cached is None:
        cached = [(node["$ref"], loc_of(ctx, path)) for node, path in objects(ctx) if "$ref" in node]
        ctx._refs = cached  # type: ignore[attr-defined]
    return cached


def _real(ctx: Context, file_part: str) -> Path | None:
    """The real path a `$ref`'s file part names (one lookup per distinct file part); None when
    it cannot name a file (a NUL byte in it)."""
    cache: dict[str, Path | None] = ctx.__dict__.setdefault("_real_paths", {})
    if file_part not in cache:
        cache[file_part] = real_path(ctx.doc.path.parent / unquote(file_part))
    return cache[file_part]


@check("RefOutsideRoot")
def ref_outside_root(ctx: Context) -> None:
    for ref, loc in refs(ctx):
        if not isinstance(ref, str):
            continue
        where = loc.child("$ref")
        if _SCHEME.match(ref) or ref.startswith("//"):
            ctx.report("RefOutsideRoot", where, f"Remote $ref {ref!r} is not allowed: only local files inside the spec root.", key=False)
            continue
        file_part = ref.partition("#")[0]
        if file_part:
            real = _real(ctx, file_part)
            if real is not None and not _inside(real, ctx.loader.root):  # None: UnresolvedRef says why
                ctx.report("RefOutsideRoot", where, f"$ref {ref!r} leaves the spec root {ctx.loader.root}.", key=False)


@check("UnresolvedRef")
def unresolved_ref(ctx: Context) -> None:
    for ref, loc in refs(ctx):
        where = loc.child("$ref")
        if not isinstance(ref, str):
            ctx.report("UnresolvedRef", where, "$ref must be a string.", key=False)
            continue
        if _SCHEME.match(ref) or ref.startswith("//"):
            continue  # RefOutsideRoot
        file_part, _, fragment = ref.partition("#")
        path = _real(ctx, file_part) if file_part else ctx.doc.path
        if path is None:
            ctx.report("UnresolvedRef", where, f"$ref {ref!r} names a file with a NUL byte.", key=False)
            continue
        if not _inside(path, ctx.loader.root):
            continue  # RefOutsideRoot
        if file_part and not fragment:
            # A whole file (x-ms-examples): it must exist; it is not parsed.
            if not is_file(path):
                ctx.report("UnresolvedRef", where, f"$ref {ref!r}: no such file {os.path.relpath(path, ctx.doc.path.parent)}.", key=False)
            continue
        try:
            ctx.loader.resolve(ref, ctx.doc, where.pointer)
        except SpecError as exc:
            message = exc.problems[0].message if exc.problems else str(exc)
            ctx.report("UnresolvedRef", where, message, key=False)


@check("UnusedDefinition")
def unused_definition(ctx: Context) -> None:
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    definitions = data.get("definitions")
    if not isinstance(definitions, dict) or not (data.get("paths") or data.get("x-ms-paths")):
        return
    if any(doc.path != ctx.doc.path and ctx.doc.path in references_of(ctx.loader, doc) for doc in list(ctx.loader.documents.values())):
        return  # another spec of the run refers to this file: a shared one, whatever its paths
    used: set[str] = set()
    for ref, _ in refs(ctx):
        if not isinstance(ref, str):
            continue
        file_part, _, fragment = ref.partition("#")
        if file_part:
            try:
                same = os.path.samefile(ctx.doc.path.parent / unquote(file_part), ctx.doc.path)
            except (OSError, ValueError):  # ValueError: a NUL byte in the name
                same = False
            if not same:
                continue
        parts = unquote(fragment).split("/")
        if len(parts) >= 3 and parts[1] == "definitions":
            used.add(parts[2])
    for name in definitions:
        if escape_pointer_token(name) not in used and name not in used:
            ctx.report("UnusedDefinition", ctx.root.child("definitions", name), f"Definition '{name}' is not referenced.")


@check("PathParameterNotInPath")
def path_parameter_not_in_path(ctx: Context) -> None:
    for op in ctx.operations():
        names = set(placeholders(op.template))
        for param in ctx.parameters(op):
            if param.where == "path" and param.name not in names:
                ctx.report("PathParameterNotInPath", param.loc, f"Path parameter '{param.name}' does not appear in the path {op.path}.", key=False)


@check("PathParameterNotDeclared")
def path_parameter_not_declared(ctx: Context) -> None:
    for op in ctx.operations():
        declared = {p.name for p in ctx.parameters(op) if p.where == "path"}
        for name in placeholders(op.template):
            if name not in declared:
                ctx.report("PathParameterNotDeclared", op.loc, f"{{{name}}} in the path has no path parameter in {op.method.upper()} {op.path}.")


@check("DuplicateParameter")
def duplicate_parameter(ctx: Context) -> None:
    seen_items: set[str] = set()
    for op in ctx.operations():
        declared = ctx.view.declared(op.node, "operation")
        if op.item_loc.pointer not in seen_items:
            seen_items.add(op.item_loc.pointer)
            declared = ctx.view.declared(op.item, "path item") + declared
        seen: set[tuple[str, str, str]] = set()
        for param in declared:
            key = (param.name, param.where, param.level)
            if key in seen:
                ctx.report("DuplicateParameter", param.loc, f"Parameter '{key[0]}' (in: {key[1]}) is declared twice.", key=False)
            seen.add(key)


@check("DuplicateOperationId")
def duplicate_operation_id(ctx: Context) -> None:
    first: dict[str, str] = {}
    for op in ctx.operations():
        op_id = op.value.get("operationId")
        if not isinstance(op_id, str):
            continue
        if op_id in first:
            ctx.report("DuplicateOperationId", op.loc.child("operationId"), f"operationId '{op_id}' is also used by {first[op_id]}.", key=False)
        else:
            first[op_id] = f"{op.method.upper()} {op.path}"


# Members whose keys are names (of properties, definitions, ...), not schema keywords.
_NAME_MAPS = frozenset(("properties", "definitions", "parameters", "responses", "paths", "x-ms-paths", "headers", "securityDefinitions", "patternProperties"))
# Members holding data, not schemas.
_DATA = frozenset(("x-ms-examples", "example", "examples", "enum", "default", "x-ms-enum", "const"))


def pattern_keywords(ctx: Context) -> list[tuple[Any, Loc, patterns.Dialect]]:
    """Every `pattern` keyword written in the document, where it is, and how it is read: a
    non-body parameter's as the service reads it (.NET), a schema's as JSON Schema (ECMA-262)."""
    out: list[tuple[Any, Loc, patterns.Dialect]] = []
    todo: list[tuple[Any, Loc, bool]] = [(ctx.doc.data, ctx.root, False)]  # (value, where, keys are names)
    while todo:
        node, loc, names = todo.pop()
        if isinstance(node, dict):
            if not names and "pattern" in node:
                parameter = node.get("in") in ("path", "query", "header", "formData") and "name" in node
                out.append((node["pattern"], loc.child("pattern"), "dotnet" if parameter else "ecma"))
            for k, v in node.items():
                if isinstance(v, (dict, list)) and (names or k not in _DATA) and not (not names and k == "pattern"):
                    todo.append((v, loc.child(k), not names and k in _NAME_MAPS and isinstance(v, dict)))
        elif isinstance(node, list):
            todo.extend((v, loc.child(i), False) for i, v in enumerate(node) if isinstance(v, (dict, list)))
    out.sort(key=lambda t: t[1].pointer)
    return out


@check("InvalidPattern")
def invalid_pattern(ctx: Context) -> None:
    for value, loc, dialect in pattern_keywords(ctx):
        why = "pattern must be a string" if not isinstance(value, str) else patterns.invalid(value, dialect)
        if why is not None:
            ctx.report("InvalidPattern", loc, why[:1].upper() + why[1:] + ".", key=False)


@check("PatternSuperLinear")
def pattern_super_linear(ctx: Context) -> None:
    for value, loc, dialect in pattern_keywords(ctx):
        if isinstance(value, str) and patterns.invalid(value, dialect) is None:
            why = patterns.slow(value, dialect)
            if why is not None:
                ctx.report("PatternSuperLinear", loc, why[:1].upper() + why[1:] + ".", key=False)
