"""`python -m bench`: every speed figure next to its peers, in one run; one table, one JSON.

    python -m bench [--quick] [--only roundtrip,validators,...] [--update-readme]

Writes bench/results/latest.json and, with --update-readme, the README's benchmark section.
Peers that are not installed are skipped with a note, never faked. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import platform
import re
import sys
from pathlib import Path
from typing import Any

from bench.common import ROOT, version
from bench.report import markdown

SUITES = ("roundtrip", "validators", "requests", "import", "generate", "specs", "scaling", "diff", "lint")
PEERS = ("msgspec", "mashumaro", "pydantic", "azure-mgmt-compute", "fastjsonschema", "jsonschema", "jsonschema-rs", "datamodel-code-generator", "black")
RESULTS = ROOT / "bench/results/latest.json"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for line in lines:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def run(suites: list[str], quick: bool) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for name in suites:
        module = importlib.import_module(f"bench.bench_{name}")
        kwargs: dict[str, Any] = {}
        if quick:
            kwargs = {"runs": 3} if name in ("import", "generate", "scaling") else {"runs": 1} if name in ("specs", "diff", "lint") else {"rounds": 5}
        print(f"… {name}", file=sys.stderr, flush=True)
        try:
            rows.extend(module.run(**kwargs))
        except Exception as exc:  # noqa: BLE001 - a broken suite is reported, the others still run
            notes.append(f"{name}: failed: {exc}")
        notes.extend(getattr(module, "NOTES", []))  # a suite's own notes (a peer it could not run)
    for peer in PEERS:
        if version(peer) == "not installed":
            notes.append(f"{peer} is not installed: its figures are skipped")
    return {
        "date": datetime.date.today().isoformat(),
        "machine": machine(),
        "load_average": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "versions": {p: version(p) for p in PEERS},
        "rows": rows,
        "notes": notes,
    }


def readme_section(result: dict[str, Any]) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in result["versions"].items())
    scaling = [r for r in result["rows"] if r["work"].startswith("scaling")]
    specs = [r for r in result["rows"] if r["work"].startswith("spec: ")]
    linted = [r for r in result["rows"] if r["work"].startswith("lint: ")]
    table = markdown([r for r in result["rows"] if not r["work"].startswith(("scaling", "spec: ", "lint: "))])
    lines = [
        START,
        (
            f"Measured {result['date']} on {result['machine']} (1-minute load average {result['load_average']:.1f}); "
            f"peers in the same run: {versions}. Medians; ratios below 1 mean specgen is faster; in brackets, "
            "the interquartile range of the ratio over the interleaved rounds (runs, for whole processes)."
        ),
        "",
        table,
    ]
    if specs:
        from bench.bench_specs import markdown as specs_markdown

        lines += ["", *specs_markdown(specs)]
    if linted:
        from bench.bench_lint import markdown as lint_markdown

        lines += ["", *lint_markdown(linted)]
    if scaling:
        lines += ["", "| synthetic spec | generate (whole process, no cache) | per definition | import the models (import statement alone) |", "| --- | --- | --- | --- |"]
        lines += [f"| {r['work'].split(': ')[1]} | {r['value']:,.0f} ms | {r['per_definition_ms']} ms | {r['import_ms']} ms |" for r in scaling]
    if result["notes"]:
        lines += [""] + [f"- {n}" for n in result["notes"]]
    lines.append(END)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--only", help="comma-separated: " + ",".join(SUITES))
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    suites = args.only.split(",") if args.only else list(SUITES)
    result = run(suites, args.quick)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    section = readme_section(result)
    print(section)
    if args.update_readme:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
        if pattern.search(text):
            text = pattern.sub(lambda _: section, text)
        else:
            text += "\n" + section + "\n"
        readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
