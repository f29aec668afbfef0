"""`specgen diff`: real spec pairs, one mutation per covered openapi-diff rule, reports, CLI."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import HANDWRITTEN_2024_07, HANDWRITTEN_2024_11, ROOT, SPEC

from generator.diff.report import (
    bump_summary,
    recorded_header,
    run_diff,
    to_json,
    to_markdown,
    version_bump_notice,
)
from generator.diff.rules import COVERED, NOT_COVERED, RULES, SEVERITY, severity
from generator.errors import escape_pointer_token

SPECS = ROOT / "specs/azure-rest-api-specs"
MAIN = SPEC.relative_to(SPECS)  # specification/.../2024-11-01/ComputeRP.runCommands.json
TYPES = Path("specification/common-types/resource-management/v3/types.json")


def _p(*tokens: str) -> str:
    return "".join("/" + escape_pointer_token(t) for t in tokens)


_BASE = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}"
VM = _p("paths", _BASE + "/runCommands/{runCommandName}")  # get, put, patch, delete
LIST_VM = _p("paths", _BASE + "/runCommands")  # get (ListByVirtualMachine): params 0-3, $expand at 4
LOC = _p("paths", "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/runCommands")
PREVIEW = _p("paths", "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/runCommandsPreview")
VRP = "/definitions/VirtualMachineRunCommandProperties"  # request and response
LIST_RESULT = "/definitions/RunCommandListResult"  # response only


# -- the mutated tree ---------------------------------------------------------------------------


def _get(doc: Any, pointer: str) -> Any:
    node = doc
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _parent(doc: Any, pointer: str) -> tuple[Any, str | int]:
    head, _, last = pointer.rpartition("/")
    token = last.replace("~1", "/").replace("~0", "~")
    parent = _get(doc, head)
    return parent, (int(token) if isinstance(parent, list) else token)


def put(pointer: str, value: Any) -> Callable[[Any], None]:
    def apply(doc: Any) -> None:
        parent, key = _parent(doc, pointer)
        if isinstance(parent, list) and key == len(parent):
            parent.append(copy.deepcopy(value))
        else:
            parent[key] = copy.deepcopy(value)

    return apply


def delete(pointer: str) -> Callable[[Any], None]:
    def apply(doc: Any) -> None:
        parent, key = _parent(doc, pointer)
        del parent[key]

    return apply


def copy_to(src: str, dst: str) -> Callable[[Any], None]:
    def apply(doc: Any) -> None:
        put(dst, _get(doc, src))(doc)

    return apply


def each(*steps: Callable[[Any], None]) -> Callable[[Any], None]:
    def apply(doc: Any) -> None:
        for step in steps:
            step(doc)

    return apply


def _dump(doc: Any) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def position(doc: Any, pointer: str) -> tuple[int, int]:
    """Line and column of the member name (or array item) at `pointer` in `_dump(doc)`, found
    independently of the code under test: put a sentinel there and look for it in the text."""
    marked = copy.deepcopy(doc)
    parent, key = _parent(marked, pointer)
    parent[key] = "@@SENTINEL@@"
    text = _dump(marked)
    offset = text.index('"@@SENTINEL@@"')
    if isinstance(parent, dict):
        offset -= len(json.dumps(key, ensure_ascii=False)) + 2  # back over `"key": `
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.fixture(scope="session")
def base_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The spec tree (no examples) with every JSON file re-serialised, so the test can compute
    positions independently; the base of every mutation."""
    root = tmp_path_factory.mktemp("specs")
    shutil.copytree(SPECS / "specification", root / "specification", ignore=shutil.ignore_patterns("examples"))
    for path in root.rglob("*.json"):
        path.write_text(_dump(json.loads(path.read_text(encoding="utf-8"))), encoding="utf-8")
    return root


def _tree(base: Path, dest: Path, mutate: dict[Path, Callable[[Any], None]]) -> dict[Path, Any]:
    shutil.copytree(base, dest)
    docs = {}
    for rel, fn in mutate.items():
        doc = json.loads((dest / rel).read_text(encoding="utf-8"))
        fn(doc)
        (dest / rel).write_text(_dump(doc), encoding="utf-8")
        docs[rel] = doc
    return docs


