"""url.json: path and query parameters of every type, path items and global parameters.

Every value goes through the generated builder (its encoding, its checks) and the answer through
the generated parser; the server checks what arrives. Required parameters given None, and
values the spec's types refuse, raise `ParameterError` before anything is sent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

SWAGGER = "url.json"

NOT_PASSED: dict[str, str] = {}

MULTIBYTE = "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29"  # CJK compatibility ideographs: escaped, as NFC would change them
URL_TEXT = "begin!*'();:@ &=+$,/?#[]end"


def test_path_constants_of_every_primitive_type(api: Any) -> None:
    for operation in (
        "paths_get_boolean_true",
        "paths_get_boolean_false",
        "paths_get_int_one_million",
        "paths_get_int_negative_one_million",
        "paths_get_ten_billion",
        "paths_get_negative_ten_billion",
        "paths_float_scientific_positive",
        "paths_float_scientific_negative",
        "paths_double_decimal_positive",
        "paths_double_decimal_negative",
        "paths_string_unicode",
        "paths_string_url_encoded",
        "paths_string_url_non_encoded",
        "paths_string_empty",
        "paths_byte_empty",
        "paths_date_valid",
        "paths_date_time_valid",
    ):
        assert api.call(operation) is None, operation


def test_path_constants_are_keywords_with_their_value_as_default(api: Any) -> None:
    assert api.call("paths_get_boolean_true", bool_path=True) is None
    with pytest.raises(api.requests.ParameterError, match="bool_path"):
        api.call("paths_get_boolean_true", bool_path=False)
    with pytest.raises(api.requests.ParameterError, match="must be one of"):
        api.call("paths_string_empty", string_path="x")


def test_an_empty_constant_is_an_empty_path_segment(api: Any) -> None:
    request = api.requests.build_paths_string_empty_request(base_url="http://h")
    assert request.url == "http://h/paths/string/empty/"


def test_path_enum(api: Any) -> None:
    colors = api.models.UriColor
    assert api.call("paths_enum_valid", enum_path=colors.GREEN_COLOR) is None
    assert api.call("paths_enum_valid", enum_path="green color") is None


def test_path_bytes(api: Any) -> None:
    assert api.call("paths_byte_multi_byte", byte_path=MULTIBYTE.encode()) is None
    assert api.call("paths_base64_url", base64_url_path=b"lorem") is None


def test_path_unix_time(api: Any) -> None:
    assert api.call("paths_unix_time_url", unix_time_url_path=datetime(2016, 4, 13, tzinfo=UTC)) is None


def test_path_array(api: Any) -> None:
    # Items are not x-nullable: the null item of the scenario is sent as the empty text it becomes.
    assert api.call("paths_array_csv_in_path", array_path=["ArrayPath1", URL_TEXT, "", ""]) is None


def test_required_path_values_may_not_be_none(api: Any) -> None:
    for operation, keyword in (
        ("paths_string_null", "string_path"),
        ("paths_enum_null", "enum_path"),
        ("paths_byte_null", "byte_path"),
        ("paths_date_null", "date_path"),
        ("paths_date_time_null", "date_time_path"),
    ):
        with pytest.raises(api.requests.ParameterError, match="is required"):
            api.call(operation, **{keyword: None})
    with pytest.raises(api.requests.ParameterError, match="one of"):
        api.call("paths_enum_valid", enum_path="purple")
    with pytest.raises(api.requests.ParameterError, match="array_path"):
        api.call("paths_array_csv_in_path", array_path=["a", None])


def test_query_constants_of_every_primitive_type(api: Any) -> None:
    for operation in (
        "queries_get_boolean_true",
        "queries_get_boolean_false",
        "queries_get_int_one_million",
        "queries_get_int_negative_one_million",
        "queries_get_ten_billion",
        "queries_get_negative_ten_billion",
        "queries_float_scientific_positive",
        "queries_float_scientific_negative",
        "queries_double_decimal_positive",
        "queries_double_decimal_negative",
        "queries_string_unicode",
        "queries_string_url_encoded",
        "queries_string_empty",
        "queries_byte_empty",
        "queries_date_valid",
        "queries_date_time_valid",
    ):
        assert api.call(operation) is None, operation


def test_optional_queries_left_out(api: Any) -> None:
    for operation in (
        "queries_get_boolean_null",
        "queries_get_int_null",
        "queries_get_long_null",
        "queries_float_null",
        "queries_double_null",
        "queries_string_null",
        "queries_enum_null",
        "queries_byte_null",
        "queries_date_null",
        "queries_date_time_null",
        "queries_array_string_csv_null",
    ):
        assert api.call(operation) is None, operation
    request = api.requests.build_queries_get_int_null_request(int_query=None, base_url="http://h")
    assert request.url == "http://h/queries/int/null"


def test_query_enum(api: Any) -> None:
    assert api.call("queries_enum_valid", enum_query=api.models.UriColor.GREEN_COLOR) is None


def test_query_typed_values(api: Any) -> None:
    assert api.call("queries_byte_multi_byte", byte_query=MULTIBYTE.encode()) is None
    typed = api.requests.build_queries_date_valid_request(date_query=date(2012, 1, 1), base_url="http://h")
    assert typed.url == "http://h/queries/date/2012-01-01?dateQuery=2012-01-01"


def test_query_arrays_in_every_collection_format(api: Any) -> None:
    items = ["ArrayQuery1", URL_TEXT, "", ""]
    assert api.call("queries_array_string_csv_empty", array_query=[]) is None
    assert api.call("queries_array_string_csv_valid", array_query=items) is None
    assert api.call("queries_array_string_ssv_valid", array_query=items) is None
    assert api.call("queries_array_string_tsv_valid", array_query=items) is None
    assert api.call("queries_array_string_pipes_valid", array_query=items) is None
    no_format = ["hello", "nihao", "bonjour"]
    assert api.call("queries_array_string_no_collection_format_empty", array_query=no_format) is None
    request = api.requests.build_queries_array_string_pipes_valid_request(array_query=["a|b", "c"], base_url="http://h")
    assert request.url == "http://h/queries/array/pipes/string/valid?arrayQuery=a%7Cb%7Cc"


def test_path_items_and_global_parameters(api: Any) -> None:
    path = {
        "global_string_path": "globalStringPath",
        "path_item_string_path": "pathItemStringPath",
        "local_string_path": "localStringPath",
    }
    assert (
        api.call(
            "path_items_get_all_with_values",
            **path,
            global_string_query="globalStringQuery",
            path_item_string_query="pathItemStringQuery",
            local_string_query="localStringQuery",
        )
        is None
    )
    assert (
        api.call(
            "path_items_get_global_query_null",
            **path,
            path_item_string_query="pathItemStringQuery",
            local_string_query="localStringQuery",
        )
        is None
    )
    assert api.call("path_items_get_global_and_local_query_null", **path, path_item_string_query="pathItemStringQuery") is None
    assert api.call("path_items_get_local_path_item_query_null", **path, global_string_query="globalStringQuery") is None


def test_an_undeclared_status_raises_with_the_error_model(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("paths_enum_valid", enum_path="red color")
    assert caught.value.status_code == 400
