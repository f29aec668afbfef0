"""azure-special-properties.json: subscriptionId and api-version, x-ms-skip-url-encoding, OData
query options, x-ms-client-request-id, parameter grouping.

Azure's clients send `x-ms-client-request-id` with every request (azure-core's RequestIdPolicy);
so does this module, through the builders' `headers` argument, as a user of the package would.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

SWAGGER = "azure-special-properties.json"

NOT_PASSED: dict[str, str] = {}

SUBSCRIPTION = "1234-5678-9012-3456"
REQUEST_ID = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"


def _traced(api: Any, operation: str, **arguments: Any) -> Any:
    return api.call(operation, headers={"x-ms-client-request-id": str(uuid.uuid4())}, **arguments)


def test_subscription_id_in_the_path(api: Any) -> None:
    for operation in (
        "subscription_in_credentials_post_method_global_valid",
        "subscription_in_credentials_post_method_global_not_provided_valid",
        "subscription_in_credentials_post_path_global_valid",
        "subscription_in_credentials_post_swagger_global_valid",
        "subscription_in_method_post_method_local_valid",
        "subscription_in_method_post_path_local_valid",
        "subscription_in_method_post_swagger_local_valid",
    ):
        assert _traced(api, operation, subscription_id=SUBSCRIPTION) is None, operation
    for operation in ("subscription_in_credentials_post_method_global_null", "subscription_in_method_post_method_local_null"):
        with pytest.raises(api.requests.ParameterError, match="subscription_id.*is required"):
            _traced(api, operation, subscription_id=None)


def test_api_version(api: Any) -> None:
    assert api.package.API_VERSION == "2015-07-01-preview"
    for operation in (
        "api_version_default_get_method_global_valid",
        "api_version_default_get_method_global_not_provided_valid",
        "api_version_default_get_path_global_valid",
        "api_version_default_get_swagger_global_valid",
        "api_version_local_get_method_local_valid",  # a constant of its own: 2.0
        "api_version_local_get_path_local_valid",
        "api_version_local_get_swagger_local_valid",
    ):
        assert _traced(api, operation) is None, operation
    # x-ms-api-version: false: an ordinary optional parameter, not the API's version.
    assert _traced(api, "api_version_local_get_method_local_null") is None
    request = api.requests.build_api_version_local_get_method_local_null_request(api_version="2.0", base_url="http://h")
    assert request.url.endswith("?api-version=2.0")


def test_skip_url_encoding(api: Any) -> None:
    assert _traced(api, "skip_url_encoding_get_method_path_valid", unencoded_path_param="path1/path2/path3") is None
    assert _traced(api, "skip_url_encoding_get_path_path_valid", unencoded_path_param="path1/path2/path3") is None
    assert _traced(api, "skip_url_encoding_get_swagger_path_valid") is None
    query = "value1&q2=value2&q3=value3"
    assert _traced(api, "skip_url_encoding_get_method_query_valid", q1=query) is None
    assert _traced(api, "skip_url_encoding_get_path_query_valid", q1=query) is None
    assert _traced(api, "skip_url_encoding_get_swagger_query_valid") is None
    assert _traced(api, "skip_url_encoding_get_method_query_null") is None
    assert _traced(api, "skip_url_encoding_get_method_query_null", q1=None) is None
    # The value is sent as given, but it cannot leave the path or end the query.
    with pytest.raises(api.requests.ParameterError):
        api.call("skip_url_encoding_get_method_path_valid", unencoded_path_param="../x")
    with pytest.raises(api.requests.ParameterError):
        api.call("skip_url_encoding_get_method_query_valid", q1="a#b")


def test_odata_query_options(api: Any) -> None:
    assert _traced(api, "odata_get_with_filter", filter="id gt 5 and name eq 'foo'", top=10, orderby="id") is None


def test_client_request_id_from_the_caller(api: Any) -> None:
    assert api.call("x_ms_client_request_id_get", headers={"x-ms-client-request-id": REQUEST_ID}) is None
    assert api.call("x_ms_client_request_id_get") is None  # none sent
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("x_ms_client_request_id_get", headers={"x-ms-client-request-id": str(uuid.uuid4())})
    assert caught.value.status_code == 400
    assert api.call("x_ms_client_request_id_param_get", x_ms_client_request_id=REQUEST_ID) is None


def test_a_custom_named_client_request_id(api: Any) -> None:
    answer = api.send("header_custom_named_request_id", foo_client_request_id=REQUEST_ID)
    assert api.responses.parse_header_custom_named_request_id_response(*answer) is None
    assert api.responses.parse_header_custom_named_request_id_headers(answer.headers).foo_request_id == "123"
    group = api.requests.HeaderCustomNamedRequestIdParamGroupingParameters(foo_client_request_id=REQUEST_ID)
    grouped = api.send("header_custom_named_request_id_param_grouping", header_custom_named_request_id_param_grouping_parameters=group)
    assert api.responses.parse_header_custom_named_request_id_param_grouping_response(*grouped) is None
    assert api.responses.parse_header_custom_named_request_id_param_grouping_headers(grouped.headers).foo_request_id == "123"
    head = api.send("header_custom_named_request_id_head", foo_client_request_id=REQUEST_ID)
    assert head.status == 200
    api.responses.parse_header_custom_named_request_id_head_response(*head)  # raises on an error status
    assert api.responses.parse_header_custom_named_request_id_head_headers(head.headers).foo_request_id == "123"


def test_a_client_request_id_parameter_defaults_to_a_fresh_uuid(api: Any) -> None:
    build = api.requests.build_header_custom_named_request_id_request
    first, second = build(base_url="http://h"), build(base_url="http://h")
    assert uuid.UUID(first.headers["foo-client-request-id"]).version == 4
    assert first.headers["foo-client-request-id"] != second.headers["foo-client-request-id"]
