"""body-string.quirks.json: the routes of body-string.json with looser schemas (no enums on the
puts, base64url where body-string.json says byte)."""

from __future__ import annotations

from typing import Any

SWAGGER = "body-string.quirks.json"
NOT_PASSED = {}  # the scenarios are body-string.json's (same routes)


def test_strings(api: Any) -> None:
    assert api.call("string_get_null") is None
    assert api.call("string_put_null") is None
    assert api.call("string_get_empty") == ""
    assert api.call("string_put_empty", body="") is None
    assert api.call("string_get_not_provided") is None


def test_base64url_tolerates_padding(api: Any) -> None:
    # Here the padded base64 text is declared base64url: RFC 4648 lets padding be left out,
    # not forbidden, so it reads.
    assert api.call("string_get_base64_encoded") == b"a string that gets encoded with base64"
    got = api.call("string_get_base64_url_encoded")
    assert got == b"a string that gets encoded with base64url"
    assert api.call("string_put_base64_url_encoded", body=got) is None
    assert api.call("string_get_null_base64_url_encoded") is None


def test_enums(api: Any) -> None:
    assert api.call("enum_get_not_expandable") is api.models.Colors.RED_COLOR
    assert api.call("enum_put_referenced", body=api.models.RefColors.RED_COLOR) is None
