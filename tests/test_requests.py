"""Request builders: every operation against its upstream example, path injection, parameter
constraints, secrets, and the conversions to what HTTP clients take."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from conftest import SPEC, example_cases, generate_into

from generator.ir import Api, Operation

PASSWORD = "S3cr3t-Pa55w0rd!"
PATH = {
    "subscription_id": "24fb23e3-6ba3-41f0-9b6e-e41131d5d61e",
    "resource_group_name": "myResourceGroup",
    "vm_name": "myVM",
    "run_command_name": "myRunCommand",
}


def _operation(api: Api, op_id: str) -> Operation:
    return next(o for o in api.operations if o.operation_id == op_id)


def _kwargs(op: Operation, parameters: dict[str, Any]) -> dict[str, Any]:
    """The builder's keyword arguments for an example's parameters (those the spec declares)."""
    return {p.py_name: parameters[p.wire_name] for p in op.parameters if p.wire_name in parameters and p.constant is None}


def _expected_path(op: Operation, parameters: dict[str, Any]) -> str:
    path = op.path
    for p in op.parameters:
        if p.location == "path":
            path = path.replace("{" + p.wire_name + "}", quote(str(parameters[p.wire_name]), safe=""))
    return path


def test_every_operation_has_a_builder(packages: dict[Path, tuple[Api, ModuleType]]) -> None:
    for api, pkg in packages.values():
        assert set(pkg.requests.OPERATIONS) == {o.operation_id for o in api.operations}
        for op in api.operations:
            assert pkg.requests.OPERATIONS[op.operation_id] is getattr(pkg.requests, f"build_{op.py_name}_request")
    api, pkg = packages[SPEC]
    assert len(api.operations) == 14


@pytest.mark.parametrize(("spec", "op_id", "example"), example_cases())
def test_builder_reproduces_the_example(packages: dict[Path, tuple[Api, ModuleType]], spec: Path, op_id: str, example: dict[str, Any]) -> None:
    api, pkg = packages[spec]
    op = _operation(api, op_id)
    parameters = example["parameters"]
    request = pkg.requests.OPERATIONS[op_id](**_kwargs(op, parameters))
    assert request.method == op.method
    url = urlsplit(request.url)
    assert (url.scheme, url.netloc) == ("https", "management.azure.com")
    assert url.path == _expected_path(op, parameters)
    expected_query = {
        p.wire_name: [str(parameters[p.wire_name])] for p in op.parameters if p.location == "query" and p.wire_name in parameters
    }
    assert parse_qs(url.query, keep_blank_values=True) == expected_query
    assert expected_query["api-version"] == [api.api_version]
    assert request.headers["Accept"] == "application/json"
    body_param = next((p for p in op.parameters if p.location == "body"), None)
    if body_param is None:
        assert request.body is None
        assert "Content-Type" not in request.headers
    else:
        assert json.loads(request.body.decode("utf-8")) == parameters[body_param.wire_name]
        assert request.headers["Content-Type"] == "application/json"


def test_api_version_defaults_to_the_spec_and_can_be_overridden(pkg: ModuleType) -> None:
    build = pkg.requests.build_virtual_machine_run_commands_get_by_virtual_machine_request
    assert "api-version=2024-11-01" in build(**PATH).url
    assert pkg.requests.API_VERSION == pkg.API_VERSION == "2024-11-01"
    assert "api-version=2025-01-01" in build(**PATH, api_version="2025-01-01").url


def test_optional_query_parameter(pkg: ModuleType) -> None:
    build = pkg.requests.build_virtual_machine_run_commands_get_by_virtual_machine_request
    assert "expand" not in build(**PATH).url
    url = urlsplit(build(**PATH, expand="instanceView").url)
    assert parse_qs(url.query) == {"api-version": ["2024-11-01"], "$expand": ["instanceView"]}
    url = urlsplit(build(**PATH, expand="a&b=c#d").url)
    assert parse_qs(url.query) == {"api-version": ["2024-11-01"], "$expand": ["a&b=c#d"]}
    assert url.fragment == ""


def test_body_from_a_get_response_leaves_out_read_only_fields(pkg: ModuleType) -> None:
    response = {
        "id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/runCommands/rc",
        "name": "rc",
        "type": "Microsoft.Compute/virtualMachines/runCommands",
        "location": "westus",
        "systemData": {"createdBy": "me", "createdAt": "2024-11-01T10:00:00.1234567Z"},
        "properties": {
            "source": {"script": "echo hi"},
            "provisioningState": "Succeeded",
            "instanceView": {"executionState": "Succeeded", "exitCode": 0},
            "scriptUriManagedIdentity": {},
            "futureField": {"kept": True},
        },
        "unknownTopLevel": 1,
    }
    expected = {
        "location": "westus",
        "properties": {"source": {"script": "echo hi"}, "scriptUriManagedIdentity": {}, "futureField": {"kept": True}},
        "unknownTopLevel": 1,
    }
    build = pkg.requests.build_virtual_machine_run_commands_create_or_update_request
    model = pkg.models.VirtualMachineRunCommand.from_dict(response)
    for body in (response, model):
        request = build(**PATH, body=body)
        assert json.loads(request.body) == expected
        assert request.body == json.dumps(expected, separators=(",", ":")).encode()


def test_body_is_utf8_json(pkg: ModuleType) -> None:
    request = pkg.requests.build_virtual_machine_run_commands_create_or_update_request(
        **PATH, body={"location": "westus", "properties": {"source": {"script": "echo 'héllo ☃'"}}}
    )
    assert "héllo ☃".encode() in request.body


# -- path injection and parameter checks -----------------------------------------------------------


@pytest.mark.parametrize("vm_name", ["../x", "a/b?c#d", "x/../../y", "%2E%2E", "a b", "\u2603/..", "..."])
def test_path_values_stay_one_segment(pkg: ModuleType, vm_name: str) -> None:
    request = pkg.requests.build_virtual_machine_run_commands_get_by_virtual_machine_request(**{**PATH, "vm_name": vm_name})
    url = urlsplit(request.url)
    assert url.query == "api-version=2024-11-01" and url.fragment == ""
    segments = url.path.split("/")
    assert segments[:8] == ["", "subscriptions", PATH["subscription_id"], "resourceGroups", "myResourceGroup", "providers", "Microsoft.Compute", "virtualMachines"]
    assert segments[8] == quote(vm_name, safe="")
    assert segments[9:] == ["runCommands", "myRunCommand"]
    # What a client sends: normalising dot segments cannot move it either.
    assert "/../" not in url.path and "/./" not in url.path


@pytest.mark.parametrize("value", [".", "..", ""])
@pytest.mark.parametrize("name", ["vm_name", "run_command_name", "subscription_id"])
def test_dot_segments_are_refused(pkg: ModuleType, name: str, value: str) -> None:
    with pytest.raises(pkg.requests.ParameterError) as info:
        pkg.requests.build_virtual_machine_run_commands_delete_request(**{**PATH, name: value})
    assert info.value.python_name == name
    assert name in str(info.value)
    assert isinstance(info.value, ValueError)


def test_resource_group_constraints(pkg: ModuleType) -> None:
    build = pkg.requests.build_virtual_machine_run_commands_get_by_virtual_machine_request
    assert "/resourceGroups/" + "r" * 90 + "/" in build(**{**PATH, "resource_group_name": "r" * 90}).url
    for bad, problem in (("r" * 91, "90 characters"), ("", "characters"), ("rg/x", "pattern"), ("rg x", "pattern"), ("rg?", "pattern"), ("rg\u00a0x", "pattern")):
        with pytest.raises(pkg.requests.ParameterError) as info:
            build(**{**PATH, "resource_group_name": bad})
        assert info.value.parameter == "resourceGroupName"
        assert "resource_group_name" in str(info.value) and problem in str(info.value)
    # The spec's pattern allows these, read as the service reads it (.NET: \w is Unicode):
    # letters of any script, combining marks (a decomposed ü), decimal digits of any script.
    for good in ("my-rg_1.(test)", "rgé", "grüppe", "gru\u0308ppe", "資源グループ", "rg-\u0663"):
        url = build(**{**PATH, "resource_group_name": good}).url
        assert "/resourceGroups/" + quote(good, safe="") + "/" in url


def test_location_constraint(pkg: ModuleType) -> None:
    build = pkg.requests.build_virtual_machine_run_commands_list_request
    assert "/locations/westus/runCommands" in build(subscription_id="s", location="westus").url
    with pytest.raises(pkg.requests.ParameterError, match="location"):
        build(subscription_id="s", location="")


def test_missing_and_mistyped_parameters(pkg: ModuleType) -> None:
    build = pkg.requests.build_virtual_machine_run_commands_delete_request
    with pytest.raises(TypeError, match="vm_name"):
        build(subscription_id="s", resource_group_name="rg", run_command_name="rc")
    with pytest.raises(pkg.requests.ParameterError, match="vm_name.*required"):
        build(**{**PATH, "vm_name": None})
    with pytest.raises(pkg.requests.ParameterError, match="vm_name.*string"):
        build(**{**PATH, "vm_name": 5})
    with pytest.raises(pkg.requests.ParameterError, match="vm_name.*string"):
        build(**{**PATH, "vm_name": ["unhashable"]})
    with pytest.raises(pkg.requests.ParameterError, match="api_version"):
        build(**PATH, api_version="")
    with pytest.raises(TypeError, match="body"):
        pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH)
    with pytest.raises(pkg.requests.ParameterError, match="body"):
        pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH, body=None)
    with pytest.raises(pkg.requests.ParameterError, match="body.*required"):
        pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH, body=None)
    with pytest.raises(pkg.requests.ParameterError, match="body.*location"):
        pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH, body={"properties": {}})


def test_checks_run_again_for_cached_values(pkg: ModuleType) -> None:
    """A value that passed as one parameter is still checked against another's constraints."""
    build = pkg.requests.build_virtual_machine_run_commands_get_by_virtual_machine_request
    odd = "x" * 91
    build(**{**PATH, "vm_name": odd})  # vmName has no length limit
    with pytest.raises(pkg.requests.ParameterError, match="resource_group_name"):
        build(**{**PATH, "resource_group_name": odd})
    for _ in range(2):
        with pytest.raises(pkg.requests.ParameterError):
            build(**{**PATH, "vm_name": ".."})


