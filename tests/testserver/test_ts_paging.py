"""paging.json: every x-ms-pageable variant, walked the way a user walks pages with the generated
helpers (the README's loop): parse a page, take `items_<operation>(page)`, and GET
`next_link_<operation>(page)` with `follow_link` (or call the next operation's builder when the
spec names one) until there is no next link.

nextLinkName (renamed, `odata.nextLink`, null, empty), itemName (default, x-ms-client-name),
operationName (a next operation with or without the link), fragments and relative links, retried
pages (the session retries 500s as azure-core does), failures, a pageable LRO, and the
api-version a next link must carry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from testserver.loops import walk_pages
from testserver.session import Session

SWAGGER = "paging.json"

NOT_PASSED: dict[str, str] = {}

@pytest.fixture
def session() -> Session:
    return Session()


def walk(api: Any, session: Session, name: str, request: Any, *, follow: Callable[[str], Any] | None = None, next_name: str | None = None) -> list[Any]:
    """`walk_pages`, following next links with `follow_link` unless told otherwise."""
    follow = follow or (lambda link: api.requests.follow_link(link, base_url=api.base_url))
    return walk_pages(api, session, name, request, follow=follow, next_name=next_name)


def assert_products(api: Any, items: list[Any], ids: list[int], name: str | None = None) -> None:
    assert all(type(item) is api.models.Product for item in items)
    assert [item.properties.id for item in items] == ids
    if name is not None:
        assert {item.properties.name for item in items} == {name}


def test_single_pages(api: Any, session: Session) -> None:
    rq = api.requests
    assert_products(api, walk(api, session, "paging_get_single_pages", rq.build_paging_get_single_pages_request(base_url=api.base_url)), [1], "Product")
    body = api.models.BodyParam(name="body")
    items = walk(api, session, "paging_get_single_pages_with_body_params", rq.build_paging_get_single_pages_with_body_params_request(body=body, base_url=api.base_url))
    assert_products(api, items, [1], "Product")


def test_item_name_defaults_to_value(api: Any, session: Session) -> None:
    request = api.requests.build_paging_get_no_item_name_pages_request(base_url=api.base_url)
    assert_products(api, walk(api, session, "paging_get_no_item_name_pages", request), [1], "Product")


def test_item_name_with_a_client_name(api: Any, session: Session) -> None:
    request = api.requests.build_paging_get_paging_model_with_item_name_with_xms_client_name_request(base_url=api.base_url)
    page = api.responses.parse_paging_get_paging_model_with_item_name_with_xms_client_name_response(*session.send(request))
    assert type(page) is api.models.ProductResultValueWithXMSClientName
    items = api.responses.items_paging_get_paging_model_with_item_name_with_xms_client_name(page)
    assert items == page.indexes and len(items) == 1  # the field is `indexes`, the wire name `values`


def test_next_link_name_null_means_one_page(api: Any, session: Session) -> None:
    request = api.requests.build_paging_get_null_next_link_name_pages_request(base_url=api.base_url)
    assert_products(api, walk(api, session, "paging_get_null_next_link_name_pages", request), [1], "Product")
    assert len(session.sent) == 1  # the body's nextLink (a 404) is not a next link for this operation


def test_empty_next_link_ends(api: Any, session: Session) -> None:
    request = api.requests.build_paging_get_empty_next_link_name_pages_request(base_url=api.base_url)
    assert_products(api, walk(api, session, "paging_get_empty_next_link_name_pages", request), [1], "Product")


def test_first_page_empty_then_a_relative_link(api: Any, session: Session) -> None:
    request = api.requests.build_paging_first_response_empty_request(base_url=api.base_url)
    assert_products(api, walk(api, session, "paging_first_response_empty", request), [1], "Product")
    assert session.sent[-1] == ("GET", api.base_url + "/paging/firstResponseEmpty/2")


def test_multiple_pages(api: Any, session: Session) -> None:
    request = api.requests.build_paging_get_multiple_pages_request(base_url=api.base_url)
    assert_products(api, walk(api, session, "paging_get_multiple_pages", request), list(range(1, 11)))
    assert len(session.sent) == 10


def test_multiple_pages_odata_next_link(api: Any, session: Session) -> None:
    request = api.requests.build_paging_get_odata_multiple_pages_request(base_url=api.base_url)
    assert_products(api, walk(api, session, "paging_get_odata_multiple_pages", request), list(range(1, 11)))


def test_multiple_pages_with_offset(api: Any, session: Session) -> None:
    options = api.requests.PagingGetMultiplePagesWithOffsetOptions(offset=100)  # x-ms-parameter-grouping
    request = api.requests.build_paging_get_multiple_pages_with_offset_request(paging_get_multiple_pages_with_offset_options=options, base_url=api.base_url)
    items = walk(api, session, "paging_get_multiple_pages_with_offset", request)
    assert len(items) == 10 and items[-1].properties.id == 110


def test_retried_pages(api: Any, session: Session) -> None:
    rq = api.requests
    items = walk(api, session, "paging_get_multiple_pages_retry_first", rq.build_paging_get_multiple_pages_retry_first_request(base_url=api.base_url))
    assert len(items) == 10
    assert session.sent[0] == session.sent[1]  # 500, then the same request again
    items = walk(api, session, "paging_get_multiple_pages_retry_second", rq.build_paging_get_multiple_pages_retry_second_request(base_url=api.base_url))
    assert len(items) == 10


def test_failures(api: Any, session: Session) -> None:
    rq, rs = api.requests, api.responses
    with pytest.raises(rs.HttpResponseError) as info:
        walk(api, session, "paging_get_single_pages_failure", rq.build_paging_get_single_pages_failure_request(base_url=api.base_url))
    assert info.value.status_code == 400
    with pytest.raises(rs.HttpResponseError) as info:
        walk(api, session, "paging_get_multiple_pages_failure", rq.build_paging_get_multiple_pages_failure_request(base_url=api.base_url))
    assert info.value.status_code == 400 and session.sent[-1][1].endswith("/paging/multiple/failure/page/2")


def test_failure_uri(api: Any, session: Session) -> None:
    # The next link "*&*#&$" is relative: followed on the base URL, its fragment left out, it is
    # a page that does not exist.
    with pytest.raises(api.responses.HttpResponseError) as info:
        walk(api, session, "paging_get_multiple_pages_failure_uri", api.requests.build_paging_get_multiple_pages_failure_uri_request(base_url=api.base_url))
    assert info.value.status_code == 404
    assert session.sent[-1] == ("GET", api.base_url + "/*&*")


def test_next_operation_with_query_params(api: Any, session: Session) -> None:
    rq = api.requests
    request = rq.build_paging_get_with_query_params_request(required_query_parameter=100, base_url=api.base_url)
    items = walk(
        api,
        session,
        "paging_get_with_query_params",
        request,
        follow=lambda link: rq.build_paging_next_operation_with_query_params_request(base_url=api.base_url),
        next_name="paging_next_operation_with_query_params",
    )
    assert_products(api, items, [1, 2], "Product")
    assert session.sent[-1] == ("GET", api.base_url + "/paging/multiple/nextOperationWithQueryParams?queryConstant=true")


@pytest.mark.parametrize(("name", "next_name", "grouped"), [("get_multiple_pages_fragment_next_link", "next_fragment", False), ("get_multiple_pages_fragment_with_grouping_next_link", "next_fragment_with_grouping", True)])
def test_fragment_next_links_through_the_next_operation(api: Any, session: Session, name: str, next_name: str, grouped: bool) -> None:
    rq = api.requests
    where: dict[str, Any] = {"api_version_": "1.6", "tenant": "test_user"}
    if grouped:  # x-ms-parameter-grouping: the two parameters travel as one object
        where = {"custom_parameter_group": rq.CustomParameterGroup(**where)}
    first = getattr(rq, f"build_paging_{name}_request")(**where, base_url=api.base_url)
    build_next = getattr(rq, f"build_paging_{next_name}_request")
    items = walk(
        api,
        session,
        f"paging_{name}",
        first,
        follow=lambda link: build_next(next_link=link, **where, base_url=api.base_url),
        next_name=f"paging_{next_name}",
    )
    assert_products(api, items, list(range(1, 11)))
    # The link is "next?page=10", sent as given (x-ms-skip-url-encoding), the query joined to it.
    assert session.sent[-1][1].endswith("/test_user/next?page=10&api_version=1.6")


def test_duplicate_params_follow_the_link_as_given(api: Any, session: Session) -> None:
    request = api.requests.build_paging_duplicate_params_request(filter="foo", base_url=api.base_url)
    assert_products(api, walk(api, session, "paging_duplicate_params", request), [1], "Product")
    assert session.sent[-1][1].endswith("/paging/multiple/duplicateParams/2?%24filter=serviceReturned&%24skiptoken=bar")


@pytest.mark.parametrize("name", ["append_api_version", "replace_api_version"])
def test_next_links_carry_the_api_version(api: Any, session: Session, name: str) -> None:
    rq = api.requests
    request = getattr(rq, f"build_paging_{name}_request")(base_url=api.base_url)
    follow = lambda link: rq.follow_link(link, base_url=api.base_url, api_version=rq.API_VERSION)
    assert_products(api, walk(api, session, f"paging_{name}", request, follow=follow), [1], "Product")
    query = session.sent[-1][1].split("?", 1)[1].split("&")
    assert [q for q in query if q.lower().startswith("api-version=")] == ["api-version=1.0.0"]


def test_max_page_size_is_not_sent_unless_given(api: Any, session: Session) -> None:
    request = api.requests.build_paging_page_with_max_page_size_request(base_url=api.base_url)
    assert walk(api, session, "paging_page_with_max_page_size", request) == []
    assert "maxpagesize" not in session.sent[0][1]


def test_pageable_long_running_operation(api: Any, session: Session) -> None:
    rq, rs = api.requests, api.responses
    request = rq.build_paging_get_multiple_pages_lro_request(base_url=api.base_url)
    answer = session.send(request)
    poll = rs.lro_poll_info("Paging_GetMultiplePagesLRO", answer.headers, request_url=request.url, status_code=answer.status, body=answer.body)
    while not poll.done:
        answer = session.send(rq.follow_link(poll.status_url, base_url=api.base_url))
        poll = rs.lro_poll_update(poll, *answer)
    assert poll.final_url == api.base_url + "/paging/multiple"  # a POST's result is at its Location
    # The operation's result is its first page; every page reads the same way.
    items: list[Any] = []
    link: str | None = poll.final_url
    while link is not None:
        page = rs.lro_result_paging_get_multiple_pages_lro(*session.send(rq.follow_link(link, base_url=api.base_url)))
        assert type(page) is api.models.ProductResult
        items += rs.items_paging_get_multiple_pages_lro(page)
        link = rs.next_link_paging_get_multiple_pages_lro(page)
    assert_products(api, items, list(range(1, 11)))
