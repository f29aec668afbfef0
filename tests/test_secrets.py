"""Secrets stay secret: `x-ms-secret` wherever the spec puts it (the property, a definition its
`$ref` leads to, array items, map values, a whole model) keeps values out of repr(), DecodeErrors
and validation messages, at any depth, and the JSON Schema documents say so too."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_spec

from generator.ir.build import build

MARKER = "s3cr3t-MARKER"

SPEC: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Secrets", "version": "2020-01-01"},
    "paths": {
        "/holders/{name}": {
            "put": {
                "operationId": "Holders_Put",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "type": "string"},
                    {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Holder"}},
                ],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Holder"}}},
            }
        }
    },
    "definitions": {
        "Password": {"type": "string", "x-ms-secret": True, "maxLength": 20},
        "Color": {"type": "string", "enum": ["red", "blue"], "x-ms-enum": {"name": "Color", "modelAsString": False}},
        "Credential": {
            "type": "object",
            "x-ms-secret": True,
            "properties": {"user": {"type": "string", "maxLength": 20}, "kind": {"$ref": "#/definitions/Color"}},
        },
        "Deeper": {"type": "object", "properties": {"color": {"$ref": "#/definitions/Color"}, "note": {"type": "string", "maxLength": 20}}},
        "Inner": {"type": "object", "properties": {"color": {"$ref": "#/definitions/Color"}, "deep": {"$ref": "#/definitions/Deeper"}}},
        "Holder": {
            "type": "object",
            "properties": {
                "password": {"$ref": "#/definitions/Password"},
                "passwords": {"type": "array", "items": {"$ref": "#/definitions/Password"}},
                "colors": {"type": "array", "items": {"$ref": "#/definitions/Color"}, "x-ms-secret": True},
                "colorMap": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Color"}, "x-ms-secret": True},
                "inner": {"$ref": "#/definitions/Inner", "x-ms-secret": True},
                "inners": {"type": "array", "items": {"$ref": "#/definitions/Inner"}, "x-ms-secret": True},
                "credential": {"$ref": "#/definitions/Credential"},
                "plain": {"$ref": "#/definitions/Color"},
                "note": {"type": "string", "maxLength": 20},
            },
        },
    },
}
SECRET_FIELDS = {"password", "passwords", "colors", "colorMap", "inner", "inners", "credential"}
VALID = {
    "password": "pw",
    "passwords": ["a", "b"],
    "colors": ["red"],
    "colorMap": {"k": "blue"},
    "inner": {"color": "red", "deep": {"color": "blue"}},
    "inners": [{"color": "red"}],
    "credential": {"user": "u", "kind": "red"},
    "plain": "red",
}
# (where the bad value goes, the pointer the error names)
BAD_ENUMS = [
    (("colors", 1), "/colors/1"),
    (("colorMap", "k"), "/colorMap/k"),
    (("inner", "color"), "/inner/color"),
    (("inner", "deep", "color"), "/inner/deep/color"),
    (("inners", 0, "color"), "/inners/0/color"),
    (("credential", "kind"), "/credential/kind"),
]
TOO_LONG = [
    (("password",), "/password"),
    (("passwords", 1), "/passwords/1"),
    (("inner", "deep", "note"), "/inner/deep/note"),
    (("credential", "user"), "/credential/user"),
]


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("secrets")
    return generate_spec(SPEC, folder)


def _with(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    body = json.loads(json.dumps(VALID))
    parent = body
    for key in path[:-1]:
        parent = parent[key]
    if isinstance(parent, list):
        parent.extend([None] * (int(path[-1]) + 1 - len(parent)))
    parent[path[-1]] = value
    return body


def _everything_said(exc: BaseException) -> str:
    """Every text an exception carries: str, repr, args, and the exceptions chained to it."""
    seen = []
    while exc is not None and exc not in seen:
        seen.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return " ".join(f"{e} {e!r} {e.args!r} {getattr(e, 'message', '')}" for e in seen)


def test_secret_reaches_the_ir_through_refs_items_and_maps(tmp_path: Path) -> None:
    (tmp_path / "spec.json").write_text(json.dumps(SPEC), encoding="utf-8")
    api, _ = build(tmp_path / "spec.json")
    holder = api.model("Holder")
    assert {f.wire_name for f in holder.fields if f.secret} == SECRET_FIELDS
    assert api.model("Credential").secret and all(f.secret for f in api.model("Credential").fields)
    assert not api.model("Inner").secret


def test_the_schema_documents_carry_x_ms_secret(pkg: ModuleType) -> None:
    holder = pkg.schemas.load("Holder")
    assert {k for k, v in holder["properties"].items() if v.get("x-ms-secret")} == SECRET_FIELDS
    assert pkg.schemas.load("Credential")["x-ms-secret"] is True


def test_repr_never_shows_a_secret(pkg: ModuleType) -> None:
    body = json.loads(json.dumps(VALID).replace('"pw"', json.dumps(MARKER)).replace('"u"', json.dumps(MARKER)))
    body["passwords"] = [MARKER]
    holder = pkg.models.Holder.from_dict(body)
    assert MARKER not in repr(holder) and MARKER not in str(holder)
    assert MARKER not in repr(holder.credential)  # a secret model is masked wherever it is
    assert holder.to_dict() == body


@pytest.mark.parametrize(("path", "pointer"), BAD_ENUMS)
def test_decode_errors_never_show_a_secret(pkg: ModuleType, path: tuple[str | int, ...], pointer: str) -> None:
    with pytest.raises(pkg.DecodeError) as info:
        pkg.models.Holder.from_dict(_with(path, MARKER))
    assert info.value.pointer == pointer
    assert MARKER not in _everything_said(info.value)
    assert "a secret value is not a valid Color" in str(info.value)
    # ... and a request builder given the same body says no more.
    with pytest.raises(pkg.requests.ParameterError) as built:
        pkg.requests.build_holders_put_request(name="n", body=_with(path, MARKER))
    assert MARKER not in _everything_said(built.value)


def test_a_plain_field_still_shows_its_value(pkg: ModuleType) -> None:
    """The control: outside secrets, the value is what makes the message useful."""
    with pytest.raises(pkg.DecodeError) as info:
        pkg.models.Holder.from_dict(_with(("plain",), MARKER))
    assert MARKER in str(info.value) and info.value.pointer == "/plain"
    errors = pkg.validators.validate("Holder", _with(("note",), MARKER * 3))
    assert [(e.path, e.keyword) for e in errors] == [("/note", "maxLength")] and MARKER in errors[0].message


@pytest.mark.parametrize(("path", "pointer"), BAD_ENUMS + TOO_LONG)
def test_validation_messages_never_show_a_secret(pkg: ModuleType, path: tuple[str | int, ...], pointer: str) -> None:
    for request in (False, True):
        errors = pkg.validators.validate("Holder", _with(path, MARKER * 3), request=request)
        assert [e.path for e in errors] == [pointer], errors
        assert all(MARKER not in f"{e} {e!r}" for e in errors), errors


def test_format_password_makes_a_secret(tmp_path: Path) -> None:
    """Swagger 2.0's `format: password` hints that a value must be obscured: repr hides it."""
    spec = {"swagger": "2.0", "info": {"title": "P", "version": "2020-01-01"}, "paths": {}, "definitions": {
        "User": {"type": "object", "properties": {"name": {"type": "string"}, "password": {"type": "string", "format": "password"}}}}}
    pkg = generate_spec(spec, tmp_path)
    user = pkg.models.User.from_dict({"name": "me", "password": "hunter2"})
    assert "hunter2" not in repr(user) and "me" in repr(user)
    assert user.to_dict() == {"name": "me", "password": "hunter2"}


