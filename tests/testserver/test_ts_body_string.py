"""body-string.json: string bodies (empty, null, whitespace, multi-byte), enums (inline and
referenced), a model with a single-value enum, and `format: byte` / `base64url` read and
written as `bytes`."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

SWAGGER = "body-string.json"
NOT_PASSED = {}  # every scenario of this file passes

MBCS = (  # CJK compatibility ideographs and private-use characters: escaped, so no editor normalises them
    "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29\u02ca\u301e\u3021\uffe4"
    "\u2121\u3231\u2010\u30fc\ufe61\ufe62\ufe6b\u3001\u3013\u2170\u2179\u2488\u20ac\u3220"
    "\u3229\u2160\u216b\uff01\uffe3\u3041\u3093\u30a1\u30f6\u0391\ufe34\u0410\u042f\u0430"
    "\u044f\u0101\u0261\u3105\u3129\u2500\u254b\ufe35\ufe44\ufe3b\ufe31\ufe33\ufe34\u2170"
    "\u2179\u0251\ue7c7\u0261\u3007\u303e\u2ffb\u2e81\ue843\u4723\ue864\u20ac"
)
WHITESPACE = "    Now is the time for all good men to come to the aid of their country    "


def test_null_and_not_provided(api: Any) -> None:
    assert api.call("string_get_null") is None
    assert api.call("string_get_not_provided") is None
    request = api.requests.build_string_put_null_request()
    assert request.body is None and "Content-Type" not in request.headers
    assert api.call("string_put_null") is None


def test_empty(api: Any) -> None:
    assert api.call("string_get_empty") == ""
    assert api.call("string_put_empty", body="") is None


def test_multi_byte_characters(api: Any) -> None:
    got = api.call("string_get_mbcs")
    assert type(got) is str and got == MBCS
    assert api.call("string_put_mbcs", body=MBCS) is None


def test_whitespace_is_kept(api: Any) -> None:
    assert api.call("string_get_whitespace") == WHITESPACE
    assert api.call("string_put_whitespace", body=WHITESPACE) is None


def test_base64_and_base64url_are_bytes(api: Any) -> None:
    assert api.call("string_get_base64_encoded") == b"a string that gets encoded with base64"
    got = api.call("string_get_base64_url_encoded")
    assert type(got) is bytes and got == b"a string that gets encoded with base64url"
    request = api.requests.build_string_put_base64_url_encoded_request(body=got)
    assert request.body == b'"YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw"'  # no padding
    assert api.call("string_put_base64_url_encoded", body=got) is None
    assert api.call("string_get_null_base64_url_encoded") is None


def test_bytes_are_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_string_get_base64_url_encoded_response).return_annotation == "bytes | None"
    assert inspect.signature(api.requests.build_string_put_base64_url_encoded_request).parameters["body"].annotation == "bytes"
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_string_put_base64_url_encoded_request(body="YQ")


def test_enum_not_expandable(api: Any) -> None:
    colors = api.models.Colors
    assert api.call("enum_get_not_expandable") is colors.RED_COLOR
    assert api.call("enum_put_not_expandable", body=colors.RED_COLOR) is None
    assert api.call("enum_put_not_expandable", body="red color") is None
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_enum_put_not_expandable_request(body="not a colour")


def test_enum_referenced(api: Any) -> None:
    colors = api.models.RefColors
    assert api.call("enum_get_referenced") is colors.RED_COLOR
    assert api.call("enum_put_referenced", body=colors.RED_COLOR) is None
    assert api.call("enum_put_referenced", body="red color") is None


def test_enum_referenced_constant(api: Any) -> None:
    body = api.models.RefColorConstant(color_constant=api.models.ColorConstant.GREEN_COLOR)
    assert api.call("enum_put_referenced_constant", body=body) is None
    # The service leaves out the required (single-value) ColorConstant: the model says so.
    with pytest.raises(api.package.DecodeError, match="ColorConstant"):
        api.call("enum_get_referenced_constant")
