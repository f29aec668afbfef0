"""body-datetime.json: `format: date-time` (RFC 3339) read as aware `datetime`s and written
back; a value read keeps its exact text (Azure's 7 fraction digits)."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

SWAGGER = "body-datetime.json"
NOT_PASSED = {}  # every scenario of this file passes
PLUS_14 = timezone(timedelta(hours=14))
MINUS_14 = timezone(timedelta(hours=-14))


def test_utc_max(api: Any) -> None:
    expected = datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=UTC)
    assert api.call("datetime_get_utc_lowercase_max_date_time") == expected
    assert api.call("datetime_get_utc_uppercase_max_date_time") == expected
    assert api.call("datetime_put_utc_max_date_time", body=expected) is None


def test_utc_max_with_seven_fraction_digits_round_trips(api: Any) -> None:
    got = api.call("datetime_get_utc_uppercase_max_date_time7_digits")
    assert got == datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    request = api.requests.build_datetime_put_utc_max_date_time7_digits_request(body=got)
    assert request.body == b'"9999-12-31T23:59:59.9999999Z"'
    assert api.call("datetime_put_utc_max_date_time7_digits", body=got) is None


def test_utc_min(api: Any) -> None:
    expected = datetime(1, 1, 1, tzinfo=UTC)
    assert api.call("datetime_get_utc_min_date_time") == expected
    assert api.call("datetime_put_utc_min_date_time", body=expected) is None


def test_local_offsets_are_kept(api: Any) -> None:
    for case in ("lowercase", "uppercase"):
        got = api.call(f"datetime_get_local_positive_offset_{case}_max_date_time")
        assert got == datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=PLUS_14) and got.utcoffset() == timedelta(hours=14)
        # Year 10000 in UTC: still a datetime at its own offset.
        got = api.call(f"datetime_get_local_negative_offset_{case}_max_date_time")
        assert got.utcoffset() == timedelta(hours=-14) and (got.year, got.microsecond) == (9999, 999000)
    assert api.call("datetime_get_local_positive_offset_min_date_time") == datetime(1, 1, 1, tzinfo=PLUS_14)
    assert api.call("datetime_get_local_negative_offset_min_date_time") == datetime(1, 1, 1, tzinfo=MINUS_14)


def test_put_local_offsets(api: Any) -> None:
    assert api.call("datetime_put_local_positive_offset_max_date_time", body=datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=PLUS_14)) is None
    assert api.call("datetime_put_local_negative_offset_max_date_time", body=datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=MINUS_14)) is None
    assert api.call("datetime_put_local_positive_offset_min_date_time", body=datetime(1, 1, 1, tzinfo=PLUS_14)) is None
    assert api.call("datetime_put_local_negative_offset_min_date_time", body=datetime(1, 1, 1, tzinfo=MINUS_14)) is None


def test_no_offset_is_not_rfc3339(api: Any) -> None:
    # RFC 3339 requires an offset; the models refuse what the validators refuse.
    with pytest.raises(api.package.DecodeError, match="RFC 3339"):
        api.call("datetime_get_local_no_offset_min_date_time")


def test_null_invalid_overflow_underflow(api: Any) -> None:
    assert api.call("datetime_get_null") is None
    with pytest.raises(api.package.DecodeError, match="RFC 3339"):
        api.call("datetime_get_invalid")
    with pytest.raises(api.package.DecodeError, match="RFC 3339"):
        api.call("datetime_get_underflow")
    # 9999-12-31T23:59:59.999-14:00 is year 10000 in UTC, but a valid date-time at its offset.
    got = api.call("datetime_get_overflow")
    assert got.utcoffset() == timedelta(hours=-14) and got.year == 9999


def test_datetimes_are_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_datetime_get_null_response).return_annotation == "datetime | None"
    assert inspect.signature(api.requests.build_datetime_put_utc_min_date_time_request).parameters["body"].annotation == "datetime"
