"""Values `specgen diff` produces: findings on the wire (oad rules) and changes to the Python API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diff.rules import SEVERITY_ORDER


@dataclass(frozen=True, order=True)
class Location:
    """A place in a spec file: the file as messages show it, the 1-based line and column of the
    changed thing (or of the nearest enclosing thing that exists on that side), its JSON Pointer."""

    file: str
    pointer: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}#{self.pointer}"
        return f"{self.file}:{self.line}:{self.col}"

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "col": self.col, "pointer": self.pointer, "location": str(self)}


@dataclass(frozen=True)
class Finding:
    id: str  # oad rule id, "1033"
    code: str  # oad rule code, "RemovedProperty"
    severity: str  # error | warning | info
    message: str
    group: str  # "operation X" or "model Y": what the change belongs to, for the report
    old: Location | None
    new: Location | None
    variant: str = ""  # the severity-table variant that applied ("" / "benign" / "extensible")
    review: str = ""  # the Azure review policy's severity for the change (rules.SEVERITY)
    subject: str = ""  # the definition the change comes from (oad repeats it at each use)
    source: str = "oad"  # "specgen": a change oad does not report (`specgen diff --beyond-oad`)

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.group,
            SEVERITY_ORDER[self.severity],
            self.id,
            self.old.file if self.old else "",
            self.old.line or 0 if self.old else 0,
            self.new.file if self.new else "",
            self.new.line or 0 if self.new else 0,
            self.old.pointer if self.old else "",
            self.new.pointer if self.new else "",
            self.message,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "type": self.severity.capitalize(),  # oad's own field: Error | Warning | Info
            "severity": self.severity,
            "review": self.review,
            "message": self.message,
            "group": self.group,
            "subject": self.subject,
            "source": self.source,
            "old": self.old.to_json() if self.old else None,
            "new": self.new.to_json() if self.new else None,
        }


@dataclass(frozen=True, order=True)
class PyChange:
    """One change to the generated package's public names."""

    kind: str  # class | field | enum member | request builder | parameter
    change: str  # added | removed | renamed | changed
    owner: str  # the class or builder it belongs to ("" for top-level names)
    old: str  # old Python name ("" when added)
    new: str  # new Python name ("" when removed)
    detail: str = ""
    breaking: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "change": self.change,
            "owner": self.owner,
            "old": self.old,
            "new": self.new,
            "detail": self.detail,
            "breaking": self.breaking,
            "text": self.describe(),
        }

    def describe(self) -> str:
        where = f"`{self.owner}`: " if self.owner else ""
        if self.change == "added":
            text = f"{where}{self.kind} `{self.new}` added"
        elif self.change == "removed":
            text = f"{where}{self.kind} `{self.old}` removed"
        elif self.change == "renamed":
            text = f"{where}{self.kind} `{self.old}` renamed to `{self.new}`"
        else:
            text = f"{where}{self.kind} `{self.new or self.old}` changed"
        return text + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True)
class SpecInfo:
    display: str  # the spec file as messages show it
    api_version: str


@dataclass(frozen=True)
class DiffResult:
    old: SpecInfo
    new: SpecInfo
    scenario: str  # same | cross
    scenario_source: str  # "info.version" or "--scenario"
    findings: tuple[Finding, ...]
    python: tuple[PyChange, ...] = field(default=())

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def api_changes(self) -> tuple[Finding, ...]:
        """Findings that are changes of the API (1000/1001 are about the version itself)."""
        return tuple(f for f in self.findings if f.id not in ("1000", "1001"))
