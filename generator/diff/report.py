"""`specgen diff`: run the comparison and render it (Markdown, JSON, the generate-time summary)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diff.rules import COVERED, SEVERITY_ORDER, at_least
from generator.diff.types import DiffResult, Finding, SpecInfo
from generator.errors import Problem, SpecError

SCENARIO_TEXT = {
    "same": "same version (edited in place: oad is strict, a breaking change is an error)",
    "cross": "cross version (a new api-version: oad reports a breaking change as a warning)",
}
BASIS = ("oad", "review")  # which severity decides --fail-on: oad's own, or the Azure review policy's


def run_diff(
    old: Path, new: Path, *, scenario: str | None = None, old_root: Path | None = None, new_root: Path | None = None, beyond_oad: bool = False
) -> DiffResult:
    """Compare two specs. Raises SpecError (with every problem of both) for a bad spec."""
    from generator.diff.oad_diff import oad_findings
    from generator.diff.python_api import compare_apis
    from generator.ir.build import build
    from generator.load.loader import default_root, display_path

    problems: list[Problem] = []
    apis = []
    for spec, root in ((old, old_root), (new, new_root)):
        try:
            apis.append(build(spec, root=root)[0])
        except SpecError as exc:
            problems.extend(exc.problems)
    if problems:
        raise SpecError(problems)
    old_api, new_api = apis
    findings, chosen = oad_findings(
        old, new, old_root if old_root is not None else default_root(old), new_root if new_root is not None else default_root(new), scenario=scenario, beyond_oad=beyond_oad
    )
    return DiffResult(
        old=SpecInfo(display_path(old.resolve()), old_api.api_version),
        new=SpecInfo(display_path(new.resolve()), new_api.api_version),
        scenario=chosen,
        scenario_source="--scenario" if scenario else "info.version",
        findings=tuple(findings),
        python=tuple(compare_apis(old_api, new_api)),
    )


def level(f: Finding, basis: str = "oad") -> str:
    """The severity a finding counts with: oad's own (default) or the review policy's."""
    return f.review if basis == "review" and f.review else f.severity


def fails(result: DiffResult, threshold: str | None, basis: str = "oad") -> bool:
    """Whether a finding reaches `threshold` (error | warning); "never" and None never fail."""
    if threshold is None or threshold == "never":
        return False
    return any(at_least(level(f, basis), threshold) for f in result.api_changes)


# -- JSON ---------------------------------------------------------------------------------------


def to_json(result: DiffResult) -> str:
    """Every finding in oad's order, then the Python API changes (byte-identical across runs)."""
    return json.dumps(result_to_dict(result), indent=2, ensure_ascii=False) + "\n"


def result_to_dict(result: DiffResult) -> dict[str, Any]:
    return {
        "old": {"spec": result.old.display, "api_version": result.old.api_version},
        "new": {"spec": result.new.display, "api_version": result.new.api_version},
        "scenario": result.scenario,
        "scenario_source": result.scenario_source,
        "findings": [f.to_json() for f in result.findings],
        "python": [c.to_json() for c in result.python],
    }


# -- Markdown -----------------------------------------------------------------------------------


@dataclass
class _Row:
    """One change: a finding and every other place oad reports it at (the uses of a model)."""

    first: Finding
    places: list[Finding] = field(default_factory=list)


def _rows(findings: tuple[Finding, ...], basis: str) -> dict[str, list[_Row]]:
    """Findings grouped by what they come from (a model for the changes oad repeats at each use
    of it, else the operation, path or section), each repeated change folded into one row."""
    groups: dict[str, dict[tuple[str, ...], _Row]] = {}
    for f in findings:
        group = f"model {f.subject}" if f.subject else f.group
        key = (f.id, f.message, f.severity, f.review)
        row = groups.setdefault(group, {}).setdefault(key, _Row(f))
        row.places.append(f)
    order = sorted(groups, key=lambda g: (min(SEVERITY_ORDER[level(r.first, basis)] for r in groups[g].values()), _group_kind(g), g))
    return {g: sorted(groups[g].values(), key=lambda r: (SEVERITY_ORDER[level(r.first, basis)], r.first.id, r.first.message)) for g in order}


def _group_kind(group: str) -> int:
    return {"spec": 0, "path": 1, "operation": 2, "model": 3}.get(group.split(" ", 1)[0], 4)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _place(f: Finding) -> tuple[str, str]:
    return (f"`{f.old}`" if f.old else "—", f"`{f.new}`" if f.new else "—")


