"""Long-running operations on a small synthetic spec, without a network: `lro_poll_info` reads
the initial response, `lro_poll_update` each polling response, `lro_result_<op>` the result.
The polling follows ARM's rules as azure-core's ARMPolling applies them: a status monitor
(Azure-AsyncOperation / Operation-Location), else the Location, else the resource's
provisioningState (PUT and PATCH); final-state-via, `resourceLocation`; failures raised."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_into

ARM_ERROR = {"type": "object", "properties": {"error": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}}
FLAT_ERROR = {"type": "object", "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}}
RESOURCE = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "properties": {"type": "object", "properties": {"provisioningState": {"type": "string"}}}},
}
RESULT = {"type": "object", "properties": {"value": {"type": "integer"}}}
URL = "https://svc.example.net/r?api-version=2021-01-01"


def _op(op_id: str, responses: dict[str, Any], *, body: bool = False, via: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "operationId": op_id,
        "x-ms-long-running-operation": True,
        "parameters": [{"name": "api-version", "in": "query", "required": True, "type": "string"}],
        "responses": {**responses, "default": {"description": "e", "schema": {"$ref": "#/definitions/Err"}}},
    }
    if body:
        out["parameters"].append({"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Resource"}})
    if via:
        out["x-ms-long-running-operation-options"] = {"final-state-via": via}
    return out


def _ok(ref: str | None) -> dict[str, Any]:
    return {"description": "ok", **({"schema": {"$ref": f"#/definitions/{ref}"}} if ref else {})}


def _spec(error: dict[str, Any]) -> dict[str, Any]:
    resource = {"200": _ok("Resource"), "201": _ok("Resource")}
    return {
        "swagger": "2.0",
        "info": {"title": "T", "version": "2021-01-01"},
        "host": "svc.example.net",
        "schemes": ["https"],
        "paths": {
            "/r": {
                "put": _op("R_Put", resource, body=True),
                "patch": _op("R_Patch", resource, body=True),
                "delete": _op("R_Delete", {"200": _ok("Resource"), "202": _ok(None), "204": _ok(None)}),
            },
            "/act": {"post": _op("R_Act", {"202": _ok(None), "200": _ok("Result")})},
            "/actNoResult": {"post": _op("R_ActNoResult", {"202": _ok(None)})},
            "/actViaMonitor": {"post": _op("R_ActViaMonitor", {"202": _ok(None), "200": _ok("Result")}, via="azure-async-operation")},
            "/list": {"post": _op("R_List", {"202": _ok(None), "200": {"description": "ok", "schema": {"type": "array", "items": {"$ref": "#/definitions/Result"}}}})},
        },
        "definitions": {"Err": error, "Resource": RESOURCE, "Result": RESULT},
    }


def _package(tmp_path_factory: pytest.TempPathFactory, name: str, spec: dict[str, Any]) -> ModuleType:
    folder = tmp_path_factory.mktemp(name)
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return generate_into(path, folder / "out", overlay=None)


@pytest.fixture(scope="module")
def lro(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _package(tmp_path_factory, "lro", _spec(ARM_ERROR))


def _resource(state: str | None) -> bytes:
    return json.dumps({"id": "r", **({"properties": {"provisioningState": state}} if state else {})}).encode()


ASYNC = {"Azure-AsyncOperation": "https://svc.example.net/ops/1", "Location": "https://svc.example.net/results/1"}


# -- the initial response -----------------------------------------------------------------------


def test_put_without_polling_headers_polls_the_resource(lro: ModuleType) -> None:
    r = lro.responses
    poll = r.lro_poll_info("R_Put", {}, request_url=URL, status_code=201, body=_resource("Creating"))
    assert (poll.polling, poll.status, poll.status_url, poll.final_url, poll.done) == ("provisioning-state", "Creating", URL, None, False)
    poll = r.lro_poll_update(poll, 200, {"Retry-After": "3"}, _resource("Updating"))
    assert (poll.status, poll.retry_after_seconds, poll.done) == ("Updating", 3.0, False)
    poll = r.lro_poll_update(poll, 202, {}, b"")  # 202: still going, no body needed
    assert not poll.done
    poll = r.lro_poll_update(poll, 200, {}, _resource("Succeeded"))
    assert (poll.status, poll.done, poll.final_url) == ("Succeeded", True, None)
    result = r.lro_result_r_put(200, {}, _resource("Succeeded"))
    assert type(result) is lro.models.Resource and result.properties.provisioning_state == "Succeeded"
    assert r.lro_poll_update(poll, 500, {}, b"") is poll  # done: nothing more is read


def test_put_initial_states(lro: ModuleType) -> None:
    info = lro.responses.lro_poll_info
    assert info("R_Put", {}, request_url=URL, status_code=200, body=_resource("Succeeded")).done
    assert info("R_Put", {}, request_url=URL, status_code=200, body=_resource(None)).done  # 200 without a state
    assert info("R_Put", {}, request_url=URL, status_code=201, body=_resource(None)).status == "InProgress"  # 201 without one
    assert info("R_Put", {}, request_url=URL, status_code=202, body=b"").polling == "provisioning-state"
    assert info("R_Patch", {}, request_url=URL, status_code=204, body=None).done
    # A 200 in a terminal state ends it, whatever polling headers came with it.
    assert info("R_Patch", ASYNC, request_url=URL, status_code=200, body=_resource("Succeeded")).done
    with pytest.raises(lro.responses.HttpResponseError, match="Failed"):
        info("R_Put", ASYNC, request_url=URL, status_code=200, body=_resource("Failed"))
    with pytest.raises(ValueError, match="request_url"):
        info("R_Put", {}, status_code=201, body=_resource("Creating"))
    with pytest.raises(lro.responses.HttpResponseError) as error:
        info("R_Put", {}, request_url=URL, status_code=409, body=b'{"error": {"code": "Conflict"}}')
    assert error.value.status_code == 409 and error.value.code == "Conflict"


def test_delete_and_post_without_headers_are_done(lro: ModuleType) -> None:
    info = lro.responses.lro_poll_info
    for op_id, status in (("R_Delete", 204), ("R_Delete", 202), ("R_Act", 202), ("R_Act", 200)):
        poll = info(op_id, {}, request_url=URL, status_code=status, body=b"")
        assert (poll.done, poll.polling, poll.final_url) == (True, None, None), (op_id, status)


# -- a status monitor -----------------------------------------------------------------------------


def test_status_monitor_then_the_put_url(lro: ModuleType) -> None:
    r = lro.responses
    poll = r.lro_poll_info("R_Put", ASYNC, request_url=URL, status_code=201, body=_resource("Creating"))
    assert (poll.polling, poll.status_url, poll.final_url) == ("status-monitor", ASYNC["Azure-AsyncOperation"], URL)
    poll = r.lro_poll_update(poll, 202, {}, b'{"status": "Accepted"}')
    assert (poll.status, poll.done) == ("Accepted", False)
    poll = r.lro_poll_update(poll, 200, {}, b'{"status": "succeeded"}')
    assert (poll.status, poll.done, poll.final_url) == ("Succeeded", True, URL)


def test_status_monitor_resource_location(lro: ModuleType) -> None:
    r = lro.responses
    done = b'{"status": "Succeeded", "resourceLocation": "https://svc.example.net/elsewhere"}'
    poll = r.lro_poll_update(r.lro_poll_info("R_Put", ASYNC, request_url=URL, status_code=201, body=b""), 200, {}, done)
    assert poll.final_url == "https://svc.example.net/elsewhere"
    # final-state-via azure-async-operation on a POST: the monitor's body is the result, wherever
    poll = r.lro_poll_update(r.lro_poll_info("R_ActViaMonitor", ASYNC, request_url=URL, status_code=202, body=b""), 200, {}, done)
    assert poll.final_url is None


def test_post_results_per_final_state_via(lro: ModuleType) -> None:
    r = lro.responses
    assert r.lro_poll_info("R_Act", ASYNC, request_url=URL, status_code=202, body=b"").final_url == ASYNC["Location"]
    assert r.lro_poll_info("R_ActViaMonitor", ASYNC, request_url=URL, status_code=202, body=b"").final_url is None
    assert r.lro_poll_info("R_Delete", ASYNC, request_url=URL, status_code=202, body=b"").final_url is None
    monitor = b'{"status": "Succeeded", "value": 7}'
    poll = r.lro_poll_update(r.lro_poll_info("R_ActViaMonitor", ASYNC, request_url=URL, status_code=202, body=b""), 200, {}, monitor)
    assert poll.done and r.lro_result_r_act_via_monitor(200, {}, monitor).value == 7


@pytest.mark.parametrize(
    ("status", "body", "error", "match"),
    [
        (200, b"", "DecodeError", "no body"),
        (200, b"{}", "DecodeError", "no status"),
        (200, b'{"status": ""}', "DecodeError", "no status"),
        (200, b'{"status": "InPro', "DecodeError", "not valid JSON"),
        (400, b'{"error": {"code": "Bad"}}', "HttpResponseError", "Bad"),
        (200, b'{"status": "Failed", "error": {"code": "Boom", "message": "it broke"}}', "HttpResponseError", "it broke"),
        (200, b'{"status": "Cancelled"}', "HttpResponseError", "Canceled"),
    ],
)
def test_status_monitor_failures(lro: ModuleType, status: int, body: bytes, error: str, match: str) -> None:
    r = lro.responses
    poll = r.lro_poll_info("R_Delete", ASYNC, request_url=URL, status_code=202, body=b"")
    kind = lro.DecodeError if error == "DecodeError" else r.HttpResponseError
    with pytest.raises(kind, match=match) as info:
        r.lro_poll_update(poll, status, {}, body)
    if "Boom" in body.decode():
        assert info.value.error.error.code == "Boom" and info.value.code == "Boom"


# -- a Location ----------------------------------------------------------------------------------------


def test_location_moves_and_its_last_answer_is_the_result(lro: ModuleType) -> None:
    r = lro.responses
    poll = r.lro_poll_info("R_Act", {"Location": "https://svc.example.net/a", "Retry-After": "0"}, request_url=URL, status_code=202, body=b"")
    assert (poll.polling, poll.status_url, poll.final_url, poll.retry_after_seconds) == ("location", "https://svc.example.net/a", None, 0.0)
    poll = r.lro_poll_update(poll, 202, {"Location": "https://svc.example.net/b"}, b"")
    assert (poll.status_url, poll.done) == ("https://svc.example.net/b", False)
    poll = r.lro_poll_update(poll, 202, {}, b"")  # no new Location: poll the same one
    assert poll.status_url == "https://svc.example.net/b"
    poll = r.lro_poll_update(poll, 200, {}, b"not even JSON")  # a Location's final answer is not read here
    assert (poll.done, poll.final_url) == (True, None)
    assert r.lro_result_r_act(200, {}, b'{"value": 3}').value == 3
    assert r.lro_result_r_act(204, {}, b"") is None
    assert r.lro_result_r_act_no_result(200, {}, b'{"value": 3}') is None  # it declares no result
    # A PUT polled through its Location alone ends there too (no GET of the PUT's URL).
    assert r.lro_poll_info("R_Put", {"Location": "https://svc.example.net/a"}, request_url=URL, status_code=202, body=b"").final_url is None


def test_delete_through_a_location_keeps_the_last_state(lro: ModuleType) -> None:
    # Through a Location the last answer is the result as it is, provisioningState "Failed" included.
    r = lro.responses
    poll = r.lro_poll_info("R_Delete", {"Location": "https://svc.example.net/a"}, request_url=URL, status_code=202, body=b"")
    poll = r.lro_poll_update(poll, 200, {}, _resource("Failed"))
    assert poll.done and r.lro_result_r_delete(200, {}, _resource("Failed")).properties.provisioning_state == "Failed"


# -- results ------------------------------------------------------------------------------------------


def test_results_table_and_types(lro: ModuleType) -> None:
    r = lro.responses
    assert set(r.LRO_RESULTS) == set(r.LONG_RUNNING)
    assert r.LRO_RESULTS["R_Put"] is r.lro_result_r_put
    # A 202 without a body beside a 200 whose list may be null: None once in the annotations.
    assert r.parse_r_list_response.__annotations__["return"] == "list[_models.Result] | None"
    assert r.lro_result_r_list.__annotations__["return"] == "list[_models.Result] | None"
    items = r.lro_result_r_list(200, {}, b'[{"value": 1}, {"value": 2}]')
    assert items == [lro.models.Result(value=1), lro.models.Result(value=2)]
    with pytest.raises(r.HttpResponseError) as info:
        r.lro_result_r_put(404, {}, b'{"error": {"code": "NotFound"}}')
    assert info.value.status_code == 404 and type(info.value.error) is lro.models.Err
    with pytest.raises(lro.DecodeError):
        r.lro_result_r_put(200, {}, b"{")


def test_a_flat_error_model_is_read_as_it_is(tmp_path_factory: pytest.TempPathFactory) -> None:
    # An error model without an `error` field (`{"code": 500, "message": ...}`): the monitor's
    # `error` object is that model itself.
    pkg = _package(tmp_path_factory, "flat", _spec(FLAT_ERROR))
    r = pkg.responses
    poll = r.lro_poll_info("R_Delete", ASYNC, request_url=URL, status_code=202, body=b"")
    with pytest.raises(r.HttpResponseError, match="Internal Server Error") as info:
        r.lro_poll_update(poll, 200, {}, b'{"status": "Failed", "error": {"code": 500, "message": "Internal Server Error"}}')
    assert (info.value.error.code, info.value.error.message) == (500, "Internal Server Error")