# -- one mutation per rule ----------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    severities: tuple[str, str]  # (same version, cross version)
    old: str  # pointer of the old location
    new: str  # pointer of the new location
    after: Callable[[Any], None]  # applied to the new spec
    before: Callable[[Any], None] | None = None  # applied to both (a starting point)
    also: tuple[str, ...] = ()  # other rule ids the same edit inherently triggers
    old_file: Path = MAIN
    new_file: Path = MAIN
    name: str = ""


STR = {"type": "string"}
MARKER = {"type": "object", "properties": {}}
CASES = [
    Case("1000", ("error", "error"), "/info/version", "/info/version", put("/info/version", "2024-07-01")),
    Case("1002", ("error", "error"), "/schemes", "/schemes", put("/schemes", ["https"]), before=put("/schemes", ["https", "http"])),
    Case("1003", ("error", "error"), "/consumes", "/consumes", put("/consumes", ["application/json"]), before=put("/consumes", ["application/json", "text/json"])),
    Case("1004", ("error", "warning"), "/produces", "/produces", put("/produces", ["application/json", "text/plain"])),
    Case("1005", ("error", "error"), LOC, "/paths", delete(LOC)),
    Case("1006", ("error", "error"), "/definitions/InstanceViewStatus", "/definitions", each(
        copy_to("/definitions/InstanceViewStatus", "/definitions/Status"),
        put("/definitions/RunCommandResult/properties/value/items", {"$ref": "#/definitions/Status"}),
        put("/definitions/VirtualMachineRunCommandInstanceView/properties/statuses/items", {"$ref": "#/definitions/Status"}),
        delete("/definitions/InstanceViewStatus"),
    )),
    Case("1007", ("error", "error"), "/parameters/ApiVersionParameter", "/paths", lambda doc: [
        item[m]["parameters"].pop(0) for item in doc["paths"].values() for m in item if isinstance(item[m], dict) and m != "parameters"
    ], old_file=TYPES),
    Case("1008", ("error", "error"), VM + "/get/operationId", VM + "/get/operationId", put(VM + "/get/operationId", "VirtualMachineRunCommands_Fetch")),
    Case("1009", ("error", "error"), VM + "/put/parameters/5", VM + "/put/parameters", delete(VM + "/put/parameters/5")),
    Case("1010", ("error", "error"), LIST_VM + "/get/parameters", LIST_VM + "/get/parameters/5", put(LIST_VM + "/get/parameters/5", {"name": "$filter", "in": "query", "required": True, "type": "string"})),
    Case("1011", ("error", "warning"), VM + "/get/responses", VM + "/get/responses/404", put(VM + "/get/responses/404", {"description": "Not found."})),
    Case("1012", ("error", "error"), VM + "/put/responses/201", VM + "/put/responses", delete(VM + "/put/responses/201")),
    Case("1013", ("error", "info"), VM + "/put/responses/200", VM + "/put/responses/200/headers/x-ms-request-id", put(VM + "/put/responses/200/headers", {"x-ms-request-id": STR})),
    Case("1014", ("error", "error"), VM + "/put/responses/201/headers/Retry-After", VM + "/put/responses/201/headers", delete(VM + "/put/responses/201/headers/Retry-After")),
    Case("1015", ("error", "error"), LIST_VM + "/get/parameters/4/in", LIST_VM + "/get/parameters/4/in", put(LIST_VM + "/get/parameters/4/in", "header")),
    Case("1016", ("error", "error"), LIST_VM + "/get/parameters/4/enum", LIST_VM + "/get/parameters/4/enum", put(LIST_VM + "/get/parameters/4/enum", ["instanceView"]),
         before=each(put(LIST_VM + "/get/parameters/4/required", True), put(LIST_VM + "/get/parameters/4/enum", ["instanceView", "userData"])), also=("1019",)),
    Case("1017", ("error", "warning"), VRP + "/properties/outputBlobManagedIdentity/$ref", VRP + "/properties/outputBlobManagedIdentity/$ref", each(
        copy_to("/definitions/RunCommandManagedIdentity", "/definitions/BlobIdentity"),
        put(VRP + "/properties/outputBlobManagedIdentity/$ref", "#/definitions/BlobIdentity"),
    )),
    Case("1019", ("error", "error"), "/definitions/ExecutionState/enum", "/definitions/ExecutionState/enum", delete("/definitions/ExecutionState/enum/6")),
    Case("1020", ("error", "info"), "/definitions/ExecutionState/enum", "/definitions/ExecutionState/enum", put("/definitions/ExecutionState/enum/7", "Paused"), name="extensible"),
    Case("1020", ("error", "warning"), "/definitions/StatusLevelTypes/enum", "/definitions/StatusLevelTypes/enum", put("/definitions/StatusLevelTypes/enum/3", "Debug"), name="closed"),
    Case("1021", ("error", "warning"), "/definitions/RunCommandManagedIdentity", "/definitions/RunCommandManagedIdentity/additionalProperties", put("/definitions/RunCommandManagedIdentity/additionalProperties", STR)),
    Case("1022", ("error", "error"), "/definitions/UpdateResource/properties/tags/additionalProperties", "/definitions/UpdateResource/properties/tags", delete("/definitions/UpdateResource/properties/tags/additionalProperties")),
    Case("1023", ("error", "error"), LIST_RESULT + "/properties/nextLink/format", LIST_RESULT + "/properties/nextLink/format", put(LIST_RESULT + "/properties/nextLink/format", "url")),
    Case("1023", ("error", "info"), VM + "/put/responses/201/headers/Retry-After/format", VM + "/put/responses/201/headers/Retry-After/format", put(VM + "/put/responses/201/headers/Retry-After/format", "int32"),
         before=put(VM + "/put/responses/201/headers/Retry-After/format", "int64"), name="int64->int32 in a response"),
    Case("1024", ("error", "error"), VRP + "/properties/runAsUser", VRP + "/properties/runAsUser/maxLength", put(VRP + "/properties/runAsUser/maxLength", 64), name="request"),
    Case("1024", ("error", "info"), LIST_RESULT + "/properties/nextLink", LIST_RESULT + "/properties/nextLink/maxLength", put(LIST_RESULT + "/properties/nextLink/maxLength", 2048), name="response only"),
    Case("1025", ("error", "error"), VRP, VRP + "/required/0", put(VRP + "/required", ["runAsUser"]), name="property optional->required"),
    Case("1025", ("error", "info"), LIST_RESULT + "/required", LIST_RESULT + "/required/1", put(LIST_RESULT + "/required/1", "nextLink"), name="response property optional->required"),
    Case("1025", ("error", "error"), LIST_VM + "/get/parameters/4/required", LIST_VM + "/get/parameters/4/required", put(LIST_VM + "/get/parameters/4/required", True), name="parameter optional->required"),
    Case("1025", ("error", "info"), LIST_VM + "/get/parameters/4/required", LIST_VM + "/get/parameters/4/required", put(LIST_VM + "/get/parameters/4/required", False),
         before=put(LIST_VM + "/get/parameters/4/required", True), name="parameter required->optional"),
    Case("1026", ("error", "error"), VRP + "/properties/timeoutInSeconds/type", VRP + "/properties/timeoutInSeconds/type", put(VRP + "/properties/timeoutInSeconds/type", "string")),
    Case("1027", ("error", "error"), VRP + "/properties/asyncExecution", VRP + "/properties/asyncExecution/default", put(VRP + "/properties/asyncExecution/default", True)),
    Case("1028", ("error", "error"), LIST_VM + "/get/parameters/5/collectionFormat", LIST_VM + "/get/parameters/5/collectionFormat", put(LIST_VM + "/get/parameters/5/collectionFormat", "multi"),
         before=put(LIST_VM + "/get/parameters/5", {"name": "$select", "in": "query", "type": "array", "items": STR, "collectionFormat": "csv"})),
    Case("1029", ("error", "error"), VRP + "/properties/provisioningState/readOnly", VRP + "/properties/provisioningState", delete(VRP + "/properties/provisioningState/readOnly")),
    Case("1030", ("error", "error"), "/definitions/RunCommandDocumentBase", "/definitions/RunCommandDocumentBase/discriminator", put("/definitions/RunCommandDocumentBase/discriminator", "osType")),
    Case("1032", ("error", "warning"), "/definitions/VirtualMachineRunCommandUpdate/allOf", "/definitions/VirtualMachineRunCommandUpdate/allOf", each(
        put("/definitions/Marker", MARKER), put("/definitions/VirtualMachineRunCommandUpdate/allOf/1", {"$ref": "#/definitions/Marker"}),
    )),
    Case("1033", ("error", "error"), VRP + "/properties/runAsUser", VRP + "/properties", delete(VRP + "/properties/runAsUser")),
    Case("1034", ("error", "error"), VRP + "/properties", VRP + "/properties/newProp", each(put(VRP + "/properties/newProp", STR), put(VRP + "/required", ["newProp"]))),
    Case("1035", ("error", "error"), VM + "/delete", VM, delete(VM + "/delete")),
    Case("1036", ("error", "error"), VRP + "/properties/runAsUser", VRP + "/properties/runAsUser/pattern", put(VRP + "/properties/runAsUser/pattern", "^[a-z]+$")),
    Case("1037", ("error", "error"), VRP + "/properties/runAsUser/maxLength", VRP + "/properties/runAsUser/maxLength", put(VRP + "/properties/runAsUser/maxLength", 128),
         before=put(VRP + "/properties/runAsUser/maxLength", 64), name="request and response"),
    Case("1037", ("error", "info"), LIST_VM + "/get/parameters/4/maxLength", LIST_VM + "/get/parameters/4/maxLength", put(LIST_VM + "/get/parameters/4/maxLength", 20),
         before=put(LIST_VM + "/get/parameters/4/maxLength", 10), name="request only"),
    Case("1038", ("error", "info"), "/paths", PREVIEW, each(copy_to(LOC, PREVIEW), put(PREVIEW + "/get/operationId", "VirtualMachineRunCommands_ListPreview"))),
    Case("1039", ("error", "info"), VM, VM + "/head", each(copy_to(VM + "/get", VM + "/head"), put(VM + "/head/operationId", "VirtualMachineRunCommands_Exists"))),
    Case("1040", ("error", "info"), VRP + "/properties", VRP + "/properties/newProp", put(VRP + "/properties/newProp", {"type": "string", "readOnly": True})),
    Case("1041", ("error", "info"), LIST_RESULT + "/properties", LIST_RESULT + "/properties/count", put(LIST_RESULT + "/properties/count", {"type": "integer"})),
    Case("1042", ("error", "warning"), LIST_VM + "/get/parameters/4", LIST_VM + "/get/parameters/0", lambda doc: _get(doc, LIST_VM + "/get/parameters").insert(0, _get(doc, LIST_VM + "/get/parameters").pop(4))),
    Case("1043", ("error", "info"), LIST_VM + "/get/parameters", LIST_VM + "/get/parameters/5", put(LIST_VM + "/get/parameters/5", {"name": "$top", "in": "query", "type": "integer"})),
    Case("1044", ("error", "error"), VM + "/delete/x-ms-long-running-operation", VM + "/delete/x-ms-long-running-operation", put(VM + "/delete/x-ms-long-running-operation", False)),
    Case("1045", ("error", "info"), VRP + "/properties", VRP + "/properties/newProp", put(VRP + "/properties/newProp", STR)),
    Case("1046", ("error", "error"), LIST_VM + "/get/parameters/4", LIST_VM + "/get/parameters", delete(LIST_VM + "/get/parameters/4")),
    Case("1047", ("error", "error"), "/definitions/OperatingSystemTypes/x-ms-enum/modelAsString", "/definitions/OperatingSystemTypes/x-ms-enum/modelAsString", put("/definitions/OperatingSystemTypes/x-ms-enum/modelAsString", True), name="modelAsString"),
    Case("1047", ("error", "error"), "/definitions/StatusLevelTypes/x-ms-enum/name", "/definitions/StatusLevelTypes/x-ms-enum/name", put("/definitions/StatusLevelTypes/x-ms-enum/name", "StatusLevel"), name="name"),
    Case("1048", ("error", "error"), "/definitions/StatusLevelTypes", "/definitions/StatusLevelTypes/x-ms-enum", put("/definitions/StatusLevelTypes/x-ms-enum", {"name": "StatusLevelTypes", "modelAsString": False}),
         before=delete("/definitions/StatusLevelTypes/x-ms-enum")),
    Case("1049", ("error", "error"), "/definitions/StatusLevelTypes/x-ms-enum", "/definitions/StatusLevelTypes", delete("/definitions/StatusLevelTypes/x-ms-enum")),
    Case("1050", ("error", "error"), LIST_VM + "/get/parameters/4", LIST_VM + "/get/parameters/4/x-ms-parameter-location", put(LIST_VM + "/get/parameters/4/x-ms-parameter-location", "client")),
]


