"""body-datetime-rfc1123.json: `format: date-time-rfc1123` (`Fri, 31 Dec 9999 23:59:59 GMT`)
read as a UTC `datetime` and written in RFC 1123's form."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

SWAGGER = "body-datetime-rfc1123.json"
NOT_PASSED = {}  # every scenario of this file passes


def test_max_in_either_case(api: Any) -> None:
    expected = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    for case in ("lowercase", "uppercase"):
        got = api.call(f"datetimerfc1123_get_utc_{case}_max_date_time")
        assert got == expected and got.utcoffset() == timedelta(0)
    request = api.requests.build_datetimerfc1123_put_utc_max_date_time_request(body=expected)
    assert request.body == b'"Fri, 31 Dec 9999 23:59:59 GMT"'
    assert api.call("datetimerfc1123_put_utc_max_date_time", body=expected) is None


def test_min(api: Any) -> None:
    assert api.call("datetimerfc1123_get_utc_min_date_time") == datetime(1, 1, 1, tzinfo=UTC)
    assert api.call("datetimerfc1123_put_utc_min_date_time", body=datetime(1, 1, 1, tzinfo=UTC)) is None


def test_other_offsets_are_written_in_gmt(api: Any) -> None:
    paris = datetime(2000, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    request = api.requests.build_datetimerfc1123_put_utc_min_date_time_request(body=paris)
    assert request.body == b'"Sat, 01 Jan 2000 00:00:00 GMT"'


def test_null_invalid_overflow_underflow(api: Any) -> None:
    assert api.call("datetimerfc1123_get_null") is None
    for operation in ("datetimerfc1123_get_invalid", "datetimerfc1123_get_overflow", "datetimerfc1123_get_underflow"):
        with pytest.raises(api.package.DecodeError, match="RFC 1123"):
            api.call(operation)


def test_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_datetimerfc1123_get_null_response).return_annotation == "datetime | None"
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_datetimerfc1123_put_utc_max_date_time_request(body="Fri, 31 Dec 9999 23:59:59 GMT")
