"""What `specgen lint` reports on the real specs in specs/, listed explicitly with positions.

A change in what we report (a new rule, a fixed false positive, a moved position) shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HANDWRITTEN_2024_07, HANDWRITTEN_2024_11, SPEC

from generator.lint import lint

VMSS = "virtualMachineScaleSets~1{vmScaleSetName}~1virtualMachines~1{instanceId}~1runCommands~1{runCommandName}"
VMSS_LOWER = "virtualMachineScaleSets~1{vmScaleSetName}~1virtualmachines~1{instanceId}~1runCommand"
VM = "virtualMachines~1{vmName}~1runCommands~1{runCommandName}"
VM_RUN = "virtualMachines~1{vmName}~1runCommand"
LOC = "locations~1{location}~1runCommands"
PROPS = "/definitions/VirtualMachineRunCommandProperties/properties"

# (line, column, severity, rule, end of the JSON pointer)
EXPECTED_SPEC = [
    (327, 11, "error", "ParametersInPointGet", f"{VMSS}/get/parameters/6"),  # $expand
    (490, 9, "error", "LroPatch202", f"{VMSS}/patch/responses"),
    (563, 9, "error", "DeleteResponseCodes", f"{VMSS}/delete/responses"),  # LRO delete lists 200
    (762, 11, "error", "ParametersInPointGet", f"{VM}/get/parameters/5"),
    (911, 9, "error", "LroPatch202", f"{VM}/patch/responses"),
    (977, 9, "error", "DeleteResponseCodes", f"{VM}/delete/responses"),
    (1104, 5, "error", "RequiredPropertiesMissingInResourceModel", "/definitions/RunCommandDocument"),
    (1269, 9, "warning", "EnumInsteadOfBoolean", "/definitions/RunCommandParameterDefinition/properties/required"),
    (1407, 9, "warning", "EnumInsteadOfBoolean", f"{PROPS}/asyncExecution"),
    (1415, 9, "error", "XMSSecretInResponse", f"{PROPS}/runAsPassword"),
    (1450, 9, "warning", "EnumInsteadOfBoolean", f"{PROPS}/treatFailureAsDeploymentFailure"),
]

EXPECTED_HANDWRITTEN_2024_11 = [
    (67, 9, "error", "MissingDefaultResponse", f"{LOC}/get/responses"),
    (115, 9, "error", "MissingDefaultResponse", f"{LOC}~1{{commandId}}/get/responses"),
    (168, 9, "error", "MissingDefaultResponse", f"{VM_RUN}/post/responses"),
    (175, 11, "error", "LroLocationHeader", f"{VM_RUN}/post/responses/202"),
    (235, 9, "error", "MissingDefaultResponse", f"{VMSS_LOWER}/post/responses"),
    (242, 11, "error", "LroLocationHeader", f"{VMSS_LOWER}/post/responses/202"),
    (368, 9, "error", "LroPatch202", f"{VM}/patch/responses"),
    (424, 9, "error", "DeleteResponseCodes", f"{VM}/delete/responses"),
    (428, 11, "error", "LroLocationHeader", f"{VM}/delete/responses/202"),
    (476, 11, "error", "ParametersInPointGet", f"{VM}/get/parameters/3"),
    (701, 9, "error", "LroPatch202", f"{VMSS}/patch/responses"),
    (764, 9, "error", "DeleteResponseCodes", f"{VMSS}/delete/responses"),
    (768, 11, "error", "LroLocationHeader", f"{VMSS}/delete/responses/202"),
    (823, 11, "error", "ParametersInPointGet", f"{VMSS}/get/parameters/4"),
    (989, 9, "warning", "EnumInsteadOfBoolean", "/definitions/RunCommandParameterDefinition/properties/required"),
    (1043, 5, "error", "RequiredPropertiesMissingInResourceModel", "/definitions/RunCommandDocument"),
    (1228, 9, "warning", "EnumInsteadOfBoolean", f"{PROPS}/asyncExecution"),
    (1237, 9, "error", "XMSSecretInResponse", f"{PROPS}/runAsPassword"),
    (1272, 9, "warning", "EnumInsteadOfBoolean", f"{PROPS}/treatFailureAsDeploymentFailure"),
]

EXPECTED_HANDWRITTEN_2024_07 = [
    (62, 9, "error", "MissingDefaultResponse", f"{LOC}/get/responses"),
    (110, 9, "error", "MissingDefaultResponse", f"{LOC}~1{{commandId}}/get/responses"),
    (228, 11, "error", "ParametersInPointGet", f"{VMSS}/get/parameters/4"),
    # example files the 2024-07-01 copy does not carry
    (335, 21, "error", "UnresolvedRef", f"{VMSS}/put/x-ms-examples/Create VirtualMachineScaleSet VM run command./$ref"),
    (391, 9, "error", "LroPatch202", f"{VMSS}/patch/responses"),
    (454, 9, "error", "DeleteResponseCodes", f"{VMSS}/delete/responses"),
    (458, 11, "error", "LroLocationHeader", f"{VMSS}/delete/responses/202"),
    (524, 9, "error", "MissingDefaultResponse", f"{VMSS_LOWER}/post/responses"),
    (531, 11, "error", "LroLocationHeader", f"{VMSS_LOWER}/post/responses/202"),
    (584, 9, "error", "MissingDefaultResponse", f"{VM_RUN}/post/responses"),
    (591, 11, "error", "LroLocationHeader", f"{VM_RUN}/post/responses/202"),
    (695, 11, "error", "ParametersInPointGet", f"{VM}/get/parameters/3"),
    (795, 21, "error", "UnresolvedRef", f"{VM}/put/x-ms-examples/Create or update a run command./$ref"),
    (844, 9, "error", "LroPatch202", f"{VM}/patch/responses"),
    (860, 21, "error", "UnresolvedRef", f"{VM}/patch/x-ms-examples/Update a run command./$ref"),
    (900, 9, "error", "DeleteResponseCodes", f"{VM}/delete/responses"),
    (904, 11, "error", "LroLocationHeader", f"{VM}/delete/responses/202"),
    (919, 21, "error", "UnresolvedRef", f"{VM}/delete/x-ms-examples/Delete a run command./$ref"),
    (927, 5, "error", "RequiredPropertiesMissingInResourceModel", "/definitions/RunCommandDocument"),
    (1098, 9, "warning", "EnumInsteadOfBoolean", "/definitions/RunCommandParameterDefinition/properties/required"),
    (1223, 9, "warning", "EnumInsteadOfBoolean", f"{PROPS}/asyncExecution"),
    (1232, 9, "error", "XMSSecretInResponse", f"{PROPS}/runAsPassword"),
    (1267, 9, "warning", "EnumInsteadOfBoolean", f"{PROPS}/treatFailureAsDeploymentFailure"),
]


@pytest.mark.parametrize("spec, expected", [
    (SPEC, EXPECTED_SPEC),
    (HANDWRITTEN_2024_11, EXPECTED_HANDWRITTEN_2024_11),
    (HANDWRITTEN_2024_07, EXPECTED_HANDWRITTEN_2024_07),
], ids=["typespec-2024-11-01", "handwritten-2024-11-01", "handwritten-2024-07-01"])
def test_real_spec_findings(spec: Path, expected: list[tuple[int, int, str, str, str]]) -> None:
    run = lint([spec], use_suppressions=False)
    assert run.problems == []
    got = [(f.line, f.column, f.severity, f.rule) for f in run.findings]
    assert got == [e[:4] for e in expected]
    for f, e in zip(run.findings, expected):
        assert f.pointer.endswith(e[4]), (f, e)
    lines = spec.read_text(encoding="utf-8").split("\n")
    for f in run.findings:
        text = lines[f.line - 1][f.column - 1:]
        if f.rule == "XMSSecretInResponse":
            assert text.startswith('"runAsPassword"')
        if f.rule in ("LroPatch202", "DeleteResponseCodes", "MissingDefaultResponse"):
            assert text.startswith('"responses"')
        if f.rule == "ParametersInPointGet":
            assert lines[f.line].strip() == '"name": "$expand",'


def test_real_specs_together_match_one_by_one() -> None:
    run = lint([SPEC, HANDWRITTEN_2024_11, HANDWRITTEN_2024_07], use_suppressions=False)
    assert len(run.findings) == len(EXPECTED_SPEC) + len(EXPECTED_HANDWRITTEN_2024_11) + len(EXPECTED_HANDWRITTEN_2024_07)
    assert run.failed


def test_referenced_common_types_are_not_reported_in_the_linted_file() -> None:
    # types.json and common.json are only reached through $refs; nothing in them is reported.
    run = lint([SPEC], use_suppressions=False)
    assert {f.file for f in run.findings} == {run.findings[0].file} and run.findings[0].file.endswith("ComputeRP.runCommands.json")
