"""body-boolean.json: boolean bodies in and out (single-value enums of booleans are booleans)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

SWAGGER = "body-boolean.json"
NOT_PASSED = {}  # every scenario of this file passes


def test_get_true_and_false(api: Any) -> None:
    assert api.call("bool_get_true") is True
    assert api.call("bool_get_false") is False


def test_put_true_and_false(api: Any) -> None:
    assert api.call("bool_put_true", body=True) is None
    assert api.call("bool_put_false", body=False) is None


def test_get_null(api: Any) -> None:
    assert api.call("bool_get_null") is None


def test_get_invalid(api: Any) -> None:
    with pytest.raises(api.package.DecodeError):
        api.call("bool_get_invalid")


def test_parsers_and_builders_are_typed(api: Any) -> None:
    parse = api.responses.parse_bool_get_true_response
    assert inspect.signature(parse).return_annotation == "bool | None"
    build = api.requests.build_bool_put_false_request
    assert inspect.signature(build).parameters["body"].annotation == "bool"


def test_a_body_of_another_type_is_refused_before_sending(api: Any) -> None:
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_bool_put_true_request(body="true")
