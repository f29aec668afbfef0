"""parameter-flattening.json: the server has no scenario for it; the builder is checked alone.

Its body parameter is not marked x-ms-client-flatten, so it stays one model-or-dict argument;
x-ms-client-name renames a path parameter."""

from __future__ import annotations

import json
from typing import Any

SWAGGER = "parameter-flattening.json"

NOT_PASSED: dict[str, str] = {}


def test_update_request(api: Any) -> None:
    body = api.models.AvailabilitySetUpdateParameters(tags={"tag1": "value1", "tag2": "value3"})
    request = api.requests.build_availability_sets_update_request(resource_group_name="groupName", avset="availabilitySetName", body=body, base_url="http://h")
    assert request.method == "PATCH"
    assert request.url == "http://h/parameterFlattening/groupName/availabilitySetName"
    assert json.loads(request.body) == {"tags": {"tag1": "value1", "tag2": "value3"}}
