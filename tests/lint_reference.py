"""specgen lint against Azure's linter (LintDiff): agreement per rule on the specs the tests use.

    python -m tests.lint_reference            # the table
    python -m tests.lint_reference --diff RULE  # every finding of RULE one side has and the other lacks

Azure's findings are recorded by `tests/reference/lintdiff/run.sh` in `tests/data/lintdiff/*.json`
(the tool's output, normalized: rule, severity, file, line, column, JSON pointer, message); no node
needed here. specgen lints each spec in-process. A finding of specgen matches one of Azure's when
the rule and the file are the same and so is the place: `line:col`, else the JSON pointer (Azure's
pointer can run on through a `$ref`, where autorest shows the `$ref`). Each finding matches at most
once. Per rule that both implement (same name): precision = matched / specgen's, recall = matched /
Azure's; findings are counted once per place (autorest repeats some).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests/data/lintdiff"


@dataclass(frozen=True, order=True)
class Place:
    rule: str
    file: str
    line: int
    column: int
    pointer: str
    severity: str = field(compare=False)
    message: str = field(compare=False, default="")
    spec: str = field(compare=False, default="")  # the recorded run it comes from (its spec)


@dataclass
class RuleScore:
    rule: str
    azure: int = 0
    specgen: int = 0
    matched: int = 0
    severity_agrees: int = 0  # among the matched
    pointer_agrees: int = 0  # among the matched: the same JSON pointer too
    only_azure: list[Place] = field(default_factory=list)
    only_specgen: list[Place] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.specgen if self.specgen else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.azure if self.azure else 1.0


@dataclass
class Comparison:
    scores: dict[str, RuleScore]  # rules both implement, by name
    unimplemented: Counter[str]  # Azure's rules that fire here and specgen lacks: distinct findings
    specs: list[dict[str, Any]]  # the recorded runs (spec, openapi_type, autorest_seconds, ...)

    def overall(self) -> RuleScore:
        total = RuleScore("overall")
        for s in self.scores.values():
            total.azure += s.azure
            total.specgen += s.specgen
            total.matched += s.matched
            total.severity_agrees += s.severity_agrees
            total.pointer_agrees += s.pointer_agrees
        return total


def recorded() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.json"))]


def azure_places(run: dict[str, Any]) -> set[Place]:
    return {Place(f["rule"], f["file"], f["line"], f["column"], f["pointer"], f["severity"], f["message"], run["spec"]) for f in run["findings"]}


def specgen_places(run: dict[str, Any]) -> set[Place]:
    from generator.lint import lint

    spec = ROOT / run["spec"]
    result = lint([spec], use_suppressions=False, **lint_options(run))
    out = set()
    for f in result.findings:
        real = f.real or Path(f.file)
        shown = Path(os.path.relpath(real, ROOT)).as_posix()
        out.add(Place(f.rule, shown, f.line, f.column, f.pointer, f.severity, f.message, run["spec"]))
    return out


def lint_options(run: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments of `generator.lint.lint` that say which rule set applies, when it has them."""
    import inspect

    from generator.lint import lint

    params = inspect.signature(lint).parameters
    return {name: run["openapi_type"] for name in ("kind", "openapi_type") if name in params}


def match(azure: list[Place], ours: list[Place]) -> tuple[list[tuple[Place, Place]], list[Place], list[Place]]:
    """Pairs (azure, specgen) at the same place: same line:col and pointer first, then the same
    line:col, then the same pointer."""
    pairs: list[tuple[Place, Place]] = []
    left, right = sorted(azure), sorted(ours)
    for same in (
        lambda a, b: (a.line, a.column, a.pointer) == (b.line, b.column, b.pointer),
        lambda a, b: (a.line, a.column) == (b.line, b.column),
        lambda a, b: a.pointer == b.pointer,
    ):
        rest = []
        for a in left:
            hit = next((b for b in right if same(a, b)), None)
            if hit is None:
                rest.append(a)
            else:
                right.remove(hit)
                pairs.append((a, hit))
        left = rest
    return pairs, left, right


def compare(runs: list[dict[str, Any]] | None = None) -> Comparison:
    from generator.lint import RULES

    runs = recorded() if runs is None else runs
    ours_ids = {rule_id for rule_id, info in RULES.items() if info.source == "azure"}
    scores: dict[str, RuleScore] = {}
    unimplemented: Counter[str] = Counter()
    for run in runs:
        theirs = azure_places(run)
        fired = {p.rule for p in theirs}
        ours = {p for p in specgen_places(run) if p.rule in ours_ids}
        for rule in sorted(fired - ours_ids):
            unimplemented[rule] += sum(1 for p in theirs if p.rule == rule)
        groups: dict[tuple[str, str], tuple[list[Place], list[Place]]] = defaultdict(lambda: ([], []))
        for p in theirs:
            if p.rule in ours_ids:
                groups[(p.rule, p.file)][0].append(p)
        for p in ours:
            groups[(p.rule, p.file)][1].append(p)
        for (rule, _), (a, b) in groups.items():
            score = scores.setdefault(rule, RuleScore(rule))
            pairs, only_a, only_b = match(a, b)
            score.azure += len(a)
            score.specgen += len(b)
            score.matched += len(pairs)
            score.severity_agrees += sum(1 for x, y in pairs if x.severity == y.severity)
            score.pointer_agrees += sum(1 for x, y in pairs if x.pointer == y.pointer)
            score.only_azure.extend(only_a)
            score.only_specgen.extend(only_b)
    for rule in ours_ids:
        scores.setdefault(rule, RuleScore(rule))
    return Comparison(dict(sorted(scores.items())), unimplemented, runs)


def table(comparison: Comparison) -> str:
    rows = ["| rule | Azure | specgen | matched | precision | recall | same severity | same pointer |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for s in [*comparison.scores.values(), comparison.overall()]:
        name = f"**{s.rule}**" if s.rule == "overall" else s.rule
        rows.append(f"| {name} | {s.azure} | {s.specgen} | {s.matched} | {s.precision:.3f} | {s.recall:.3f} | {s.severity_agrees}/{s.matched} | {s.pointer_agrees}/{s.matched} |")
    missing = ", ".join(f"{rule} {n}" for rule, n in comparison.unimplemented.most_common())
    rows.append("")
    rows.append(f"Azure rules that fire here and specgen lacks ({len(comparison.unimplemented)}; distinct findings): {missing or 'none'}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--diff", metavar="RULE", help="list the findings of RULE that only one side has")
    args = parser.parse_args(argv)
    comparison = compare()
    if args.diff:
        score = comparison.scores.get(args.diff)
        if score is None:
            print(f"{args.diff}: not a rule both implement", file=sys.stderr)
            return 2
        for title, places in (("only Azure", score.only_azure), ("only specgen", score.only_specgen)):
            print(f"## {title} ({len(places)})")
            for p in sorted(places):
                print(f"{p.file}:{p.line}:{p.column}: {p.severity} {p.pointer}  {p.message[:160]}")
        return 0
    print(table(comparison))
    return 0


if __name__ == "__main__":
    sys.exit(main())