def test_base_url_and_headers(pkg: ModuleType) -> None:
    build = pkg.requests.build_virtual_machine_run_commands_delete_request
    request = build(**PATH, base_url="http://127.0.0.1:8080/", headers={"Authorization": "Bearer tok", "accept": "text/plain"})
    assert request.url.startswith("http://127.0.0.1:8080/subscriptions/")
    assert request.headers == {"Authorization": "Bearer tok", "accept": "text/plain"}
    assert "tok" not in repr(request)
    for bad in ("ftp://x", "file:///etc", "https://x/?q", "https://x#f", "https://x y"):
        with pytest.raises(pkg.requests.ParameterError, match="base_url"):
            build(**PATH, base_url=bad)
    for headers in ({"X-Evil": "a\r\nInjected: 1"}, {"Bad Name": "v"}, {"X-N": 5}):
        with pytest.raises(pkg.requests.ParameterError, match="header"):
            build(**PATH, headers=headers)


def test_follow_link(pkg: ModuleType) -> None:
    follow = pkg.requests.follow_link
    link = "https://management.azure.com/subscriptions/s/runCommands?api-version=2024-11-01&%24skiptoken=abc"
    request = follow(link, base_url="https://management.azure.com")
    assert (request.method, request.url, request.body) == ("GET", link, None)
    with pytest.raises(pkg.requests.ParameterError, match="base_url"):
        follow("https://evil.example/x", base_url="https://management.azure.com")
    with pytest.raises(pkg.requests.ParameterError):
        follow("javascript:alert(1)")
    with pytest.raises(pkg.requests.ParameterError):
        follow("https://management.azure.com/a b")


