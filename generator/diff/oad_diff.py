"""The wire side of `specgen diff`: what oad (Azure's breaking-change check, openapi-diff 0.12.4)
reports for two specs, found the way oad finds it, as `Finding`s.

Each finding keeps oad's rule id, code, message and level (Error when the api-version did not
change and the change breaks, Warning when it did, Info for additions), and its old and new
place: the file and JSON Pointer oad's own output names (none on a side where the thing does not
exist). `review` adds the severity the Azure review policy gives the change across versions
(`rules.SEVERITY`), as a separate column; `subject` names the definition a change comes from, so
a report can group the places where oad repeats it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.diff.oad_context import Message
from generator.diff.oad_messages import ADDITION, MESSAGES, REMOVAL
from generator.diff.oad_view import Place, View
from generator.diff.oad_walk import walk
from generator.diff.rules import severity
from generator.diff.types import Finding
from generator.load.loader import Loader

LEVEL = {"Error": "error", "Warning": "warning", "Info": "info"}


def oad_findings(
    old_spec: Path, new_spec: Path, old_root: Path, new_root: Path, *, scenario: str | None = None, beyond_oad: bool = False
) -> tuple[list[Finding], str]:
    """Every finding oad would report, in oad's order, and the scenario ("same" when the
    api-version did not change, as oad decides it; `scenario` overrides). `beyond_oad` adds the
    changes oad passes over (a bound added to or removed from a request or response value, a
    date api-version going back), marked `source="specgen"`, at the review policy's level."""
    old = View(Loader(old_root), old_spec)
    new = View(Loader(new_root), new_spec)
    messages, strict = walk(old, new, strict=None if scenario is None else scenario == "same")
    chosen = "same" if strict else "cross"
    out: list[Finding] = []
    seen: set[tuple[object, ...]] = set()
    for m in messages:
        if not m.oad and not beyond_oad:
            continue
        code, template, kind = MESSAGES[m.id]
        o = old.complete(m.steps, keep_missing=kind == ADDITION)
        n = new.complete(m.steps, keep_missing=kind == REMOVAL)
        text = template.format(*m.args)
        key = (m.id, text, m.category, _key(o), _key(n))
        if key in seen:  # oad drops findings equal in every field
            continue
        seen.add(key)
        review = severity(m.id, chosen, _variant(m))  # type: ignore[arg-type]
        out.append(
            Finding(
                id=m.id,
                code=code,
                severity=LEVEL[m.category] if m.oad else review,
                message=text,
                group=_group(m, old, new),
                old=o.location,
                new=n.location,
                variant=_variant(m),
                review=review,
                subject=m.subject,
                source="oad" if m.oad else "specgen",
            )
        )
    return out, chosen


def _key(place: Place) -> tuple[object, ...]:
    loc = place.location
    return (place.tree_path, loc.file if loc else None, loc.pointer if loc else None)


def _variant(m: Message) -> str:
    """The row of the review policy: oad's own Info for a change that is usually breaking means
    it found the direction harmless."""
    if m.id in ("1023", "1024", "1025", "1037") and m.category == "Info":
        return "benign"
    return m.variant


def _group(m: Message, old: View, new: View) -> str:
    steps = m.steps
    if not steps:
        return "spec"
    section = steps[0][1]
    if section == "paths" and len(steps) >= 2:
        if len(steps) >= 3:
            for view in (new, old):
                place = view.complete(steps[:3], keep_missing=True)
                node: Any = view.root
                for token in place.tree_path:
                    node = node.get(token) if isinstance(node, dict) else None
                if isinstance(node, dict) and isinstance(node.get("operationId"), str):
                    return f"operation {node['operationId']}"
        return f"path {steps[1][1]}"
    if section in ("definitions", "parameters", "responses") and len(steps) >= 2:
        kind = {"definitions": "model", "parameters": "parameter", "responses": "response"}[section]
        return f"{kind} {steps[1][1]}"
    return "spec"