def _case_id(case: Case) -> str:
    return f"{case.id}-{RULES[case.id].code}" + (f"-{case.name}" if case.name else "")


@pytest.mark.parametrize("scenario", ["same", "cross"])
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_mutation(case: Case, scenario: str, base_tree: Path, tmp_path: Path) -> None:
    old_root = base_tree
    old_docs: dict[Path, Any] = {}
    if case.before:
        old_root = tmp_path / "old"
        old_docs = _tree(base_tree, old_root, {MAIN: case.before})
    new_docs = _tree(base_tree, tmp_path / "new", {MAIN: each(*(s for s in (case.before, case.after) if s))})
    result = run_diff(old_root / MAIN, tmp_path / "new" / MAIN, scenario=scenario, old_root=old_root, new_root=tmp_path / "new")
    findings = [f for f in result.findings if f.id != "1001"]  # the version note, tested apart
    assert {f.id for f in findings} == {case.id, *case.also}, [(f.id, f.message) for f in findings]
    mine = [f for f in findings if f.id == case.id]
    expected_severity = case.severities[0 if scenario == "same" else 1]
    assert {f.severity for f in mine} == {expected_severity}
    assert all(f.code == RULES[case.id].code for f in mine)

    def doc(side: str, rel: Path) -> Any:
        docs, root = (old_docs, old_root) if side == "old" else (new_docs, tmp_path / "new")
        return docs[rel] if rel in docs else json.loads((root / rel).read_text(encoding="utf-8"))

    want_old = (case.old_file.name, case.old, position(doc("old", case.old_file), case.old))
    want_new = (case.new_file.name, case.new, position(doc("new", case.new_file), case.new))
    got = [((Path(f.old.file).name, f.old.pointer, (f.old.line, f.old.col)), (Path(f.new.file).name, f.new.pointer, (f.new.line, f.new.col))) for f in mine if f.old and f.new]
    assert (want_old, want_new) in got, got


