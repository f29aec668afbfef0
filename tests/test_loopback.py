"""End to end: the generated builders and parsers drive a fake ARM endpoint over real HTTP.

A `ThreadingHTTPServer` on 127.0.0.1 (port 0) plays ARM for run commands. It checks every
request it gets (method, path, api-version, headers, and the body against the generated JSON
Schema, read-only fields absent), answers PUT with 201 + Azure-AsyncOperation/Location +
Retry-After, serves the polling status (InProgress, then Succeeded), pages a list across two
pages with nextLink, and answers 404 with a CloudError for an unknown run command. The client
side is `urllib.request` only. Every request has a timeout; the server is shut down in finally.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

API_VERSION = "2024-11-01"
TOKEN = "Bearer loopback-token"
PASSWORD = "loopback-Pa55word"
SUB = "24fb23e3-6ba3-41f0-9b6e-e41131d5d61e"
RG = "my-rg"
VM = "my vm/01"  # a space and a slash: must arrive as one segment
TIMEOUT = 5.0

_VM_BASE = r"/subscriptions/(?P<sub>[^/]+)/resourceGroups/(?P<rg>[^/]+)/providers/Microsoft\.Compute/virtualMachines/(?P<vm>[^/]+)"
ROUTES = [
    ("run_command", re.compile(_VM_BASE + r"/runCommands/(?P<rc>[^/]+)\Z")),
    ("run_commands", re.compile(_VM_BASE + r"/runCommands\Z")),
    ("operation", re.compile(r"/subscriptions/(?P<sub>[^/]+)/providers/Microsoft\.Compute/locations/westus/operations/(?P<op>[^/]+)\Z")),
    ("operation_result", re.compile(r"/subscriptions/(?P<sub>[^/]+)/providers/Microsoft\.Compute/locations/westus/operationResults/(?P<op>[^/]+)\Z")),
]
READ_ONLY_TOP = {"id", "name", "type", "systemData"}
READ_ONLY_PROPERTIES = {"provisioningState", "instanceView"}


class FakeArm:
    """The server's state and its record of what it saw."""

    def __init__(self, validator: jsonschema.Draft202012Validator) -> None:
        self.validator = validator
        self.problems: list[str] = []
        self.seen: list[tuple[str, str]] = []
        self.passwords: list[Any] = []
        self.resources: dict[tuple[str, str, str, str], dict[str, Any]] = {}
        self.operations: dict[str, dict[str, Any]] = {}
        self.base = ""
        self.lock = threading.Lock()
        for name in ("aaa-existing-1", "aaa-existing-2"):
            self.resources[(SUB, RG, VM, name)] = self.resource(SUB, RG, VM, name, {"source": {"script": "echo"}}, "Succeeded")

    def resource(self, sub: str, rg: str, vm: str, name: str, properties: dict[str, Any], state: str) -> dict[str, Any]:
        return {
            "id": f"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{vm}/runCommands/{name}",
            "name": name,
            "type": "Microsoft.Compute/virtualMachines/runCommands",
            "location": "westus",
            "properties": {**properties, "provisioningState": state},
        }

    # -- checks -------------------------------------------------------------------------------

    def check(self, condition: bool, message: str) -> None:
        if not condition:
            self.problems.append(message)

    def handle(self, method: str, raw_path: str, headers: Any, body: bytes) -> tuple[int, dict[str, str], Any]:
        url = urlsplit(raw_path)
        query = parse_qs(url.query, keep_blank_values=True)
        with self.lock:
            self.seen.append((method, raw_path))
        self.check(query.get("api-version") == [API_VERSION], f"{method} {raw_path}: api-version {query.get('api-version')}")
        self.check(headers.get("Accept") == "application/json", f"{method} {raw_path}: Accept {headers.get('Accept')!r}")
        self.check(headers.get("Authorization") == TOKEN, f"{method} {raw_path}: no Authorization")
        if method in ("PUT", "PATCH", "POST"):
            self.check(headers.get("Content-Type") == "application/json", f"{method}: Content-Type {headers.get('Content-Type')!r}")
        else:
            self.check(not body and headers.get("Content-Type") is None, f"{method} {raw_path}: unexpected body")
        for kind, pattern in ROUTES:
            m = pattern.match(url.path)
            if m:
                # One segment per value: decode only after splitting on "/".
                values = {k: unquote(v) for k, v in m.groupdict().items()}
                return getattr(self, f"{kind}_{method.lower()}", self.not_allowed)(values, query, body)
        self.check(False, f"{method} {raw_path}: no such route")
        return 400, {}, {"error": {"code": "NoRoute", "message": raw_path}}

    def not_allowed(self, values: dict[str, str], query: dict[str, list[str]], body: bytes) -> tuple[int, dict[str, str], Any]:
        self.check(False, f"method not allowed for {values}")
        return 405, {}, {"error": {"code": "MethodNotAllowed", "message": "no"}}

    def key(self, v: dict[str, str]) -> tuple[str, str, str, str]:
        self.check((v["sub"], v["rg"], v["vm"]) == (SUB, RG, VM), f"path values {v}")
        return v["sub"], v["rg"], v["vm"], v["rc"]

    def not_found(self, name: str) -> tuple[int, dict[str, str], Any]:
        return 404, {"x-ms-request-id": "req-404"}, {
            "error": {"code": "NotFound", "message": f"Run command {name} was not found.", "target": "runCommandName"}
        }

    def operation_urls(self, op: str) -> dict[str, str]:
        prefix = f"{self.base}/subscriptions/{SUB}/providers/Microsoft.Compute/locations/westus"
        return {
            "Azure-AsyncOperation": f"{prefix}/operations/{op}?api-version={API_VERSION}",
            "Location": f"{prefix}/operationResults/{op}?api-version={API_VERSION}",
            "Retry-After": "0",
        }

    # -- routes -------------------------------------------------------------------------------

    def run_command_put(self, v: dict[str, str], query: dict[str, list[str]], body: bytes) -> tuple[int, dict[str, str], Any]:
        key = self.key(v)
        data = json.loads(body)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in self.validator.iter_errors(data)]
        self.check(not errors, f"PUT body fails the schema: {errors}")
        self.check(not READ_ONLY_TOP & set(data), f"PUT body has read-only fields {READ_ONLY_TOP & set(data)}")
        self.check(not READ_ONLY_PROPERTIES & set(data.get("properties", {})), "PUT body has read-only properties")
        self.passwords.append(data["properties"].get("runAsPassword"))
        properties = {k: val for k, val in data["properties"].items() if k != "runAsPassword"}
        resource = self.resource(*key, properties, "Creating")
        resource["location"] = data["location"]
        created = key not in self.resources
        self.resources[key] = resource
        op = f"op-{len(self.operations) + 1}"
        self.operations[op] = {"kind": "create", "key": key, "polls": 0}
        return (201 if created else 200), self.operation_urls(op), resource

    def run_command_get(self, v: dict[str, str], query: dict[str, list[str]], body: bytes) -> tuple[int, dict[str, str], Any]:
        key = self.key(v)
        if key not in self.resources:
            return self.not_found(key[3])
        resource = json.loads(json.dumps(self.resources[key]))
        if query.get("$expand") == ["instanceView"]:
            resource["properties"]["instanceView"] = {
                "executionState": "Succeeded",
                "exitCode": 0,
                "output": "hello",
                "startTime": "2024-11-01T10:00:01.1234567+00:00",
                "endTime": "2024-11-01T10:00:02.7654321+00:00",
            }
        elif "$expand" in query:
            self.check(False, f"unexpected $expand {query['$expand']}")
        return 200, {}, resource

    def run_command_delete(self, v: dict[str, str], query: dict[str, list[str]], body: bytes) -> tuple[int, dict[str, str], Any]:
        key = self.key(v)
        if key not in self.resources:
            return 204, {}, None
        op = f"op-{len(self.operations) + 1}"
        self.operations[op] = {"kind": "delete", "key": key, "polls": 0}
        headers = self.operation_urls(op)
        del headers["Azure-AsyncOperation"]  # deletes are polled at their Location
        return 202, headers, None

    def run_commands_get(self, v: dict[str, str], query: dict[str, list[str]], body: bytes) -> tuple[int, dict[str, str], Any]:
        v = {**v, "rc": "-"}
        self.key(v)
        items = [self.resources[k] for k in sorted(self.resources)]
        if query.get("$skiptoken") == ["page2"]:
            return 200, {}, {"value": items[2:]}
        self.check("$skiptoken" not in query, f"unexpected skiptoken {query.get('$skiptoken')}")
        path = f"/subscriptions/{SUB}/resourceGroups/{RG}/providers/Microsoft.Compute/virtualMachines/{VM.replace(' ', '%20').replace('/', '%2F')}/runCommands"
        return 200, {}, {"value": items[:2], "nextLink": f"{self.base}{path}?api-version={API_VERSION}&$skiptoken=page2"}

    def operation_get(self, v: dict[str, str], query: dict[str, list[str]], body: bytes) -> tuple[int, dict[str, str], Any]:
        op = self.operations.get(v["op"])
        if op is None:
            return 404, {}, {"error": {"code": "NotFound", "message": "no such operation"}}
        op["polls"] += 1
        if op["polls"] < 2:
            return 200, {"Retry-After": "0"}, {"name": v["op"], "status": "InProgress", "startTime": "2024-11-01T10:00:00Z"}
        self.resources[op["key"]]["properties"]["provisioningState"] = "Succeeded"
        return 200, {}, {"name": v["op"], "status": "Succeeded", "startTime": "2024-11-01T10:00:00Z", "endTime": "2024-11-01T10:00:02Z"}

    def operation_result_get(self, v: dict[str, str], query: dict[str, list[str]], body: bytes) -> tuple[int, dict[str, str], Any]:
        op = self.operations.get(v["op"])
        if op is None:
            return 404, {}, {"error": {"code": "NotFound", "message": "no such operation"}}
        if op["kind"] == "delete":
            op["polls"] += 1
            if op["polls"] < 2:
                return 202, {"Location": self.operation_urls(v["op"])["Location"], "Retry-After": "0"}, None
            self.resources.pop(op["key"], None)
            return 204, {}, None
        return 200, {}, self.resources[op["key"]]


