"""multiapi-v2.json: api-version 2.0.0 of the multi-API service."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "multiapi-v2.json"

NOT_PASSED = {
    "MultiapiDifferentCallsApiVersionTwo": "the server never counts it (its route checks the call but does not increment the scenario)",
}


def test_model_two_is_refused_where_the_server_breaks_its_spec(api: Any) -> None:
    # ModelTwo.id is an int32; the server sends "1", a string: the parser says so, where.
    with pytest.raises(api.package.DecodeError, match="/id"):
        api.call("test_one", id=1)
    with pytest.raises(api.package.DecodeError, match="/id"):
        api.call("operation_group_one_test_two")
    assert api.models.ModelTwo.from_dict({"id": 1, "message": "This was called with api-version 2.0.0"}).id == 1


def test_operation_groups(api: Any) -> None:
    assert api.call("operation_group_one_test_three") is None
    request = api.requests.build_operation_group_two_test_four_request(parameter_one=True, base_url=api.base_url)
    assert request.url.endswith("/multiapi/two/testFourEndpoint?parameterOne=true&api-version=2.0.0")
    assert api.call("operation_group_two_test_four", parameter_one=True) is None


def test_different_calls_with_the_headers_of_this_version(api: Any) -> None:
    assert api.call("test_different_calls", greeting_in_english="hello", greeting_in_chinese="nihao") is None
