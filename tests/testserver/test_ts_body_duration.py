"""body-duration.json: `format: duration` (ISO 8601) read as `datetime.timedelta` and written
back in ISO 8601; a value read keeps its exact text."""

from __future__ import annotations

import inspect
from datetime import timedelta
from typing import Any

import pytest

SWAGGER = "body-duration.json"
NOT_PASSED = {}  # every scenario of this file passes


def test_positive_duration(api: Any) -> None:
    got = api.call("duration_get_positive_duration")  # P3Y6M4DT12H30M5S
    # Years and months have no fixed length: read as .NET's XmlConvert reads them (365 and 30 days).
    assert got == timedelta(days=3 * 365 + 6 * 30 + 4, hours=12, minutes=30, seconds=5)
    put = timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)
    request = api.requests.build_duration_put_positive_duration_request(body=put)
    assert request.body == b'"P123DT22H14M12.011S"'
    assert api.call("duration_put_positive_duration", body=put) is None


def test_null_and_invalid(api: Any) -> None:
    assert api.call("duration_get_null") is None
    with pytest.raises(api.package.DecodeError, match="duration"):
        api.call("duration_get_invalid")


def test_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_duration_get_null_response).return_annotation == "timedelta | None"
    assert inspect.signature(api.requests.build_duration_put_positive_duration_request).parameters["body"].annotation == "timedelta"
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_duration_put_positive_duration_request(body="P1D")
