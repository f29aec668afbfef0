"""merge-patch.json: a JSON body sent as application/merge-patch+json."""

from __future__ import annotations

from typing import Any

SWAGGER = "merge-patch.json"

NOT_PASSED = {
    "PassMergePatchObject": "the server checks Content-Length 14, the length of Python's json.dumps default output {\"foo\": \"bar\"}; specgen sends compact JSON, {\"foo\":\"bar\"} (13 bytes)",
}


def test_patch_single_request(api: Any) -> None:
    request = api.requests.build_patch_single_request(body={"foo": "bar"})
    assert (request.method, request.headers["Content-Type"], request.body) == ("PATCH", "application/merge-patch+json", b'{"foo":"bar"}')
