"""multiapi-v3.json: api-version 3.0.0 of the multi-API service; its pages ask for the
api-version on the next link too (`follow_link(..., api_version=...)`)."""

from __future__ import annotations

from typing import Any

import pytest

from testserver.loops import walk_pages
from testserver.session import Session

SWAGGER = "multiapi-v3.json"

NOT_PASSED = {
    "MultiapiDifferentCallsApiVersionThree": "the server never counts it (its route checks the call but does not increment the scenario)",
    "MultiapiPostTestFourApiVersionThreePDF": "the server never counts it (its route checks the PDF body but does not increment the scenario)",
}


def test_model_three(api: Any) -> None:
    model = api.call("operation_group_one_test_two")
    assert type(model) is api.models.ModelThree and model.optional_property == "This was called with api-version 3.0.0"


def test_operation_groups(api: Any) -> None:
    assert api.call("operation_group_two_test_five") is None
    request = api.requests.build_operation_group_two_test_four_request(body=api.models.SourcePath(source="http://example.org/a.pdf"), base_url=api.base_url)
    assert request.headers["Content-Type"] == "application/json" and request.body == b'{"source":"http://example.org/a.pdf"}'
    assert api.call("operation_group_two_test_four", body=api.models.SourcePath(source="http://example.org/a.pdf")) is None


def test_different_calls_with_the_headers_of_this_version(api: Any) -> None:
    assert api.call("test_different_calls", greeting_in_english="hello", greeting_in_chinese="nihao", greeting_in_french="bonjour") is None


@pytest.mark.parametrize("name", ["test_paging", "operation_group_one_test_operation_group_paging"])
def test_next_pages_carry_the_api_version(api: Any, name: str) -> None:
    rq, session = api.requests, Session()
    first = getattr(rq, f"build_{name}_request")(base_url=api.base_url)
    items = walk_pages(api, session, name, first, follow=lambda link: rq.follow_link(link, base_url=api.base_url, api_version=rq.API_VERSION))
    assert [item.optional_property for item in items] == ["paged", "paged"]
    assert session.sent[-1][1].endswith("/paging/2?api-version=3.0.0")
