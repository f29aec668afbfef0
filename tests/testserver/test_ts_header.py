"""header.json: request headers of every type, and response headers read into typed values.

A parser returns the body; `parse_<operation>_headers(headers)` returns the operation's declared
response headers as a typed, frozen object (None for a header the response did not send).
"""

from __future__ import annotations

import base64
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

SWAGGER = "header.json"

NOT_PASSED: dict[str, str] = {}

MULTIBYTE = "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29"  # CJK compatibility ideographs: escaped, as NFC would change them
DURATION = timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)


def _headers(api: Any, operation: str, **arguments: Any) -> Any:
    """Send `operation`, parse its (bodyless) answer, and return its typed response headers."""
    answer = api.send(operation, **arguments)
    assert getattr(api.responses, f"parse_{operation}_response")(*answer) is None
    return getattr(api.responses, f"parse_{operation}_headers")(answer.headers)


def _each(api: Any, calls: list[tuple[str, dict[str, Any]]]) -> None:
    for operation, arguments in calls:
        assert api.call(operation, **arguments) is None, (operation, arguments)


def test_request_headers_of_json_types(api: Any) -> None:
    _each(api, [
        ("header_param_existing_key", {"user_agent": "overwrite"}),
        ("header_param_integer", {"scenario": "positive", "value": 1}),
        ("header_param_integer", {"scenario": "negative", "value": -2}),
        ("header_param_long", {"scenario": "positive", "value": 105}),
        ("header_param_long", {"scenario": "negative", "value": -2}),
        ("header_param_float", {"scenario": "positive", "value": 0.07}),
        ("header_param_float", {"scenario": "negative", "value": -3.0}),
        ("header_param_double", {"scenario": "positive", "value": 7e120}),
        ("header_param_double", {"scenario": "negative", "value": -3.0}),
        ("header_param_bool", {"scenario": "true", "value": True}),
        ("header_param_bool", {"scenario": "false", "value": False}),
        ("header_param_string", {"scenario": "valid", "value": "The quick brown fox jumps over the lazy dog"}),
        ("header_param_string", {"scenario": "null", "value": None}),
        ("header_param_string", {"scenario": "empty", "value": ""}),
        ("header_param_enum", {"scenario": "valid", "value": api.models.GreyscaleColors.GREY}),
        ("header_param_enum", {"scenario": "valid", "value": "GREY"}),
        ("header_param_enum", {"scenario": "null", "value": None}),
        ("header_param_protected_key", {"content_type": "text/html"}),
    ])


def test_request_headers_of_date_types(api: Any) -> None:
    _each(api, [
        ("header_param_date", {"scenario": "valid", "value": date(2010, 1, 1)}),
        ("header_param_date", {"scenario": "min", "value": date.min}),
        ("header_param_datetime", {"scenario": "valid", "value": datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)}),
        ("header_param_datetime", {"scenario": "min", "value": datetime.min.replace(tzinfo=UTC)}),
        ("header_param_datetime_rfc1123", {"scenario": "valid", "value": datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)}),
        ("header_param_datetime_rfc1123", {"scenario": "min", "value": datetime.min.replace(tzinfo=UTC)}),
    ])


def test_request_headers_of_duration_and_bytes(api: Any) -> None:
    _each(api, [
        ("header_param_duration", {"scenario": "valid", "value": DURATION}),
        ("header_param_byte", {"scenario": "valid", "value": MULTIBYTE.encode()}),
    ])


def test_a_request_header_value_is_checked(api: Any) -> None:
    with pytest.raises(api.requests.ParameterError, match="value"):
        api.call("header_param_integer", scenario="positive", value="1")
    with pytest.raises(api.requests.ParameterError, match="line breaks"):
        api.call("header_param_string", scenario="valid", value="a\r\nX-Injected: 1")
    with pytest.raises(api.requests.ParameterError, match="one of"):
        api.call("header_param_enum", scenario="valid", value="PURPLE")


def _value(api: Any, operation: str, scenario: str) -> Any:
    return _headers(api, operation, scenario=scenario).value


def test_response_headers_of_json_types(api: Any) -> None:
    def value(operation: str, scenario: str) -> Any:
        return _value(api, operation, scenario)

    assert value("header_response_integer", "positive") == 1
    assert value("header_response_integer", "negative") == -2
    assert value("header_response_long", "positive") == 105
    assert value("header_response_long", "negative") == -2
    assert value("header_response_float", "positive") == pytest.approx(0.07)
    assert value("header_response_float", "negative") == -3.0
    assert value("header_response_double", "positive") == 7e120
    assert value("header_response_double", "negative") == -3.0
    assert value("header_response_bool", "true") is True
    assert value("header_response_bool", "false") is False
    assert value("header_response_string", "valid") == "The quick brown fox jumps over the lazy dog"
    assert value("header_response_string", "null") == "null"  # the server sends the text "null"
    assert value("header_response_string", "empty") == ""
    assert value("header_response_enum", "valid") is api.models.GreyscaleColors.GREY
    assert value("header_response_enum", "null") is None  # an empty header: no value
    assert value("header_response_datetime", "valid") == datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)
    assert value("header_response_datetime", "min") == datetime(1, 1, 1, tzinfo=UTC)


def test_response_headers_of_other_formats(api: Any) -> None:
    def value(operation: str, scenario: str) -> Any:
        return _value(api, operation, scenario)

    assert value("header_response_date", "valid") == date(2010, 1, 1)
    assert value("header_response_date", "min") == date(1, 1, 1)
    assert value("header_response_datetime_rfc1123", "valid") == datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)
    assert value("header_response_datetime_rfc1123", "min") == datetime(1, 1, 1, tzinfo=UTC)
    assert value("header_response_duration", "valid") == DURATION
    assert value("header_response_byte", "valid") == MULTIBYTE.encode()


def test_response_headers_with_names_a_transport_also_uses(api: Any) -> None:
    assert _headers(api, "header_response_existing_key").user_agent == "overwrite"
    assert _headers(api, "header_response_protected_key").content_type == "text/html; charset=utf-8"


def test_reading_response_headers_without_a_server(api: Any) -> None:
    read = api.responses.parse_header_response_integer_headers
    assert read({"VALUE": "7"}).value == 7  # names are compared case-insensitively
    assert read({}).value is None
    assert read(None).value is None
    with pytest.raises(api.package.DecodeError, match="value"):
        read({"value": "seven"})


def test_reading_a_byte_header_without_a_server(api: Any) -> None:
    assert api.responses.parse_header_response_byte_headers({"value": base64.b64encode(b"\x00\xff").decode()}).value == b"\x00\xff"


def test_custom_request_id(api: Any) -> None:
    request_id = {"x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"}
    assert api.call("header_custom_request_id", headers=request_id) is None
