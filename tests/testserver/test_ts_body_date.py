"""body-date.json: `format: date` read and written as `datetime.date` (RFC 3339 full-date)."""

from __future__ import annotations

import inspect
from datetime import date, datetime
from typing import Any

import pytest

SWAGGER = "body-date.json"
NOT_PASSED = {}  # every scenario of this file passes


def test_max_and_min(api: Any) -> None:
    got = api.call("date_get_max_date")
    assert type(got) is date and got == date(9999, 12, 31)
    assert api.call("date_get_min_date") == date(1, 1, 1)
    assert api.call("date_put_max_date", body=date(9999, 12, 31)) is None
    assert api.call("date_put_min_date", body=date(1, 1, 1)) is None


def test_null(api: Any) -> None:
    assert api.call("date_get_null") is None


@pytest.mark.parametrize("operation", ["date_get_invalid_date", "date_get_overflow_date", "date_get_underflow_date"])
def test_invalid_overflow_and_underflow_are_decode_errors(api: Any, operation: str) -> None:
    with pytest.raises(api.package.DecodeError, match="date"):
        api.call(operation)


def test_dates_are_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_date_get_max_date_response).return_annotation == "date | None"
    assert inspect.signature(api.requests.build_date_put_max_date_request).parameters["body"].annotation == "date"
    # A datetime is a date in Python, but not the value a date body takes.
    for bad in ("9999-12-31", datetime(2000, 1, 1)):
        with pytest.raises(api.requests.ParameterError, match="body"):
            api.requests.build_date_put_max_date_request(body=bad)
