"""custom-baseUrl-more-options.json: x-ms-parameterized-host `{vault}{secret}{dnsSuffix}` without
the scheme prefix (useSchemePrefix: false), so the first parameter brings the scheme; path and
query parameters of the operation after it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from testserver.transport import send

SWAGGER = "custom-baseUrl-more-options.json"

NOT_PASSED: dict[str, str] = {}


def test_host_template_without_scheme_prefix(api: Any) -> None:
    port = urlsplit(api.base_url).port
    request = api.requests.build_paths_get_empty_request(
        vault="http://lo", secret="cal", dns_suffix=f"host:{port}", key_name="key1", subscription_id="test12", key_version="v1"
    )
    assert request.url == f"http://localhost:{port}/customuri/test12/key1?keyVersion=v1"
    assert api.requests.host_url(vault="http://lo", secret="cal", dns_suffix=f"host:{port}") == f"http://localhost:{port}"
    assert api.responses.parse_paths_get_empty_response(*send(request)) is None
