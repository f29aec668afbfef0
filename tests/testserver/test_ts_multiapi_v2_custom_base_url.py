"""multiapi-v2-custom-base-url.json: x-ms-parameterized-host `{Endpoint}/multiapiCustomBaseUrl/v2`
(a path in the host template, no scheme prefix), api-version 2.0.0."""

from __future__ import annotations

from typing import Any

from testserver.transport import send

SWAGGER = "multiapi-v2-custom-base-url.json"

NOT_PASSED: dict[str, str] = {}


def test_host_template_with_a_path(api: Any) -> None:
    request = api.requests.build_test_request(endpoint=api.base_url, id=2)
    assert request.url == api.base_url + "/multiapiCustomBaseUrl/v2/test?id=2&api-version=2.0.0"
    assert api.requests.host_url(endpoint=api.base_url) == api.base_url + "/multiapiCustomBaseUrl/v2"
    assert api.responses.parse_test_response(*send(request)) is None
