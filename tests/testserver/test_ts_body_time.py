"""body-time.json: `format: time` read and written as `datetime.time`."""

from __future__ import annotations

import inspect
from datetime import time
from typing import Any

import pytest

SWAGGER = "body-time.json"
NOT_PASSED = {}  # every scenario of this file passes


def test_get_and_put(api: Any) -> None:
    got = api.call("time_get")
    assert type(got) is time and got == time(11, 34, 56)
    assert api.requests.build_time_put_request(body=time(8, 7, 56)).body == b'"08:07:56"'
    assert api.call("time_put", body=time(8, 7, 56)) == "Nice job posting time"


def test_typed(api: Any) -> None:
    assert inspect.signature(api.responses.parse_time_get_response).return_annotation == "time | None"
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_time_put_request(body="08:07:56")
