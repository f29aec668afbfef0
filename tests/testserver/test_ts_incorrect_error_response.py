"""incorrect-error-response.json: an error body that is not the declared error model (HTML)
still raises `HttpResponseError`, without a model."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "incorrect-error-response.json"

NOT_PASSED: dict[str, str] = {}


def test_unreadable_error_body(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("get_incorrect_error_from_server")
    error = caught.value
    assert (error.status_code, error.error, error.body) == (444, None, b"foobar")
    assert error.headers["Content-Type"].startswith("text/html")