def _handler(arm: FakeArm) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            try:
                status, headers, payload = arm.handle(self.command, self.path, self.headers, body)
            except Exception as exc:  # noqa: BLE001 - a failing check must reach the test, not hang it
                arm.problems.append(f"server error: {exc!r}")
                status, headers, payload = 500, {}, {"error": {"code": "ServerError", "message": "boom"}}
            data = b"" if payload is None else json.dumps(payload).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if data:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_PUT = do_PATCH = do_POST = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def arm(pkg: ModuleType) -> Iterator[FakeArm]:
    schemas = pkg.schemas.load_all()
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(schema, default_specification=DRAFT202012)) for uri, schema in schemas.items()
    )
    validator = jsonschema.Draft202012Validator(schemas["VirtualMachineRunCommand.json"], registry=registry)
    fake = FakeArm(validator)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.timeout = TIMEOUT
    fake.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=TIMEOUT)


# No proxies: the loopback server must be reached directly whatever the environment says.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def send(request: Any) -> tuple[int, Any, bytes]:
    """Send an HttpRequest with urllib; HTTP errors are responses too."""
    try:
        with _OPENER.open(request.to_urllib(extra_headers={"Authorization": TOKEN}), timeout=TIMEOUT) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, exc.read()


def wait_for(pkg: ModuleType, info: Any, base_url: str) -> Any:
    """Poll a long-running operation to the end; the final PollStatus."""
    r, q = pkg.responses, pkg.requests
    status = None
    for _ in range(20):
        time.sleep(min(info.retry_after_seconds or 0.0, 0.05))
        status = r.parse_poll_status(*send(q.follow_link(info.status_url, base_url=base_url)))
        if status.done:
            return status
    raise AssertionError(f"still running after 20 polls: {status}")


