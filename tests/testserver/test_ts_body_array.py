"""body-array.json: operations whose body is a top-level array (of primitives, formats, enums,
models, arrays and maps), parsed into typed lists; null items only where `x-nullable` allows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

SWAGGER = "body-array.json"

NOT_PASSED = {}  # every scenario of this file passes

UTC = dt.UTC


def decode_error_at(api: Any, operation: str, pointer: str) -> None:
    """The parser refuses the body, naming where it is wrong."""
    with pytest.raises(api.package.DecodeError) as caught:
        api.call(operation)
    assert caught.value.pointer == pointer, str(caught.value)


def test_null_empty_and_invalid(api: Any) -> None:
    assert api.call("array_get_null") is None
    assert api.call("array_get_empty") == []
    assert api.call("array_put_empty", body=[]) is None
    with pytest.raises(api.package.DecodeError):
        api.call("array_get_invalid")


def test_booleans(api: Any) -> None:
    assert api.call("array_get_boolean_tfft") == [True, False, False, True]
    assert api.call("array_put_boolean_tfft", body=[True, False, False, True]) is None
    decode_error_at(api, "array_get_boolean_invalid_null", "/1")  # items are not x-nullable
    decode_error_at(api, "array_get_boolean_invalid_string", "/1")


@pytest.mark.parametrize("kind", ["integer", "long"])
def test_integers(api: Any, kind: str) -> None:
    got = api.call(f"array_get_{kind}_valid")
    assert got == [1, -1, 3, 300] and all(type(x) is int for x in got)
    assert api.call(f"array_put_{kind}_valid", body=[1, -1, 3, 300]) is None
    short = "int" if kind == "integer" else kind
    decode_error_at(api, f"array_get_{short}_invalid_null", "/1")
    decode_error_at(api, f"array_get_{short}_invalid_string", "/1")


@pytest.mark.parametrize("kind", ["float", "double"])
def test_numbers(api: Any, kind: str) -> None:
    assert api.call(f"array_get_{kind}_valid") == [0, -0.01, -1.2e20]
    assert api.call(f"array_put_{kind}_valid", body=[0, -0.01, -1.2e20]) is None
    decode_error_at(api, f"array_get_{kind}_invalid_null", "/1")
    decode_error_at(api, f"array_get_{kind}_invalid_string", "/1")


def test_strings(api: Any) -> None:
    assert api.call("array_get_string_valid") == ["foo1", "foo2", "foo3"]
    assert api.call("array_put_string_valid", body=["foo1", "foo2", "foo3"]) is None
    assert api.call("array_get_string_with_null") == ["foo", None, "foo2"]  # items are x-nullable
    decode_error_at(api, "array_get_string_with_invalid", "/1")


def test_enums(api: Any) -> None:
    foo = api.models.FooEnum
    got = api.call("array_get_enum_valid")
    assert got == [foo.FOO1, foo.FOO2, foo.FOO3] and all(type(x) is foo for x in got)
    assert api.call("array_put_enum_valid", body=got) is None
    # an enum without x-ms-enum is a constrained string
    assert api.call("array_get_string_enum_valid") == ["foo1", "foo2", "foo3"]
    assert api.call("array_put_string_enum_valid", body=["foo1", "foo2", "foo3"]) is None


def test_uuids(api: Any) -> None:
    uuids = ["6dcc7237-45fe-45c4-8a6b-3a8a3f625652", "d1399005-30f7-40d6-8da6-dd7c89ad34db", "f42f6aa1-a5bc-4ddf-907e-5f915de43205"]
    assert api.call("array_get_uuid_valid") == uuids
    assert api.call("array_put_uuid_valid", body=uuids) is None
    # format uuid is a string the validators check; reading it does not (as for model fields)
    assert api.call("array_get_uuid_invalid_chars") == ["6dcc7237-45fe-45c4-8a6b-3a8a3f625652", "foo"]


def test_date_times(api: Any) -> None:
    got = api.call("array_get_date_time_valid")
    assert got == [
        dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
        dt.datetime(1980, 1, 1, 23, 11, 35, tzinfo=UTC),
        dt.datetime(1492, 10, 12, 18, 15, 1, tzinfo=UTC),
    ]
    assert all(isinstance(x, dt.datetime) for x in got)
    sent = [dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC), dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=UTC), dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=UTC)]
    assert api.call("array_put_date_time_valid", body=sent) is None
    decode_error_at(api, "array_get_date_time_invalid_null", "/1")
    decode_error_at(api, "array_get_date_time_invalid_chars", "/1")


def test_models(api: Any) -> None:
    product = api.models.Product
    products = [product(integer=1, string="2"), product(integer=3, string="4"), product(integer=5, string="6")]
    assert api.call("array_get_complex_null") is None
    assert api.call("array_get_complex_empty") == []
    got = api.call("array_get_complex_valid")
    assert got == products and all(type(x) is product for x in got)
    assert api.call("array_put_complex_valid", body=products) is None
    assert api.call("array_get_complex_item_null") == [products[0], None, products[2]]
    assert api.call("array_get_complex_item_empty") == [products[0], product(), products[2]]


def test_arrays_of_arrays(api: Any) -> None:
    rows = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]]
    assert api.call("array_get_array_null") is None
    assert api.call("array_get_array_empty") == []
    assert api.call("array_get_array_valid") == rows
    assert api.call("array_put_array_valid", body=rows) is None
    assert api.call("array_get_array_item_null") == [rows[0], None, rows[2]]
    assert api.call("array_get_array_item_empty") == [rows[0], [], rows[2]]


def test_arrays_of_dictionaries(api: Any) -> None:
    maps = [{"1": "one", "2": "two", "3": "three"}, {"4": "four", "5": "five", "6": "six"}, {"7": "seven", "8": "eight", "9": "nine"}]
    assert api.call("array_get_dictionary_null") is None
    assert api.call("array_get_dictionary_empty") == []
    assert api.call("array_get_dictionary_valid") == maps
    assert api.call("array_put_dictionary_valid", body=maps) is None
    assert api.call("array_get_dictionary_item_null") == [maps[0], None, maps[2]]
    assert api.call("array_get_dictionary_item_empty") == [maps[0], {}, maps[2]]


def test_dates(api: Any) -> None:
    days = [dt.date(2000, 12, 1), dt.date(1980, 1, 2), dt.date(1492, 10, 12)]
    got = api.call("array_get_date_valid")
    assert got == days and all(type(x) is dt.date for x in got)
    assert api.call("array_put_date_valid", body=days) is None
    decode_error_at(api, "array_get_date_invalid_null", "/1")
    decode_error_at(api, "array_get_date_invalid_chars", "/1")


def test_rfc1123_date_times(api: Any) -> None:
    instants = [dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC), dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=UTC), dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=UTC)]
    assert api.call("array_get_date_time_rfc1123_valid") == instants
    assert api.call("array_put_date_time_rfc1123_valid", body=instants) is None


def test_durations(api: Any) -> None:
    spans = [dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11), dt.timedelta(days=5, hours=1)]
    got = api.call("array_get_duration_valid")
    assert got == spans and all(isinstance(x, dt.timedelta) for x in got)
    assert api.call("array_put_duration_valid", body=spans) is None  # sent as P123DT22H14M12.011S, P5DT1H


def test_bytes(api: Any) -> None:
    blobs = [bytes([255, 255, 255, 250]), bytes([1, 2, 3]), bytes([37, 41, 67])]
    got = api.call("array_get_byte_valid")
    assert got == blobs and all(type(x) is bytes for x in got)
    assert api.call("array_put_byte_valid", body=blobs) is None
    decode_error_at(api, "array_get_byte_invalid_null", "/1")
    got = api.call("array_get_base64_url")
    assert got == [b"a string that gets encoded with base64url", b"test string", b"Lorem ipsum"]
