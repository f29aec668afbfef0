"""media_types.json: request bodies of several media types. An operation that consumes several
takes a `content_type` keyword (one of its `consumes`; JSON when there is one, else the first
that fits the body's schema); the body is encoded as that type says: JSON, text, or raw bytes (a
binary schema is raw bytes whatever the type). Responses are read as the operation produces them."""

from __future__ import annotations

import io
from typing import Any

import pytest

SWAGGER = "media_types.json"

NOT_PASSED: dict[str, str] = {}


def test_analyze_json_and_pdf(api: Any) -> None:
    assert api.call("analyze_body", body={"source": "foo"}) == "Nice job with JSON"
    assert api.call("analyze_body", body=api.models.SourcePath(source="foo")) == "Nice job with JSON"
    assert api.call("analyze_body", body=b"PDF", content_type="application/pdf") == "Nice job with PDF"


def test_analyze_no_accept_header(api: Any) -> None:
    request = api.requests.build_analyze_body_no_accept_header_request(body=b"PDF", content_type="application/pdf")
    assert "Accept" not in request.headers and request.headers["Content-Type"] == "application/pdf"
    assert api.call("analyze_body_no_accept_header", body=io.BytesIO(b"PDF"), content_type="application/pdf") is None
    assert api.call("analyze_body_no_accept_header", body={"source": "foo"}) is None


def test_content_type_with_encoding(api: Any) -> None:
    request = api.requests.build_content_type_with_encoding_request(body="hello")
    assert (request.headers["Content-Type"], request.body) == ("text/plain; charset=UTF-8", b"hello")
    assert api.call("content_type_with_encoding", body="hello") == "Nice job sending content type with encoding"


def test_binary_body_two_content_types(api: Any) -> None:
    # A binary schema is raw bytes in every media type; octet-stream is the default.
    default = api.requests.build_binary_body_with_two_content_types_request(body=b"hello, world")
    assert default.headers["Content-Type"] == "application/octet-stream"
    assert api.call("binary_body_with_two_content_types", body=b'{"hello": "world"}', content_type="application/json") == ""
    assert api.call("binary_body_with_two_content_types", body=b"hello, world") == ""


def test_binary_body_three_content_types(api: Any) -> None:
    assert api.call("binary_body_with_three_content_types", body=b'{"hello": "world"}', content_type="application/json") == ""
    assert api.call("binary_body_with_three_content_types", body=io.BytesIO(b"hello, world")) == ""
    assert api.call("binary_body_with_three_content_types", body=b"hello, world", content_type="text/plain") == ""


def test_body_three_types(api: Any) -> None:
    # A body of any type: JSON by default, text or raw bytes when the content type says so.
    assert api.call("body_three_types", body={"hello": "world"}) == ""
    assert api.call("body_three_types", body=b"hello, world", content_type="application/octet-stream") == ""
    assert api.call("body_three_types", body="hello, world", content_type="text/plain") == ""


def test_content_type_must_be_consumed(api: Any) -> None:
    with pytest.raises(api.requests.ParameterError, match="content_type"):
        api.requests.build_body_three_types_request(body="x", content_type="application/xml")


def test_text_and_json_body(api: Any) -> None:
    # No server route: the request only.
    text = api.requests.build_put_text_and_json_body_request(body="hi", content_type="text/plain")
    assert (text.headers["Content-Type"], text.body, text.headers["Accept"]) == ("text/plain", b"hi", "text/plain")
    as_json = api.requests.build_put_text_and_json_body_request(body="hi")
    assert (as_json.headers["Content-Type"], as_json.body) == ("application/json", b'"hi"')