def to_markdown(result: DiffResult, basis: str = "oad") -> str:
    lines: list[str] = []
    o, n = result.old, result.new
    lines.append(f"# specgen diff: {o.api_version} → {n.api_version}")
    lines.append("")
    lines.append(f"- old: `{o.display}` (api-version {o.api_version})")
    lines.append(f"- new: `{n.display}` (api-version {n.api_version})")
    lines.append(f"- scenario: {SCENARIO_TEXT[result.scenario]}, chosen by {result.scenario_source}")
    lines.append("- severity: what oad reports; review: the severity the Azure review policy gives the change in this scenario")
    lines.append("")
    lines.append(_headline(result))
    lines.append("")
    lines.append("## Wire changes (openapi-diff rules)")
    lines.append("")
    if not result.findings:
        lines.append("No changes.")
        lines.append("")
    for group, rows in _rows(result.findings, basis).items():
        kind, _, name = group.partition(" ")
        lines.append(f"### {kind.capitalize()} `{name}`" if name else f"### {kind.capitalize()}")
        lines.append("")
        lines.append("| severity | review | rule | message | old | new |")
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for row in rows:
            f = row.first
            places = [_place(p) for p in row.places]
            old_cell = "<br>".join(p[0] for p in places)
            new_cell = "<br>".join(p[1] for p in places)
            uses = f" ({len(places)} places)" if len(places) > 1 else ""
            beyond = " (beyond oad)" if f.source != "oad" else ""
            lines.append(f"| {f.severity} | {f.review} | {f.id} {f.code}{beyond} | {_md(f.message)}{uses} | {old_cell} | {new_cell} |")
        lines.append("")
    lines.append("## Python API changes (generated package)")
    lines.append("")
    if not result.python:
        lines.append("No changes to class, field, enum member, request builder or parameter names.")
    else:
        breaking = [c for c in result.python if c.breaking]
        other = [c for c in result.python if not c.breaking]
        if breaking:
            lines.append("Breaking for callers:")
            lines.append("")
            lines.extend(f"- {c.describe()}" for c in breaking)
            lines.append("")
        if other:
            lines.append("Compatible:")
            lines.append("")
            lines.extend(f"- {c.describe()}" for c in other)
    lines.append("")
    lines.append(f"_Rules checked: {len(COVERED)} of openapi-diff's 1000-1050, found as oad 0.12.4 finds them (see `generator/diff/oad_walk.py`)._")
    return "\n".join(lines) + "\n"


def _headline(result: DiffResult) -> str:
    o, n = result.old.api_version, result.new.api_version
    changes = result.api_changes
    version = f"The api-version changed from {o} to {n}" if o != n else f"The api-version did not change ({o})"
    if not changes and not result.python:
        return f"**{version}; nothing else changed: no API change.**"
    counts = ", ".join(f"{result.count(s)} {s}{'s' if result.count(s) != 1 and s != 'info' else ''}" for s in ("error", "warning", "info"))
    py_breaking = sum(1 for c in result.python if c.breaking)
    return f"**{version}. {len(result.findings)} findings ({counts}); {len(result.python)} Python API changes ({py_breaking} breaking).**"


# -- the summary `specgen generate` prints on an api-version bump -------------------------------

_HEADER_SPEC = re.compile(r"^# Code generated by specgen from (.+)$", re.MULTILINE)
_HEADER_VERSION = re.compile(r"^# api-version: (.+)$", re.MULTILINE)
SUMMARY_LINES = 12


def recorded_header(package_dir: Path) -> tuple[str | None, str | None] | None:
    """(spec path relative to the spec root, api-version) from an existing package's
    `__init__.py` header; None when there is no package yet."""
    try:
        text = (package_dir / "__init__.py").read_text(encoding="utf-8")[:4096]
    except OSError:
        return None
    spec = _HEADER_SPEC.search(text)
    version = _HEADER_VERSION.search(text)
    return (spec.group(1).strip() if spec else None, version.group(1).strip() if version else None)


def bump_summary(old_spec: Path | None, new_spec: Path, new_api_version: str, *, old_api_version: str = "", root: Path | None = None) -> str:
    """One screen on what an api-version bump changes; `old_spec` None (or missing) says so."""
    head = f"api-version bump: {old_api_version or '?'} -> {new_api_version}"
    if old_spec is None or not old_spec.is_file():
        where = f" ({old_spec} is gone)" if old_spec is not None else ""
        return f"{head}\n  the previous spec is not available{where}: no diff; run `specgen diff OLD NEW` to compare"
    try:
        result = run_diff(old_spec, new_spec, old_root=root, new_root=root)
    except SpecError as exc:
        return f"{head}\n  cannot diff against the previous spec: {exc.problems[0]}"
    return summary_text(result, head)


def summary_text(result: DiffResult, head: str) -> str:
    """At most a screen: the headline, findings counted by rule (worst first), breaking Python
    changes, and the command for the full report."""
    lines = [head, "  " + _headline(result).strip("*")]
    by_rule: dict[tuple[int, str, str, str], int] = {}
    for f in result.api_changes:
        key = (SEVERITY_ORDER[f.severity], f.severity, f.id, f.code)
        by_rule[key] = by_rule.get(key, 0) + 1
    ranked = sorted(by_rule.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][2]))
    for (_, sev, rule_id, code), count in ranked[:SUMMARY_LINES]:
        lines.append(f"  {sev:7} {rule_id} {code} x{count}")
    if len(ranked) > SUMMARY_LINES:
        lines.append(f"  ... and {len(ranked) - SUMMARY_LINES} more rules")
    breaking = [c for c in result.python if c.breaking]
    for c in breaking[:6]:
        lines.append(f"  python: {c.describe()}")
    if len(breaking) > 6:
        lines.append(f"  python: ... and {len(breaking) - 6} more breaking changes")
    lines.append(f"  full report: specgen diff {result.old.display} {result.new.display}")
    return "\n".join(lines)


def version_bump_notice(package_dir: Path, new_spec: Path, new_api_version: str, *, root: Path | None = None) -> str | None:
    """For `specgen generate`: the summary when the package on disk records another
    api-version than the spec being generated, else None. Never raises."""
    from generator.load.loader import default_root

    try:
        header = recorded_header(package_dir)
        if header is None:
            return None
        spec_rel, old_version = header
        if not old_version or old_version == new_api_version:
            return None
        spec_root = root if root is not None else default_root(new_spec)
        old_spec = spec_root / spec_rel if spec_rel else None
        return bump_summary(old_spec, new_spec, new_api_version, old_api_version=old_version, root=root)
    except Exception as exc:  # noqa: BLE001 - a summary must never stop a generation
        return f"api-version bump: could not summarise the diff ({type(exc).__name__}: {exc})"
