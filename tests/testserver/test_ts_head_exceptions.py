"""head-exceptions.json: HEAD operations whose 404 is not declared raise it."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "head-exceptions.json"

NOT_PASSED: dict[str, str] = {}


def test_head_exception(api: Any) -> None:
    assert api.call("head_exception_head200") is True
    assert api.call("head_exception_head204") is True
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("head_exception_head404")
    assert caught.value.status_code == 404 and caught.value.error is None
