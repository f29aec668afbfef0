"""object-type.json: `type: object` with no properties, in and out, and as the error model."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "object-type.json"

NOT_PASSED = {}


def test_get(api: Any) -> None:
    got = api.call("get")
    assert type(got) is api.models.Object
    assert got.to_dict() == {"message": "An object was successfully returned"}


def test_put(api: Any) -> None:
    assert api.call("put", body={"foo": "bar"}) is None


def test_put_refused(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("put", body={"should": "fail"})
    error = caught.value
    assert error.status_code == 400
    assert type(error.error) is api.models.Object
    assert error.error.to_dict() == {"message": "The object you passed was incorrect"}
    assert error.message == "The object you passed was incorrect"
