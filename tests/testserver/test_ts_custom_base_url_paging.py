"""custom-baseUrl-paging.json: pages under x-ms-parameterized-host, with next links relative to
the host (followed on `host_url(...)`) or a path fragment handed to the next operation."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from testserver.loops import walk_pages
from testserver.session import Session

SWAGGER = "custom-baseUrl-paging.json"

NOT_PASSED: dict[str, str] = {}


@pytest.fixture
def host(api: Any) -> dict[str, str]:
    return {"account_name": "local", "host": f"host:{urlsplit(api.base_url).port}"}


def test_partial_next_link_is_relative_to_the_host(api: Any, host: dict[str, str]) -> None:
    rq, session = api.requests, Session()
    base_url = rq.host_url(**host)
    items = walk_pages(
        api, session, "paging_get_pages_partial_url", rq.build_paging_get_pages_partial_url_request(**host), follow=lambda link: rq.follow_link(link, base_url=base_url)
    )
    assert [item.properties.id for item in items] == [1, 2]
    assert session.sent[-1] == ("GET", base_url + "/paging/customurl/partialnextlink/page/2")


def test_partial_next_link_through_the_next_operation(api: Any, host: dict[str, str]) -> None:
    rq, session = api.requests, Session()
    items = walk_pages(
        api,
        session,
        "paging_get_pages_partial_url_operation",
        rq.build_paging_get_pages_partial_url_operation_request(**host),
        follow=lambda link: rq.build_paging_get_pages_partial_url_operation_next_request(next_link=link, **host),
        next_name="paging_get_pages_partial_url_operation_next",
    )
    assert [item.properties.id for item in items] == [1, 2]
    assert session.sent[-1][1] == rq.host_url(**host) + "/paging/customurl/partialnextlinkop/page/2"
