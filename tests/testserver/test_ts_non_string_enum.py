"""non-string-enum.json: integer and number enums (x-ms-enum, extensible) as bodies."""

from __future__ import annotations

from typing import Any

SWAGGER = "non-string-enum.json"

NOT_PASSED = {}


def test_int_enum(api: Any) -> None:
    int_enum = api.models.IntEnum
    assert api.call("int_put", body=int_enum.V200) == "Nice job posting an int enum"
    got = api.call("int_get")
    assert got is int_enum.V429 and got == 429


def test_float_enum(api: Any) -> None:
    float_enum = api.models.FloatEnum
    assert api.call("float_put", body=float_enum.V200_4) == "Nice job posting a float enum"
    got = api.call("float_get")
    assert got is float_enum.V429_1 and got.value == 429.1


def test_values_not_listed_are_kept(api: Any) -> None:
    # modelAsString: the enums are extensible; the request carries the plain value
    request = api.requests.build_int_put_request(body=201)
    assert request.body == b"201"
    request = api.requests.build_float_put_request(body=1.5)
    assert request.body == b"1.5"
    assert api.responses.parse_int_get_response(200, {}, b"201") == 201
