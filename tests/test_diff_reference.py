"""`specgen diff` against Azure's own breaking-change tool, oad 0.12.4: the findings oad printed
for each pair of `tests/reference/oad/mutations.py` are stored in `tests/data/oad/` (by
`tests/reference/oad/run_oad.py`; nothing there is written by hand). No node or .NET needed here.

Agreement is on rule id, code and place (file and JSON Pointer, old and new); see
`tests/reference/oad/agreement.py`, which prints the same summary as a script.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "reference" / "oad"))

import agreement as A
import mutations as M

from generator.diff.rules import COVERED, NOT_COVERED

# Measured over all stored pairs (see the README's "specgen diff and oad" for the differences that
# remain and why). A change that makes specgen agree less fails here.
AGREEMENT = 0.995
SEVERITY_AGREEMENT = 1.0


@pytest.fixture(scope="module")
def results() -> list[A.PairResult]:
    return A.compare_all()


def test_every_pair_has_stored_oad_findings() -> None:
    missing = [p.name for p in M.pairs() if not (A.DATA / f"{p.name}.json").is_file()]
    assert not missing, f"run tests/reference/oad/run_oad.py --only {' '.join(missing)}"
    stored = {p.stem for p in A.DATA.glob("*.json")}
    assert stored == {p.name for p in M.pairs()}, stored ^ {p.name for p in M.pairs()}


def test_stored_findings_are_for_these_inputs(results: list[A.PairResult]) -> None:
    """Editing a mutation (or a spec) without running oad again makes its stored findings stale."""
    stale = {r.name: r.stale for r in results if r.stale}
    assert not stale, f"run tests/reference/oad/run_oad.py --only {' '.join(stale)}"


def test_every_covered_rule_has_a_mutation() -> None:
    rules = {m.rule for m in M.MUTATIONS}
    assert set(COVERED) - {"1001"} <= rules, set(COVERED) - rules  # 1001: the unchanged pair
    assert set(COVERED) | set(NOT_COVERED) == rules | {"1001", "1031"}


def test_agreement_with_oad(results: list[A.PairResult], capsys: pytest.CaptureFixture[str]) -> None:
    oad, _, _, agreement = A.totals(results)
    with capsys.disabled():
        print("\n" + A.summary(results))
    assert len(results) == len(M.pairs()) and oad > 0
    assert agreement >= AGREEMENT, A.summary(results, verbose=True)
    severities = [s for r in results for s in r.severities]
    same = sum(1 for _, o, s in severities if A.SEVERITY_NAME[o] == s)
    assert same / len(severities) >= SEVERITY_AGREEMENT, [s for s in severities if A.SEVERITY_NAME[s[1]] != s[2]]


def test_real_pairs_agree_rule_by_rule(results: list[A.PairResult]) -> None:
    """The upstream pairs, rule by rule: the per-use findings (1032 at every body and response
    that uses VirtualMachineRunCommand, 1017 at each parameter list), 1041/1045, 1033 on the
    common-types base model, 1026 on a base type and 1001 on the unchanged pair."""
    by_name = {r.name: r for r in results}
    for name in ("versions", "layouts", "unchanged"):
        r = by_name[name]
        assert sorted(k[0] for k in r.oad) == sorted(k[0] for k in r.specgen), name
    layouts = by_name["layouts"]
    assert sum(1 for k in layouts.oad if k[0] == "1032") > 10  # one per use, and the definition
    assert {k[0] for k in by_name["unchanged"].specgen} == {"1001"}