def test_run_command_lifecycle_over_http(pkg: ModuleType, arm: FakeArm) -> None:
    q, r = pkg.requests, pkg.responses
    base = arm.base
    where = {"subscription_id": SUB, "resource_group_name": RG, "vm_name": VM}

    # Unknown run command: 404 with a CloudError.
    with pytest.raises(r.HttpResponseError) as info:
        r.parse_virtual_machine_run_commands_get_by_virtual_machine_response(
            *send(q.build_virtual_machine_run_commands_get_by_virtual_machine_request(**where, run_command_name="nope", base_url=base))
        )
    assert info.value.status_code == 404
    assert info.value.error.error.code == "NotFound" and info.value.code == "NotFound"
    assert info.value.headers["x-ms-request-id"] == "req-404"

    # Create: 201 + where to poll.
    body = pkg.models.VirtualMachineRunCommand.from_dict(
        {
            "location": "westus",
            "properties": {
                "source": {"script": "Write-Host Hello"},
                "parameters": [{"name": "p1", "value": "v1"}],
                "runAsUser": "admin",
                "runAsPassword": PASSWORD,
                "timeoutInSeconds": 60,
                "provisioningState": "Succeeded",  # read-only: must not be sent
            },
            "id": "/ignored",
        }
    )
    create = q.build_virtual_machine_run_commands_create_or_update_request(**where, run_command_name="rc1", body=body, base_url=base)
    status, headers, raw = send(create)
    assert status == 201
    created = r.parse_virtual_machine_run_commands_create_or_update_response(status, headers, raw)
    assert created.provisioning_state == "Creating"
    poll = r.lro_poll_info("VirtualMachineRunCommands_CreateOrUpdate", headers, request_url=create.url)
    assert poll.status_url and poll.status_url.startswith(base + "/subscriptions/") and "/operations/" in poll.status_url
    assert poll.retry_after_seconds == 0.0 and not poll.done
    assert poll.final_url and "/operationResults/" in poll.final_url  # final-state-via: location

    # Poll: InProgress, then Succeeded; then the final result where final-state-via says.
    final_status = wait_for(pkg, poll, base)
    assert final_status.succeeded
    final = r.parse_virtual_machine_run_commands_create_or_update_response(*send(q.follow_link(poll.final_url, base_url=base)))
    assert final.provisioning_state == "Succeeded" and final.name == "rc1"

    # Get with $expand=instanceView.
    got = r.parse_virtual_machine_run_commands_get_by_virtual_machine_response(
        *send(q.build_virtual_machine_run_commands_get_by_virtual_machine_request(**where, run_command_name="rc1", expand="instanceView", base_url=base))
    )
    assert got.instance_view.execution_state == "Succeeded" and got.instance_view.output == "hello"
    assert got.instance_view.to_dict()["startTime"] == "2024-11-01T10:00:01.1234567+00:00"
    assert got.run_as_user == "admin"

    # GET -> modify -> PUT works (read-only fields dropped by the builder, the server checks).
    got.timeout_in_seconds = 120
    again = q.build_virtual_machine_run_commands_create_or_update_request(**where, run_command_name="rc1", body=got, base_url=base)
    assert json.loads(again.body)["properties"]["timeoutInSeconds"] == 120

    # List: two pages, following nextLink.
    names: list[str] = []
    request = q.build_virtual_machine_run_commands_list_by_virtual_machine_request(**where, base_url=base)
    pages = 0
    while request is not None and pages < 5:
        page = r.parse_virtual_machine_run_commands_list_by_virtual_machine_response(*send(request))
        pages += 1
        names += [item.name for item in r.items_virtual_machine_run_commands_list_by_virtual_machine(page)]
        link = r.next_link_virtual_machine_run_commands_list_by_virtual_machine(page)
        request = None if link is None else q.follow_link(link, base_url=base)
    assert pages == 2
    assert names == ["aaa-existing-1", "aaa-existing-2", "rc1"]

    # Delete: 202 + Location, polled to 204; then the run command is gone.
    delete = q.build_virtual_machine_run_commands_delete_request(**where, run_command_name="rc1", base_url=base)
    status, headers, raw = send(delete)
    assert r.parse_virtual_machine_run_commands_delete_response(status, headers, raw) is None
    assert status == 202
    poll = r.lro_poll_info("VirtualMachineRunCommands_Delete", headers, request_url=delete.url)
    assert poll.azure_async_operation is None and poll.status_url == headers["Location"] and poll.final_url is None
    assert wait_for(pkg, poll, base).succeeded
    with pytest.raises(r.HttpResponseError) as info:
        r.parse_virtual_machine_run_commands_get_by_virtual_machine_response(
            *send(q.build_virtual_machine_run_commands_get_by_virtual_machine_request(**where, run_command_name="rc1", base_url=base))
        )
    assert info.value.status_code == 404

    assert arm.problems == []
    assert arm.passwords == [PASSWORD]  # sent on the wire, never returned by the server
    # Polled: create's status monitor InProgress then Succeeded; delete's Location 202 then 204;
    # plus create's final result at its Location.
    assert sum("/operations/" in path for _, path in arm.seen) == 2
    assert sum("/operationResults/" in path for _, path in arm.seen) == 3
    methods = [m for m, _ in arm.seen]
    assert methods.count("PUT") == 1 and methods.count("DELETE") == 1 and methods.count("GET") >= 9
    # The VM name with a space and a slash arrived as one encoded segment every time.
    assert all("/virtualMachines/my%20vm%2F01/" in path for _, path in arm.seen if "/virtualMachines/" in path)


