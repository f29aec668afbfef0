"""security-key.json: an API key in the `security-key` header. Credentials are the caller's: the
key goes in with `to_urllib(extra_headers=...)`, the README's route for an Authorization header."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

import pytest

SWAGGER = "security-key.json"

NOT_PASSED: dict[str, str] = {}

KEY = {"security-key": "123456789"}  # what the test server expects


def urlopen(request: Any) -> tuple[int, Any, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def test_api_key_header_added_by_the_caller(api: Any) -> None:
    request = api.requests.build_head_request(base_url=api.base_url)
    prepared = request.to_urllib(extra_headers=KEY)
    assert "security-key" not in {k.lower() for k in request.headers}  # added to the copy only
    assert api.responses.parse_head_response(*urlopen(prepared)) is True  # HEAD answers whether it found it


def test_without_the_key_the_server_refuses(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError):
        api.responses.parse_head_response(*urlopen(api.requests.build_head_request(base_url=api.base_url).to_urllib()))
