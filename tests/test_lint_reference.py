"""specgen lint agrees with Azure's linter (LintDiff) on the test specs, rule by rule.

Azure's findings are recorded by tests/reference/lintdiff/run.sh (the tool's output, normalized);
`lint_reference` matches specgen's against them. For every Azure rule specgen implements (same
name): the same findings, each in the same file at the same node (`line:col`, else JSON pointer),
with the same severity. Every difference left is listed in KNOWN_DIFFERENCES with its reason; a
new one fails, and so does a listed one that no longer occurs. `pytest -s` prints the table.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from conftest import ALL_SPECS, ROOT
from lint_reference import DATA, Comparison, Place, compare, recorded, table

from generator.lint import RULES

TARGET = 0.98  # precision and recall, per rule and overall

_spec = importlib.util.spec_from_file_location("lintdiff_reference", ROOT / "tests/reference/lintdiff/reference.py")
assert _spec is not None and _spec.loader is not None
reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(reference)

RECORDS = {r["spec"]: r for r in recorded()}


@dataclass(frozen=True)
class Known:
    """A difference that stays, and why. `matches` says which unmatched findings it explains."""

    side: str  # "azure": Azure reports it and specgen does not; "specgen": the other way
    reason: str
    matches: Callable[[Place], bool]


# None left on these specs: a difference that appears must be fixed or listed here, with its reason
# and a predicate that picks out exactly the findings it explains.
KNOWN_DIFFERENCES: list[Known] = []


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare()


def test_reference_records_cover_the_test_specs() -> None:
    readme = (ROOT / "specs/specs-arm/README.md").read_text(encoding="utf-8")
    arm = {"specs/specs-arm/" + m for m in re.findall(r"^\| `(specification/[^`]+\.json)` \|", readme, re.MULTILINE)}
    tests = {s.relative_to(ROOT).as_posix() for s in ALL_SPECS}
    assert len(arm) == 6 and set(RECORDS) == arm | tests
    assert {r[0] for r in reference.SPECS.values()} == set(RECORDS)  # the script records exactly these
    data_plane = {spec for spec, r in RECORDS.items() if r["openapi_type"] == "data-plane"}
    assert data_plane == {s for s in RECORDS if "/data-plane/" in s}


@pytest.mark.parametrize("name", sorted(p.stem for p in DATA.glob("*.json")))
def test_reference_records_are_normalized_tool_output(name: str) -> None:
    # Every finding names a rule Azure ran, a file the run read, and the node autorest shows for
    # its JSON path (re-derived here from the file), at least the positions autorest itself showed
    # having been checked when it was recorded.
    record = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    assert record["tools"]["@microsoft.azure/openapi-validator"] == "2.2.4" and record["tools"]["@autorest/core"] == "3.10.9"
    assert record["positions_checked_against_autorest"] > 0
    texts: dict[str, Any] = {}
    for f in record["findings"]:
        assert set(f) == {"rule", "severity", "file", "line", "column", "pointer", "message", "engine", "count"}
        assert f["file"] in record["inputs"] and f["file"] not in record["stand_ins"]
        assert f["rule"] in record["rules"] or f["rule"] == "invalid-ref"  # Spectral's own reference check
        assert f["severity"] in ("error", "warning", "info")
        if f["file"] not in texts:
            texts[f["file"]] = reference.JsonText((ROOT / f["file"]).read_text(encoding="utf-8"))
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in f["pointer"].split("/")[1:]] if f["pointer"] else []
        assert texts[f["file"]].position(tokens) == (f["line"], f["column"]), f


def _unexplained(places: list[Place], side: str) -> list[Place]:
    return [p for p in places if not any(k.side == side and k.matches(p) for k in KNOWN_DIFFERENCES)]


def test_every_difference_is_known(comparison: Comparison) -> None:
    print("\n" + table(comparison))
    unexplained = {
        rule: [f"only {side}: {p.file}:{p.line}:{p.column} {p.pointer} {p.message[:100]}" for side, places in (("Azure", s.only_azure), ("specgen", s.only_specgen)) for p in _unexplained(places, side.lower())]
        for rule, s in comparison.scores.items()
    }
    assert {rule: rows for rule, rows in unexplained.items() if rows} == {}
    for known in KNOWN_DIFFERENCES:  # a listed difference that no longer occurs is stale
        side = [p for s in comparison.scores.values() for p in (s.only_azure if known.side == "azure" else s.only_specgen)]
        assert any(known.matches(p) for p in side), known.reason


def _adjusted(azure: int, specgen: int, matched: int, only_azure: list[Place], only_specgen: list[Place]) -> tuple[float, float]:
    """Precision and recall with the listed differences left out of both counts."""
    known_azure = len(only_azure) - len(_unexplained(only_azure, "azure"))
    known_specgen = len(only_specgen) - len(_unexplained(only_specgen, "specgen"))
    precision = matched / (specgen - known_specgen) if specgen - known_specgen else 1.0
    recall = matched / (azure - known_azure) if azure - known_azure else 1.0
    return precision, recall


def test_agreement_per_rule_and_overall(comparison: Comparison) -> None:
    below = {}
    totals = [0, 0, 0]
    everything: tuple[list[Place], list[Place]] = ([], [])
    for s in comparison.scores.values():
        precision, recall = _adjusted(s.azure, s.specgen, s.matched, s.only_azure, s.only_specgen)
        if precision < TARGET or recall < TARGET:
            below[s.rule] = (round(precision, 3), round(recall, 3))
        totals = [totals[0] + s.azure, totals[1] + s.specgen, totals[2] + s.matched]
        everything[0].extend(s.only_azure)
        everything[1].extend(s.only_specgen)
    assert below == {}
    assert min(_adjusted(*totals, *everything)) >= TARGET
    assert totals[0] >= 2000  # the records still hold Azure's findings for the rules compared


def test_severities_agree(comparison: Comparison) -> None:
    for s in comparison.scores.values():
        assert s.severity_agrees == s.matched, s.rule
    for record in RECORDS.values():
        for rule, severity in record["rules"].items():
            if rule in RULES and RULES[rule].source == "azure":
                assert RULES[rule].severity == severity, (rule, record["spec"])


# Azure rules specgen implements that LintDiff never runs on ARM or data-plane specs.
NOT_RUN_BY_AZURE = {
    "ArraySchemaMustHaveItems": "Azure registers its rule for the `default` openapi-type only; specgen keeps the "
    "check, since an array schema without items cannot be generated",
}


def test_rule_sets_per_openapi_type_are_azures() -> None:
    # specgen runs a rule on a spec exactly when Azure runs it for that spec's openapi-type.
    for record in RECORDS.values():
        for rule, info in RULES.items():
            if info.source == "azure" and rule not in NOT_RUN_BY_AZURE:
                assert (record["openapi_type"] in info.applies_to) == (rule in record["rules"]), (rule, record["spec"])


def test_azure_rule_names_are_azure_rules() -> None:
    # A rule specgen says is Azure's runs in Azure's linter for ARM or data-plane specs.
    azure = set().union(*(r["rules"] for r in RECORDS.values()))
    ours = {rule for rule, info in RULES.items() if info.source == "azure"}
    assert ours - azure == set(NOT_RUN_BY_AZURE)
