"""body-dictionary.json: operations whose body is a top-level map (of primitives, formats, models,
arrays and maps), parsed into typed dicts; null values only where `x-nullable` allows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

SWAGGER = "body-dictionary.json"

NOT_PASSED = {}  # every scenario of this file passes

UTC = dt.UTC


def decode_error_at(api: Any, operation: str, pointer: str) -> None:
    """The parser refuses the body, naming where it is wrong."""
    with pytest.raises(api.package.DecodeError) as caught:
        api.call(operation)
    assert caught.value.pointer == pointer, str(caught.value)


def test_null_empty_and_invalid(api: Any) -> None:
    assert api.call("dictionary_get_null") is None
    assert api.call("dictionary_get_empty") == {}
    assert api.call("dictionary_put_empty", body={}) is None
    with pytest.raises(api.package.DecodeError):
        api.call("dictionary_get_invalid")  # not JSON
    with pytest.raises(api.package.DecodeError):
        api.call("dictionary_get_null_key")  # `{null : "val1"}` is not JSON either
    decode_error_at(api, "dictionary_get_null_value", "/key1")  # values are not x-nullable
    assert api.call("dictionary_get_empty_string_key") == {"": "val1"}


def test_booleans(api: Any) -> None:
    assert api.call("dictionary_get_boolean_tfft") == {"0": True, "1": False, "2": False, "3": True}
    assert api.call("dictionary_put_boolean_tfft", body={"0": True, "1": False, "2": False, "3": True}) is None
    decode_error_at(api, "dictionary_get_boolean_invalid_null", "/1")
    decode_error_at(api, "dictionary_get_boolean_invalid_string", "/1")


@pytest.mark.parametrize("kind", ["integer", "long"])
def test_integers(api: Any, kind: str) -> None:
    values = {"0": 1, "1": -1, "2": 3, "3": 300}
    got = api.call(f"dictionary_get_{kind}_valid")
    assert got == values and all(type(x) is int for x in got.values())
    assert api.call(f"dictionary_put_{kind}_valid", body=values) is None
    short = "int" if kind == "integer" else kind
    decode_error_at(api, f"dictionary_get_{short}_invalid_null", "/1")
    decode_error_at(api, f"dictionary_get_{short}_invalid_string", "/1")


@pytest.mark.parametrize("kind", ["float", "double"])
def test_numbers(api: Any, kind: str) -> None:
    values = {"0": 0, "1": -0.01, "2": -1.2e20}
    assert api.call(f"dictionary_get_{kind}_valid") == values
    assert api.call(f"dictionary_put_{kind}_valid", body=values) is None
    decode_error_at(api, f"dictionary_get_{kind}_invalid_null", "/1")
    decode_error_at(api, f"dictionary_get_{kind}_invalid_string", "/1")


def test_strings(api: Any) -> None:
    values = {"0": "foo1", "1": "foo2", "2": "foo3"}
    assert api.call("dictionary_get_string_valid") == values
    assert api.call("dictionary_put_string_valid", body=values) is None
    decode_error_at(api, "dictionary_get_string_with_null", "/1")  # values are not x-nullable here
    decode_error_at(api, "dictionary_get_string_with_invalid", "/1")


def test_date_times(api: Any) -> None:
    instants = {
        "0": dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
        "1": dt.datetime(1980, 1, 1, 23, 11, 35, tzinfo=UTC),
        "2": dt.datetime(1492, 10, 12, 18, 15, 1, tzinfo=UTC),
    }
    got = api.call("dictionary_get_date_time_valid")
    assert got == instants and all(isinstance(x, dt.datetime) for x in got.values())
    assert api.call("dictionary_put_date_time_valid", body=instants) is None
    decode_error_at(api, "dictionary_get_date_time_invalid_null", "/1")
    decode_error_at(api, "dictionary_get_date_time_invalid_chars", "/1")


def test_models(api: Any) -> None:
    widget = api.models.Widget
    widgets = {"0": widget(integer=1, string="2"), "1": widget(integer=3, string="4"), "2": widget(integer=5, string="6")}
    assert api.call("dictionary_get_complex_null") is None
    assert api.call("dictionary_get_complex_empty") == {}
    got = api.call("dictionary_get_complex_valid")
    assert got == widgets and all(type(x) is widget for x in got.values())
    assert api.call("dictionary_put_complex_valid", body=widgets) is None
    assert api.call("dictionary_get_complex_item_null") == {"0": widgets["0"], "1": None, "2": widgets["2"]}
    assert api.call("dictionary_get_complex_item_empty") == {"0": widgets["0"], "1": widget(), "2": widgets["2"]}


def test_maps_of_arrays(api: Any) -> None:
    rows = {"0": ["1", "2", "3"], "1": ["4", "5", "6"], "2": ["7", "8", "9"]}
    assert api.call("dictionary_get_array_null") is None
    assert api.call("dictionary_get_array_empty") == {}
    assert api.call("dictionary_get_array_valid") == rows
    assert api.call("dictionary_put_array_valid", body=rows) is None
    assert api.call("dictionary_get_array_item_null") == {"0": rows["0"], "1": None, "2": rows["2"]}
    assert api.call("dictionary_get_array_item_empty") == {"0": rows["0"], "1": [], "2": rows["2"]}


def test_maps_of_maps(api: Any) -> None:
    maps = {"0": {"1": "one", "2": "two", "3": "three"}, "1": {"4": "four", "5": "five", "6": "six"}, "2": {"7": "seven", "8": "eight", "9": "nine"}}
    assert api.call("dictionary_get_dictionary_null") is None
    assert api.call("dictionary_get_dictionary_empty") == {}
    assert api.call("dictionary_get_dictionary_valid") == maps
    assert api.call("dictionary_put_dictionary_valid", body=maps) is None
    assert api.call("dictionary_get_dictionary_item_null") == {"0": maps["0"], "1": None, "2": maps["2"]}
    assert api.call("dictionary_get_dictionary_item_empty") == {"0": maps["0"], "1": {}, "2": maps["2"]}


def test_dates(api: Any) -> None:
    days = {"0": dt.date(2000, 12, 1), "1": dt.date(1980, 1, 2), "2": dt.date(1492, 10, 12)}
    got = api.call("dictionary_get_date_valid")
    assert got == days and all(type(x) is dt.date for x in got.values())
    assert api.call("dictionary_put_date_valid", body=days) is None
    decode_error_at(api, "dictionary_get_date_invalid_null", "/1")
    decode_error_at(api, "dictionary_get_date_invalid_chars", "/1")


def test_rfc1123_date_times(api: Any) -> None:
    instants = {
        "0": dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
        "1": dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=UTC),
        "2": dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=UTC),
    }
    assert api.call("dictionary_get_date_time_rfc1123_valid") == instants
    assert api.call("dictionary_put_date_time_rfc1123_valid", body=instants) is None


def test_durations(api: Any) -> None:
    spans = {"0": dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11), "1": dt.timedelta(days=5, hours=1)}
    got = api.call("dictionary_get_duration_valid")
    assert got == spans and all(isinstance(x, dt.timedelta) for x in got.values())
    assert api.call("dictionary_put_duration_valid", body=spans) is None


def test_bytes(api: Any) -> None:
    blobs = {"0": bytes([255, 255, 255, 250]), "1": bytes([1, 2, 3]), "2": bytes([37, 41, 67])}
    got = api.call("dictionary_get_byte_valid")
    assert got == blobs and all(type(x) is bytes for x in got.values())
    assert api.call("dictionary_put_byte_valid", body=blobs) is None
    decode_error_at(api, "dictionary_get_byte_invalid_null", "/1")
    got = api.call("dictionary_get_base64_url")
    assert got == {"0": b"a string that gets encoded with base64url", "1": b"test string", "2": b"Lorem ipsum"}
