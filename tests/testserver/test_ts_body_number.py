"""body-number.json: float and double bodies, and `format: decimal` read and written as
`decimal.Decimal` with the digits of the wire text."""

from __future__ import annotations

import inspect
from decimal import Decimal
from typing import Any

import pytest

SWAGGER = "body-number.json"
NOT_PASSED = {}  # every scenario of this file passes


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("big_float", 3.402823e20),
        ("small_float", 3.402823e-20),
        ("big_double", 2.5976931e101),
        ("small_double", 2.5976931e-101),
        ("big_double_positive_decimal", 99999999.99),
        ("big_double_negative_decimal", -99999999.99),
    ],
)
def test_floats_and_doubles(api: Any, name: str, value: float) -> None:
    assert api.call(f"number_put_{name}", body=value) is None
    got = api.call(f"number_get_{name}")
    assert type(got) is float and got == value


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("big_decimal", "2.5976931e+101"),
        ("small_decimal", "2.5976931e-101"),
        ("big_decimal_positive_decimal", "99999999.99"),
        ("big_decimal_negative_decimal", "-99999999.99"),
    ],
)
def test_decimals_keep_their_digits(api: Any, name: str, text: str) -> None:
    got = api.call(f"number_get_{name}")
    assert type(got) is Decimal and got == Decimal(text) and got.as_tuple() == Decimal(text).as_tuple()
    assert api.call(f"number_put_{name}", body=Decimal(text)) is None
    sent = api.requests.build_number_put_big_decimal_request(body=Decimal(text)).body
    assert Decimal(sent.decode()).as_tuple() == Decimal(text).as_tuple()


def test_decimals_are_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_number_get_big_decimal_response).return_annotation == "Decimal | None"
    assert inspect.signature(api.requests.build_number_put_big_decimal_request).parameters["body"].annotation == "Decimal"
    for bad in (Decimal("NaN"), Decimal("Infinity"), 1.5):
        with pytest.raises(api.requests.ParameterError, match="body"):
            api.requests.build_number_put_big_decimal_request(body=bad)


def test_null_and_invalid(api: Any) -> None:
    assert api.call("number_get_null") is None
    for operation in ("number_get_invalid_float", "number_get_invalid_double", "number_get_invalid_decimal"):
        with pytest.raises(api.package.DecodeError):
            api.call(operation)
