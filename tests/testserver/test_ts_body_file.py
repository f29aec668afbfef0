"""body-file.json: `type: file` responses come back as bytes, or as the stream the transport gave."""

from __future__ import annotations

from typing import Any

from testserver.transport import send

SWAGGER = "body-file.json"

NOT_PASSED: dict[str, str] = {}


def test_get_file(api: Any, testserver: Any) -> None:
    data = api.call("files_get_file")
    assert type(data) is bytes
    assert data == (testserver.folder / "legacy" / "routes" / "sample.png").read_bytes()
    assert api.requests.build_files_get_file_request().headers["Accept"] == "image/png, application/json"


def test_get_empty_file(api: Any) -> None:
    assert api.call("files_get_empty_file") == b""


def test_get_very_large_file_as_a_stream(api: Any) -> None:
    answer = send(api.requests.build_files_get_file_large_request(base_url=api.base_url), stream=True, timeout=120)
    with api.responses.parse_files_get_file_large_response(*answer) as stream:
        assert stream is answer.body  # not read: the caller reads it in blocks
        total = 0
        while block := stream.read(1 << 20):
            total += len(block)
    assert total == 3000 * 1024 * 1024
