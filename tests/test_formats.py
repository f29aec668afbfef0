"""String and number formats that have a Python type of their own, in every generated module.

`date` (date), `time` (time), `date-time` (datetime, exact text kept), `date-time-rfc1123`
(datetime), `unixtime` (an integer on the wire, a UTC datetime), `duration` (ISO 8601, a timedelta
that keeps its text), `byte` and `base64url` (bytes), `decimal` (Decimal): models read and write
them, response parsers return them for primitive bodies, request builders take them, schemas
name the format, strategies draw wire values that round-trip exactly.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
import subprocess
import sys
import typing
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_spec
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

FORMATS = {
    "day": {"type": "string", "format": "date"},
    "clock": {"type": "string", "format": "time"},
    "stamp": {"type": "string", "format": "date-time"},
    "httpDate": {"type": "string", "format": "date-time-rfc1123"},
    "epoch": {"type": "integer", "format": "unixtime"},
    "span": {"type": "string", "format": "duration"},
    "blob": {"type": "string", "format": "byte"},
    "urlBlob": {"type": "string", "format": "base64url"},
    "amount": {"type": "number", "format": "decimal"},
}
WIRE = {
    "day": "2024-02-29",
    "clock": "11:34:56",
    "stamp": "2024-05-31T12:00:00.1234567Z",
    "httpDate": "Fri, 31 May 2024 12:00:00 GMT",
    "epoch": 1460505600,
    "span": "P3Y6M4DT12H30M5S",
    "blob": "//79/Pv6+fj39g==",
    "urlBlob": "__79_Pv6-fj39g",
    "amount": 99999999.99,
}
PYTHON = {
    "day": date(2024, 2, 29),
    "clock": time(11, 34, 56),
    "stamp": datetime(2024, 5, 31, 12, 0, 0, 123456, tzinfo=UTC),
    "http_date": datetime(2024, 5, 31, 12, tzinfo=UTC),
    "epoch": datetime(2016, 4, 13, tzinfo=UTC),
    "span": timedelta(days=3 * 365 + 6 * 30 + 4, hours=12, minutes=30, seconds=5),
    "blob": bytes(range(255, 245, -1)),
    "url_blob": bytes(range(255, 245, -1)),
    "amount": Decimal("99999999.99"),
}
ANNOTATIONS = {"day": "date", "clock": "time", "stamp": "datetime", "httpDate": "datetime", "epoch": "datetime", "span": "timedelta", "blob": "bytes", "urlBlob": "bytes", "amount": "Decimal"}


def _operations() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name, schema in FORMATS.items():
        paths[f"/{name}"] = {
            "get": {"operationId": f"Values_Get{name[0].upper()}{name[1:]}", "responses": {"200": {"description": "ok", "schema": schema}}},
            "put": {
                "operationId": f"Values_Put{name[0].upper()}{name[1:]}",
                "parameters": [{"name": "body", "in": "body", "required": True, "schema": schema}],
                "responses": {"200": {"description": "ok"}},
            },
        }
    paths["/things"] = {"get": {"operationId": "Things_Get", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}}}}
    paths["/days"] = {"get": {"operationId": "Days_List", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Days"}}}}}
    paths["/params/{blob}"] = {
        "get": {
            "operationId": "Params_Get",
            "parameters": [
                {"name": "blob", "in": "path", "required": True, "type": "string", "format": "base64url"},
                {"name": "day", "in": "query", "required": True, "type": "string", "format": "date"},
                {"name": "epoch", "in": "query", "type": "integer", "format": "unixtime"},
                {"name": "x-span", "in": "header", "type": "string", "format": "duration"},
                {"name": "x-since", "in": "header", "type": "string", "format": "date-time-rfc1123"},
            ],
            "responses": {"204": {"description": "ok"}},
        }
    }
    return paths


SPEC = {
    "swagger": "2.0",
    "info": {"title": "Formats", "version": "2024-01-01"},
    "host": "example.com",
    "paths": _operations(),
    "definitions": {
        "Thing": {
            "type": "object",
            "properties": {
                **FORMATS,
                "days": {"type": "array", "items": {"type": "string", "format": "date"}},
                "spans": {"type": "object", "additionalProperties": {"type": "string", "format": "duration"}},
                "pinned": {"type": "string", "format": "date", "enum": ["2024-01-01"]},
            },
            "required": ["day"],
        },
        "Days": {"type": "array", "items": {"type": "string", "format": "date"}},
    },
}


@pytest.fixture(scope="module")
def formats(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("formats")
    return generate_spec(SPEC, folder)


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


# -- models ------------------------------------------------------------------------------------


def test_models_read_typed_values_and_write_the_wire_text_back(formats: ModuleType) -> None:
    wire = {**WIRE, "days": ["2024-01-01", "0001-01-01"], "spans": {"a": "PT1H", "b": "P1W"}, "pinned": "2024-01-01"}
    thing = formats.models.Thing.from_dict(wire)
    for name, expected in PYTHON.items():
        got = getattr(thing, name)
        assert got == expected and isinstance(got, type(expected)), name  # (WireDateTime, WireDuration: subclasses)
    assert type(thing.day) is date and type(thing.blob) is bytes and type(thing.amount) is Decimal
    assert thing.days == [date(2024, 1, 1), date(1, 1, 1)] and thing.spans == {"a": timedelta(hours=1), "b": timedelta(days=7)}
    assert thing.pinned == date(2024, 1, 1)
    assert thing.to_dict() == wire  # exact: 7 fraction digits, years and months, an unpadded base64url
    assert json.dumps(thing.to_dict(), sort_keys=True) == json.dumps(wire, sort_keys=True)


def test_models_write_values_set_in_python(formats: ModuleType) -> None:
    thing = formats.models.Thing(day=date(1, 1, 1))
    thing.clock = time(8, 7, 56, 500000, tzinfo=timezone(timedelta(hours=-5)))
    thing.http_date = datetime(2000, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    thing.epoch = datetime(2016, 4, 13, 9, tzinfo=timezone(timedelta(hours=9)))
    thing.span = timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)
    thing.blob = b"\x00\xff"
    thing.url_blob = b"\x00\xff"
    thing.amount = Decimal("2.5976931E+101")
    assert thing.to_dict() == {
        "day": "0001-01-01",
        "clock": "08:07:56.500000-05:00",
        "httpDate": "Sat, 01 Jan 2000 00:00:00 GMT",
        "epoch": 1460505600,
        "span": "P123DT22H14M12.011S",
        "blob": "AP8=",
        "urlBlob": "AP8",
        "amount": 2.5976931e101,
    }


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("day", "2024-02-30", "RFC 3339 full-date"),
        ("day", "0000-01-01", "RFC 3339 full-date"),
        ("clock", "24:00:00", "RFC 3339 time"),
        ("stamp", "2024-05-31T12:00:00", "RFC 3339"),
        ("httpDate", "Sat, 31 May 2024 12:00:00 GMT", "day of the week"),
        ("httpDate", "31 May 2024 12:00:00 GMT", "RFC 1123"),
        ("epoch", "1460505600", "integer"),
        ("epoch", 10**12, "years 1 to 9999"),
        ("span", "123ABC", "ISO 8601 duration"),
        ("span", "PT", "ISO 8601 duration"),
        ("blob", "::::SWAGGER::::", "base64"),
        ("blob", "YQ", "base64"),
        ("urlBlob", "a+b/", "base64url"),
        ("amount", "1.5", "number"),
    ],
)
def test_invalid_wire_values_are_decode_errors_at_their_pointer(formats: ModuleType, field: str, bad: Any, message: str) -> None:
    with pytest.raises(formats.DecodeError, match=message) as info:
        formats.models.Thing.from_dict({**WIRE, field: bad})
    assert info.value.pointer == f"/{field}"


def test_items_and_values_are_read_with_their_pointer(formats: ModuleType) -> None:
    with pytest.raises(formats.DecodeError) as info:
        formats.models.Thing.from_dict({"day": "2024-01-01", "days": ["2024-01-01", "nope"]})
    assert info.value.pointer == "/days/1"
    with pytest.raises(formats.DecodeError) as info:
        formats.models.Thing.from_dict({"day": "2024-01-01", "spans": {"x": 5}})
    assert info.value.pointer == "/spans/x"


def test_model_annotations_name_the_python_types(formats: ModuleType) -> None:
    # models.py imports them under private names: a class body may have a field called `time`.
    # (A date-time field is a descriptor, `_DateTimeField[...]`: the dataclass fields show the
    # type it holds.)
    hints = {f.name: f.type for f in dataclasses.fields(formats.models.Thing)}
    for wire, annotation in ANNOTATIONS.items():
        private = annotation if annotation == "datetime" else f"_{annotation}"
        expected = private if wire == "day" else f"{private} | None | Unset"
        assert hints[_snake(wire)] == expected, wire
    assert hints["days"] == "list[_date] | None | Unset"
    assert hints["spans"] == "dict[str, _timedelta] | None | Unset"
    resolved = typing.get_type_hints(formats.models.Thing, vars(formats.models))
    assert resolved["day"] is date and resolved["amount"] == Decimal | None | formats.Unset


def test_array_definitions_of_a_format(formats: ModuleType) -> None:
    assert formats.responses.parse_days_list_response(200, {}, b'["2024-01-01"]') == [date(2024, 1, 1)]
    with pytest.raises(formats.DecodeError) as info:
        formats.responses.parse_days_list_response(200, {}, b'["2024-01-01", "x"]')
    assert info.value.pointer == "/1"


# -- parsers and builders ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FORMATS))
def test_parsers_return_the_python_value(formats: ModuleType, name: str) -> None:
    parse = getattr(formats.responses, f"parse_values_get_{_snake(name)}_response")
    got = parse(200, {}, json.dumps(WIRE[name]).encode())
    assert got == PYTHON[_snake(name)]
    assert parse(200, {}, b"") is None
    assert inspect.signature(parse).return_annotation == f"{ANNOTATIONS[name]} | None"


def test_a_decimal_body_keeps_every_digit(formats: ModuleType) -> None:
    parse = formats.responses.parse_values_get_amount_response
    got = parse(200, {}, b"0.1000000000000000000000000001")
    assert got == Decimal("0.1000000000000000000000000001")
    assert parse(200, {}, b"12") == Decimal(12)


@pytest.mark.parametrize("name", list(FORMATS))
def test_invalid_primitive_bodies_are_decode_errors(formats: ModuleType, name: str) -> None:
    parse = getattr(formats.responses, f"parse_values_get_{_snake(name)}_response")
    with pytest.raises(formats.DecodeError):
        parse(200, {}, b'{"not": "a value"}')


@pytest.mark.parametrize("name", list(FORMATS))
def test_builders_take_the_python_value(formats: ModuleType, name: str) -> None:
    build = getattr(formats.requests, f"build_values_put_{_snake(name)}_request")
    request = build(body=PYTHON[_snake(name)])
    parse = getattr(formats.responses, f"parse_values_get_{_snake(name)}_response")
    assert parse(200, {}, request.body) == PYTHON[_snake(name)]  # what a builder writes, a parser reads
    assert request.headers["Content-Type"] == "application/json"
    assert inspect.signature(build).parameters["body"].annotation == ANNOTATIONS[name]
    with pytest.raises(formats.requests.ParameterError, match="body"):
        build(body=object())


def test_builders_write_the_wire_text(formats: ModuleType) -> None:
    requests = formats.requests
    assert requests.build_values_put_day_request(body=date(9999, 12, 31)).body == b'"9999-12-31"'
    assert requests.build_values_put_clock_request(body=time(8, 7, 56)).body == b'"08:07:56"'
    assert requests.build_values_put_stamp_request(body=datetime(1, 1, 1, tzinfo=UTC)).body == b'"0001-01-01T00:00:00Z"'
    assert requests.build_values_put_http_date_request(body=datetime(1, 1, 1, tzinfo=UTC)).body == b'"Mon, 01 Jan 0001 00:00:00 GMT"'
    assert requests.build_values_put_epoch_request(body=datetime(2016, 4, 13, tzinfo=UTC)).body == b"1460505600"
    assert requests.build_values_put_span_request(body=timedelta(days=1, microseconds=5)).body == b'"P1DT0.000005S"'
    assert requests.build_values_put_blob_request(body=b"\xff").body == b'"/w=="'
    assert requests.build_values_put_url_blob_request(body=b"\xff").body == b'"_w"'
    assert requests.build_values_put_amount_request(body=Decimal("0.1000000000000000000000000001")).body == b"0.1000000000000000000000000001"
    # What a parser returned goes back as it came.
    stamp = formats.responses.parse_values_get_stamp_response(200, {}, b'"2024-05-31T12:00:00.1234567Z"')
    assert requests.build_values_put_stamp_request(body=stamp).body == b'"2024-05-31T12:00:00.1234567Z"'
    span = formats.responses.parse_values_get_span_response(200, {}, b'"P1Y"')
    assert requests.build_values_put_span_request(body=span).body == b'"P1Y"'


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("day", datetime(2024, 1, 1)),  # a datetime is a date, but not what a date body takes
        ("day", "2024-01-01"),
        ("clock", "08:07:56"),
        ("http_date", date(2024, 1, 1)),
        ("epoch", 1460505600),
        ("span", "P1D"),
        ("blob", "AP8="),
        ("url_blob", bytearray(b"x")),
        ("amount", 1.5),
        ("amount", Decimal("NaN")),
    ],
)
def test_builders_refuse_other_types_without_showing_the_value(formats: ModuleType, name: str, bad: Any) -> None:
    build = getattr(formats.requests, f"build_values_put_{name}_request")
    with pytest.raises(formats.requests.ParameterError, match="body") as info:
        build(body=bad)
    assert repr(bad) not in str(info.value)


def test_parameters_of_a_format_take_the_python_value(formats: ModuleType) -> None:
    build = formats.requests.build_params_get_request
    request = build(
        blob=b"\xff\xfe", day=date(2024, 2, 29), epoch=datetime(2016, 4, 13, tzinfo=UTC), x_span=timedelta(minutes=90), x_since=datetime(2000, 1, 1, tzinfo=UTC)
    )
    assert request.url == "https://example.com/params/__4?day=2024-02-29&epoch=1460505600"
    assert (request.headers["x-span"], request.headers["x-since"]) == ("PT1H30M", "Sat, 01 Jan 2000 00:00:00 GMT")
    for wrong in ({"day": "2024-02-29"}, {"blob": "__4"}, {"x_span": 90}):
        with pytest.raises(formats.requests.ParameterError, match=next(iter(wrong))):
            build(**{"blob": b"\x01", "day": date(2024, 1, 1), **wrong})


# -- schemas, validators, strategies -----------------------------------------------------------


# JSON Schema 2020-12 means other things by `time` (an offset required) and `duration` (no sign,
# no fraction): the documents name what the models read `azure-time` and `azure-duration`.
SCHEMA_FORMATS = {"time": "azure-time", "duration": "azure-duration"}


def test_schemas_name_the_formats(formats: ModuleType) -> None:
    props = formats.schemas.load("Thing")["properties"]
    for name, schema in FORMATS.items():
        assert props[name] == {**schema, "format": SCHEMA_FORMATS.get(schema["format"], schema["format"])}, name
    assert props["days"] == {"type": "array", "items": {"type": "string", "format": "date"}}
    assert props["spans"] == {"type": "object", "additionalProperties": {"type": "string", "format": "azure-duration"}}
    assert props["pinned"] == {"type": "string", "format": "date", "enum": ["2024-01-01"]}


def test_validators_accept_the_wire_values(formats: ModuleType) -> None:
    assert formats.validators.validate("Thing", {**WIRE, "days": ["2024-01-01"]}) == []
    # Every format a model reads is asserted (tests/test_format_agreement.py: exactly as read).
    for field, bad in [("stamp", "2024-05-31"), ("day", "2024-02-30"), ("clock", "24:00:00"), ("span", "PT"), ("epoch", 10**12), ("amount", float("nan"))]:
        errors = formats.validators.validate("Thing", {**WIRE, field: bad})
        assert [(e.path, e.keyword) for e in errors] == [(f"/{field}", "format")], field


@settings(max_examples=60)
@given(data=st.data())
def test_drawn_bodies_validate_and_round_trip_exactly(formats: ModuleType, data: st.DataObject) -> None:
    body = data.draw(formats.strategies.for_definition("Thing"))
    assert formats.validators.validate("Thing", body) == []
    # jsonschema, checking the formats it knows: the documents claim no syntax the models do not read
    checked = Draft202012Validator(formats.schemas.load("Thing"), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(checked.iter_errors(body)) == []
    thing = formats.models.Thing.from_dict(body)
    assert thing.to_dict() == body


def test_the_package_passes_mypy_strict_and_ruff(formats: ModuleType) -> None:
    folder = Path(formats.__file__).parent
    name = folder.name
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", name], cwd=folder.parent, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", name], cwd=folder.parent, check=False, capture_output=True, text=True, timeout=300)
    assert ruff.returncode == 0, ruff.stdout[-5000:]