# -- secrets ---------------------------------------------------------------------------------------


def _secret_body(**extra: Any) -> dict[str, Any]:
    return {"location": "westus", "properties": {"source": {"script": "echo"}, "runAsUser": "u", "runAsPassword": PASSWORD, **extra}}


def test_password_never_in_repr_or_errors(pkg: ModuleType) -> None:
    build = pkg.requests.build_virtual_machine_run_commands_create_or_update_request
    request = build(**PATH, body=_secret_body())
    assert PASSWORD.encode() in request.body  # sent, of course
    assert PASSWORD not in repr(request) and PASSWORD not in str(request)
    assert f"<{len(request.body)} bytes>" in repr(request)
    failures: list[BaseException] = []
    attempts = [
        lambda: build(**{**PATH, "resource_group_name": "x" * 91}, body=_secret_body()),
        lambda: build(**{**PATH, "vm_name": ".."}, body=_secret_body()),
        lambda: build(**PATH, body=_secret_body(timeoutInSeconds="soon")),
        lambda: build(**PATH, body=_secret_body(asyncExecution=PASSWORD)),
        lambda: build(**PATH, body={"properties": {"runAsPassword": PASSWORD}}),
        lambda: build(**PATH, body={"location": "w", "properties": {"runAsPassword": 5}}),
        lambda: build(**PATH, body={"location": "w", "properties": {"runAsPassword": [PASSWORD]}}),
        lambda: build(**{**PATH, "resource_group_name": PASSWORD}, body=_secret_body()),
        lambda: build(**PATH, body=_secret_body(), headers={"X-Secret": PASSWORD + "\n"}),
        lambda: build(**PATH, body=PASSWORD),
    ]
    for attempt in attempts:
        with pytest.raises(ValueError) as info:
            attempt()
        failures.append(info.value)
    for exc in failures:
        assert PASSWORD not in str(exc) and PASSWORD not in repr(exc), exc
        assert PASSWORD not in repr(exc.args)


