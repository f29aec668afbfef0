"""head.json: HEAD operations answer a boolean: True for a declared 2xx, False for a declared 404."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "head.json"

NOT_PASSED: dict[str, str] = {}


def test_head(api: Any) -> None:
    assert api.call("http_success_head200") is True
    assert api.call("http_success_head204") is True
    assert api.call("http_success_head404") is False


def test_head_sends_no_body(api: Any) -> None:
    request = api.requests.build_http_success_head200_request(base_url=api.base_url)
    assert (request.method, request.body) == ("HEAD", None)


def test_undeclared_status_raises(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.responses.parse_http_success_head200_response(500, {}, b"")
    assert caught.value.status_code == 500 and caught.value.error is None
