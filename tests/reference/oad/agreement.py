"""How far `specgen diff` agrees with the stored oad findings (`tests/data/oad/*.json`).

    PYTHONPATH=. python tests/reference/oad/agreement.py [-v] [PAIR ...]

A finding is its rule id and code, and its old and new location as file (below the spec tree's
root) and JSON Pointer. Two findings agree when id, code and both locations are equal; where oad
gives no location for a side (an addition has no old place, a removal no new one) only the other
side is compared. Findings are counted once per distinct (id, code, old, new): agreement is
matched / (oad's + specgen's - matched), per pair and over all pairs. Severities are compared on
the matched findings (oad's Error/Warning/Info against specgen's default severity). Each pair's
inputs are rebuilt from `mutations.py` and their SHA-256 checked against what oad was run on.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mutations as M

DATA = M.REPO / "tests" / "data" / "oad"

Place = tuple[str, str] | None  # (file below the tree root, JSON Pointer)
Key = tuple[str, str, Place, Place]  # (id, code, old, new)


@dataclass
class PairResult:
    name: str
    oad: list[Key]
    specgen: list[Key]
    matched: list[tuple[Key, Key]] = field(default_factory=list)
    oad_only: list[Key] = field(default_factory=list)
    specgen_only: list[Key] = field(default_factory=list)
    severities: list[tuple[str, str, str]] = field(default_factory=list)  # (id, oad type, specgen severity)
    stale: list[str] = field(default_factory=list)  # inputs that differ from what oad was run on

    @property
    def agreement(self) -> float:
        union = len(self.oad) + len(self.specgen) - len(self.matched)
        return 1.0 if union == 0 else len(self.matched) / union


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return data


def oad_keys(stored: dict[str, Any]) -> dict[Key, str]:
    """Distinct oad findings -> oad's severity (Error | Warning | Info)."""
    out: dict[Key, str] = {}
    for f in stored["findings"]:
        out.setdefault((f["id"], f["code"], _place(f["old"]), _place(f["new"])), f["type"])
    return out


def _place(side: dict[str, Any] | None) -> Place:
    if not side or side.get("file") is None or side.get("pointer") is None:
        return None
    return (side["file"], side["pointer"])


def _tree_relative(file: str, roots: list[Path]) -> str:
    real = os.path.realpath(file)
    for root in roots:
        base = os.path.realpath(root) + os.sep
        if real.startswith(base):
            return real[len(base) :].replace(os.sep, "/")
    return real


def specgen_keys(pair: M.Pair, old_root: Path, new_root: Path) -> dict[Key, str]:
    """Distinct specgen findings (in-process, the wire side of `specgen diff` with its default
    scenario) -> specgen's severity."""
    from generator.diff.oad_diff import oad_findings

    findings, _ = oad_findings(old_root / pair.old, new_root / pair.new, old_root, new_root)
    roots = sorted({old_root, new_root}, key=lambda p: -len(str(p)))
    out: dict[Key, str] = {}
    for f in findings:
        old = (_tree_relative(f.old.file, roots), f.old.pointer) if f.old else None
        new = (_tree_relative(f.new.file, roots), f.new.pointer) if f.new else None
        out.setdefault((f.id, f.code, old, new), f.severity)
    return out


def _agrees(o: Key, s: Key) -> bool:
    return o[0] == s[0] and o[1] == s[1] and (o[2] is None or o[2] == s[2]) and (o[3] is None or o[3] == s[3])


def compare_pair(pair: M.Pair, scratch: Path) -> PairResult:
    stored = load(pair.name)
    old_root, new_root = M.build(pair, scratch / pair.name)
    now = M.fingerprint(old_root, new_root, pair)
    stale = sorted(k for k in set(now) | set(stored["inputs"]) if now.get(k) != stored["inputs"].get(k))
    ours = specgen_keys(pair, old_root, new_root)
    theirs = oad_keys(stored)
    result = PairResult(pair.name, list(theirs), list(ours), stale=stale)
    left = list(ours)
    # Exact matches first, then matches where oad leaves a side open.
    for strict in (True, False):
        for o in [k for k in theirs if k not in {m[0] for m in result.matched}]:
            if strict and (o[2] is None or o[3] is None):
                continue
            hit = next((s for s in left if (s == o if strict else _agrees(o, s))), None)
            if hit is not None:
                result.matched.append((o, hit))
                result.severities.append((o[0], theirs[o], ours[hit]))
                left.remove(hit)
    matched_oad = {m[0] for m in result.matched}
    result.oad_only = [k for k in theirs if k not in matched_oad]
    result.specgen_only = left
    return result


def compare_all(names: list[str] | None = None) -> list[PairResult]:
    todo = [p for p in M.pairs() if (DATA / f"{p.name}.json").is_file() and (not names or p.name in names)]
    with tempfile.TemporaryDirectory(prefix="specgen-agreement-") as tmp:
        return [compare_pair(p, Path(tmp)) for p in todo]


def totals(results: list[PairResult]) -> tuple[int, int, int, float]:
    oad = sum(len(r.oad) for r in results)
    ours = sum(len(r.specgen) for r in results)
    matched = sum(len(r.matched) for r in results)
    union = oad + ours - matched
    return oad, ours, matched, (1.0 if union == 0 else matched / union)


SEVERITY_NAME = {"Error": "error", "Warning": "warning", "Info": "info"}


def summary(results: list[PairResult], verbose: bool = False) -> str:
    oad, ours, matched, agreement = totals(results)
    sev = [s for r in results for s in r.severities]
    sev_same = sum(1 for _, o, s in sev if SEVERITY_NAME[o] == s)
    lines = [
        f"pairs: {len(results)}; distinct findings: oad {oad}, specgen {ours}, agreeing {matched}",
        f"agreement (id, code, old and new file + pointer): {agreement:.1%}",
        f"severity equal on agreeing findings: {sev_same}/{len(sev)}",
    ]
    by_rule_oad: Counter[str] = Counter()
    by_rule_ours: Counter[str] = Counter()
    by_rule_match: Counter[str] = Counter()
    for r in results:
        by_rule_oad.update(k[0] for k in r.oad)
        by_rule_ours.update(k[0] for k in r.specgen)
        by_rule_match.update(m[0][0] for m in r.matched)
    lines.append("rule   oad  specgen  agree")
    for rule in sorted(set(by_rule_oad) | set(by_rule_ours)):
        lines.append(f"{rule}  {by_rule_oad[rule]:5} {by_rule_ours[rule]:8} {by_rule_match[rule]:6}")
    lines.append("pairs below 100%:")
    for r in results:
        if r.agreement < 1.0:
            lines.append(f"  {r.name}: {r.agreement:.0%} (oad {len(r.oad)}, specgen {len(r.specgen)}, agree {len(r.matched)})")
            if verbose:
                lines.extend(f"    oad only:     {k}" for k in r.oad_only)
                lines.extend(f"    specgen only: {k}" for k in r.specgen_only)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="*")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the findings that do not agree")
    args = ap.parse_args(argv)
    print(summary(compare_all(args.pairs or None), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
