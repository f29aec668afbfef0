"""The generated package's validators: examples valid, hand-made invalid bodies located exactly."""

from __future__ import annotations

import copy
import json
from types import ModuleType
from typing import Any

import pytest
from conftest import SPEC, STABLE, spec_examples

from generator.ir.build import build

EXAMPLES = STABLE / "2024-11-01/examples/runCommandExamples"


@pytest.fixture(scope="module")
def validators(pkg: ModuleType) -> ModuleType:
    return pkg.validators


def _bodies() -> list[Any]:
    api, _ = build(SPEC)
    out = []
    for op_id, title, example in spec_examples(SPEC):
        op = next(o for o in api.operations if o.operation_id == op_id)
        for p in op.parameters:
            if p.location == "body" and p.wire_name in example["parameters"]:
                out.append(pytest.param(p.type.ref, example["parameters"][p.wire_name], True, id=f"{op_id}::{title}::request"))
        declared = {r.status: r for r in op.responses}
        for status, response in example["responses"].items():
            if "body" in response:
                out.append(pytest.param(declared[status].body.ref, response["body"], False, id=f"{op_id}::{title}::{status}"))
    return out


@pytest.mark.parametrize(("name", "body", "is_request"), _bodies())
def test_every_example_body_is_valid(validators: ModuleType, name: str, body: Any, is_request: bool) -> None:
    assert validators.validate(name, body) == []
    assert validators.is_valid(name, body)
    if is_request:
        assert validators.validate(name, body, request=True) == []


def _put() -> dict[str, Any]:
    return copy.deepcopy(json.loads((EXAMPLES / "VirtualMachineRunCommand_CreateOrUpdate.json").read_text())["parameters"]["runCommand"])


def _mutate(path: list[str | int], value: Any) -> dict[str, Any]:
    body = _put()
    node: Any = body
    for token in path[:-1]:
        node = node.setdefault(token, {}) if isinstance(token, str) else node[token]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return body


INVALID = [
    ("string timeoutInSeconds", ["properties", "timeoutInSeconds"], "3600", "/properties/timeoutInSeconds", "type"),
    ("timeoutInSeconds above int32", ["properties", "timeoutInSeconds"], 2**31, "/properties/timeoutInSeconds", "maximum"),
    # executionState is an extensible enum upstream (modelAsString: true); `level` is closed.
    ("unknown level on a closed enum", ["properties", "instanceView", "statuses"], [{"level": "Bogus"}], "/properties/instanceView/statuses/0/level", "enum"),
    ("missing location", ["location"], KeyError, "", "required"),
    ("bad startTime", ["properties", "instanceView", "startTime"], "yesterday", "/properties/instanceView/startTime", "format"),
    ("boolean asyncExecution as string", ["properties", "asyncExecution"], "false", "/properties/asyncExecution", "type"),
    ("parameter without value", ["properties", "parameters", 1], {"name": "param2"}, "/properties/parameters/1", "required"),
]


@pytest.mark.parametrize(("what", "path", "value", "pointer", "keyword"), INVALID, ids=[c[0] for c in INVALID])
def test_invalid_bodies_are_reported_with_path_and_keyword(validators: ModuleType, what: str, path: list[Any], value: Any, pointer: str, keyword: str) -> None:
    errors = validators.validate("VirtualMachineRunCommand", _mutate(path, value))
    assert [(e.path, e.keyword) for e in errors] == [(pointer, keyword)], errors
    assert not validators.is_valid("VirtualMachineRunCommand", _mutate(path, value))


def test_every_error_is_listed(validators: ModuleType) -> None:
    body = _put()
    body["location"] = 1
    body["properties"]["timeoutInSeconds"] = "x"
    body["properties"]["parameters"][0]["value"] = 2
    errors = validators.validate("VirtualMachineRunCommand", body)
    assert sorted(e.path for e in errors) == ["/location", "/properties/parameters/0/value", "/properties/timeoutInSeconds"]


def test_read_only_fields_are_refused_in_request_mode(validators: ModuleType) -> None:
    body = json.loads((EXAMPLES / "VirtualMachineRunCommand_Get.json").read_text())["responses"]["200"]["body"]
    assert validators.validate("VirtualMachineRunCommand", body) == []
    errors = validators.validate("VirtualMachineRunCommand", body, request=True)
    assert {(e.path, e.keyword) for e in errors} >= {("/id", "readOnly"), ("/name", "readOnly"), ("/type", "readOnly"), ("/properties/provisioningState", "readOnly")}


def test_secret_values_never_in_messages(validators: ModuleType) -> None:
    body = _put()
    body["properties"]["runAsPassword"] = ["hunter2-SECRET"]
    body["properties"]["protectedParameters"] = [{"name": "n", "value": ["tok-SECRET"]}, "raw-SECRET"]
    errors = validators.validate("VirtualMachineRunCommand", body)
    assert len(errors) == 3
    assert all("SECRET" not in e.message for e in errors), [e.message for e in errors]


def test_unknown_definition_name(validators: ModuleType) -> None:
    with pytest.raises(KeyError):
        validators.validate("NoSuchThing", {})
