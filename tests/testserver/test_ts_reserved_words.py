"""reserved-words.json: wire names that are Python keywords or builder keywords (`url`,
`headers`...), non-JSON bodies (bytes, form data), multi query arrays, an extensible enum header."""

from __future__ import annotations

from typing import Any

SWAGGER = "reserved-words.json"

NOT_PASSED: dict[str, str] = {}


def test_query_parameter(api: Any) -> None:
    assert api.call("import_operation_one", parameter1="foo") is None


def test_a_json_body_named_json(api: Any) -> None:
    assert api.call("operation_with_json_param", body={"hello": "world"}) is None


def test_a_binary_body_named_content(api: Any) -> None:
    assert api.call("operation_with_content_param", body=b"hello, world") is None


def test_form_data_named_data(api: Any) -> None:
    assert api.call("operation_with_data_param", data="hello", world="world") is None


def test_form_data_named_files(api: Any) -> None:
    assert api.call("operation_with_files_param", files=b"bytes", file_name="my.txt") is None


def test_names_that_clash_with_the_builders_own(api: Any) -> None:
    assert api.call("operation_with_url", url="foo", header_parameters="x-ms-header", query_parameters=["one", "two"]) is None
    assert api.call("reserved_enum", enum_parameter=api.models.MyEnum.IMPORT) is None