def test_model_body_repr_masks_password(pkg: ModuleType) -> None:
    model = pkg.models.VirtualMachineRunCommand.from_dict(_secret_body())
    assert PASSWORD not in repr(model)
    request = pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH, body=model)
    assert json.loads(request.body)["properties"]["runAsPassword"] == PASSWORD


# -- conversions ---------------------------------------------------------------------------------


def test_to_urllib(pkg: ModuleType) -> None:
    request = pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH, body=_secret_body())
    u = request.to_urllib(extra_headers={"Authorization": "Bearer t"})
    assert (u.get_method(), u.full_url, u.data) == ("PUT", request.url, request.body)
    assert u.get_header("Content-type") == "application/json" and u.get_header("Authorization") == "Bearer t"
    assert "Authorization" not in request.headers


def test_to_requests_and_httpx_kwargs(pkg: ModuleType) -> None:
    request = pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH, body=_secret_body())
    kw = request.to_requests_kwargs()
    assert kw == {"method": "PUT", "url": request.url, "headers": request.headers, "data": request.body}
    requests = pytest.importorskip("requests")
    prepared = requests.Request(**kw).prepare()
    assert (prepared.method, prepared.url, prepared.body) == ("PUT", request.url, request.body)
    assert request.to_httpx_kwargs()["content"] == request.body
    httpx = pytest.importorskip("httpx")
    built = httpx.Request(**request.to_httpx_kwargs())
    assert str(built.url) == request.url and built.content == request.body


