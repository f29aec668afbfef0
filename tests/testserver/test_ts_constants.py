"""constants.json: single-value enums as parameters (constants: sent by default), closed and
extensible enums, x-ms-client-default, client parameters."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "constants.json"

NOT_PASSED: dict[str, str] = {}


def test_client_constants_in_path_query_and_header(api: Any) -> None:
    assert api.call("contants_put_client_constants") is None
    request = api.requests.build_contants_put_client_constants_request(base_url="http://h")
    assert request.url == "http://h/constants/clientConstants/path?query-constant=100"
    assert request.headers["header-constant"] == "true"


def _query(api: Any, operation: str, **arguments: Any) -> str:
    return getattr(api.requests, f"build_{operation}_request")(base_url="http://h", **arguments).url.partition("?")[2]


def test_required_single_value_enums_are_constants(api: Any) -> None:
    for variant in ("no_model_as_string", "model_as_string"):
        for default in ("default", "no_default"):
            assert _query(api, f"contants_put_{variant}_required_one_value_{default}") == "input=value1"


def test_x_ms_client_default_is_the_keyword_default(api: Any) -> None:
    for variant in ("no_model_as_string", "model_as_string"):
        assert _query(api, f"contants_put_{variant}_required_two_value_default") == "input=value1"
        assert _query(api, f"contants_put_{variant}_no_required_two_value_default") == "input=value1"
        assert _query(api, f"contants_put_{variant}_no_required_two_value_default", input=None) == ""
        assert _query(api, f"contants_put_{variant}_no_required_two_value_no_default") == ""
        with pytest.raises(TypeError):
            _query(api, f"contants_put_{variant}_required_two_value_no_default")  # required, no default


def test_closed_and_extensible_enums(api: Any) -> None:
    enum = api.models.NoModelAsStringRequiredTwoValueNoDefaultOpEnum
    assert _query(api, "contants_put_no_model_as_string_required_two_value_no_default", input=enum.VALUE2) == "input=value2"
    with pytest.raises(api.requests.ParameterError, match="one of"):
        _query(api, "contants_put_no_model_as_string_required_two_value_no_default", input="value3")
    assert _query(api, "contants_put_model_as_string_required_two_value_no_default", input="value3") == "input=value3"
    assert _query(api, "contants_put_model_as_string_required_one_value_no_default", input="value3") == "input=value3"
