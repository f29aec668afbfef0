"""`specgen lint` on the real runCommands specs: which files a run lints, and what specgen's own
rules report there, listed explicitly with positions. Azure's rules are held to Azure's own
findings on these specs (and six more) in test_lint_reference.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HANDWRITTEN_2024_07, HANDWRITTEN_2024_11, SPEC, STABLE

from generator.lint import RULES, lint

COMMON = STABLE.parents[1] / "common-types/v1/common.json"  # Microsoft.Compute's own common file
VMSS = "virtualMachineScaleSets~1{vmScaleSetName}~1virtualMachines~1{instanceId}~1runCommands~1{runCommandName}"
VM = "virtualMachines~1{vmName}~1runCommands~1{runCommandName}"

# specgen's own rules, (file, line, column, rule, end of the JSON pointer): example files the
# copies here do not carry, and computeRPCommon.json's reference to virtualMachine.json, which
# is not here (specs/UPSTREAM.md).
COMMON_2024_11 = [
    ("computeRPCommon.json", 68, 21, "UnresolvedRef", "Operations_List_MaximumSet_Gen/$ref"),
    ("computeRPCommon.json", 71, 21, "UnresolvedRef", "Operations_List_MinimumSet_Gen/$ref"),
    ("computeRPCommon.json", 118, 21, "UnresolvedRef", "Usage_List_MaximumSet_Gen/$ref"),
    ("computeRPCommon.json", 121, 21, "UnresolvedRef", "Usage_List_MinimumSet_Gen/$ref"),
    ("computeRPCommon.json", 168, 21, "UnresolvedRef", "VirtualMachineSizes_List_MaximumSet_Gen/$ref"),
    ("computeRPCommon.json", 171, 21, "UnresolvedRef", "VirtualMachineSizes_List_MinimumSet_Gen/$ref"),
    ("computeRPCommon.json", 1626, 21, "UnresolvedRef", "networkInterfaceConfigurations/items/$ref"),
]
COMMON_2024_07 = [
    ("computeRPCommon.json", 65, 21, "UnresolvedRef", "Operations_List_MaximumSet_Gen/$ref"),
    ("computeRPCommon.json", 68, 21, "UnresolvedRef", "Operations_List_MinimumSet_Gen/$ref"),
    ("computeRPCommon.json", 115, 21, "UnresolvedRef", "Usage_List_MaximumSet_Gen/$ref"),
    ("computeRPCommon.json", 118, 21, "UnresolvedRef", "Usage_List_MinimumSet_Gen/$ref"),
    ("computeRPCommon.json", 165, 21, "UnresolvedRef", "VirtualMachineSizes_List_MaximumSet_Gen/$ref"),
    ("computeRPCommon.json", 168, 21, "UnresolvedRef", "VirtualMachineSizes_List_MinimumSet_Gen/$ref"),
    ("computeRPCommon.json", 1246, 21, "UnresolvedRef", "networkInterfaceConfigurations/items/$ref"),
]
OWN_2024_07 = [
    ("runCommand.json", 335, 21, "UnresolvedRef", f"{VMSS}/put/x-ms-examples/Create VirtualMachineScaleSet VM run command./$ref"),
    ("runCommand.json", 795, 21, "UnresolvedRef", f"{VM}/put/x-ms-examples/Create or update a run command./$ref"),
    ("runCommand.json", 860, 21, "UnresolvedRef", f"{VM}/patch/x-ms-examples/Update a run command./$ref"),
    ("runCommand.json", 919, 21, "UnresolvedRef", f"{VM}/delete/x-ms-examples/Delete a run command./$ref"),
]


def own_rules(spec: Path) -> list[tuple[str, int, int, str, str]]:
    run = lint([spec], use_suppressions=False)
    assert run.problems == []
    return [(Path(f.file).name, f.line, f.column, f.rule, f.pointer) for f in run.findings if RULES[f.rule].source == "specgen"]


@pytest.mark.parametrize("spec, expected", [
    (SPEC, []),
    (HANDWRITTEN_2024_11, COMMON_2024_11),
    (HANDWRITTEN_2024_07, COMMON_2024_07 + OWN_2024_07),
], ids=["typespec-2024-11-01", "handwritten-2024-11-01", "handwritten-2024-07-01"])
def test_specgen_rules_on_real_specs(spec: Path, expected: list[tuple[str, int, int, str, str]]) -> None:
    got = own_rules(spec)
    assert [g[:4] for g in got] == [e[:4] for e in expected]
    for g, e in zip(got, expected):
        assert g[4].endswith(e[4]), (g, e)
    for name, line, column, _, _ in got:  # each at the culprit: the "$ref" value
        text = (spec.parent / name).read_text(encoding="utf-8").split("\n")[line - 1][column - 1:]
        assert text.startswith('"./')


def test_files_reached_by_ref_are_linted_as_their_own() -> None:
    # As Azure's linter: the spec and Microsoft.Compute's common.json; never the shared ARM
    # common-types (common-types/resource-management), which the spec reaches too.
    run = lint([SPEC], use_suppressions=False)
    assert run.files == [SPEC, COMMON.resolve()]
    assert {Path(f.file).name for f in run.findings} == {SPEC.name, COMMON.name}
    in_common = [f for f in run.findings if f.real == COMMON.resolve()]
    assert in_common and all(f.file.endswith("common-types/v1/common.json") for f in in_common)


def test_follow_refs_off_lints_the_named_file_only() -> None:
    run = lint([SPEC], use_suppressions=False, follow_refs=False)
    assert run.files == [SPEC] and {Path(f.file).name for f in run.findings} == {SPEC.name}


def test_real_specs_together_match_one_by_one() -> None:
    # A file reached from several specs is linted once; nothing else changes.
    together = lint([SPEC, HANDWRITTEN_2024_11, HANDWRITTEN_2024_07], use_suppressions=False)
    one_by_one: set[object] = set()
    for spec in (SPEC, HANDWRITTEN_2024_11, HANDWRITTEN_2024_07):
        one_by_one |= set(lint([spec], use_suppressions=False).findings)
    assert set(together.findings) == one_by_one and together.failed
    assert len(together.files) == len(set(together.files)) == 6


def test_findings_sit_on_the_node_azure_reports() -> None:
    lines = SPEC.read_text(encoding="utf-8").split("\n")
    run = lint([SPEC], use_suppressions=False, follow_refs=False)
    starts = {"PutResponseCodes": '"put"', "DeleteResponseCodes": '"delete"', "LroPatch202": '"responses"',
              "ParametersInPointGet": '"parameters"', "EnumInsteadOfBoolean": '"', "XMSSecretInResponse": ('"runAsPassword"', '"properties"')}
    seen = set()
    for f in run.findings:
        if f.rule in starts:
            seen.add(f.rule)
            assert lines[f.line - 1][f.column - 1:].startswith(starts[f.rule]), f
    assert seen == set(starts) - {"PutResponseCodes"}  # every PUT here has exactly 200, 201, default
