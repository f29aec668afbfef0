"""lro-parameterized-endpoints.json: long-running operations under x-ms-parameterized-host whose
Location is relative to the host (followed on `host_url(...)`), one with a constant path
parameter."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from testserver.loops import run_lro
from testserver.session import Session

SWAGGER = "lro-parameterized-endpoints.json"

NOT_PASSED: dict[str, str] = {}


@pytest.fixture
def host(api: Any) -> dict[str, str]:
    return {"account_name": "local", "host": f"host:{urlsplit(api.base_url).port}"}


@pytest.mark.parametrize(
    ("operation", "name", "path"),
    [
        ("pollWithParameterizedEndpoints", "poll_with_parameterized_endpoints", "/lroParameterizedEndpoints/results/1"),
        ("pollWithConstantParameterizedEndpoints", "poll_with_constant_parameterized_endpoints", "/lroConstantParameterizedEndpoints/iAmConstant/results/1"),
    ],
)
def test_relative_location_on_the_parameterized_host(api: Any, host: dict[str, str], operation: str, name: str, path: str) -> None:
    rq, session, polls = api.requests, Session(), []
    base_url = rq.host_url(**host)
    request = getattr(rq, f"build_{name}_request")(**host)
    assert request.url.startswith(base_url + "/lro")
    assert run_lro(api, session, operation, request, base_url=base_url, polls=polls) == "success"
    assert polls[0].status_url == path  # as the service sent it: relative
    assert session.sent[-1] == ("GET", base_url + path)