def test_every_covered_rule_has_a_mutation() -> None:
    assert {c.id for c in CASES} | {"1001"} == set(COVERED)
    assert set(COVERED) | set(NOT_COVERED) == set(RULES)
    assert len(COVERED) >= 30


def test_severity_table_is_complete_and_scenarios_differ() -> None:
    for rule_id in RULES:
        assert (rule_id, "") in SEVERITY
    for (rule_id, _variant), row in SEVERITY.items():
        assert set(row) == {"same", "cross"} and set(row.values()) <= {"error", "warning", "info"}
        assert rule_id in RULES
    # Same version: everything but the version note is an error, additions included.
    assert {row["same"] for (rid, _), row in SEVERITY.items() if rid != "1001"} == {"error"}
    # Cross version: additions are info, removals and type/constraint/enum/LRO changes errors.
    for rid in ("1038", "1039", "1040", "1041", "1043", "1045"):
        assert severity(rid, "cross") == "info"
    for rid in ("1005", "1009", "1019", "1026", "1023", "1024", "1033", "1035", "1044", "1047"):
        assert severity(rid, "cross") == "error"
    assert severity("1042", "cross") == severity("1032", "cross") == "warning"


# -- real specs ---------------------------------------------------------------------------------


def test_only_the_version_changed_2024_07_to_2024_11() -> None:
    result = run_diff(HANDWRITTEN_2024_07, HANDWRITTEN_2024_11)
    assert (result.old.api_version, result.new.api_version) == ("2024-07-01", "2024-11-01")
    assert result.scenario == "cross" and result.scenario_source == "info.version"
    assert result.findings == () and result.python == ()
    md = to_markdown(result)
    assert "The api-version changed from 2024-07-01 to 2024-11-01; nothing else changed: no API change." in md


