"""required-optional.json: optional parameters left out when None (path, query, header, body,
global parameters), required ones refused when None, before anything is sent."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "required-optional.json"

NOT_PASSED: dict[str, str] = {}


def test_optional_values_left_out(api: Any) -> None:
    assert api.call("implicit_put_optional_query", query_parameter=None) is None
    assert api.call("implicit_put_optional_header", query_parameter=None) is None
    assert api.call("implicit_put_optional_body", body=None) is None
    assert api.call("implicit_get_optional_global_query") is None
    for kind in ("integer", "string", "class", "array"):
        assert api.call(f"explicit_post_optional_{kind}_parameter", body=None) is None
        assert api.call(f"explicit_post_optional_{kind}_property", body=None) is None
    for kind in ("integer", "string", "array"):
        assert api.call(f"explicit_post_optional_{kind}_header") is None
    request = api.requests.build_implicit_put_optional_body_request(base_url="http://h")
    assert request.body is None and "Content-Type" not in request.headers


def test_optional_models_with_their_optional_field_left_out(api: Any) -> None:
    assert api.call("explicit_post_optional_integer_property", body=api.models.IntOptionalWrapper()) is None
    assert api.call("explicit_post_optional_string_property", body={}) is None


def test_optional_binary_bodies_left_out(api: Any) -> None:
    assert api.call("implicit_put_optional_binary_body") is None
    assert api.call("explicit_put_optional_binary_body") is None


def test_binary_bodies(api: Any) -> None:
    assert api.call("explicit_put_required_binary_body", body=b"Upload file test case") is None
    request = api.requests.build_explicit_put_required_binary_body_request(body=b"\x00\xff", base_url="http://h")
    assert request.body == b"\x00\xff" and request.headers["Content-Type"] == "application/octet-stream"


def test_required_values_may_not_be_none(api: Any) -> None:
    cases = [
        ("implicit_get_required_path", {"path_parameter": None}),
        ("implicit_get_required_global_path", {"required_global_path": None}),
        ("implicit_get_required_global_query", {"required_global_query": None}),
    ]
    for kind in ("integer", "string", "class", "array"):
        cases += [(f"explicit_post_required_{kind}_parameter", {"body": None}), (f"explicit_post_required_{kind}_property", {"body": None})]
    for kind in ("integer", "string", "array"):
        cases.append((f"explicit_post_required_{kind}_header", {"header_parameter": None}))
    for operation, arguments in cases:
        with pytest.raises(api.requests.ParameterError, match="is required"):
            api.call(operation, **arguments)
    with pytest.raises(api.requests.ParameterError, match="value"):
        api.call("explicit_post_required_integer_property", body={})  # its required field
    with pytest.raises(TypeError):
        api.requests.build_implicit_get_required_path_request()  # a required keyword
