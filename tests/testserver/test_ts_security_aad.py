"""security-aad.json: an OAuth2 (AAD) security definition. Credentials are the caller's: the
token goes in through the builder's `headers=` (or `to_urllib(extra_headers=...)`)."""

from __future__ import annotations

from typing import Any

import pytest

from testserver.transport import send

SWAGGER = "security-aad.json"

NOT_PASSED: dict[str, str] = {}

TOKEN = "Bearer https://security.microsoft.com/.default"  # what the test server expects


def test_bearer_token_in_the_authorization_header(api: Any) -> None:
    request = api.requests.build_head_request(base_url=api.base_url, headers={"Authorization": TOKEN})
    assert "security.microsoft.com" not in repr(request)  # a credential never shows
    assert api.responses.parse_head_response(*send(request)) is True  # HEAD answers whether it found it


def test_without_the_token_the_server_refuses(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as info:
        api.responses.parse_head_response(*send(api.requests.build_head_request(base_url=api.base_url)))
    assert info.value.status_code >= 400