# The real differences between the hand-written and the TypeSpec layout of 2024-11-01.
# (rule id, group, subject of the message, how many)
LAYOUT_DIFFERENCES = {
    ("1001", "spec", ""): 1,  # same api-version, edited in place: the version note
    ("1003", "spec", ""): 1,  # 'text/json' dropped from consumes
    # The VMSS VM run-command path changed case: .../virtualmachines/... -> .../virtualMachines/...
    ("1005", "path", ""): 1,
    ("1038", "path", ""): 1,
    # Error model: the list/get/runCommand operations now declare a 'default' (CloudError) response.
    ("1011", "operation", ""): 3,
    # Long-running responses now document Location and Retry-After headers.
    ("1013", "operation", "response"): 14,
    # Parameters from common-types v3: resourceGroupName gains minLength 1, maxLength 90 and a
    # pattern (11 operations: the 12th is on the path whose case changed); location gains
    # minLength 1 and loses its pattern; api-version gains minLength 1 (reported once: one place).
    ("1024", "operation", "parameter `resourceGroupName`"): 22,
    ("1036", "operation", "parameter `resourceGroupName`"): 11,
    ("1024", "operation", "parameter `location`"): 2,
    ("1036", "operation", "parameter `location`"): 2,
    ("1024", "operation", "parameter `api-version`"): 1,
    # TypeSpec lists api-version first: every operation with a query or body parameter reorders.
    ("1042", "operation", ""): 18,
    # VirtualMachineRunCommand is now a TrackedResource (common-types v3), with systemData.
    ("1032", "model", "VirtualMachineRunCommand"): 1,
    ("1040", "model", "VirtualMachineRunCommand"): 1,
    # nextLink is format: uri now; default: false is gone from asyncExecution,
    # treatFailureAsDeploymentFailure and RunCommandParameterDefinition.required.
    ("1023", "model", "RunCommandListResult.nextLink"): 1,
    ("1023", "model", "VirtualMachineRunCommandsListResult.nextLink"): 1,
    ("1027", "model", "VirtualMachineRunCommandProperties.asyncExecution"): 1,
    ("1027", "model", "VirtualMachineRunCommandProperties.treatFailureAsDeploymentFailure"): 1,
    ("1027", "model", "RunCommandParameterDefinition.required"): 1,
}
LAYOUT_PYTHON = [
    "`Resource`: field `location` removed (wire name 'location')",
    "`Resource`: field `tags` removed (wire name 'tags')",
    "class `CreatedByType` added",
    "class `SystemData` added",
    "class `TrackedResource` added",
    "`Resource`: field `system_data` added",
    "`VirtualMachineRunCommand`: field `system_data` added",
]