def test_server_rejects_what_the_checks_are_for(pkg: ModuleType, arm: FakeArm) -> None:
    """The fake is strict: a hand-made request with a read-only field or a wrong api-version is noticed."""
    q = pkg.requests
    request = q.build_virtual_machine_run_commands_create_or_update_request(
        subscription_id=SUB, resource_group_name=RG, vm_name=VM, run_command_name="x",
        body={"location": "westus", "properties": {"runAsPassword": PASSWORD}}, base_url=arm.base, api_version="2020-01-01",
    )
    request.body = json.dumps({"id": "x", "location": 5, "properties": {"runAsPassword": PASSWORD}}).encode()
    send(request)
    assert any("api-version" in p for p in arm.problems)
    assert any("schema" in p for p in arm.problems)
    assert any("read-only" in p for p in arm.problems)


# The README's example, verbatim; the test swaps only its three configuration lines.
README_EXAMPLE = '''
import time
import urllib.error
import urllib.request

from runcommands import requests as rq, responses as rs

TOKEN = "<access token>"  # e.g. az account get-access-token --query accessToken -o tsv
BASE = "https://management.azure.com"
where = {"subscription_id": "<subscription id>", "resource_group_name": "myResourceGroup", "vm_name": "myVM"}


def send(request):
    """Send an HttpRequest; returns (status, headers, body). HTTP errors are answers too."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        with urllib.request.urlopen(request.to_urllib(extra_headers=auth), timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read()


def run_lro(operation_id, request):
    """Send a long-running operation, poll it to the end, return its result (raises HttpResponseError if it failed)."""
    status, headers, body = send(request)
    poll = rs.lro_poll_info(operation_id, headers, request_url=request.url, status_code=status, body=body)
    while not poll.done:
        time.sleep(5 if poll.retry_after_seconds is None else poll.retry_after_seconds)
        status, headers, body = send(rq.follow_link(poll.status_url, base_url=BASE))
        poll = rs.lro_poll_update(poll, status, headers, body)
    if poll.final_url:  # where final-state-via (or ARM's rules) put the result
        status, headers, body = send(rq.follow_link(poll.final_url, base_url=BASE))
    return rs.LRO_RESULTS[operation_id](status, headers, body)


# Create a run command (long-running: 201, then poll to the end).
create = rq.build_virtual_machine_run_commands_create_or_update_request(
    **where,
    run_command_name="hello",
    body={"location": "westus", "properties": {"source": {"script": "echo Hello"}}},
    base_url=BASE,
)
created = run_lro("VirtualMachineRunCommands_CreateOrUpdate", create)
print("created:", created.name, created.provisioning_state)

# Get it with its instance view.
got = rs.parse_virtual_machine_run_commands_get_by_virtual_machine_response(
    *send(
        rq.build_virtual_machine_run_commands_get_by_virtual_machine_request(
            **where, run_command_name="hello", expand="instanceView", base_url=BASE
        )
    )
)
print("exit code:", got.instance_view.exit_code, "output:", got.instance_view.output)

# List every run command of the VM, page by page.
request = rq.build_virtual_machine_run_commands_list_by_virtual_machine_request(**where, base_url=BASE)
while request is not None:
    page = rs.parse_virtual_machine_run_commands_list_by_virtual_machine_response(*send(request))
    for item in rs.items_virtual_machine_run_commands_list_by_virtual_machine(page):
        print("listed:", item.name)
    link = rs.next_link_virtual_machine_run_commands_list_by_virtual_machine(page)
    request = None if link is None else rq.follow_link(link, base_url=BASE)

# Delete it (long-running too), then see that it is gone.
run_lro("VirtualMachineRunCommands_Delete", rq.build_virtual_machine_run_commands_delete_request(**where, run_command_name="hello", base_url=BASE))
try:
    rs.parse_virtual_machine_run_commands_get_by_virtual_machine_response(
        *send(rq.build_virtual_machine_run_commands_get_by_virtual_machine_request(**where, run_command_name="hello", base_url=BASE))
    )
except rs.HttpResponseError as err:
    print("gone:", err.status_code, err.code)
'''


