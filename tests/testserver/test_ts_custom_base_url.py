"""custom-baseUrl.json: x-ms-parameterized-host `{accountName}{host}` with the scheme prefixed
(the spec names no scheme: http, as AutoRest takes it); both parameters are sent as given
(x-ms-skip-url-encoding)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from testserver.transport import send

SWAGGER = "custom-baseUrl.json"

NOT_PASSED: dict[str, str] = {}


def test_account_name_and_host_make_the_base_url(api: Any) -> None:
    port = urlsplit(api.base_url).port
    request = api.requests.build_paths_get_empty_request(account_name="local", host=f"host:{port}")
    assert (request.method, request.url) == ("GET", f"http://localhost:{port}/customuri")
    assert api.requests.host_url(account_name="local", host=f"host:{port}") == f"http://localhost:{port}"
    assert api.responses.parse_paths_get_empty_response(*send(request)) is None


def test_host_parameters_are_required_and_checked(api: Any) -> None:
    build = api.requests.build_paths_get_empty_request
    with pytest.raises(api.requests.ParameterError, match="account_name"):
        build(account_name=None, host="host:3000")
    with pytest.raises(api.requests.ParameterError, match="account_name"):
        build(account_name="local#", host="host:3000")  # would cut the URL short
