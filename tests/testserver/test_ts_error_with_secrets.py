"""error-with-secrets.json: an error whose body carries secrets is raised with its code and message."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "error-with-secrets.json"

NOT_PASSED = {
    "RequestWithSecrets": "the server expects a query parameter `key` and a JSON body `{key}` that the Swagger file does not declare (autorest.python's test adds them through its builders' generic params=/json= arguments); specgen's builders send what the spec declares (and take extra headers, which covers the SharedKey Authorization header)",
}


def test_error_with_secrets(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("get_error_with_secrets")
    error = caught.value
    assert error.status_code == 403
    assert (error.code, error.message) == ("Unauthorized", "The user 'user@contoso.com' is unauthorized.")
    assert "The user 'user@contoso.com' is unauthorized." in str(error)
    # The body breaks the spec's ErrorResponse (details[0].innererror is a string, not an
    # InnerError), so there is no model; the code and message above come from the raw body.
    assert error.error is None


def test_create_secret_request(api: Any) -> None:
    request = api.requests.build_create_secret_request(headers={"Authorization": "SharedKey k"})
    assert (request.method, request.url) == ("POST", "http://localhost:3000/secrets/:create")
    assert request.headers["Authorization"] == "SharedKey k" and "***" in repr(request)
