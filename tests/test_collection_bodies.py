"""Bodies that are not models: top-level arrays, maps, scalars and enums parsed into typed values,
`x-nullable` (null items, map values and required fields where the spec allows them, refused
elsewhere with their pointer), and definitions that say nothing of their shape (`{}`: any value)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_into
from hypothesis import HealthCheck, given, settings

from generator.errors import SpecError
from generator.ir.build import build

ERR = {"type": "object", "properties": {"message": {"type": "string"}}}
PRODUCT = {"type": "object", "properties": {"integer": {"type": "integer"}, "string": {"type": "string"}}}
COLOR = {"type": "string", "enum": ["red", "blue"], "x-ms-enum": {"name": "Color", "modelAsString": False}}
HOLDER = {
    "type": "object",
    "required": ["note", "count"],
    "properties": {
        "note": {"type": "string", "x-nullable": True},
        "count": {"type": "integer"},
        "tags": {"type": "array", "items": {"type": "string", "x-nullable": True}},
        "byName": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Product", "x-nullable": True}},
    },
}


def _get(op_id: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"get": {"operationId": op_id, "responses": {"200": {"description": "ok", "schema": schema}, "default": {"description": "e", "schema": {"$ref": "#/definitions/Err"}}}}}


SPEC = {
    "swagger": "2.0",
    "info": {"title": "Collections", "version": "1.0"},
    "host": "localhost",
    "paths": {
        "/ints": _get("Ints_Get", {"type": "array", "items": {"type": "integer"}}),
        "/products": _get("Products_Get", {"type": "array", "items": {"$ref": "#/definitions/Product", "x-nullable": True}}),
        "/rows": _get("Rows_Get", {"type": "object", "additionalProperties": {"type": "array", "x-nullable": True, "items": {"type": "string"}}}),
        "/colors": _get("Colors_Get", {"type": "array", "items": COLOR}),
        "/count": _get("Count_Get", {"type": "integer"}),
        "/days": {
            **_get("Days_Get", {"type": "array", "items": {"type": "string", "format": "date", "x-nullable": True}}),
            "put": {
                "operationId": "Blobs_Put",
                "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"type": "object", "additionalProperties": {"type": "string", "format": "byte", "x-nullable": True}}}],
                "responses": {"200": {"description": "ok"}},
            },
        },
        "/level": _get("Level_Get", {"type": "integer", "enum": [1, 2], "x-ms-enum": {"name": "Level", "modelAsString": True}}),
        "/holder": _get("Holder_Get", {"$ref": "#/definitions/Holder"}),
        "/anything": {
            **_get("Anything_Get", {"$ref": "#/definitions/Anything"}),
            "put": {
                "operationId": "Anything_Put",
                "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Anything"}}],
                "responses": {"200": {"description": "ok"}},
            },
        },
    },
    "definitions": {
        "Err": ERR,
        "Product": PRODUCT,
        "Holder": HOLDER,
        "Anything": {"description": "Any JSON value."},
        "Shelf": {"type": "object", "properties": {"label": {"type": "string"}}, "additionalProperties": {"$ref": "#/definitions/Product"}},
        "Log": {"type": "object", "properties": {}, "additionalProperties": {"type": "string", "format": "date-time", "x-nullable": True}},
    },
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("collections")
    (out / "spec.json").write_text(json.dumps(SPEC), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def pkg(folder: Path) -> ModuleType:
    return generate_into(folder / "spec.json", folder / "out", overlay=None)


def _raw(value: Any) -> bytes:
    return json.dumps(value).encode()


def test_arrays_of_scalars_are_read_typed(pkg: ModuleType) -> None:
    parse = pkg.responses.parse_ints_get_response
    got = parse(200, {}, b"[1, 2.0, -3]")
    assert got == [1, 2, -3] and all(type(x) is int for x in got)  # 2.0 is the integer 2
    assert parse.__annotations__["return"] == "list[int] | None"
    assert pkg.responses.parse_count_get_response(200, {}, b"7") == 7
    assert pkg.responses.parse_count_get_response.__annotations__["return"] == "int | None"


@pytest.mark.parametrize(("body", "pointer"), [(b'[1, "x", 3]', "/1"), (b"[1, null]", "/1"), (b"[true]", "/0"), (b'{"a": 1}', "")])
def test_a_wrong_item_is_refused_at_its_pointer(pkg: ModuleType, body: bytes, pointer: str) -> None:
    with pytest.raises(pkg.DecodeError) as caught:
        pkg.responses.parse_ints_get_response(200, {}, body)
    assert caught.value.pointer == pointer


@pytest.mark.parametrize("body", [b"", b"  ", b"null", None])
def test_no_body_is_none(pkg: ModuleType, body: bytes | None) -> None:
    assert pkg.responses.parse_ints_get_response(200, {}, body) is None


def test_nullable_items_and_values(pkg: ModuleType) -> None:
    product = pkg.models.Product
    got = pkg.responses.parse_products_get_response(200, {}, b'[{"integer": 1}, null, {}]')
    assert got == [product(integer=1), None, product()] and type(got[0]) is product
    assert pkg.responses.parse_products_get_response.__annotations__["return"] == "list[_models.Product | None] | None"
    rows = pkg.responses.parse_rows_get_response(200, {}, b'{"a": ["x"], "b": null, "c": []}')
    assert rows == {"a": ["x"], "b": None, "c": []}
    with pytest.raises(pkg.DecodeError) as caught:  # the strings inside are not nullable
        pkg.responses.parse_rows_get_response(200, {}, b'{"a": ["x", null]}')
    assert caught.value.pointer == "/a/1"


def test_nullable_items_of_a_format_both_ways(pkg: ModuleType) -> None:
    got = pkg.responses.parse_days_get_response(200, {}, b'["2020-01-02", null]')
    assert got == [date(2020, 1, 2), None]
    assert pkg.responses.parse_days_get_response.__annotations__["return"] == "list[date | None] | None"
    with pytest.raises(pkg.DecodeError) as caught:
        pkg.responses.parse_days_get_response(200, {}, b'[null, "2020-13-01"]')
    assert caught.value.pointer == "/1"
    assert pkg.requests.build_blobs_put_request(body={"a": b"\x01", "b": None}).body == b'{"a":"AQ==","b":null}'


def test_enum_items(pkg: ModuleType) -> None:
    color = pkg.models.Color
    assert pkg.responses.parse_colors_get_response(200, {}, b'["red", "blue"]') == [color.RED, color.BLUE]
    with pytest.raises(pkg.DecodeError) as caught:
        pkg.responses.parse_colors_get_response(200, {}, b'["red", "green"]')
    assert caught.value.pointer == "/1"


def test_errors_still_raise(pkg: ModuleType) -> None:
    with pytest.raises(pkg.responses.HttpResponseError) as caught:
        pkg.responses.parse_ints_get_response(500, {}, b'{"message": "no"}')
    assert caught.value.error == pkg.models.Err(message="no")


def test_a_definition_without_a_shape_is_any_value(pkg: ModuleType) -> None:
    assert not hasattr(pkg.models, "Anything")
    for value in ("text", 1, [1, "a"], {"a": {"b": None}}, True):
        assert pkg.responses.parse_anything_get_response(200, {}, _raw(value)) == value
        assert pkg.requests.build_anything_put_request(body=value).body == json.dumps(value, separators=(",", ":")).encode()
    assert pkg.validators.validate("Anything", [1, "a"]) == []


def test_required_nullable_field(pkg: ModuleType) -> None:
    holder = pkg.models.Holder
    body = {"note": None, "count": 1, "tags": ["a", None], "byName": {"x": {"integer": 1}, "y": None}}
    got = holder.from_dict(body)
    assert got.note is None and got.tags == ["a", None] and got.by_name == {"x": pkg.models.Product(integer=1), "y": None}
    assert got.to_dict() == body
    assert pkg.responses.parse_holder_get_response(200, {}, _raw(body)) == got
    for wrong, pointer in (({"note": "n", "count": None}, "/count"), ({"note": "n", "count": 1, "byName": {"x": 1}}, "/byName/x")):
        with pytest.raises(pkg.DecodeError) as caught:
            holder.from_dict(wrong)
        assert caught.value.pointer == pointer


def test_schemas_and_validators_take_null_only_where_x_nullable(pkg: ModuleType) -> None:
    ok = {"note": None, "count": 1, "tags": [None], "byName": {"y": None}}
    assert pkg.validators.validate("Holder", ok) == []
    bad = {"note": "n", "count": None, "tags": [None]}
    assert [e.path for e in pkg.validators.validate("Holder", bad)] == ["/count"]
    schema = json.loads((Path(pkg.__file__).parent / "schemas" / "Holder.json").read_text(encoding="utf-8"))
    assert schema["properties"]["note"]["type"] == ["string", "null"]
    assert schema["properties"]["byName"]["additionalProperties"] == {"anyOf": [{"$ref": "Product.json"}, {"type": "null"}]}


def test_strategies_draw_nulls_that_round_trip(pkg: ModuleType) -> None:
    seen: list[Any] = []

    @settings(max_examples=60, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(pkg.strategies.for_definition("Holder"))
    def check(body: dict[str, Any]) -> None:
        assert pkg.validators.validate("Holder", body) == []
        assert pkg.models.Holder.from_dict(body).to_dict() == body
        seen.append(body["note"])

    check()
    assert None in seen and any(isinstance(note, str) for note in seen)


def test_x_nullable_must_be_a_boolean(folder: Path) -> None:
    spec = json.loads(json.dumps(SPEC))
    spec["definitions"]["Holder"]["properties"]["note"]["x-nullable"] = "yes"
    path = folder / "bad.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        build(path)
    assert any(p.pointer == "/definitions/Holder/properties/note/x-nullable" and "boolean" in p.message for p in caught.value.problems)


def test_typed_additional_properties_are_read_and_written_as_their_type(pkg: ModuleType) -> None:
    product = pkg.models.Product
    body = {"label": "top", "a": {"integer": 1, "extra": True}, "b": {}}
    shelf = pkg.models.Shelf.from_dict(body)
    assert shelf.additional_properties == {"a": product(integer=1, additional_properties={"extra": True}), "b": product()}
    assert shelf.to_dict() == body
    assert pkg.models.Shelf.__annotations__["additional_properties"] == "dict[str, Product]"
    log = pkg.models.Log.from_dict({"start": "2020-01-01T00:00:00.1234567Z", "end": None})
    assert log.additional_properties["start"] == datetime(2020, 1, 1, 0, 0, 0, 123456, tzinfo=UTC)
    assert log.to_dict() == {"start": "2020-01-01T00:00:00.1234567Z", "end": None}
    with pytest.raises(pkg.DecodeError) as caught:
        pkg.models.Shelf.from_dict({"a": {"integer": "one"}})
    assert caught.value.pointer == "/a/integer"


def test_extensible_number_enums_say_what_they_keep(pkg: ModuleType) -> None:
    assert "kept as plain integers" in (pkg.models.Level.__doc__ or "")
    assert pkg.responses.parse_level_get_response(200, {}, b"2") is pkg.models.Level.V2
    assert pkg.responses.parse_level_get_response(200, {}, b"7") == 7


# Only schema-less bodies: the package has no model and no enum, so models.py, requests.py and
# responses.py import nothing they would not use.
SHAPELESS = {
    "swagger": "2.0",
    "info": {"title": "Shapeless", "version": "1.0"},
    "paths": {"/anything": {"get": {"operationId": "Anything_Get", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Anything"}}}}}},
    "definitions": {"Anything": {}},
}


@pytest.mark.parametrize("spec", [SPEC, SHAPELESS], ids=["collections", "shapeless"])
def test_the_package_passes_mypy_strict_and_ruff(folder: Path, spec: dict[str, Any]) -> None:
    name = spec["info"]["title"].lower()
    (folder / f"{name}.json").write_text(json.dumps(spec), encoding="utf-8")
    where = Path(generate_into(folder / f"{name}.json", folder / name, overlay=None).__file__).parent
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", where.name], cwd=where.parent, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", where.name], cwd=where.parent, check=False, capture_output=True, text=True, timeout=300)
    assert ruff.returncode == 0, ruff.stdout[-3000:]
