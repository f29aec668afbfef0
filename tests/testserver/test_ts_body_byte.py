"""body-byte.json: `format: byte` (base64) read and written as `bytes`."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

SWAGGER = "body-byte.json"
NOT_PASSED = {}  # every scenario of this file passes
NON_ASCII = bytes([255, 254, 253, 252, 251, 250, 249, 248, 247, 246])


def test_non_ascii(api: Any) -> None:
    got = api.call("byte_get_non_ascii")
    assert type(got) is bytes and got == NON_ASCII
    assert api.requests.build_byte_put_non_ascii_request(body=NON_ASCII).body == b'"//79/Pv6+fj39g=="'
    assert api.call("byte_put_non_ascii", body=NON_ASCII) is None


def test_empty_null_invalid(api: Any) -> None:
    assert api.call("byte_get_empty") == b""
    assert api.call("byte_get_null") is None
    with pytest.raises(api.package.DecodeError, match="base64"):
        api.call("byte_get_invalid")


def test_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_byte_get_non_ascii_response).return_annotation == "bytes | None"
    assert inspect.signature(api.requests.build_byte_put_non_ascii_request).parameters["body"].annotation == "bytes"
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_byte_put_non_ascii_request(body="//79/Pv6+fj39g==")
