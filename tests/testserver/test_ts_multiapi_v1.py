"""multiapi-v1.json: api-version 1.0.0 of the multi-API service: its own operations, an LRO, an
LRO whose result is a page (both answered with string ids where the spec says int32)."""

from __future__ import annotations

from typing import Any

import pytest

from testserver.loops import run_lro
from testserver.session import Session

SWAGGER = "multiapi-v1.json"

NOT_PASSED = {
    "MultiapiDifferentCallsApiVersionOne": "the server never counts it (its route checks the call but does not increment the scenario)",
}


def test_operations_send_their_api_version(api: Any) -> None:
    assert api.call("test_one", id=1) is None
    assert api.call("operation_group_one_test_two") is None
    request = api.requests.build_test_one_request(id=1, message="hi", base_url=api.base_url)
    assert request.url.endswith("/multiapi/testOneEndpoint?id=1&api-version=1.0.0&message=hi")


def test_different_calls_with_the_headers_of_this_version(api: Any) -> None:
    request = api.requests.build_test_different_calls_request(greeting_in_english="hello", base_url=api.base_url)
    assert request.headers["greetingInEnglish"] == "hello"
    assert api.call("test_different_calls", greeting_in_english="hello") is None


def test_lro_done_at_once(api: Any) -> None:
    # Product.id is an int32; the server answers {"id": "100"}: the result is refused where.
    request = api.requests.build_test_lro_request(body=api.models.Product(id=1), base_url=api.base_url)
    with pytest.raises(api.package.DecodeError, match="^/id: expected integer"):
        run_lro(api, Session(), "testLRO", request, base_url=api.base_url)


def test_lro_whose_result_is_a_page(api: Any) -> None:
    request = api.requests.build_test_lro_and_paging_request(base_url=api.base_url)
    with pytest.raises(api.package.DecodeError, match="^/values/0/id: expected integer"):
        run_lro(api, Session(), "testLROAndPaging", request, base_url=api.base_url)
    page = api.responses.lro_result_test_lro_and_paging(200, {}, b'{"values": [{"id": 100}]}')
    assert type(page) is api.models.PagingResult
    assert [item.id for item in api.responses.items_test_lro_and_paging(page)] == [100]
    assert api.responses.next_link_test_lro_and_paging(page) is None


def test_errors_carry_the_error_model(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as info:
        api.call("test_different_calls", greeting_in_english="bonjour")
    assert info.value.status_code == 400 and type(info.value.error) is api.models.Error
