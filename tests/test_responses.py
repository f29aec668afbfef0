"""Response parsers: every example response, errors, long-running operations, paging."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.utils import format_datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ALL_SPECS, SPEC, example_cases

from generator.ir import Api

CLOUD_ERROR = {"error": {"code": "NotFound", "message": "The run command was not found.", "target": "runCommandName", "details": [{"code": "Inner", "message": "detail"}]}}


def test_every_operation_has_a_parser(packages: dict[Path, tuple[Api, ModuleType]]) -> None:
    for api, pkg in packages.values():
        assert set(pkg.responses.PARSERS) == {o.operation_id for o in api.operations}
        for op in api.operations:
            assert pkg.responses.PARSERS[op.operation_id] is getattr(pkg.responses, f"parse_{op.py_name}_response")


@pytest.mark.parametrize(("spec", "op_id", "example"), example_cases())
def test_parser_reads_every_example_response(packages: dict[Path, tuple[Api, ModuleType]], spec: Path, op_id: str, example: dict[str, Any]) -> None:
    _, pkg = packages[spec]
    parse = pkg.responses.PARSERS[op_id]
    for status, response in example["responses"].items():
        headers = response.get("headers", {})
        if "body" not in response:
            assert parse(int(status), headers, b"") is None
            assert parse(int(status), headers, None) is None
            continue
        body = response["body"]
        raw = json.dumps(body).encode()
        for given in (raw, raw.decode(), body):
            model = parse(int(status), headers, given)
            assert model.to_dict() == body


def test_error_response_carries_the_cloud_error(pkg: ModuleType) -> None:
    parse = pkg.responses.parse_virtual_machine_run_commands_get_by_virtual_machine_response
    raw = json.dumps(CLOUD_ERROR).encode()
    with pytest.raises(pkg.responses.HttpResponseError) as info:
        parse(404, {"x-ms-request-id": "abc"}, raw)
    err = info.value
    assert err.status_code == 404
    assert isinstance(err.error, pkg.models.CloudError)
    assert err.error.error.code == "NotFound" and err.error.error.target == "runCommandName"
    assert err.error.error.details[0].code == "Inner"
    assert (err.code, err.message, err.target) == ("NotFound", "The run command was not found.", "runCommandName")
    assert err.body == raw and err.headers == {"x-ms-request-id": "abc"}
    assert "404" in str(err) and "NotFound" in str(err) and "not found" in str(err)
    assert err.operation_id == "VirtualMachineRunCommands_GetByVirtualMachine"
    assert isinstance(err, Exception)


@pytest.mark.parametrize("body", [b"", b"<html>gateway</html>", b"[1,2]", json.dumps({"error": "plain"}).encode(), None])
def test_error_bodies_that_are_not_cloud_errors(pkg: ModuleType, body: bytes | None) -> None:
    parse = pkg.responses.parse_virtual_machine_run_commands_delete_response
    with pytest.raises(pkg.responses.HttpResponseError) as info:
        parse(502, {}, body)
    assert info.value.status_code == 502
    assert info.value.body == body
    if body != json.dumps({"error": "plain"}).encode():
        assert info.value.error is None


def test_undeclared_success_status_is_an_error(pkg: ModuleType) -> None:
    # GetByVirtualMachine declares only 200; a 201 or 204 is not what the spec promises.
    parse = pkg.responses.parse_virtual_machine_run_commands_get_by_virtual_machine_response
    for status in (201, 204, 302):
        with pytest.raises(pkg.responses.HttpResponseError) as info:
            parse(status, {}, b"")
        assert info.value.status_code == status


def test_bodiless_statuses(pkg: ModuleType) -> None:
    parse = pkg.responses.parse_virtual_machine_run_commands_delete_response
    for status in (200, 202, 204):
        assert parse(status, {}, b"") is None
    run = pkg.responses.parse_virtual_machines_run_command_response
    assert run(202, {"Location": "https://x/op"}, b"") is None
    assert run(200, {}, b'{"value":[]}').to_dict() == {"value": []}


def test_errors_parse_for_operations_without_a_default_response(packages: dict[Path, tuple[Api, ModuleType]]) -> None:
    """The hand-written 2024-11-01 `Get` declares only 200; its errors still carry the CloudError."""
    api, pkg = packages[ALL_SPECS[1]]
    op = next(o for o in api.operations if o.operation_id == "VirtualMachineRunCommands_Get")
    assert [r.status for r in op.responses] == ["200"]
    with pytest.raises(pkg.responses.HttpResponseError) as info:
        pkg.responses.PARSERS[op.operation_id](404, {}, json.dumps(CLOUD_ERROR))
    assert info.value.error.error.code == "NotFound"


def test_malformed_success_body(pkg: ModuleType) -> None:
    parse = pkg.responses.parse_virtual_machine_run_commands_get_by_virtual_machine_response
    with pytest.raises(ValueError, match="JSON"):
        parse(200, {}, b"{not json")
    with pytest.raises(pkg.DecodeError):
        parse(200, {}, b"[]")


# -- long-running operations -------------------------------------------------------------------


def test_long_running_table_comes_from_the_spec(packages: dict[Path, tuple[Api, ModuleType]]) -> None:
    for api, pkg in packages.values():
        assert pkg.responses.LONG_RUNNING == {o.operation_id: (o.method, o.final_state_via) for o in api.operations if o.long_running}
    api, pkg = packages[SPEC]
    assert pkg.responses.LONG_RUNNING["VirtualMachineRunCommands_CreateOrUpdate"] == ("PUT", "location")


def test_lro_poll_info_async_operation_and_location(pkg: ModuleType) -> None:
    headers = {
        "azure-asyncoperation": "https://management.azure.com/op/1?api-version=2024-11-01",
        "LOCATION": "https://management.azure.com/opresult/1?api-version=2024-11-01",
        "Retry-After": "7",
    }
    url = "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/runCommands/rc?api-version=2024-11-01"
    info = pkg.responses.lro_poll_info("VirtualMachineRunCommands_CreateOrUpdate", headers, request_url=url)
    assert info.status_url == headers["azure-asyncoperation"]
    assert info.azure_async_operation == headers["azure-asyncoperation"]
    assert info.location == headers["LOCATION"]
    assert info.retry_after_seconds == 7.0
    assert info.final_state_via == "location"
    assert info.final_url == headers["LOCATION"]  # final-state-via: location
    assert not info.done


def test_lro_poll_info_final_state_via_variants(pkg: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    responses = pkg.responses
    url = "https://management.azure.com/x?api-version=1"
    both = {"Azure-AsyncOperation": "https://h/async", "Location": "https://h/loc"}
    cases = {
        ("PUT", "original-uri"): url,
        ("PUT", "azure-async-operation"): url,
        ("PUT", None): url,
        ("PATCH", None): url,
        ("POST", "azure-async-operation"): None,
        ("POST", "location"): "https://h/loc",
        ("POST", None): "https://h/loc",
        ("DELETE", None): None,
    }
    for (method, via), expected in cases.items():
        monkeypatch.setitem(responses.LONG_RUNNING, "Op", (method, via))
        assert responses.lro_poll_info("Op", both, request_url=url).final_url == expected, (method, via)
    # Only a Location: it is polled, and its last response carries the result.
    monkeypatch.setitem(responses.LONG_RUNNING, "Op", ("POST", "location"))
    info = responses.lro_poll_info("Op", {"location": "https://h/loc"}, request_url=url)
    assert (info.status_url, info.final_url) == ("https://h/loc", None)
    # No polling header: the initial response was final.
    assert responses.lro_poll_info("Op", {}, request_url=url).done
    with pytest.raises(ValueError, match="not a long-running"):
        responses.lro_poll_info("VirtualMachineRunCommands_Get", {})


def test_retry_after_forms(pkg: ModuleType) -> None:
    retry = pkg.responses.retry_after_seconds
    now = datetime(2024, 11, 1, 10, 0, 0, tzinfo=UTC)
    assert retry({"Retry-After": "0"}) == 0.0
    assert retry({"retry-after": " 12 "}) == 12.0
    assert retry({"Retry-After": format_datetime(now + timedelta(seconds=30), usegmt=True)}, now=now) == 30.0
    assert retry({"Retry-After": format_datetime(now - timedelta(seconds=30), usegmt=True)}, now=now) == 0.0
    assert retry({"retry-after-ms": "1500", "Retry-After": "9"}) == 1.5
    assert retry({"x-ms-retry-after-ms": "250"}) == 0.25
    assert retry({"Retry-After": "soon"}) is None
    assert retry({"Retry-After": "nan"}) is None
    assert retry({"Retry-After": "-5"}) == 0.0
    assert retry({}) is None and retry(None) is None
    message = Message()
    message["RETRY-AFTER"] = "3"
    assert retry(message) == 3.0  # http.client.HTTPMessage is an email Message


def test_parse_poll_status(pkg: ModuleType) -> None:
    poll = pkg.responses.parse_poll_status
    status = poll(200, {"Retry-After": "2"}, b'{"status":"InProgress","startTime":"2024-11-01T10:00:00Z"}')
    assert (status.status, status.done, status.retry_after_seconds) == ("InProgress", False, 2.0)
    status = poll(200, {}, {"status": "succeeded"})
    assert status.status == "Succeeded" and status.done and status.succeeded
    assert poll(202, {}, b"").status == "InProgress"
    location_final = poll(200, {}, b'{"name":"rc"}')
    assert location_final.succeeded and location_final.body == {"name": "rc"}
    assert poll(204, {}, None).succeeded
    with pytest.raises(pkg.responses.HttpResponseError) as info:
        poll(200, {}, json.dumps({"status": "Failed", "error": {"code": "VMAgentStatusCommunicationError", "message": "agent down"}}))
    assert info.value.code == "VMAgentStatusCommunicationError" and info.value.message == "agent down"
    assert info.value.error.error.code == "VMAgentStatusCommunicationError"
    assert "Failed" in str(info.value)
    with pytest.raises(pkg.responses.HttpResponseError, match="Canceled"):
        poll(200, {}, b'{"status":"Canceled"}')
    with pytest.raises(pkg.responses.HttpResponseError) as info:
        poll(500, {}, json.dumps(CLOUD_ERROR))
    assert info.value.status_code == 500 and info.value.code == "NotFound"


# -- paging ------------------------------------------------------------------------------------


def test_paging_helpers(pkg: ModuleType) -> None:
    r = pkg.responses
    assert r.PAGEABLE == {
        "VirtualMachineRunCommands_List": ("nextLink", "value"),
        "VirtualMachineRunCommands_ListByVirtualMachine": ("nextLink", "value"),
        "VirtualMachineScaleSetVMRunCommands_List": ("nextLink", "value"),
    }
    item = {"name": "rc1", "location": "westus", "properties": {"source": {"script": "echo"}}}
    page = r.parse_virtual_machine_run_commands_list_by_virtual_machine_response(
        200, {}, json.dumps({"value": [item], "nextLink": "https://management.azure.com/next?page=2"})
    )
    assert r.next_link_virtual_machine_run_commands_list_by_virtual_machine(page) == "https://management.azure.com/next?page=2"
    items = r.items_virtual_machine_run_commands_list_by_virtual_machine(page)
    assert [i.to_dict() for i in items] == [item]
    last = r.parse_virtual_machine_run_commands_list_by_virtual_machine_response(200, {}, b'{"value":[]}')
    assert r.next_link_virtual_machine_run_commands_list_by_virtual_machine(last) is None
    assert r.items_virtual_machine_run_commands_list_by_virtual_machine(last) == []
    empty_link = r.parse_virtual_machine_run_commands_list_response(200, {}, b'{"value":[],"nextLink":""}')
    assert r.next_link_virtual_machine_run_commands_list(empty_link) is None
