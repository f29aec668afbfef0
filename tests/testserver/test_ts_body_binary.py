"""body-binary.json: binary request bodies (bytes or a file-like object, sent as they are, in
the media type the operation consumes) and an error answered to a binary download."""

from __future__ import annotations

import io
from typing import Any

import pytest

SWAGGER = "body-binary.json"

NOT_PASSED: dict[str, str] = {}


def test_upload_file_as_json(api: Any) -> None:
    request = api.requests.build_upload_file_request(body=b'{"more": "cowbell"}')
    assert (request.headers["Content-Type"], request.body) == ("application/json", b'{"more": "cowbell"}')
    assert api.call("upload_file", body=b'{"more": "cowbell"}') is None


def test_upload_binary(api: Any) -> None:
    stream = io.BytesIO(b"Hello, world!")
    request = api.requests.build_upload_binary_request(body=stream)
    assert request.body is stream and request.headers["Content-Type"] == "application/octet-stream"
    assert api.call("upload_binary", body=io.BytesIO(b"Hello, world!")) is None
    assert api.call("upload_binary", body=bytearray(b"Hello, world!")) is None


def test_binary_body_type_is_checked(api: Any) -> None:
    with pytest.raises(api.requests.ParameterError, match="body"):
        api.requests.build_upload_binary_request(body="text")


def test_error_stream(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call("download_error_stream")
    error = caught.value
    assert error.status_code == 400
    assert type(error.error) is api.models.Error and (error.error.status, error.error.message) == (400, "I failed on purpose")