def _key(f: Any) -> tuple[str, str, str]:
    subject = f.message.split(": ", 1)[0] if ": " in f.message and not f.message.startswith("The ") else ""
    if f.id in ("1024", "1036") and subject.startswith("parameter"):
        return (f.id, f.group.split(" ")[0], subject)
    if f.id == "1013":
        return (f.id, f.group.split(" ")[0], "response")
    if f.group.startswith("model"):
        return (f.id, "model", subject)
    return (f.id, f.group.split(" ")[0], "")


def test_handwritten_vs_typespec_layout() -> None:
    result = run_diff(HANDWRITTEN_2024_11, SPEC)
    assert result.scenario == "same"
    counts: dict[tuple[str, str, str], int] = {}
    for f in result.findings:
        counts[_key(f)] = counts.get(_key(f), 0) + 1
    assert counts == LAYOUT_DIFFERENCES
    assert sorted(c.describe() for c in result.python) == sorted(LAYOUT_PYTHON)
    system_data = next(f for f in result.findings if f.id == "1040")
    assert "'systemData'" in system_data.message
    assert system_data.new is not None and system_data.new.file.endswith("v3/types.json")
    rg = next(f for f in result.findings if f.id == "1024" and "maxLength" in f.message)
    assert "(none -> 90)" in rg.message and rg.new is not None and rg.new.pointer == "/parameters/ResourceGroupNameParameter/maxLength"
    # Cross-version rules applied to the same pair: additions info, some warnings.
    cross = run_diff(HANDWRITTEN_2024_11, SPEC, scenario="cross")
    assert {f.severity for f in cross.findings if f.id in ("1040", "1013", "1038")} == {"info"}
    assert {f.severity for f in cross.findings if f.id in ("1042", "1032", "1011")} == {"warning"}


