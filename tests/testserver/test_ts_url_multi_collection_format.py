"""url-multi-collectionFormat.json: `collectionFormat: multi` query arrays (one `name=value` per
item), with x-nullable items."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "url-multi-collectionFormat.json"

NOT_PASSED: dict[str, str] = {}


def test_multi_arrays(api: Any) -> None:
    assert api.call("queries_array_string_multi_null") is None
    assert api.call("queries_array_string_multi_null", array_query=None) is None
    assert api.call("queries_array_string_multi_empty", array_query=[]) is None
    # x-nullable items: None is sent as an empty value.
    assert api.call("queries_array_string_multi_valid", array_query=["ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", None, ""]) is None


def test_multi_builds_one_pair_per_item(api: Any) -> None:
    request = api.requests.build_queries_array_string_multi_valid_request(array_query=["a b", None, "c&d"], base_url="http://h")
    assert request.url == "http://h/queries/array/multi/string/valid?arrayQuery=a%20b&arrayQuery=&arrayQuery=c%26d"
    empty = api.requests.build_queries_array_string_multi_empty_request(array_query=[], base_url="http://h")
    assert empty.url == "http://h/queries/array/multi/string/empty"
    with pytest.raises(api.requests.ParameterError, match="array_query"):
        api.requests.build_queries_array_string_multi_empty_request(array_query=["a", None])  # items not x-nullable here
