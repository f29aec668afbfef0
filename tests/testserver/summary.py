"""The coverage summary: scenarios exercised / total, per report and per Swagger file.

The counts come from the server's own reports. `scenarios.json` says which Swagger file each
scenario belongs to (made from the server's sources by `map_scenarios.py`); every test module
lists the scenarios of its Swagger file that specgen does not pass, with the reason, in a literal
`NOT_PASSED = {"scenarioName": "reason", ...}` (scenario names are unique across the reports).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GOAL = 0.95  # of the JSON scenarios of the vanilla and azure reports
GOAL_REPORTS = ("vanilla", "azure")
NOT_JSON = frozenset(("xml-service.json",))  # XML bodies: out of scope (see its NOT_PASSED)


def scenarios() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads((HERE / "scenarios.json").read_text(encoding="utf-8"))
    return data


def not_passed() -> dict[str, str]:
    """Every test module's NOT_PASSED, merged: scenario -> reason."""
    out: dict[str, str] = {}
    for path in sorted(HERE.glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            if getattr(node, "value", None) is not None and any(isinstance(t, ast.Name) and t.id == "NOT_PASSED" for t in targets):
                out.update(ast.literal_eval(node.value))
    return out


def test_modules() -> set[str]:
    return {path.name for path in HERE.glob("test_*.py")}


def green(server: Any) -> set[tuple[str, str]]:
    """(report, scenario) for every scenario the server has counted at least once so far."""
    return {(report, name) for report in ("vanilla", "azure", "optional") for name, count in server.coverage(report).items() if count > 0}


def render(reports: dict[str, dict[str, int]], credited: dict[str, set[tuple[str, str]]], *, complete: bool) -> tuple[list[str], list[str]]:
    """The summary lines, and (when every test module ran) the problems that fail the run."""
    mapping, excused = scenarios(), not_passed()
    lines, problems = [], []
    extra = sorted(name for report, counts in reports.items() for name in counts if name not in mapping.get(report, {}))
    reports = known(reports, mapping)
    goal_hit = goal_total = 0
    for report, counts in reports.items():
        hit = {name for name, count in counts.items() if count > 0}
        json_names = {name for name in counts if mapping.get(report, {}).get(name) not in NOT_JSON}
        lines.append(f"{report}: {len(hit)}/{len(counts)} scenarios exercised; JSON scenarios {len(hit & json_names)}/{len(json_names)}")
        if report in GOAL_REPORTS:
            goal_hit += len(hit & json_names)
            goal_total += len(json_names)
        if complete:
            listed = {name for name in excused if name in counts}
            unexplained = sorted(set(counts) - hit - set(listed))
            stale = sorted(hit & set(listed))
            if unexplained:
                problems.append(f"{report}: {len(unexplained)} not passed and in no NOT_PASSED: {', '.join(unexplained)}")
            if stale:
                problems.append(f"{report}: passed but listed in a NOT_PASSED: {', '.join(stale)}")
    if complete:
        every = {name for counts in reports.values() for name in counts}
        unknown = sorted(set(excused) - every)
        if unknown:
            problems.append(f"NOT_PASSED names scenarios the server does not have: {', '.join(unknown)}")
    if goal_total:
        share = goal_hit / goal_total
        lines.append(f"goal (JSON scenarios of {' + '.join(GOAL_REPORTS)}): {goal_hit}/{goal_total} = {share:.1%} (target {GOAL:.0%})")
    per_file: dict[str, list[int]] = {}
    for report, counts in reports.items():
        for name, count in counts.items():
            swagger = mapping.get(report, {}).get(name, "(unmapped)")
            row = per_file.setdefault(swagger, [0, 0])
            row[0] += count > 0
            row[1] += 1
    lines.append("per Swagger file (exercised/total):")
    for swagger, (hit_count, total) in sorted(per_file.items()):
        lines.append(f"  {swagger}: {hit_count}/{total}")
    misattributed = sorted(
        f"{name} ({report}) by the tests of {swagger}"
        for swagger, names in credited.items()
        for report, name in names
        if mapping.get(report, {}).get(name) not in (None, swagger)
    )
    if extra:
        lines.append(f"also counted, by routes that name a scenario only when it is hit (not in the totals): {', '.join(extra)}")
    if misattributed:
        lines.append("exercised through another Swagger file than scenarios.json names: " + ", ".join(misattributed))
    return lines, problems


def known(reports: dict[str, dict[str, int]], mapping: dict[str, dict[str, str]]) -> dict[str, dict[str, int]]:
    """The reports without the names a route makes up when it is hit (`Optional<Type><Scenario>`):
    the totals are the scenarios the server declares, as in Azure's own coverage figures."""
    return {report: {name: count for name, count in counts.items() if name in mapping.get(report, {})} for report, counts in reports.items()}


def markdown(reports: dict[str, dict[str, int]]) -> str:
    """The README's section body: totals per report and per Swagger file, then every scenario not passed."""
    mapping, excused = scenarios(), not_passed()
    reports = known(reports, mapping)
    out = ["| report | exercised | JSON scenarios exercised |", "| --- | --- | --- |"]
    for report, counts in reports.items():
        hit = {name for name, count in counts.items() if count > 0}
        json_names = {name for name in counts if mapping.get(report, {}).get(name) not in NOT_JSON}
        out.append(f"| {report} | {len(hit)}/{len(counts)} | {len(hit & json_names)}/{len(json_names)} |")
    per_file: dict[str, list[int]] = {}
    for report, counts in reports.items():
        for name, count in counts.items():
            row = per_file.setdefault(mapping.get(report, {}).get(name, "(unmapped)"), [0, 0])
            row[0] += count > 0
            row[1] += 1
    out += ["", "Per Swagger file (exercised/total): " + " · ".join(f"`{swagger}` {hit}/{total}" for swagger, (hit, total) in sorted(per_file.items())) + "."]
    missed = sorted((mapping.get(report, {}).get(name, ""), report, name) for report, counts in reports.items() for name, count in counts.items() if count == 0)
    out += ["", "Not passed, with the reason:", "", "| Swagger file | report | scenario | reason |", "| --- | --- | --- | --- |"]
    for swagger in sorted(NOT_JSON):  # one row: the reason is the same for all
        names = [name for file, _, name in missed if file == swagger]
        if names:
            reports_of = sorted({report for file, report, _ in missed if file == swagger})
            out.append(f"| `{swagger}` | {', '.join(reports_of)} | {len(names)} scenarios ({', '.join(f'`{n}`' for n in names)}) | {excused.get(names[0], '(no reason given)')} |")
    out += [f"| `{swagger}` | {report} | `{name}` | {excused.get(name, '(no reason given)')} |" for swagger, report, name in missed if swagger not in NOT_JSON]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    # python3 tests/testserver/summary.py DIR [--update-readme]: the README section from the reports
    # a run left in DIR (SPECGEN_TESTSERVER_REPORTS=DIR python3 -m pytest tests/testserver keeps them).
    import sys

    # With --update-readme, the text replaces what lies between the README's testserver markers.
    folder = Path(sys.argv[1])
    found = {name: json.loads((folder / f"report-{name}.json").read_text(encoding="utf-8")) for name in ("vanilla", "azure", "optional") if (folder / f"report-{name}.json").is_file()}
    text = markdown({name: {k: int(v) for k, v in counts.items()} for name, counts in found.items()})
    if "--update-readme" in sys.argv[2:]:
        readme = HERE.parents[1] / "README.md"
        before, rest = readme.read_text(encoding="utf-8").split("<!-- testserver:start -->\n", 1)
        _, after = rest.split("<!-- testserver:end -->", 1)
        readme.write_text(before + "<!-- testserver:start -->\n" + text + "<!-- testserver:end -->" + after, encoding="utf-8")
    else:
        sys.stdout.write(text)
