"""`specgen lint` beside Azure's linter (LintDiff: autorest with openapi-validator) on the specs of
the LintDiff records (tests/data/lintdiff/), whole process each.

    python -m bench.bench_lint

specgen: `python -m generator lint SPEC` (the spec and the files it reaches by `$ref`, as
LintDiff lints them). Azure: LintDiff's command line at the pinned versions, run live when
tests/reference/lintdiff/run.sh has installed them (one run per spec: 10–150 s each), else the
time recorded with the findings, said so in the notes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from bench.common import ROOT, median, process_ms

DATA = ROOT / "tests/data/lintdiff"
AZURE = "LintDiff (autorest)"
NOTES: list[str] = []  # what `python -m bench` adds to its notes


def _reference() -> Any:
    spec = importlib.util.spec_from_file_location("lintdiff_reference", ROOT / "tests/reference/lintdiff/reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _modules() -> Path | None:
    """The folder run.sh installed the pinned packages into, if it did."""
    home = os.environ.get("SPECGEN_LINTDIFF_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "specgen-reference/lintdiff")
    folder = Path(home)
    return folder if (folder / "node_modules/.bin/autorest").exists() and shutil.which("node") else None


def run(runs: int = 5) -> list[dict[str, Any]]:
    reference = _reference()
    modules = _modules()
    rows = []
    for path in sorted(DATA.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        spec = ROOT / record["spec"]
        ours = median(process_ms({"lint": [sys.executable, "-m", "generator", "lint", "--no-suppressions", str(spec)]}, runs=runs)["lint"])
        azure_ms, source = record["autorest_seconds"] * 1000, "recorded"
        if modules is not None and record["stand_ins"] == {}:
            live = _live_seconds(reference, modules, spec, record["openapi_type"])
            if live is not None:
                azure_ms, source = live * 1000, "live"
        rows.append({
            "work": f"lint: {path.stem}",
            "ours": "specgen lint (whole process)",
            "value": round(ours, 1),
            "unit": "ms",
            "peers": {AZURE: round(azure_ms, 1)},
            "ratios": {AZURE: round(ours / azure_ms, 4)},
            "azure_time": source,
            "findings": len(record["findings"]),
        })
    return rows


def _live_seconds(reference: Any, modules: Path, spec: Path, openapi_type: str) -> float | None:
    """LintDiff's wall time on `spec`, run live; tried twice (once, on a busy machine, a JSON line
    of autorest's came out cut), else None and the recorded time stands, said in the notes."""
    for _ in range(2):
        try:
            return float(reference.run_autorest(modules, spec, openapi_type)[2])
        except (ValueError, reference.ReferenceError_) as exc:
            failure = exc
    NOTES.append(f"lint: LintDiff failed twice on {spec.name} ({str(failure)[:120]}): its recorded time is shown")
    return None


def markdown(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| spec | Azure's findings | specgen lint (whole process) | LintDiff (autorest, whole process) | ratio |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        azure = r["peers"][AZURE]
        note = "" if r["azure_time"] == "live" else " (recorded)"
        lines.append(f"| {r['work'].split(': ')[1]} | {r['findings']:,} | {r['value']:,.0f} ms | {azure / 1000:,.1f} s{note} | {r['ratios'][AZURE]:.3f}× |")
    return lines


if __name__ == "__main__":
    print("\n".join(markdown(run())))