@pytest.mark.parametrize("spec", [SPEC, HANDWRITTEN_2024_11, HANDWRITTEN_2024_07], ids=lambda p: p.parent.name + "/" + p.name)
def test_a_spec_diffed_with_itself_is_empty(spec: Path) -> None:
    result = run_diff(spec, spec)
    assert result.findings == () and result.python == ()
    assert json.loads(to_json(result)) == []


def test_json_is_stable_and_complete() -> None:
    first = to_json(run_diff(HANDWRITTEN_2024_11, SPEC))
    second = to_json(run_diff(HANDWRITTEN_2024_11, SPEC))
    assert first == second
    data = json.loads(first)
    assert data and all(set(f) == {"id", "code", "severity", "message", "group", "old", "new"} for f in data)
    for f in data:
        for side in ("old", "new"):
            loc = f[side]
            assert loc["location"] == f"{loc['file']}:{loc['line']}:{loc['col']}" and loc["pointer"].startswith("/")


def test_json_is_byte_identical_across_processes(tmp_path: Path) -> None:
    outs = []
    for seed in ("0", "1"):
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        proc = subprocess.run(
            [sys.executable, "-m", "generator", "diff", str(HANDWRITTEN_2024_11), str(SPEC), "--format", "json", "--fail-on", "never"],
            cwd=ROOT, capture_output=True, env=env, check=True,
        )
        outs.append(proc.stdout)
    assert outs[0] == outs[1] and outs[0].startswith(b"[")


def test_version_note_when_edited_in_place(base_tree: Path, tmp_path: Path) -> None:
    _tree(base_tree, tmp_path / "new", {MAIN: delete(VM + "/delete")})
    result = run_diff(base_tree / MAIN, tmp_path / "new" / MAIN, old_root=base_tree, new_root=tmp_path / "new")
    note = [f for f in result.findings if f.id == "1001"]
    assert len(note) == 1 and note[0].severity == "info" and note[0].code == "NoVersionChange"
    assert note[0].old is not None and note[0].old.pointer == "/info/version"


# -- CLI ----------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "diff", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_cli_markdown_and_fail_on() -> None:
    proc = _cli(str(HANDWRITTEN_2024_11), str(SPEC))
    assert proc.returncode == 1, proc.stderr  # errors fail by default, as Azure's gate does
    out = proc.stdout
    assert out.startswith("# specgen diff: 2024-11-01 → 2024-11-01")
    assert "### Operation `VirtualMachineRunCommands_CreateOrUpdate`" in out and "### Model `VirtualMachineRunCommand`" in out
    assert "## Python API changes (generated package)" in out
    # Groups with errors come before groups with only warnings or info.
    assert _cli(str(HANDWRITTEN_2024_11), str(SPEC), "--fail-on", "error").returncode == 1
    assert _cli(str(HANDWRITTEN_2024_11), str(SPEC), "--fail-on", "never").returncode == 0
    assert _cli(str(HANDWRITTEN_2024_11), str(SPEC), "--fail-on", "warning", "--scenario", "cross").returncode == 1
    assert _cli(str(HANDWRITTEN_2024_07), str(HANDWRITTEN_2024_11), "--fail-on", "warning").returncode == 0


def test_cli_bad_spec_exits_2_with_a_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "swagger": "2.0",\n  "info": {"version": "1"\n}\n', encoding="utf-8")
    proc = _cli(str(SPEC), str(bad))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "bad.json:" in proc.stderr and "malformed JSON" in proc.stderr
    line = next(line for line in proc.stderr.splitlines() if "bad.json" in line)
    assert line.split("bad.json:")[1].split(":")[0].isdigit()  # file:line:col


