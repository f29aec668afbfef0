"""body-formdata.json: `formData` parameters sent as multipart/form-data (a `type: file` part
from bytes or a file-like object), and a file body; the server echoes the file back."""

from __future__ import annotations

import io
from email import message_from_bytes
from email.policy import HTTP
from typing import Any

from testserver.transport import send

SWAGGER = "body-formdata.json"

NOT_PASSED: dict[str, str] = {}


def _parts(request: Any) -> list[Any]:
    """The parts of a multipart request, read back with the standard library's MIME parser."""
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = message_from_bytes(head + request.body, policy=HTTP)
    assert message.is_multipart()
    return list(message.iter_parts())


def test_upload_file(api: Any) -> None:
    answer = api.call("formdata_upload_file", file_content=io.BytesIO(b"Upload file test case"), file_name="UploadFile.txt")
    assert answer == b"Upload file test case"
    assert api.call("formdata_upload_file", file_content=b"Test file", file_name="a.txt") == b"Test file"


def test_upload_file_request(api: Any) -> None:
    request = api.requests.build_formdata_upload_file_request(file_content=b"\x00bytes\r\n--", file_name="name.txt")
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    file_part, name_part = _parts(request)
    assert file_part.get_param("name", header="content-disposition") == "fileContent"
    assert file_part.get_filename() == "fileContent" and file_part.get_content_type() == "application/octet-stream"
    assert file_part.get_payload(decode=True) == b"\x00bytes\r\n--"
    assert name_part.get_param("name", header="content-disposition") == "fileName"
    assert name_part.get_payload(decode=True) == b"name.txt"


def test_upload_files_request(api: Any) -> None:
    # No server route: an array of files is one part per file, all with the parameter's name.
    request = api.requests.build_formdata_upload_files_request(file_content=[b"one", io.BytesIO(b"two")])
    parts = _parts(request)
    assert [p.get_param("name", header="content-disposition") for p in parts] == ["fileContent", "fileContent"]
    assert [p.get_payload(decode=True) for p in parts] == [b"one", b"two"]


def test_upload_file_via_body(api: Any) -> None:
    stream = io.BytesIO(b"Upload file test case")
    request = api.requests.build_formdata_upload_file_via_body_request(body=stream, base_url=api.base_url)
    assert request.body is stream and request.headers["Content-Type"] == "application/octet-stream"
    assert api.responses.parse_formdata_upload_file_via_body_response(*send(request)) == b"Upload file test case"
