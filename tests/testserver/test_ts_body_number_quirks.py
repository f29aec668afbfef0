"""body-number.quirks.json: the routes of body-number.json, with fewer enums."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

SWAGGER = "body-number.quirks.json"
NOT_PASSED = {}  # the scenarios are body-number.json's (same routes)


def test_floats_and_doubles(api: Any) -> None:
    for name, value in (("big_float", 3.402823e20), ("small_double", 2.5976931e-101), ("big_double_negative_decimal", -99999999.99)):
        assert api.call(f"number_put_{name}", body=value) is None
        assert api.call(f"number_get_{name}") == value


def test_decimals(api: Any) -> None:
    assert api.call("number_put_small_decimal", body=Decimal("2.5976931e-101")) is None
    got = api.call("number_get_small_decimal")
    assert type(got) is Decimal and got == Decimal("2.5976931e-101")


def test_null_and_invalid(api: Any) -> None:
    assert api.call("number_get_null") is None
    with pytest.raises(api.package.DecodeError):
        api.call("number_get_invalid_double")
