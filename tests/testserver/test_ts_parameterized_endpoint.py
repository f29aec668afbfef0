"""parameterized-endpoint.json: x-ms-parameterized-host `{endpoint}` (useSchemePrefix: false):
the whole base URL is the builder's `endpoint` argument."""

from __future__ import annotations

from typing import Any

import pytest

from testserver.transport import send

SWAGGER = "parameterized-endpoint.json"

NOT_PASSED: dict[str, str] = {}


def test_endpoint_is_the_base_url(api: Any) -> None:
    request = api.requests.build_get_request(endpoint=api.base_url)
    assert request.url == api.base_url + "/parameterizedEndpoint/get"
    assert api.requests.host_url(endpoint=api.base_url + "/") == api.base_url
    assert api.responses.parse_get_response(*send(request)) is None


def test_endpoint_must_be_an_http_url(api: Any) -> None:
    for bad in ("localhost:3000", "ftp://localhost", ""):
        with pytest.raises(api.requests.ParameterError, match="endpoint"):
            api.requests.build_get_request(endpoint=bad)