def test_readme_shows_this_example() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert README_EXAMPLE.strip() in readme


def test_readme_example_runs_against_the_loopback(pkg: ModuleType, arm: FakeArm, capsys: pytest.CaptureFixture[str]) -> None:
    code = README_EXAMPLE
    for old, new in (
        ('TOKEN = "<access token>"', f"TOKEN = {TOKEN.removeprefix('Bearer ')!r}"),
        ('BASE = "https://management.azure.com"', f"BASE = {arm.base!r}"),
        ('"<subscription id>", "resource_group_name": "myResourceGroup", "vm_name": "myVM"', f"{SUB!r}, \"resource_group_name\": {RG!r}, \"vm_name\": {VM!r}"),
    ):
        assert old in code
        code = code.replace(old, new)
    exec(compile(code, "README example", "exec"), {"__name__": "readme_example"})  # noqa: S102 - our own text
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "created: hello Succeeded",
        "exit code: 0 output: hello",
        "listed: aaa-existing-1",
        "listed: aaa-existing-2",
        "listed: hello",
        "gone: 404 NotFound",
    ]
    assert arm.problems == []


def run_lro(pkg: ModuleType, operation_id: str, request: Any, base_url: str) -> Any:
    """The polling loop with the state helpers: lro_poll_info, lro_poll_update, lro_result_<op>."""
    q, r = pkg.requests, pkg.responses
    answer = send(request)
    poll = r.lro_poll_info(operation_id, answer[1], request_url=request.url, status_code=answer[0], body=answer[2])
    for _ in range(20):
        if poll.done:
            break
        time.sleep(min(poll.retry_after_seconds or 0.0, 0.05))
        answer = send(q.follow_link(poll.status_url, base_url=base_url))
        poll = r.lro_poll_update(poll, *answer)
    assert poll.done, poll
    if poll.final_url:
        answer = send(q.follow_link(poll.final_url, base_url=base_url))
    return r.LRO_RESULTS[operation_id](*answer)


def test_run_command_lifecycle_with_the_polling_state_helpers(pkg: ModuleType, arm: FakeArm) -> None:
    q = pkg.requests
    where = {"subscription_id": SUB, "resource_group_name": RG, "vm_name": VM}
    body = {"location": "westus", "properties": {"source": {"script": "Write-Host Hello"}}}
    create = q.build_virtual_machine_run_commands_create_or_update_request(**where, run_command_name="rc2", body=body, base_url=arm.base)
    created = run_lro(pkg, "VirtualMachineRunCommands_CreateOrUpdate", create, arm.base)
    assert type(created) is pkg.models.VirtualMachineRunCommand
    assert (created.name, created.provisioning_state) == ("rc2", "Succeeded")
    delete = q.build_virtual_machine_run_commands_delete_request(**where, run_command_name="rc2", base_url=arm.base)
    assert run_lro(pkg, "VirtualMachineRunCommands_Delete", delete, arm.base) is None
    assert arm.problems == []
    # create: its monitor twice, then its Location (final-state-via); delete: its Location to the 204
    assert sum("/operations/" in path for _, path in arm.seen) == 2
    assert sum("/operationResults/" in path for _, path in arm.seen) == 3
