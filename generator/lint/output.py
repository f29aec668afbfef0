"""Findings as text (`file:line:col: severity RULE message`), JSON, or SARIF 2.1.0."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from generator.lint.core import Finding
from generator.lint.table import RULES, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
HELP_URI = "https://github.com/Azure/azure-openapi-validator/blob/main/docs/rules.md"


def text(findings: list[Finding]) -> str:
    return "".join(f"{f}\n" for f in findings)


def as_json(findings: list[Finding]) -> str:
    rows = [
        {"rule": f.rule, "severity": f.severity, "file": f.file, "line": f.line, "column": f.column, "pointer": f.pointer, "message": f.message}
        for f in findings
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


@functools.lru_cache(maxsize=64)
def repo_root(start: Path | None = None) -> Path | None:
    """The nearest folder holding `.git` at or above `start` (default: the working directory)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _uri(f: Finding, base: Path | None) -> str:
    """Repository-relative, forward slashes: relative to `base`, else to the file's own repository."""
    real = Path(os.path.realpath(f.real)) if f.real else Path(f.file).resolve()
    for folder in (base, repo_root(real.parent), Path.cwd().resolve()):
        if folder is not None and real.is_relative_to(folder):
            return real.relative_to(folder).as_posix()
    return real.as_uri()


def _rule(info: RuleInfo) -> dict[str, object]:
    help_text = f"{info.description}\n\n{info.explanation}"
    rule: dict[str, object] = {
        "id": info.id,
        "name": info.id,
        "shortDescription": {"text": info.description},
        "fullDescription": {"text": info.explanation},
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
        "help": {"text": help_text, "markdown": f"**{info.id}** ({info.severity})\n\n{info.explanation}"},
        "properties": {"tags": [info.source], "problem.severity": info.severity},
    }
    if info.source == "azure":
        rule["helpUri"] = HELP_URI
    return rule


def sarif(findings: list[Finding], base: Path | None = None, version: str = "0.1.0") -> str:
    base = base.resolve() if base else None
    ids = list(RULES)
    results = []
    for f in findings:
        results.append({
            "ruleId": f.rule,
            "ruleIndex": ids.index(f.rule),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f, base)},
                    "region": {"startLine": f.line, "startColumn": f.column},
                },
                "logicalLocations": [{"fullyQualifiedName": f.pointer or "/", "kind": "object"}],
            }],
            "partialFingerprints": {"specgenPointer/v1": f"{f.rule}:{_uri(f, base)}#{f.pointer}"},
        })
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "specgen lint",
                "version": version,
                "informationUri": "https://github.com/Azure/azure-openapi-validator",
                "rules": [_rule(RULES[i]) for i in ids],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
