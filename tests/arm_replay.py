"""Replaying upstream `x-ms-examples` through a generated package (used by test_arm_specs.py).

An example file gives an operation's parameters (wire values) and its responses by status. The
replay drives every part of the package with it: models (exact round trip), validators (no
error), the request builder (method, URL path, query, headers, body) and the response parser.
Examples are found in the spec's JSON itself (`paths` and `x-ms-paths`), not through the IR, so an
operation the IR left out shows up as an example that could not be replayed.

A body that contradicts its own spec upstream is not loosened into passing: it is listed as a
defect (`file#pointer`) and must be rejected by the validators exactly there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from generator import ir


@dataclass(frozen=True)
class ExampleUse:
    """One `x-ms-examples` entry: an operation names an example file under a title."""

    operation_id: str
    title: str
    file: Path
    section: str  # "paths" or "x-ms-paths"


def example_uses(spec: Path) -> list[ExampleUse]:
    """Every `x-ms-examples` entry of `spec`, from `paths` and `x-ms-paths`."""
    doc = json.loads(spec.read_text(encoding="utf-8"))
    out = []
    for section in ("paths", "x-ms-paths"):
        for item in (doc.get(section) or {}).values():
            for method, op in item.items():
                if method == "parameters" or not isinstance(op, dict):
                    continue
                for title, ref in sorted((op.get("x-ms-examples") or {}).items()):
                    out.append(ExampleUse(op["operationId"], title, (spec.parent / ref["$ref"]).resolve(), section))
    return sorted(out, key=lambda u: (u.operation_id, u.title))


def as_wire(value: Any) -> Any:
    """A parsed body as the wire has it: models, and the models, enums and date-times in the
    typed lists and dicts a body that is not a model parses into."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [as_wire(v) for v in value]
    if isinstance(value, dict):
        return {k: as_wire(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    return getattr(value, "wire", value)  # a date-time keeps the text it was read from


def resolve_pointer(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _token(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def wire_text(value: Any) -> str:
    """A parameter value as it appears in a URL or header."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def argument(p: ir.Parameter, api: ir.Api, value: Any) -> Any:
    """The Python argument for an example's wire value of `p`: examples write query and header
    values as text ("true", "10"), the builders take what the parameter's type says."""
    kind = api.enum(p.type.ref or "").value_kind if p.type.kind == "enum" else p.type.kind
    if isinstance(value, str):
        if kind == "boolean" and value in ("true", "false"):
            return value == "true"
        if kind == "integer" and value.lstrip("-").isdigit():
            return int(value)
        if kind == "number":
            return float(value)
    return value


def expected_base(api: ir.Api, parameters: dict[str, Any]) -> str:
    """The scheme, host (and base path) an example's request goes to: x-ms-parameterized-host
    filled from the example, else the spec's host."""
    if api.host_template is None:
        return f"{api.scheme}://{api.host}"
    host = api.host_template
    for p in api.host_parameters:
        text = wire_text(parameters[p.wire_name])
        host = host.replace("{" + p.wire_name + "}", text if p.skip_url_encoding else quote(text, safe=""))
    return (f"{api.scheme}://" if api.use_scheme_prefix else "") + host.rstrip("/")


def expected_path(api: ir.Api, op: ir.Operation, parameters: dict[str, Any]) -> str:
    path = api.base_path.rstrip("/") + op.path
    for p in op.parameters:
        if p.location == "path":
            text = wire_text(parameters.get(p.wire_name, p.constant))
            path = path.replace("{" + p.wire_name + "}", text if p.skip_url_encoding else quote(text, safe=""))
    return path


def flattened_arguments(models: ModuleType, api: ir.Api, p: ir.Parameter, body: Any) -> dict[str, Any]:
    """The keyword arguments of a flattened body (`p.members`): each field the body has, read
    through the model (so a date-time is a datetime, an enum its member)."""
    out = {}
    for m in p.members:
        value = getattr(models, api.model(p.type.ref or "").py_name).from_dict(body)
        for step in m.path:
            value = getattr(value, step)
            if value is models.UNSET or value is None:
                break
        else:
            out[m.py_name] = value
    return out


def request_body_sent(validators: ModuleType, name: str, body: Any) -> Any:
    """The example body without the fields the validators call read-only in a request: what a
    builder sends, found independently of the models (which the builder uses)."""
    out = json.loads(json.dumps(body))
    errors = validators.validate(name, body, request=True)
    assert all(e.keyword == "readOnly" for e in errors), errors
    for pointer in sorted({e.path for e in errors}, key=lambda p: -p.count("/")):
        parent, _, last = pointer.rpartition("/")
        node = resolve_pointer(out, parent)
        del node[int(last) if isinstance(node, list) else last.replace("~1", "/").replace("~0", "~")]
    return out


class Replayer:
    """Replays the examples of one spec through its generated package; `checks` counts what ran."""

    def __init__(self, api: ir.Api, pkg: ModuleType, defects: dict[str, str]) -> None:
        self.api = api
        self.pkg = pkg
        self.defects = defects  # "file#/pointer" -> reason
        self.ops = {o.operation_id: o for o in api.operations}
        self.checks = 0

    def listed_defects(self, where: str) -> list[str]:
        """The listed defects inside the body at `where` ("file#/pointer"), relative to it."""
        file, _, pointer = where.partition("#")
        out = []
        for key in self.defects:
            dfile, _, dpointer = key.partition("#")
            if dfile == file and (dpointer == pointer or dpointer.startswith(pointer + "/")):
                out.append(dpointer[len(pointer) :])
        return sorted(out)

    def body(self, t: ir.Type | None, body: Any, where: str) -> bool:
        """Validators and the model's exact round trip for a body of type `t`. False for a body
        with listed defects: the validators must reject it exactly at the listed pointers."""
        if t is None or t.kind != "model":
            return True
        model = self.api.model(t.ref or "")
        errors = self.pkg.validators.validate(model.name, body)
        defects = self.listed_defects(where)
        if defects:
            assert sorted({e.path for e in errors}) == defects, f"{where}: expected rejection at {defects}, got {errors}"
            self.checks += 1
            return False
        assert errors == [], f"{where}: {errors}"
        cls = getattr(self.pkg.models, model.py_name)
        assert cls.from_dict(body).to_dict() == body, where
        self.checks += 2
        return True

    def replay(self, use: ExampleUse, rel: str) -> None:
        """Everything one example can check; `rel` names the example file as the defect list does."""
        op = self.ops[use.operation_id]
        example = json.loads(use.file.read_text(encoding="utf-8"))
        parameters = example.get("parameters") or {}
        self.request(op, parameters, rel)
        self.responses(op, example.get("responses") or {}, rel)

    def request(self, op: ir.Operation, parameters: dict[str, Any], rel: str) -> None:
        api = self.api
        kwargs: dict[str, Any] = {}
        for p in (*api.host_parameters, *op.parameters):
            if p.wire_name in parameters and p.location != "body":
                kwargs[p.py_name] = argument(p, api, parameters[p.wire_name])
        body_param = next((p for p in op.parameters if p.location == "body"), None)
        if body_param is not None and body_param.wire_name in parameters:
            body = parameters[body_param.wire_name]
            if not self.body(body_param.type, body, f"{rel}#/parameters/{_token(body_param.wire_name)}"):
                return  # a defective body: the builder would refuse it
            if body_param.members:  # x-ms-client-flatten: the body's fields are the arguments
                kwargs.update(flattened_arguments(self.pkg.models, api, body_param, body))
            else:
                kwargs[body_param.py_name] = body
        request = self.pkg.requests.OPERATIONS[op.operation_id](**kwargs)
        assert request.method == op.method
        url, base = urlsplit(request.url), urlsplit(expected_base(api, parameters))
        assert (url.scheme, url.netloc) == (base.scheme, base.netloc), request.url
        assert url.path == base.path + expected_path(api, op, parameters), request.url
        expected_query = {
            p.wire_name: [wire_text(parameters.get(p.wire_name, p.constant))]
            for p in op.parameters
            if p.location == "query" and (p.wire_name in parameters or p.constant is not None)
        }
        assert parse_qs(url.query, keep_blank_values=True) == expected_query, request.url
        for p in op.parameters:
            if p.location == "header" and p.wire_name in parameters:
                assert request.headers[p.wire_name] == wire_text(parameters[p.wire_name])
        if body_param is None or body_param.wire_name not in parameters:
            assert request.body is None
        elif body_param.type.kind == "model":
            name = api.model(body_param.type.ref or "").name
            assert json.loads(request.body) == request_body_sent(self.pkg.validators, name, parameters[body_param.wire_name])
        else:
            assert json.loads(request.body) == parameters[body_param.wire_name]
        self.checks += 1

    def responses(self, op: ir.Operation, responses: dict[str, Any], rel: str) -> None:
        declared = {r.status: r for r in op.responses}
        parse = self.pkg.responses.PARSERS[op.operation_id]
        for status, response in responses.items():
            spec_response = declared.get(status) or declared.get("default")
            assert spec_response is not None, f"{rel}: status {status} is not declared"
            headers = response.get("headers") or {}
            success = status in declared and status != "default" and not spec_response.error
            # An example of the default response stands for any status the spec does not list.
            code = int(status) if status.isdigit() else next(c for c in range(400, 600) if str(c) not in declared)
            if "body" not in response:
                if success:
                    assert parse(code, headers, b"") is None
                self.checks += 1
                continue
            body = response["body"]
            if not self.body(spec_response.body, body, f"{rel}#/responses/{_token(status)}/body"):
                continue
            raw = json.dumps(body).encode()
            if success:
                assert as_wire(parse(code, headers, raw)) == body, f"{rel}: {status}"
            else:
                try:
                    parse(code, headers, raw)
                except self.pkg.responses.HttpResponseError as exc:
                    assert exc.status_code == code
                    assert exc.error is None or exc.error.to_dict() == body, f"{rel}: {status}"
                else:
                    raise AssertionError(f"{rel}: status {status} parsed as a success")
            self.checks += 1
