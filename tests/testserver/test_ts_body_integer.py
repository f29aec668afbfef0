"""body-integer.json: int32/int64 bodies, out-of-range values, and `format: unixtime` (an integer
count of seconds on the wire, a UTC `datetime` in Python)."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

SWAGGER = "body-integer.json"
NOT_PASSED = {}  # every scenario of this file passes


def test_put_max_and_min(api: Any) -> None:
    assert api.call("int_put_max32", body=2**31 - 1) is None
    assert api.call("int_put_min32", body=-(2**31)) is None
    assert api.call("int_put_max64", body=2**63 - 1) is None
    assert api.call("int_put_min64", body=-(2**63)) is None


def test_get_null_and_invalid(api: Any) -> None:
    assert api.call("int_get_null") is None
    with pytest.raises(api.package.DecodeError):
        api.call("int_get_invalid")


def test_values_out_of_the_formats_range_are_read_as_they_are(api: Any) -> None:
    # Ranges are the validators' job (the schema says int32/int64); the parser keeps the value.
    for operation, expected in (
        ("int_get_overflow_int32", 2147483656),
        ("int_get_underflow_int32", -2147483656),
        ("int_get_overflow_int64", 9223372036854775910),
        ("int_get_underflow_int64", -9223372036854775910),
    ):
        got = api.call(operation)
        assert type(got) is int and got == expected, operation


def test_unixtime_reads_and_writes_a_utc_datetime(api: Any) -> None:
    got = api.call("int_get_unix_time")
    assert got == datetime(2016, 4, 13, tzinfo=UTC)
    assert got.utcoffset() == timedelta(0)
    assert api.call("int_put_unix_time_date", body=datetime(2016, 4, 13, tzinfo=UTC)) is None
    # The same instant at another offset is the same count of seconds.
    noon_in_tokyo = datetime(2016, 4, 13, 9, tzinfo=timezone(timedelta(hours=9)))
    request = api.requests.build_int_put_unix_time_date_request(body=noon_in_tokyo)
    assert request.body == b"1460505600"


def test_unixtime_null_and_invalid(api: Any) -> None:
    assert api.call("int_get_null_unix_time") is None
    with pytest.raises(api.package.DecodeError):
        api.call("int_get_invalid_unix_time")


def test_unixtime_is_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_int_get_unix_time_response).return_annotation == "datetime | None"
    assert inspect.signature(api.requests.build_int_put_unix_time_date_request).parameters["body"].annotation == "datetime"
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_int_put_unix_time_date_request(body=1460505600)
