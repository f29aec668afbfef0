"""Findings, the per-document context rules run in, and the check registry."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.lint.table import RULES
from generator.load.loader import Document, Loader
from generator.spec import Loc, Node, Operation, Parameter, SpecView

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
        self.view = SpecView(loader, doc)
        self.root = self.view.root.loc
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
        for rule, loc, message, key in self.raw:
            line, col = loc.line_col(key=key) or (1, 1)
            info = RULES[rule]
            out.append(Finding(self.doc.display, line, col, rule, loc.pointer, message, info.severity, self.doc.path))
        return out

    # -- references --------------------------------------------------------------------------
    def deref(self, value: Any, loc: Loc) -> tuple[Any, Loc] | None:
        """Follow `$ref`s from `value` (at `loc`) to a value; None when that fails (reported elsewhere)."""
        target = self.view.resolve(Node(value, loc))
        return (target.value, target.loc) if target is not None else None

    def here(self, loc: Loc, anchor: Loc) -> Loc:
        """`loc` if it is in this document, else `anchor`: where a finding about `loc` is shown."""
        return loc if loc.doc is self.doc else anchor

    # -- structure (the spec view's) ---------------------------------------------------------
    def operations(self) -> list[Operation]:
        return self.view.operations()

    def parameters(self, op: Operation) -> list[Parameter]:
        """The operation's effective parameters: path-level ones overridden by its own."""
        return self.view.parameters(op)

    def responses(self, op: Operation) -> dict[str, Any]:
        """Status code -> the response as written."""
        return {r.status: r.site.value for r in self.view.responses(op)}

    def properties(self, schema: Any, loc: Loc, anchor: Loc) -> dict[str, tuple[Any, Loc, Loc]]:
        """name -> (property schema as written, its location, anchor) through `allOf` and `$ref`s;
        the anchor is the last place on the way to the property that is in this document."""
        out: dict[str, tuple[Any, Loc, Loc]] = {}
        for name, prop in self.view.properties(Node(schema, loc)).by_name.items():
            shown = anchor
            for step in prop.trail:
                shown = self.here(step, shown)
            out[name] = (prop.site.value, prop.site.loc, shown)
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
