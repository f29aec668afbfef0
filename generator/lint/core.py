"""Findings, the per-document context rules run in, and the check registry."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import SpecError, join_pointer
from generator.lint.table import RULES
from generator.load.loader import Document, Loader

METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
_PLACEHOLDER = re.compile(r"{([^{}]+)}")


@dataclass(frozen=True, order=True)
class Finding:
    file: str  # as shown (relative to the working directory when possible)
    line: int
    column: int
    rule: str
    pointer: str
    message: str
    severity: str = field(compare=False)
    real: Path | None = field(default=None, compare=False, repr=False)  # real path, for matching

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity} {self.rule} {self.message}"


@dataclass(frozen=True)
class Loc:
    """A value somewhere in a loaded document."""

    doc: Document
    pointer: str

    def child(self, *tokens: str | int) -> Loc:
        return Loc(self.doc, join_pointer(self.pointer, *tokens))


@dataclass(frozen=True)
class Operation:
    path: str  # the path template
    method: str
    value: dict[str, Any]
    loc: Loc  # .../paths/<path>/<method>
    item: dict[str, Any]  # the path item
    item_loc: Loc


@dataclass(frozen=True)
class Param:
    value: dict[str, Any]  # resolved
    loc: Loc  # where the parameter (or the $ref to it) is written, in the linted document


Check = Callable[["Context"], None]
CHECKS: dict[str, Check] = {}


def check(rule_id: str) -> Callable[[Check], Check]:
    if rule_id not in RULES:
        raise KeyError(f"unknown rule {rule_id}")

    def register(fn: Check) -> Check:
        CHECKS[rule_id] = fn
        return fn

    return register


class Context:
    """One linted document, the loader that follows its references lazily, and the findings."""

    def __init__(self, loader: Loader, doc: Document) -> None:
        self.loader = loader
        self.doc = doc
        self.root = Loc(doc, "")
        self.raw: list[tuple[str, Loc, str, bool]] = []

    # -- reporting ---------------------------------------------------------------------------
    def report(self, rule: str, loc: Loc, message: str, *, key: bool = True, anchor: Loc | None = None) -> None:
        """A finding at `loc` (at its member name when `key`); outside this document, at `anchor`."""
        if loc.doc is not self.doc:
            if anchor is None or anchor.doc is not self.doc:
                return
            loc = anchor
        self.raw.append((rule, loc, message, key))

    def findings(self) -> list[Finding]:
        out = []
        positions = self.doc.positions if self.raw else None
        for rule, loc, message, key in self.raw:
            assert positions is not None
            where = positions.key(loc.pointer) if key else positions.value(loc.pointer)
            line, col = where or (1, 1)
            info = RULES[rule]
            out.append(Finding(self.doc.display, line, col, rule, loc.pointer, message, info.severity, self.doc.path))
        return out

    # -- references --------------------------------------------------------------------------
    def deref(self, value: Any, loc: Loc) -> tuple[Any, Loc] | None:
        """Follow `$ref`s from `value` (at `loc`) to a value; None when that fails (reported elsewhere)."""
        if not (isinstance(value, dict) and "$ref" in value):
            return value, loc
        try:
            target = self.loader.resolve(value["$ref"], loc.doc, join_pointer(loc.pointer, "$ref"))
        except SpecError:
            return None
        return target.value, Loc(target.doc, target.pointer)

    def here(self, loc: Loc, anchor: Loc) -> Loc:
        """`loc` if it is in this document, else `anchor`: where a finding about `loc` is shown."""
        return loc if loc.doc is self.doc else anchor

    # -- structure ---------------------------------------------------------------------------
    def operations(self) -> Iterator[Operation]:
        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        for section in ("paths", "x-ms-paths"):
            paths = data.get(section)
            if not isinstance(paths, dict):
                continue
            for path, item in paths.items():
                if not isinstance(item, dict):
                    continue
                item_loc = self.root.child(section, path)
                for method in METHODS:
                    op = item.get(method)
                    if isinstance(op, dict):
                        yield Operation(path, method, op, item_loc.child(method), item, item_loc)

    def param_list(self, values: Any, loc: Loc) -> list[Param]:
        out = []
        if isinstance(values, list):
            for i, raw in enumerate(values):
                resolved = self.deref(raw, loc.child(i))
                if resolved is not None and isinstance(resolved[0], dict):
                    out.append(Param(resolved[0], loc.child(i)))
        return out

    def parameters(self, op: Operation) -> list[Param]:
        """The operation's effective parameters: its own, plus path-level ones it does not override."""
        own = self.param_list(op.value.get("parameters"), op.loc.child("parameters"))
        shared = self.param_list(op.item.get("parameters"), op.item_loc.child("parameters"))
        names = {(p.value.get("name"), p.value.get("in")) for p in own}
        return own + [p for p in shared if (p.value.get("name"), p.value.get("in")) not in names]

    def responses(self, op: Operation) -> dict[str, Any]:
        responses = op.value.get("responses")
        return responses if isinstance(responses, dict) else {}

    def properties(self, schema: Any, loc: Loc, anchor: Loc, _seen: set | None = None) -> dict[str, tuple[Any, Loc, Loc]]:
        """name -> (property schema as written, its location, anchor) through `allOf` and `$ref`s."""
        seen = _seen if _seen is not None else set()
        resolved = self.deref(schema, loc)
        if resolved is None:
            return {}
        schema, loc = resolved
        anchor = self.here(loc, anchor)
        key = (loc.doc.path, loc.pointer)
        if key in seen or not isinstance(schema, dict):
            return {}
        seen.add(key)
        out: dict[str, tuple[Any, Loc, Loc]] = {}
        for i, part in enumerate(schema.get("allOf") or []):
            part_loc = loc.child("allOf", i)
            out.update(self.properties(part, part_loc, self.here(part_loc, anchor), seen))
        props = schema.get("properties")
        if isinstance(props, dict):
            for name, prop in props.items():
                ploc = loc.child("properties", name)
                out[name] = (prop, ploc, self.here(ploc, anchor))
        return out

    def target_key(self, schema: Any, loc: Loc) -> tuple[str, str] | None:
        """Identity of the model a schema references: (real file, pointer), or None if inline/broken."""
        if not (isinstance(schema, dict) and "$ref" in schema):
            return None
        resolved = self.deref(schema, loc)
        if resolved is None:
            return None
        return (str(resolved[1].doc.path), resolved[1].pointer)


def placeholders(path: str) -> list[str]:
    return _PLACEHOLDER.findall(path)


def is_point_path(path: str) -> bool:
    """A path naming one resource: under a provider, ending in a `{name}` segment after a type."""
    segments = [s for s in path.split("/") if s]
    if len(segments) < 2 or "providers" not in [s.lower() for s in segments]:
        return False
    last, before = segments[-1], segments[-2]
    return bool(_PLACEHOLDER.fullmatch(last)) and not _PLACEHOLDER.fullmatch(before) and before.lower() != "providers"


def is_collection_path(path: str) -> bool:
    """A path listing resources: under a provider, ending in a literal resource type segment."""
    segments = [s for s in path.split("/") if s]
    lowered = [s.lower() for s in segments]
    if "providers" not in lowered or not segments:
        return False
    last = segments[-1]
    i = len(lowered) - 1 - lowered[::-1].index("providers")
    return not _PLACEHOLDER.search(last) and len(segments) - i > 2


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
