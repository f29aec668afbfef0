"""azure-parameter-grouping.json: x-ms-parameter-grouping.

Grouped parameters are fields of a generated class in `requests` (named by the group's `name`, else
`<OperationId><postfix or "Parameters">`), passed to the builder as one keyword argument; a group
with a required member is itself required.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

SWAGGER = "azure-parameter-grouping.json"

NOT_PASSED: dict[str, str] = {}


def test_required_parameters_grouped(api: Any) -> None:
    group = api.requests.ParameterGroupingPostRequiredParameters
    full = group(body=1234, path="path", custom_header="header", query=21)
    assert api.call("parameter_grouping_post_required", parameter_grouping_post_required_parameters=full) is None
    some = group(body=1234, path="path")
    assert api.call("parameter_grouping_post_required", parameter_grouping_post_required_parameters=some) is None
    with pytest.raises(api.requests.ParameterError, match="body.*is required"):
        api.call("parameter_grouping_post_required", parameter_grouping_post_required_parameters=group(body=None, path="path"))
    with pytest.raises(api.requests.ParameterError, match="parameter_grouping_post_required_parameters.*is required"):
        api.call("parameter_grouping_post_required", parameter_grouping_post_required_parameters=None)
    with pytest.raises(TypeError):
        group(path="path")  # body is a required field


def test_optional_parameters_grouped(api: Any) -> None:
    group = api.requests.ParameterGroupingPostOptionalParameters(custom_header="header", query=21)
    assert api.call("parameter_grouping_post_optional", parameter_grouping_post_optional_parameters=group) is None
    assert api.call("parameter_grouping_post_optional") is None
    request = api.requests.build_parameter_grouping_post_optional_request(base_url="http://h")
    assert request.url == "http://h/parameterGrouping/postOptional"  # the spec's default (30) is not invented


def test_several_groups_and_a_shared_one(api: Any) -> None:
    first = api.requests.FirstParameterGroup(header_one="header", query_one=21)
    second = api.requests.ParameterGroupingPostMultiParamGroupsSecondParamGroup(header_two="header2", query_two=42)
    assert api.call("parameter_grouping_post_multi_param_groups", first_parameter_group=first, parameter_grouping_post_multi_param_groups_second_param_group=second) is None
    only_some = api.requests.FirstParameterGroup(header_one="header")
    assert api.call("parameter_grouping_post_shared_parameter_group_object", first_parameter_group=only_some) is None
    assert dataclasses.is_dataclass(only_some) and dataclasses.replace(only_some, query_one=21).query_one == 21


def test_reserved_words_and_constants_in_a_group(api: Any) -> None:
    words = api.requests.ParameterGroupingPostReservedWordsParameters(from_="bob", accept="yes")
    assert api.call("parameter_grouping_post_reserved_words", parameter_grouping_post_reserved_words_parameters=words) is None
    grouper = api.requests.Grouper(grouped_constant="foo", grouped_parameter="bar")
    assert api.call("parameter_grouping_group_with_constant", grouper=grouper) is None
    with pytest.raises(api.requests.ParameterError, match="one of"):
        api.call("parameter_grouping_group_with_constant", grouper=api.requests.Grouper(grouped_constant="bar"))
