"""Typed response headers: `responses.parse_<operation>_headers(headers)` for every operation that
declares response headers, from a small inline spec (and the committed runCommands package)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_into

from generator.errors import SpecError
from generator.pipeline import generate_package


def _header(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "description": "d", **extra}


SPEC = {
    "swagger": "2.0",
    "info": {"title": "H", "version": "1"},
    "host": "h.example",
    "paths": {
        "/things": {
            "get": {
                "operationId": "Things_Get",
                "responses": {
                    "200": {
                        "description": "ok",
                        "schema": {"type": "object", "properties": {"n": {"type": "integer"}}},
                        "headers": {
                            "x-count": _header("integer", format="int64"),
                            "x-ratio": _header("number"),
                            "x-flag": _header("boolean"),
                            "x-name": _header("string"),
                            "x-color": _header("string", enum=["red", "green"], **{"x-ms-enum": {"name": "Color", "modelAsString": False}}),
                            "x-size": _header("string", enum=["S", "M"], **{"x-ms-enum": {"name": "Size", "modelAsString": True}}),
                            "x-ms-meta": {"type": "object", "additionalProperties": {"type": "string"}, "x-ms-header-collection-prefix": "x-ms-meta-"},
                            "ETag": _header("string", **{"x-ms-client-name": "version"}),
                        },
                    },
                    "202": {"description": "later", "headers": {"Location": _header("string"), "x-count": _header("string")}},
                    "default": {"description": "error", "headers": {"x-ms-request-id": _header("string")}},
                },
            },
            "put": {"operationId": "Things_Put", "responses": {"200": {"description": "ok"}}},
        }
    },
}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("headers")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    return generate_into(spec, folder / "out", overlay=None)


def test_every_declared_header_is_read_into_its_type(pkg: ModuleType) -> None:
    read = pkg.responses.parse_things_get_headers
    got = read(
        {
            "X-Count": "10000000000", "x-ratio": "-0.5", "x-flag": "false", "x-name": " a b ", "x-color": "green",
            "x-size": "XL", "x-ms-meta-a": "1", "X-MS-META-B": "2", "etag": '"0x1"', "Location": "http://l",
            "x-ms-request-id": "r1",
        }
    )
    assert (got.x_count, got.x_ratio, got.x_flag, got.x_name) == ("10000000000", -0.5, False, " a b ")
    assert got.x_color is pkg.models.Color.GREEN and got.x_size == "XL"
    assert got.x_ms_meta == {"a": "1", "B": "2"}  # keys as sent
    assert (got.version, got.location, got.x_ms_request_id) == ('"0x1"', "http://l", "r1")
    assert dataclasses.is_dataclass(got) and type(got).__name__ == "ThingsGetHeaders"


def test_absent_and_empty_headers(pkg: ModuleType) -> None:
    for headers in (None, {}, {"x-flag": "", "x-color": "", "x-ratio": ""}):
        got = pkg.responses.parse_things_get_headers(headers)
        assert (got.x_flag, got.x_color, got.x_ratio, got.x_name, got.x_ms_meta) == (None, None, None, None, {})
    assert pkg.responses.parse_things_get_headers({"x-name": ""}).x_name == ""


@pytest.mark.parametrize(("name", "value"), [("x-ratio", "abc"), ("x-ratio", "nan"), ("x-flag", "yes"), ("x-color", "blue")])
def test_a_value_that_is_not_of_its_type_is_a_decode_error(pkg: ModuleType, name: str, value: str) -> None:
    with pytest.raises(pkg.DecodeError, match=name):
        pkg.responses.parse_things_get_headers({name: value})


def test_a_header_declared_with_two_types_is_read_as_text(pkg: ModuleType) -> None:
    assert pkg.responses.parse_things_get_headers({"x-count": "many"}).x_count == "many"


def test_the_parser_still_returns_the_body(pkg: ModuleType) -> None:
    assert pkg.responses.parse_things_get_response(200, {"x-flag": "true"}, b'{"n": 1}').n == 1
    assert not hasattr(pkg.responses, "parse_things_put_headers")  # no headers declared


def test_run_commands_lro_headers() -> None:
    from runcommands import responses

    got = responses.parse_virtual_machine_run_commands_delete_headers({"Location": "https://l", "Retry-After": "10"})
    assert (got.location, got.retry_after) == ("https://l", 10)


def test_a_bad_collection_prefix_is_a_located_error(tmp_path: Path) -> None:
    spec = json.loads(json.dumps(SPEC))
    spec["paths"]["/things"]["get"]["responses"]["200"]["headers"]["x-ms-meta"]["x-ms-header-collection-prefix"] = 5
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError, match="x-ms-header-collection-prefix must be a non-empty string") as caught:
        generate_package(tmp_path / "spec.json", "p", overlay=None)
    assert caught.value.problems[0].pointer == "/paths/~1things/get/responses/200/headers/x-ms-meta/x-ms-header-collection-prefix"
