"""subscriptionId-apiVersion.json: an ARM-shaped GET with subscriptionId in the path and the
API's api-version (a global parameter) sent by default."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "subscriptionId-apiVersion.json"

NOT_PASSED: dict[str, str] = {}


def test_get_with_subscription_id_and_api_version(api: Any) -> None:
    assert api.package.API_VERSION == "2014-04-01-preview"
    group = api.call("group_get_sample_resource_group", subscription_id="1234-5678-9012-3456", resource_group_name="testgroup101")
    assert group == api.models.SampleResourceGroup(name="testgroup101", location="West US")


def test_another_api_version_is_sent_as_given(api: Any) -> None:
    request = api.requests.build_group_get_sample_resource_group_request(subscription_id="s", resource_group_name="g", api_version="2020-01-01", base_url="http://h")
    assert request.url == "http://h/subscriptions/s/resourcegroups/g?api-version=2020-01-01"
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("group_get_sample_resource_group", subscription_id="s", resource_group_name="g", api_version="2020-01-01")
    assert caught.value.status_code == 400