def test_to_azure_core(pkg: ModuleType) -> None:
    pytest.importorskip("azure.core.rest")
    request = pkg.requests.build_virtual_machine_run_commands_create_or_update_request(**PATH, body=_secret_body())
    az = request.to_azure_core()
    assert (az.method, az.url, az.content) == ("PUT", request.url, request.body)
    assert az.headers["content-type"] == "application/json"


def test_builders_are_pure_and_patterns_are_constants(pkg: ModuleType) -> None:
    source = Path(pkg.requests.__file__).read_text(encoding="utf-8")
    assert "urlopen(" not in source and "socket" not in source
    # Patterns from the spec become module-level literals (compiled on first use), not code.
    assert re.search(r"^_PATTERN_0 = _Pattern\(", source, re.MULTILINE)


# -- other parameter kinds, from a synthetic spec ----------------------------------------------


def _synthetic_spec(extra_parameter: dict[str, Any] | None = None, pattern: str = "^[a-z'\"]+$") -> dict[str, Any]:
    path_params = [
        {"name": "thingName", "in": "path", "required": True, "type": "string", "pattern": pattern, "maxLength": 10},
        {"name": "itemPath", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True},
        {"name": "api-version", "in": "query", "required": True, "type": "string"},
    ]
    get_params = [
        {"name": "count", "in": "query", "type": "integer", "format": "int32", "minimum": 1, "maximum": 100},
        {"name": "ratio", "in": "query", "type": "number", "maximum": 1, "exclusiveMaximum": True},
        {"name": "flag", "in": "query", "type": "boolean"},
        {"name": "kinds", "in": "query", "type": "array", "items": {"type": "string"}, "maxItems": 2},
        {"name": "color", "in": "query", "type": "string", "enum": ["red", "green"], "x-ms-enum": {"name": "Color", "modelAsString": True}},
        {"name": "size", "in": "query", "type": "string", "enum": ["S", "M"]},
        {"name": "shape", "in": "query", "type": "string", "enum": ["round", "flat"], "x-ms-enum": {"name": "Shape", "modelAsString": False}},
        {"name": "mode", "in": "query", "type": "string", "enum": ["fixed"], "required": True},
        {"name": "x-ms-client-request-id", "in": "header", "type": "string"},
        *([extra_parameter] if extra_parameter else []),
    ]
    responses = {
        "200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}},
        "default": {"description": "error", "schema": {"$ref": "#/definitions/Err"}},
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Things", "version": "2020-01-01"},
        "host": "example.com",
        "basePath": "/base",
        "paths": {
            "/things/{thingName}/items/{itemPath}": {
                "parameters": path_params,
                "get": {"operationId": "Things_Get", "parameters": get_params, "responses": responses},
                "put": {
                    "operationId": "Things_Put",
                    "parameters": [{"name": "thing", "in": "body", "schema": {"$ref": "#/definitions/Thing"}}],
                    "responses": responses,
                },
            }
        },
        "definitions": {
            "Thing": {"type": "object", "properties": {"id": {"type": "string", "readOnly": True}, "n": {"type": "integer"}}},
            "Err": {"type": "object", "properties": {"error": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
        },
    }


@pytest.fixture(scope="module")
def things(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("things")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(_synthetic_spec()), encoding="utf-8")
    return generate_into(spec, folder / "out", overlay=None)


def test_synthetic_parameter_kinds(things: ModuleType) -> None:
    build = things.requests.build_things_get_request
    request = build(
        thing_name="ab'c", item_path="a/b", count=5, ratio=0.5, flag=True, kinds=["x", "y"],
        color=things.models.Color.RED, size="M", shape=things.models.Shape.FLAT, x_ms_client_request_id="rid-1",
    )
    url = urlsplit(request.url)
    assert (url.netloc, url.path) == ("example.com", "/base/things/ab%27c/items/a/b")
    assert parse_qs(url.query) == {
        "api-version": ["2020-01-01"], "mode": ["fixed"], "count": ["5"], "ratio": ["0.5"], "flag": ["true"],
        "kinds": ["x,y"], "color": ["red"], "size": ["M"], "shape": ["flat"],
    }
    assert request.headers["x-ms-client-request-id"] == "rid-1"
    assert parse_qs(urlsplit(build(thing_name="a", item_path="b", color="purple").url).query)["color"] == ["purple"]
    assert parse_qs(urlsplit(build(thing_name="a", item_path="b", flag=False).url).query)["flag"] == ["false"]
    assert parse_qs(urlsplit(build(thing_name="a", item_path="b", shape="round").url).query)["shape"] == ["round"]
    bad: list[dict[str, Any]] = [
        {"count": 0}, {"count": 101}, {"count": True}, {"count": "5"}, {"ratio": 1}, {"ratio": float("nan")},
        {"kinds": "xy"}, {"kinds": ["a", "b", "c"]}, {"size": "L"}, {"shape": "oval"}, {"shape": 5}, {"thing_name": "ABC"}, {"thing_name": "a" * 11},
        {"item_path": "../x"}, {"item_path": "a/../b"}, {"item_path": "a?b"}, {"item_path": "a#b"}, {"item_path": "%2e%2E/x"},
        {"item_path": ""}, {"x_ms_client_request_id": "a\r\nb"},
    ]
    for case in bad:
        with pytest.raises(things.requests.ParameterError) as info:
            build(**{"thing_name": "a", "item_path": "b", **case})
        assert info.value.python_name == next(iter(case)), case
    assert parse_qs(urlsplit(build(thing_name="a", item_path="b", mode="fixed").url).query)["mode"] == ["fixed"]
    with pytest.raises(things.requests.ParameterError) as info:
        build(thing_name="a", item_path="b", mode="other")  # a constant takes its one value only
    assert info.value.python_name == "mode"


def test_synthetic_optional_body_and_default_error(things: ModuleType) -> None:
    build = things.requests.build_things_put_request
    request = build(thing_name="a", item_path="b")
    assert request.body is None and "Content-Type" not in request.headers
    request = build(thing_name="a", item_path="b", body={"id": "read-only", "n": 3})
    assert request.body == b'{"n":3}' and request.headers["Content-Type"] == "application/json"
    with pytest.raises(things.responses.HttpResponseError) as info:
        things.responses.parse_things_get_response(500, {}, b'{"error":{"code":"Boom","message":"bad"}}')
    assert isinstance(info.value.error, things.models.Err) and info.value.code == "Boom"


def test_synthetic_package_passes_mypy_and_ruff(things: ModuleType) -> None:
    folder = Path(things.__file__).parent
    for module in ("requests.py", "responses.py"):
        compile((folder / module).read_text(encoding="utf-8"), module, "exec")
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(folder / "requests.py"), str(folder / "responses.py")], capture_output=True, text=True, check=False)
    if "No module named ruff" in ruff.stderr:
        pytest.skip("ruff not installed")
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent", str(folder / "requests.py"), str(folder / "responses.py")],
        capture_output=True, text=True, check=False, cwd=folder.parent,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


@pytest.mark.parametrize(
    ("extra", "pattern", "message"),
    [
        ({"name": "baseUrl", "in": "query", "type": "string"}, "^a$", "clash"),
        (None, "(?<!x", "pattern"),
    ],
)
def test_synthetic_spec_problems_are_reported(tmp_path: Path, extra: dict[str, Any] | None, pattern: str, message: str) -> None:
    from generator.errors import SpecError
    from generator.pipeline import generate_package

    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_synthetic_spec(extra, pattern)), encoding="utf-8")
    with pytest.raises(SpecError, match=message) as info:
        generate_package(spec, "p")
    assert all(p.file.endswith("spec.json") for p in info.value.problems)
