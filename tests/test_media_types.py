"""Bodies that are not (only) JSON, and what a status means, on a small synthetic spec:
`type: file` / binary bodies in and out, text, content-type selection among `consumes`,
`produces` as Accept, `formData` (multipart and urlencoded), `+json` media types, HEAD as a
boolean, `default` with and without a schema, an operation that declares only `default`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from email import message_from_bytes
from email.policy import HTTP
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import pytest
from conftest import generate_into

THING = {"type": "object", "properties": {"n": {"type": "integer"}}}
ERR = {"type": "object", "properties": {"code": {"type": "string"}}}
OTHER_ERR = {"type": "object", "properties": {"reason": {"type": "string"}}}
FILE_RESPONSE = {"description": "the file", "schema": {"type": "file"}}
DEFAULT = {"description": "error", "schema": {"$ref": "#/definitions/Err"}}
NAME = {"name": "name", "in": "path", "required": True, "type": "string"}

SPEC: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Media", "version": "2024-01-01"},
    "host": "example.net",
    "schemes": ["https"],
    "consumes": ["application/json"],
    "produces": ["application/json"],
    "paths": {
        "/files/{name}": {
            "get": {
                "operationId": "Files_Get",
                "produces": ["application/octet-stream", "application/json"],
                "parameters": [NAME],
                "responses": {"200": FILE_RESPONSE, "default": DEFAULT},
            },
            "put": {
                "operationId": "Files_Put",
                "consumes": ["application/octet-stream"],
                "parameters": [NAME, {"name": "data", "in": "body", "required": True, "schema": {"type": "string", "format": "binary"}}],
                "responses": {"201": {"description": "stored"}, "default": DEFAULT},
            },
            "head": {
                "operationId": "Files_Exists",
                "parameters": [NAME],
                "responses": {"200": {"description": "yes"}, "404": {"description": "no"}, "default": DEFAULT},
            },
        },
        "/analyze": {
            "post": {
                "operationId": "Analyze",
                "consumes": ["application/pdf", "application/json", "text/plain; charset=latin-1"],
                "produces": ["text/plain"],
                "parameters": [{"name": "input", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Thing"}}],
                "responses": {"200": {"description": "verdict", "schema": {"type": "string"}}},
            }
        },
        "/form": {
            "post": {
                "operationId": "Form_Upload",
                "consumes": ["multipart/form-data", "application/octet-stream"],
                "parameters": [
                    {"name": "file", "in": "formData", "required": True, "type": "file"},
                    {"name": "extra", "in": "formData", "type": "array", "items": {"type": "file"}},
                    {"name": "note", "in": "formData", "required": True, "type": "string", "maxLength": 5},
                    {"name": "count", "in": "formData", "type": "integer"},
                ],
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/login": {
            "post": {
                "operationId": "Login",
                "consumes": ["application/x-www-form-urlencoded"],
                "parameters": [
                    {"name": "grant_type", "in": "formData", "required": True, "type": "string", "enum": ["password"]},
                    {"name": "user", "in": "formData", "required": True, "type": "string"},
                    {"name": "remember", "in": "formData", "type": "boolean"},
                ],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}},
            }
        },
        "/things": {
            "patch": {
                "operationId": "Things_Patch",
                "consumes": ["application/merge-patch+json"],
                "parameters": [{"name": "patch", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Thing"}}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}, "default": DEFAULT},
            },
            "get": {
                "operationId": "Things_OnlyDefault",
                "responses": {"default": {"description": "anything", "schema": {"$ref": "#/definitions/Thing"}}},
            },
            "delete": {
                "operationId": "Things_DefaultWithoutSchema",
                "responses": {"204": {"description": "gone"}, "default": {"description": "error, no schema"}},
            },
        },
        "/things/other": {
            "get": {
                "operationId": "Things_OtherError",
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}, "409": {"description": "conflict", "x-ms-error-response": True, "schema": {"$ref": "#/definitions/OtherErr"}}},
            },
        },
    },
    "definitions": {"Thing": THING, "Err": ERR, "OtherErr": OTHER_ERR},
}


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("media")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    return generate_into(spec, folder / "out", overlay=None)


def _parts(request: Any) -> list[Any]:
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = message_from_bytes(head + request.body, policy=HTTP)
    assert message.is_multipart()
    return list(message.iter_parts())


# -- responses -------------------------------------------------------------------------------


def test_head_answers_a_boolean(media: ModuleType) -> None:
    parse = media.responses.parse_files_exists_response
    assert parse(200, {}, b"") is True
    assert parse(404, {}, None) is False
    with pytest.raises(media.responses.HttpResponseError) as caught:
        parse(500, {}, b'{"code": "Boom"}')
    assert caught.value.error.code == "Boom"


def test_file_response_is_bytes_or_the_stream_given(media: ModuleType) -> None:
    parse = media.responses.parse_files_get_response
    assert parse(200, {}, b"\x89PNG\r\n") == b"\x89PNG\r\n"
    assert parse(200, {}, bytearray(b"ab")) == b"ab" and type(parse(200, {}, bytearray(b"ab"))) is bytes
    assert parse(200, {}, None) == b""
    stream = io.BytesIO(b"not read")
    assert parse(200, {}, stream) is stream and stream.tell() == 0
    with pytest.raises(media.responses.HttpResponseError) as caught:
        parse(400, {}, io.BytesIO(b'{"code": "Bad"}'))  # an error answered to a stream is read
    assert caught.value.error.code == "Bad"


def test_text_response_is_decoded_with_its_charset(media: ModuleType) -> None:
    parse = media.responses.parse_analyze_response
    assert parse(200, {}, b"fine") == "fine"
    assert parse(200, {"Content-Type": "text/plain; charset=latin-1"}, "é".encode("latin-1")) == "é"
    assert parse(200, {}, None) == ""


def test_a_declared_model_needs_its_body(media: ModuleType) -> None:
    # The spec promises a Thing: an empty answer is a DecodeError, not a None the annotation hides.
    with pytest.raises(media.DecodeError, match="expected object for Thing"):
        media.responses.parse_login_response(200, {}, b"")
    assert media.responses.parse_login_response(200, {}, b'{"n": 1}').n == 1


def test_only_default_declared_a_2xx_is_its_success(media: ModuleType) -> None:
    parse = media.responses.parse_things_only_default_response
    assert parse(200, {}, b'{"n": 2}').n == 2
    with pytest.raises(media.responses.HttpResponseError) as caught:
        parse(400, {}, b'{"n": 3}')
    assert type(caught.value.error) is media.models.Thing and caught.value.error.n == 3


def test_default_without_schema_raises_without_a_model(media: ModuleType) -> None:
    with pytest.raises(media.responses.HttpResponseError) as caught:
        media.responses.parse_things_default_without_schema_response(400, {}, b'{"code": "X"}')
    assert caught.value.error is None and caught.value.code == "X"  # the code is read from the raw body


def test_no_default_uses_the_api_error_model_and_error_statuses_their_own(media: ModuleType) -> None:
    parse = media.responses.parse_things_other_error_response
    with pytest.raises(media.responses.HttpResponseError) as conflict:
        parse(409, {}, b'{"reason": "taken"}')
    assert type(conflict.value.error) is media.models.OtherErr and conflict.value.error.reason == "taken"
    with pytest.raises(media.responses.HttpResponseError) as other:
        parse(500, {}, b'{"code": "Boom"}')
    assert type(other.value.error) is media.models.Err


# -- requests --------------------------------------------------------------------------------


def test_accept_lists_every_produced_type(media: ModuleType) -> None:
    assert media.requests.build_files_get_request(name="a").headers["Accept"] == "application/octet-stream, application/json"


def test_binary_body_is_sent_as_given(media: ModuleType) -> None:
    build = media.requests.build_files_put_request
    assert build(name="a", body=b"\x00\x01").body == b"\x00\x01"
    assert build(name="a", body=bytearray(b"\x02")).body == b"\x02"
    stream = io.BytesIO(b"big")
    request = build(name="a", body=stream)
    assert request.body is stream and request.headers["Content-Type"] == "application/octet-stream"
    assert "stream" in repr(request)
    for wrong in ("text", 3, None, {"a": 1}):
        with pytest.raises(media.requests.ParameterError, match="body"):
            build(name="a", body=wrong)


def test_content_type_picks_the_encoding(media: ModuleType) -> None:
    build = media.requests.build_analyze_request
    as_json = build(body={"n": 1})
    assert (as_json.headers["Content-Type"], as_json.body, as_json.headers["Accept"]) == ("application/json", b'{"n":1}', "text/plain")
    pdf = build(body=b"%PDF", content_type="application/pdf")
    assert (pdf.headers["Content-Type"], pdf.body) == ("application/pdf", b"%PDF")
    text = build(body="é", content_type="text/plain; charset=latin-1")
    assert (text.headers["Content-Type"], text.body) == ("text/plain; charset=latin-1", "é".encode("latin-1"))
    with pytest.raises(media.requests.ParameterError, match="content_type"):
        build(body={"n": 1}, content_type="application/xml")
    with pytest.raises(media.requests.ParameterError, match="body"):
        build(body=b"%PDF")  # JSON by default: bytes are not a Thing
    with pytest.raises(media.requests.ParameterError, match="body"):
        build(body=b"x", content_type="text/plain; charset=latin-1")


def test_merge_patch_is_json(media: ModuleType) -> None:
    request = media.requests.build_things_patch_request(body={"n": 5})
    assert (request.headers["Content-Type"], request.body) == ("application/merge-patch+json", b'{"n":5}')


def test_multipart_form_data(media: ModuleType) -> None:
    build = media.requests.build_form_upload_request
    request = build(file=io.BytesIO(b"\r\n--x\x00"), note="hi", extra=[b"1", bytearray(b"2")], count=7)
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    parts = _parts(request)
    names = [p.get_param("name", header="content-disposition") for p in parts]
    assert names == ["file", "note", "extra", "extra", "count"]
    assert [p.get_payload(decode=True) for p in parts] == [b"\r\n--x\x00", b"hi", b"1", b"2", b"7"]
    assert parts[0].get_content_type() == "application/octet-stream" and parts[0].get_filename() == "file"
    assert parts[1].get_filename() is None
    assert [p.get_param("name", header="content-disposition") for p in _parts(build(file=b"", note="x"))] == ["file", "note"]
    with pytest.raises(media.requests.ParameterError, match="note"):
        build(file=b"", note="too long")
    with pytest.raises(media.requests.ParameterError, match="file"):
        build(file="text", note="x")


def test_urlencoded_form(media: ModuleType) -> None:
    request = media.requests.build_login_request(user="a b&c", remember=True)
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(request.body.decode(), strict_parsing=True) == [("grant_type", "password"), ("user", "a b&c"), ("remember", "true")]
    with pytest.raises(media.requests.ParameterError, match="grant_type"):
        media.requests.build_login_request(user="u", grant_type="code")


def test_generated_package_passes_mypy_strict_and_ruff(media: ModuleType) -> None:
    folder = Path(media.__file__).parent
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", folder.name], cwd=folder.parent, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", folder.name], cwd=folder.parent, check=False, capture_output=True, text=True, timeout=300)
    assert ruff.returncode == 0, ruff.stdout[-5000:]


def test_no_produces_anywhere_sends_no_accept(tmp_path: Path) -> None:
    spec = {**SPEC, "produces": []}
    spec["paths"] = {"/x": {"post": {"operationId": "X", "parameters": [{"name": "b", "in": "body", "schema": {"type": "string"}}], "responses": {"204": {"description": "ok"}}}}}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    pkg = generate_into(path, tmp_path / "out", overlay=None)
    request = pkg.requests.build_x_request(body="s")
    assert "Accept" not in request.headers and request.headers["Content-Type"] == "application/json"


def test_body_and_form_data_together_is_an_error_at_the_operation(tmp_path: Path) -> None:
    from generator.errors import SpecError
    from generator.ir.build import build

    spec = {**SPEC, "paths": {"/x": {"post": {"operationId": "X", "parameters": [{"name": "b", "in": "body", "schema": {"type": "string"}}, {"name": "f", "in": "formData", "type": "string"}], "responses": {"204": {"description": "ok"}}}}}}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        build(path)
    assert [(p.pointer, p.message) for p in caught.value.problems] == [("/paths/~1x/post", "an operation has either a body parameter or formData parameters, not both")]


@pytest.mark.parametrize("media_type", ["text/plain\r\nX-Injected: 1", "application/jsön", "", "  "])
def test_a_media_type_that_cannot_be_a_header_is_an_error(tmp_path: Path, media_type: str) -> None:
    from generator.errors import SpecError
    from generator.ir.build import build

    spec = {**SPEC, "paths": {"/x": {"post": {"operationId": "X", "consumes": ["application/json", media_type], "responses": {"204": {"description": "ok"}}}}}}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        build(path)
    assert [p.pointer for p in caught.value.problems] == ["/paths/~1x/post/consumes/1"]


def test_charsets_are_text_codecs_python_knows() -> None:
    from generator.ir.media import charset

    assert charset("text/plain; charset=UTF-8") == "utf-8"
    assert charset("text/plain; charset=latin-1") == "iso8859-1"
    assert charset("text/plain; charset=rot13") == "utf-8"  # a transform, not a text encoding
    assert charset("text/plain; charset=no-such-codec") == "utf-8"
    assert charset("text/plain") == "utf-8"


def test_error_annotation_names_every_error_model(media: ModuleType) -> None:
    import inspect

    annotation = inspect.signature(media.responses.HttpResponseError.__init__).parameters["error"].annotation
    assert annotation == "_models.Err | _models.OtherErr | _models.Thing | None"
