"""The spec pairs oad is run over, and the mutations that make most of them: data plus a small
interpreter, standard library only (the reference runner and the tests both import it).

A pair is two spec trees (copies of `specs/azure-rest-api-specs/specification`) and a spec file
in each. A mutated pair starts from the real runCommands spec: the old tree is the real one
(after the mutation's `before` edits, if any), the new tree the same with the mutation's
`after` edits. Each edit is a small JSON change at a JSON Pointer; a file an edit touches is
written back as `json.dumps(indent=2)`. Every mutation runs in both scenarios: `same` (the
api-version is unchanged, as an in-place edit) and `cross` (the new copy's `info.version` is
bumped, as a new api-version).
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
SPECS = REPO / "specs" / "azure-rest-api-specs"
STABLE = "specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable"
MAIN = f"{STABLE}/2024-11-01/ComputeRP.runCommands.json"  # the TypeSpec layout (the default spec)
HAND_2024_07 = f"{STABLE}/2024-07-01/runCommand.json"
HAND_2024_11 = f"{STABLE}/2024-11-01/runCommand.json"
TYPES = "specification/common-types/resource-management/v3/types.json"
CROSS_VERSION = "2025-03-01"  # the new copy's api-version in the cross-version scenario

Edit = tuple[Any, ...]  # ("put", pointer, value) | ("delete", pointer) | ("copy", from, to) | ("move", from, to)


def _p(*tokens: str) -> str:
    return "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens)


_VM_BASE = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}"
VM = _p("paths", _VM_BASE + "/runCommands/{runCommandName}")  # get, put, patch, delete
LIST_VM = _p("paths", _VM_BASE + "/runCommands")  # get: subscriptionId, resourceGroupName, vmName, api-version?, $expand
LOC = _p("paths", "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/runCommands")
PREVIEW = _p("paths", "/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{location}/runCommandsPreview")
VRP = "/definitions/VirtualMachineRunCommandProperties"  # in requests and responses
LIST_RESULT = "/definitions/RunCommandListResult"  # in responses only
STR = {"type": "string"}


@dataclass(frozen=True)
class Mutation:
    name: str
    rule: str  # the oad rule the edit is meant to exercise (what oad reports is whatever it reports)
    after: tuple[Edit, ...]  # applied to the new copy
    before: tuple[Edit, ...] = ()  # applied to both copies first (a starting point)
    file: str = MAIN  # the file the edits apply to
    spec: str = MAIN  # the spec file compared
    extra: dict[str, tuple[Edit, ...]] = field(default_factory=dict)  # edits to other files of the new copy


MUTATIONS: tuple[Mutation, ...] = (
    Mutation("version-lower-date", "1000", (("put", "/info/version", "2024-07-01"),)),
    Mutation("version-lower-semver", "1000", (("put", "/info/version", "1.0"),), before=(("put", "/info/version", "2.0"),)),
    Mutation("scheme-removed", "1002", (("put", "/schemes", ["https"]),), before=(("put", "/schemes", ["https", "http"]),)),
    Mutation("consumes-removed", "1003", (("put", "/consumes", ["application/json"]),), before=(("put", "/consumes", ["application/json", "text/json"]),)),
    Mutation("produces-added", "1004", (("put", "/produces", ["application/json", "text/plain"]),)),
    Mutation("path-removed", "1005", (("delete", LOC),)),
    Mutation("definition-removed", "1006", (
        ("copy", "/definitions/InstanceViewStatus", "/definitions/Status"),
        ("put", "/definitions/RunCommandResult/properties/value/items", {"$ref": "#/definitions/Status"}),
        ("put", "/definitions/VirtualMachineRunCommandInstanceView/properties/statuses/items", {"$ref": "#/definitions/Status"}),
        ("delete", "/definitions/InstanceViewStatus"),
    )),
    Mutation("client-parameter-removed", "1007", (("delete-ref", "/paths/*/*/parameters/*", "#/parameters/ApiVersionParameter"),)),
    Mutation("operation-id-changed", "1008", (("put", VM + "/get/operationId", "VirtualMachineRunCommands_Fetch"),)),
    Mutation("required-parameter-removed", "1009", (("delete", VM + "/put/parameters/5"),)),
    Mutation("required-parameter-added", "1010", (("put", LIST_VM + "/get/parameters/5", {"name": "$filter", "in": "query", "required": True, "type": "string"}),)),
    Mutation("response-code-added", "1011", (("put", VM + "/get/responses/404", {"description": "Not found."}),)),
    Mutation("response-code-removed", "1012", (("delete", VM + "/put/responses/201"),)),
    Mutation("header-added", "1013", (("put", VM + "/put/responses/200/headers", {"x-ms-request-id": STR}),)),
    Mutation("header-removed", "1014", (("delete", VM + "/put/responses/201/headers/Retry-After"),)),
    Mutation("parameter-in-changed", "1015", (("put", LIST_VM + "/get/parameters/4/in", "header"),)),
    Mutation("constant-status-changed", "1016", (("put", LIST_VM + "/get/parameters/4/enum", ["instanceView"]),),
             before=(("put", LIST_VM + "/get/parameters/4/required", True), ("put", LIST_VM + "/get/parameters/4/enum", ["instanceView", "userData"]))),
    Mutation("property-ref-redirected", "1017", (
        ("copy", "/definitions/RunCommandManagedIdentity", "/definitions/BlobIdentity"),
        ("put", VRP + "/properties/outputBlobManagedIdentity/$ref", "#/definitions/BlobIdentity"),
    )),
    Mutation("body-ref-redirected", "1017", (
        ("copy", "/definitions/VirtualMachineRunCommandUpdate", "/definitions/RunCommandPatch"),
        ("put", VM + "/patch/parameters/5/schema/$ref", "#/definitions/RunCommandPatch"),
    )),
    Mutation("enum-value-removed", "1019", (("delete", "/definitions/ExecutionState/enum/6"),)),
    Mutation("enum-value-added-extensible", "1020", (("put", "/definitions/ExecutionState/enum/7", "Paused"),)),
    Mutation("enum-value-added-closed", "1020", (("put", "/definitions/StatusLevelTypes/enum/3", "Debug"),)),
    Mutation("additional-properties-added", "1021", (("put", "/definitions/RunCommandManagedIdentity/additionalProperties", STR),)),
    Mutation("additional-properties-removed", "1022", (("delete", "/definitions/UpdateResource/properties/tags/additionalProperties"),)),
    Mutation("format-changed", "1023", (("put", LIST_RESULT + "/properties/nextLink/format", "url"),)),
    Mutation("format-narrowed-in-response", "1023", (("put", VM + "/put/responses/201/headers/Retry-After/format", "int32"),),
             before=(("put", VM + "/put/responses/201/headers/Retry-After/format", "int64"),)),
    Mutation("max-length-added-request", "1024", (("put", VRP + "/properties/runAsUser/maxLength", 64),)),
    Mutation("max-length-added-response", "1024", (("put", LIST_RESULT + "/properties/nextLink/maxLength", 2048),)),
    Mutation("max-length-lowered-parameter", "1024", (("put", LIST_VM + "/get/parameters/4/maxLength", 10),),
             before=(("put", LIST_VM + "/get/parameters/4/maxLength", 20),)),
    Mutation("property-made-required", "1025", (("put", VRP + "/required", ["runAsUser"]),)),
    Mutation("response-property-made-required", "1025", (("put", LIST_RESULT + "/required/1", "nextLink"),)),
    Mutation("parameter-made-required", "1025", (("put", LIST_VM + "/get/parameters/4/required", True),)),
    Mutation("parameter-made-optional", "1025", (("put", LIST_VM + "/get/parameters/4/required", False),),
             before=(("put", LIST_VM + "/get/parameters/4/required", True),)),
    Mutation("type-changed", "1026", (("put", VRP + "/properties/timeoutInSeconds/type", "string"),)),
    Mutation("default-changed", "1027", (("put", VRP + "/properties/asyncExecution/default", True),)),
    Mutation("collection-format-changed", "1028", (("put", LIST_VM + "/get/parameters/5/collectionFormat", "multi"),),
             before=(("put", LIST_VM + "/get/parameters/5", {"name": "$select", "in": "query", "type": "array", "items": STR, "collectionFormat": "csv"}),)),
    Mutation("read-only-changed", "1029", (("delete", VRP + "/properties/provisioningState/readOnly"),)),
    Mutation("discriminator-added", "1030", (("put", "/definitions/RunCommandDocumentBase/discriminator", "osType"),)),
    Mutation("all-of-changed", "1032", (
        ("put", "/definitions/Marker", {"type": "object", "properties": {}}),
        ("put", "/definitions/VirtualMachineRunCommandUpdate/allOf/1", {"$ref": "#/definitions/Marker"}),
    )),
    Mutation("property-removed", "1033", (("delete", VRP + "/properties/runAsUser"),)),
    Mutation("base-property-removed", "1033", (), extra={TYPES: (("delete", "/definitions/TrackedResource/properties/tags"),)}),
    Mutation("required-property-added", "1034", (("put", VRP + "/properties/newProp", STR), ("put", VRP + "/required", ["newProp"]))),
    Mutation("operation-removed", "1035", (("delete", VM + "/delete"),)),
    Mutation("pattern-added", "1036", (("put", VRP + "/properties/runAsUser/pattern", "^[a-z]+$"),)),
    Mutation("max-length-raised-property", "1037", (("put", VRP + "/properties/runAsUser/maxLength", 128),),
             before=(("put", VRP + "/properties/runAsUser/maxLength", 64),)),
    Mutation("max-length-raised-parameter", "1037", (("put", LIST_VM + "/get/parameters/4/maxLength", 20),),
             before=(("put", LIST_VM + "/get/parameters/4/maxLength", 10),)),
    Mutation("path-added", "1038", (("copy", LOC, PREVIEW), ("put", PREVIEW + "/get/operationId", "VirtualMachineRunCommands_ListPreview"))),
    Mutation("operation-added", "1039", (("copy", VM + "/get", VM + "/head"), ("put", VM + "/head/operationId", "VirtualMachineRunCommands_Exists"))),
    Mutation("read-only-property-added", "1040", (("put", VRP + "/properties/newProp", {"type": "string", "readOnly": True}),)),
    Mutation("response-property-added", "1041", (("put", LIST_RESULT + "/properties/count", {"type": "integer"}),)),
    Mutation("parameter-order-changed", "1042", (("move", LIST_VM + "/get/parameters/4", LIST_VM + "/get/parameters/0"),)),
    Mutation("optional-parameter-added", "1043", (("put", LIST_VM + "/get/parameters/5", {"name": "$top", "in": "query", "type": "integer"}),)),
    Mutation("long-running-changed", "1044", (("put", VM + "/delete/x-ms-long-running-operation", False),)),
    Mutation("optional-property-added", "1045", (("put", VRP + "/properties/newProp", STR),)),
    Mutation("optional-parameter-removed", "1046", (("delete", LIST_VM + "/get/parameters/4"),)),
    Mutation("xms-enum-model-as-string-changed", "1047", (("put", "/definitions/OperatingSystemTypes/x-ms-enum/modelAsString", True),)),
    Mutation("xms-enum-name-changed", "1047", (("put", "/definitions/StatusLevelTypes/x-ms-enum/name", "StatusLevel"),)),
    Mutation("xms-enum-added", "1048", (("put", "/definitions/StatusLevelTypes/x-ms-enum", {"name": "StatusLevelTypes", "modelAsString": False}),),
             before=(("delete", "/definitions/StatusLevelTypes/x-ms-enum"),)),
    Mutation("xms-enum-removed", "1049", (("delete", "/definitions/StatusLevelTypes/x-ms-enum"),)),
    Mutation("parameter-location-changed", "1050", (("put", LIST_VM + "/get/parameters/4/x-ms-parameter-location", "client"),)),
    # oad reads x-ms-parameter-location on a document parameter only: make subscriptionId a method one.
    Mutation("global-parameter-location-changed", "1050", (), extra={TYPES: (("put", "/parameters/SubscriptionIdParameter/x-ms-parameter-location", "method"),)}),
)


@dataclass(frozen=True)
class Pair:
    """Two spec files to compare: `old`/`new` are paths below a tree root; the trees are built
    by `build` (the unmutated pairs use the repository's own tree on both sides)."""

    name: str
    old: str
    new: str
    mutation: Mutation | None = None
    scenario: str = ""  # "same" | "cross" for mutations; "" for real pairs


REAL_PAIRS: tuple[Pair, ...] = (
    Pair("versions", HAND_2024_07, HAND_2024_11),  # the two upstream api-versions of one layout
    Pair("layouts", HAND_2024_11, MAIN),  # 2024-11-01: hand-written layout -> TypeSpec layout
    Pair("layouts-reversed", MAIN, HAND_2024_11),
    Pair("unchanged", MAIN, MAIN),  # one spec against itself
)


def pairs() -> tuple[Pair, ...]:
    out = list(REAL_PAIRS)
    for m in MUTATIONS:
        for scenario in ("same", "cross"):
            out.append(Pair(f"{m.rule}-{m.name}-{scenario}", m.spec, m.spec, m, scenario))
    return tuple(out)


# -- applying edits ---------------------------------------------------------------------------


def _tokens(pointer: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def _get(doc: Any, pointer: str) -> Any:
    node = doc
    for t in _tokens(pointer):
        node = node[int(t)] if isinstance(node, list) else node[t]
    return node


def _parent(doc: Any, pointer: str) -> tuple[Any, Any]:
    head, _, _ = pointer.rpartition("/")
    last = _tokens(pointer)[-1]
    parent = _get(doc, head)
    return parent, (int(last) if isinstance(parent, list) else last)


def _put(doc: Any, pointer: str, value: Any) -> None:
    parent, key = _parent(doc, pointer)
    if isinstance(parent, list) and key == len(parent):
        parent.append(copy.deepcopy(value))
    else:
        parent[key] = copy.deepcopy(value)


def _matches(doc: Any, pattern: list[str], prefix: str = "") -> list[str]:
    """Pointers of the members matching a pointer pattern whose `*` tokens match any member."""
    if not pattern:
        return [prefix]
    head, rest = pattern[0], pattern[1:]
    if isinstance(doc, dict):
        keys = list(doc) if head == "*" else [head] if head in doc else []
    elif isinstance(doc, list):
        keys = [str(i) for i in range(len(doc))] if head == "*" else [head] if head.isdigit() and int(head) < len(doc) else []
    else:
        keys = []
    out: list[str] = []
    for k in keys:
        child = doc[k] if isinstance(doc, dict) else doc[int(k)]
        out.extend(_matches(child, rest, prefix + "/" + k.replace("~", "~0").replace("/", "~1")))
    return out


def apply(doc: Any, edits: tuple[Edit, ...]) -> None:
    for edit in edits:
        kind = edit[0]
        if kind == "put":
            _put(doc, edit[1], edit[2])
        elif kind == "delete":
            parent, key = _parent(doc, edit[1])
            del parent[key]
        elif kind == "copy":
            _put(doc, edit[2], _get(doc, edit[1]))
        elif kind == "move":  # within one list: take the item out, insert it at the target index
            parent, key = _parent(doc, edit[1])
            target, index = _parent(doc, edit[2])
            item = parent.pop(key)
            target.insert(index, item)
        elif kind == "delete-ref":  # every member matching the pattern whose $ref ends with edit[2]
            hits = [p for p in _matches(doc, _tokens(edit[1])) if str((_get(doc, p) or {}).get("$ref", "")).endswith(edit[2])]
            for p in sorted(hits, key=lambda p: [int(t) if t.isdigit() else 0 for t in _tokens(p)], reverse=True):
                parent, key = _parent(doc, p)
                del parent[key]
        else:
            raise ValueError(f"unknown edit {kind!r}")


def dump(doc: Any) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _edit_file(root: Path, rel: str, edits: tuple[Edit, ...]) -> None:
    path = root / rel
    doc = json.loads(path.read_text(encoding="utf-8"))
    apply(doc, edits)
    path.write_text(dump(doc), encoding="utf-8")


def build(pair: Pair, dest: Path, *, examples: bool = False) -> tuple[Path, Path]:
    """The old and new tree roots for a pair (each holding `specification/`). Unmutated pairs use
    the repository's tree for both; a mutated pair gets two fresh copies below `dest`."""
    if pair.mutation is None:
        return SPECS, SPECS
    m = pair.mutation
    ignore = None if examples else shutil.ignore_patterns("examples")
    roots = []
    for side in ("old", "new"):
        root = dest / side
        shutil.copytree(SPECS / "specification", root / "specification", ignore=ignore)
        if m.before:
            _edit_file(root, m.file, m.before)
        if side == "new":
            edits = m.after + ((("put", "/info/version", CROSS_VERSION),) if pair.scenario == "cross" and m.spec == m.file else ())
            if edits:
                _edit_file(root, m.file, edits)
            for rel, extra in m.extra.items():
                _edit_file(root, rel, extra)
            if pair.scenario == "cross" and m.spec != m.file:
                _edit_file(root, m.spec, (("put", "/info/version", CROSS_VERSION),))
        roots.append(root)
    return roots[0], roots[1]


def changed_files(pair: Pair) -> list[str]:
    """Files of the new copy a mutation rewrites (the old copy: those `before` touches)."""
    if pair.mutation is None:
        return []
    m = pair.mutation
    return sorted({m.file, *m.extra, *([m.spec] if pair.scenario == "cross" else [])})


def fingerprint(old_root: Path, new_root: Path, pair: Pair) -> dict[str, str]:
    """SHA-256 of the compared files and of every file a mutation rewrote, per side: the stored
    oad findings are only valid for exactly these inputs."""
    files = sorted({pair.old, pair.new, *changed_files(pair)})
    out = {}
    for side, root in (("old", old_root), ("new", new_root)):
        for rel in files:
            path = root / rel
            if path.is_file():
                out[f"{side}:{rel}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
