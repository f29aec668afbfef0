"""Request parameters from a small inline spec: constants of every type (the empty one too),
static path text with percent-escapes, collection formats, x-nullable items, x-ms-skip-url-encoding
queries, multipleOf, x-ms-client-default, x-ms-api-version, x-ms-client-request-id."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import generate_into

from generator.errors import SpecError
from generator.pipeline import generate_package


def _get(op_id: str, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    responses = {"200": {"description": "ok"}, "default": {"description": "error", "schema": {"$ref": "#/definitions/Error"}}}
    return {"get": {"operationId": op_id, "parameters": parameters, "responses": responses}}


def _spec(paths: dict[str, Any], parameters: dict[str, Any] | None = None) -> dict[str, Any]:
    error = {"type": "object", "properties": {"message": {"type": "string"}}}
    spec: dict[str, Any] = {"swagger": "2.0", "info": {"title": "P", "version": "2021-02-03"}, "host": "h.example", "paths": paths, "definitions": {"Error": error}}
    if parameters:
        spec["parameters"] = parameters
    return spec


def _constant(name: str, where: str, kind: str, value: Any, **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": where, "type": kind, "enum": [value], "required": True, **extra}


def _array(name: str, fmt: str | None, **extra: Any) -> dict[str, Any]:
    array = {"name": name, "in": "query", "type": "array", "items": {"type": "string"}, **extra}
    if fmt is not None:
        array["collectionFormat"] = fmt
    return array


SPEC = _spec(
    {
        "/b/{flag}/{n}/{big}/{x}": _get(
            "Constants_Path",
            [
                _constant("flag", "path", "boolean", False),
                _constant("n", "path", "integer", -1000000),
                _constant("big", "path", "integer", 10000000000, format="int64"),
                _constant("x", "path", "number", 1.034e20),
            ],
        ),
        "/empty/{e}": _get("Constants_Empty", [_constant("e", "path", "string", "")]),
        "/esc/green%20color/a%2Fb/{s}": _get("Constants_Escaped", [_constant("s", "path", "string", "a b/c")]),
        "/q": _get(
            "Constants_Query",
            [
                _constant("t", "query", "boolean", True),
                _constant("e", "query", "string", ""),
                _constant("f", "query", "number", -1.034e-20),
                _constant("h", "header", "boolean", True),
                {"name": "d", "in": "query", "type": "string", "enum": ["v1", "v2"], "x-ms-client-default": "v1", "x-ms-enum": {"name": "Version"}},
                {"name": "r", "in": "query", "type": "string", "enum": ["v1", "v2"], "required": True, "x-ms-client-default": "v2"},
            ],
        ),
        "/arrays": _get(
            "Arrays_Get",
            [
                _array("csv", "csv"),
                _array("ssv", "ssv"),
                _array("tsv", "tsv"),
                _array("pipes", "pipes"),
                _array("none", None),
                _array("multi", "multi"),
                {**_array("nullable", "multi"), "items": {"type": "string", "x-nullable": True}},
                {"name": "ints", "in": "query", "type": "array", "items": {"type": "integer"}, "collectionFormat": "csv"},
                {"name": "hdr", "in": "header", "type": "array", "items": {"type": "string"}, "collectionFormat": "csv"},
            ],
        ),
        "/raw": _get("Raw_Query", [{"name": "q", "in": "query", "type": "string", "x-ms-skip-url-encoding": True}]),
        "/multiple": _get("Multiple_Of", [{"name": "n", "in": "query", "type": "integer", "multipleOf": 10, "required": True}, {"name": "x", "in": "query", "type": "number", "multipleOf": 0.5}]),
        "/versions": _get(
            "Versions_Get",
            [
                {"$ref": "#/parameters/ApiVersion"},
                {"name": "apiVersion", "in": "query", "type": "string", "required": True},
            ],
        ),
        "/local": _get("Versions_Local", [{"name": "api-version", "in": "query", "type": "string", "x-ms-api-version": False}]),
        "/meta": _get("Meta_Get", [{"name": "x-ms-meta", "in": "header", "type": "string", "x-ms-client-name": "metadata", "x-ms-header-collection-prefix": "x-ms-meta-"}]),
        "/rid": {
            "post": {
                "operationId": "RequestId_Post",
                "parameters": [{"name": "foo-client-request-id", "in": "header", "type": "string", "required": True, "x-ms-client-request-id": True}],
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
    {"ApiVersion": {"name": "api-version", "in": "query", "type": "string", "required": True}},
)


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("parameters")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    return generate_into(spec, folder / "out", overlay=None)


def _url(pkg: ModuleType, op: str, **kw: Any) -> str:
    url: str = getattr(pkg.requests, f"build_{op}_request")(base_url="http://h", **kw).url
    return url


def test_constants_of_every_type_in_the_path(pkg: ModuleType) -> None:
    assert _url(pkg, "constants_path") == "http://h/b/false/-1000000/10000000000/1.034e%2B20"
    with pytest.raises(pkg.requests.ParameterError, match="must be one of"):
        _url(pkg, "constants_path", flag=True)


def test_an_empty_constant_is_an_empty_segment(pkg: ModuleType) -> None:
    assert _url(pkg, "constants_empty") == "http://h/empty/"
    with pytest.raises(pkg.requests.ParameterError, match="must be one of"):
        _url(pkg, "constants_empty", e="x")


def test_percent_escapes_in_the_path_template_are_kept(pkg: ModuleType) -> None:
    assert _url(pkg, "constants_escaped") == "http://h/esc/green%20color/a%2Fb/a%20b%2Fc"


def test_constants_in_query_and_header_and_client_defaults(pkg: ModuleType) -> None:
    request = pkg.requests.build_constants_query_request(base_url="http://h")
    assert urlsplit(request.url).query == "t=true&e=&f=-1.034e-20&r=v2&d=v1"
    assert request.headers["h"] == "true"
    assert urlsplit(_url(pkg, "constants_query", d=None, r="v1")).query == "t=true&e=&f=-1.034e-20&r=v1"
    with pytest.raises(pkg.requests.ParameterError, match="must be one of"):
        _url(pkg, "constants_query", r="v3")


def test_collection_formats(pkg: ModuleType) -> None:
    items = ["a b", "c,d", ""]
    url = _url(pkg, "arrays_get", csv=items, ssv=items, tsv=items, pipes=items, none=items, multi=items, ints=[1, -2])
    assert urlsplit(url).query == (
        "csv=a%20b,c%2Cd,&ssv=a%20b%20c%2Cd%20&tsv=a%20b%09c%2Cd%09&pipes=a%20b%7Cc%2Cd%7C"
        "&none=a%20b,c%2Cd,&multi=a%20b&multi=c%2Cd&multi=&ints=1,-2"
    )
    assert urlsplit(_url(pkg, "arrays_get", csv=[], multi=[])).query == "csv="
    assert urlsplit(_url(pkg, "arrays_get", nullable=["a", None])).query == "nullable=a&nullable="
    assert pkg.requests.build_arrays_get_request(hdr=["x", "y"]).headers["hdr"] == "x,y"
    for bad in ({"csv": ["a", None]}, {"multi": [None]}, {"csv": "ab"}, {"ints": ["1"]}, {"ints": [True]}):
        with pytest.raises(pkg.requests.ParameterError, match=next(iter(bad))):
            _url(pkg, "arrays_get", **bad)


def test_skip_url_encoding_in_the_query(pkg: ModuleType) -> None:
    url = _url(pkg, "raw_query", q="value1&q2=value2&q3=value3")
    assert parse_qs(urlsplit(url).query) == {"q": ["value1"], "q2": ["value2"], "q3": ["value3"]}
    for bad in ("a#b", "a b", "a\nb"):
        with pytest.raises(pkg.requests.ParameterError, match="q"):
            _url(pkg, "raw_query", q=bad)


def test_multiple_of(pkg: ModuleType) -> None:
    assert urlsplit(_url(pkg, "multiple_of", n=30, x=1.5)).query == "n=30&x=1.5"
    for bad in ({"n": 35}, {"n": 30, "x": 0.3}):
        with pytest.raises(pkg.requests.ParameterError, match="multiple of"):
            _url(pkg, "multiple_of", **bad)


def test_only_the_api_version_query_parameter_defaults_to_the_api_version(pkg: ModuleType) -> None:
    assert urlsplit(_url(pkg, "versions_get", api_version_="x")).query == "api-version=2021-02-03&apiVersion=x"
    with pytest.raises(TypeError):
        _url(pkg, "versions_get")  # `apiVersion` is an ordinary required parameter
    assert urlsplit(_url(pkg, "versions_local")).query == ""  # x-ms-api-version: false
    assert urlsplit(_url(pkg, "versions_local", api_version="1.0")).query == "api-version=1.0"


def test_a_client_request_id_parameter_defaults_to_a_fresh_uuid(pkg: ModuleType) -> None:
    build = pkg.requests.build_request_id_post_request
    ids = {build().headers["foo-client-request-id"] for _ in range(3)}
    assert len(ids) == 3 and all(uuid.UUID(i).version == 4 for i in ids)
    assert build(foo_client_request_id="mine").headers["foo-client-request-id"] == "mine"


def test_a_header_collection_is_a_header_per_key(pkg: ModuleType) -> None:
    build = pkg.requests.build_meta_get_request
    assert {k: v for k, v in build(metadata={"a": "1", "B": "x y"}).headers.items() if k != "Accept"} == {"x-ms-meta-a": "1", "x-ms-meta-B": "x y"}
    assert "x-ms-meta" not in str(build().headers)
    for bad in ({"a b": "1"}, {"a": 1}, {"a": "1\r\nX: 2"}, ["a"]):
        with pytest.raises(pkg.requests.ParameterError, match="metadata"):
            build(metadata=bad)


def test_the_package_passes_mypy_and_ruff(pkg: ModuleType) -> None:
    folder = Path(pkg.__file__).parent
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(folder)], capture_output=True, text=True, check=False)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(folder)], capture_output=True, text=True, check=False, cwd=folder.parent)
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


@pytest.mark.parametrize("value", [".", ".."])
def test_a_dot_segment_constant_is_refused_at_generation(tmp_path: Path, value: str) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_spec({"/d/{s}": _get("Dot_Get", [_constant("s", "path", "string", value)])})), encoding="utf-8")
    with pytest.raises(SpecError, match="a URL removes it"):
        generate_package(spec, "p", overlay=None)


@pytest.mark.parametrize(
    ("parameter", "message"),
    [
        ({"name": "a", "in": "query", "type": "array", "items": {"type": "string"}, "collectionFormat": "commas"}, "collectionFormat must be one of"),
        ({"name": "a", "in": "header", "type": "array", "items": {"type": "string"}, "collectionFormat": "multi"}, "for query and formData parameters only"),
        ({"name": "a", "in": "query", "type": "integer", "x-ms-client-default": "1"}, "x-ms-client-default must be a value"),
        ({"name": "a", "in": "query", "type": "string", "enum": ["x"], "x-ms-enum": {"name": "E"}, "x-ms-client-default": "y"}, "x-ms-client-default must be a value"),
        ({"name": "a", "in": "query", "type": "string", "x-ms-parameter-grouping": "g"}, "x-ms-parameter-grouping must be an object"),
    ],
)
def test_bad_parameter_extensions_are_located_errors(tmp_path: Path, parameter: dict[str, Any], message: str) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_spec({"/x": _get("X_Get", [parameter])})), encoding="utf-8")
    with pytest.raises(SpecError, match=message) as caught:
        generate_package(spec, "p", overlay=None)
    assert caught.value.problems[0].pointer.startswith("/paths/~1x/get/parameters/0/")
