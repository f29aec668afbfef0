"""multiapi-v0.json: api-version 0.0.0, which the server's multi-API routes do not serve."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "multiapi-v0.json"

NOT_PASSED: dict[str, str] = {}


def test_an_api_version_the_server_refuses(api: Any) -> None:
    request = api.requests.build_operation_group_one_test_two_request(base_url=api.base_url)
    assert request.url.endswith("/multiapi/one/testTwoEndpoint?api-version=0.0.0")
    with pytest.raises(api.responses.HttpResponseError) as info:
        api.responses.parse_operation_group_one_test_two_response(*api.send("operation_group_one_test_two"))
    assert info.value.status_code == 400
    assert type(info.value.error) is api.models.Error and "0.0.0" in (info.value.error.message or "")