def test_a_secret_query_parameter_is_hidden_by_the_request_repr(tmp_path: Path) -> None:
    """The URL holds the value (it must be sent); `repr()`, which ends up in logs, shows `***`."""
    params = [
        {"name": "sig", "in": "query", "required": True, "type": "string", "x-ms-secret": True},
        {"name": "pass word", "in": "query", "type": "string", "format": "password"},
        {"name": "api-version", "in": "query", "required": True, "type": "string"},
    ]
    spec = {"swagger": "2.0", "info": {"title": "Q", "version": "2020-01-01"}, "definitions": {},
            "paths": {"/blobs": {"get": {"operationId": "Blobs_Get", "parameters": params, "responses": {"200": {"description": "ok"}}}}}}
    pkg = generate_spec(spec, tmp_path)
    request = pkg.requests.build_blobs_get_request(sig="s3cr3t", pass_word="hunter2")
    assert "sig=s3cr3t" in request.url and "hunter2" in request.url
    shown = repr(request)
    assert "s3cr3t" not in shown and "hunter2" not in shown
    assert "sig=***" in shown and "pass%20word=***" in shown and "api-version=2020-01-01" in shown


def test_a_secret_path_parameter_is_hidden_by_the_request_repr(tmp_path: Path) -> None:
    """A secret in the path (two here, one inside a segment, one named like a builtin) shows as
    `***`; the URL keeps it."""
    params = [
        {"name": "vault", "in": "path", "required": True, "type": "string"},
        {"name": "token", "in": "path", "required": True, "type": "string", "x-ms-secret": True},
        {"name": "len", "in": "path", "required": True, "type": "string", "format": "password"},
        {"name": "sig", "in": "query", "required": True, "type": "string", "x-ms-secret": True},
    ]
    spec = {"swagger": "2.0", "info": {"title": "Q", "version": "2020-01-01"}, "definitions": {},
            "paths": {"/vaults/{vault}/tokens/{token}/keys/k-{len}.json": {"get": {
                "operationId": "Keys_Get", "parameters": params, "responses": {"200": {"description": "ok"}}}}}}
    pkg = generate_spec(spec, tmp_path)
    request = pkg.requests.build_keys_get_request(vault="my vault", token="t/0k en", len="hunter2", sig="s3cr3t", base_url="https://h")
    assert request.url == "https://h/vaults/my%20vault/tokens/t%2F0k%20en/keys/k-hunter2.json?sig=s3cr3t"
    shown = repr(request)
    assert "0k" not in shown and "hunter2" not in shown and "s3cr3t" not in shown
    assert "/vaults/my%20vault/tokens/***/keys/k-***.json?sig=***" in shown