def test_cli_missing_ref_exits_2(base_tree: Path, tmp_path: Path) -> None:
    _tree(base_tree, tmp_path / "t", {MAIN: put(VM + "/put/responses/200/schema/$ref", "#/definitions/Nope")})
    proc = _cli(str(tmp_path / "t" / MAIN), str(tmp_path / "t" / MAIN), "--root", str(tmp_path / "t"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "Nope" in proc.stderr and "ComputeRP.runCommands.json:" in proc.stderr


# -- the summary `specgen generate` prints ------------------------------------------------------


def test_bump_summary_and_header(tmp_path: Path) -> None:
    from generator.pipeline import generate_package
    from generator.write.atomic import write_atomically

    old = generate_package(HANDWRITTEN_2024_07, "rc")
    write_atomically(tmp_path / "rc", old.files)
    assert recorded_header(tmp_path / "rc") == (HANDWRITTEN_2024_07.relative_to(SPECS).as_posix(), "2024-07-01")
    notice = version_bump_notice(tmp_path / "rc", SPEC, "2024-11-01")
    assert notice is not None
    lines = notice.splitlines()
    assert lines[0] == "api-version bump: 2024-07-01 -> 2024-11-01"
    assert len(lines) <= 24 and any("1040 AddedReadOnlyPropertyInResponse" in line for line in lines)
    assert lines[-1].startswith("  full report: specgen diff ")
    # Same version recorded: nothing to say. No package yet: nothing either.
    assert version_bump_notice(tmp_path / "rc", HANDWRITTEN_2024_07, "2024-07-01") is None
    assert version_bump_notice(tmp_path / "none", SPEC, "2024-11-01") is None
    assert "not available" in bump_summary(None, SPEC, "2024-11-01", old_api_version="2024-07-01")


def test_generate_prints_the_summary_on_a_bump(tmp_path: Path) -> None:
    def gen(spec: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--out", str(tmp_path), "--package", "rc"], cwd=ROOT, capture_output=True, text=True, check=False)

    assert gen(HANDWRITTEN_2024_07).returncode == 0
    proc = gen(HANDWRITTEN_2024_11)
    assert proc.returncode == 0, proc.stderr
    assert "api-version bump: 2024-07-01 -> 2024-11-01" in proc.stderr
    assert "nothing else changed" in proc.stderr
    assert "bump" not in gen(HANDWRITTEN_2024_11).stderr  # same version now


def _x_ms_paths_spec(with_delete: bool, extra_query: bool) -> dict[str, Any]:
    ident = {"name": "id", "in": "path", "required": True, "type": "string"}
    version = {"name": "api-version", "in": "query", "required": True, "type": "string"}
    ok = {"200": {"description": "ok"}}
    get_params = [ident, version] + ([{"name": "$filter", "in": "query", "required": True, "type": "string"}] if extra_query else [])
    item: dict[str, Any] = {"get": {"operationId": "Things_GetByName", "parameters": get_params, "responses": ok}}
    if with_delete:
        item["delete"] = {"operationId": "Things_DeleteByName", "parameters": [ident, version], "responses": ok}
    return {
        "swagger": "2.0", "info": {"title": "t", "version": "2024-01-01"},
        "paths": {"/things/{id}": {"get": {"operationId": "Things_Get", "parameters": [ident, version], "responses": ok}}},
        "x-ms-paths": {"/things/{id}?byName": item},
    }


def test_x_ms_paths_operations_are_compared(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(_dump(_x_ms_paths_spec(with_delete=True, extra_query=False)), encoding="utf-8")
    new.write_text(_dump(_x_ms_paths_spec(with_delete=False, extra_query=True)), encoding="utf-8")
    result = run_diff(old, new)
    item = _p("x-ms-paths", "/things/{id}?byName")
    got = sorted((f.id, f.old.pointer, f.new.pointer) for f in result.findings if f.id != "1001" and f.old and f.new)
    assert got == [
        ("1010", item + "/get/parameters", item + "/get/parameters/2"),  # a new required parameter
        ("1035", item + "/delete", item),  # an operation removed
    ]
