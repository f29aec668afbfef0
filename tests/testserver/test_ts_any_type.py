"""any-type.json: a definition with no schema at all (`{}`) is any JSON value, in and out."""

from __future__ import annotations

from typing import Any

SWAGGER = "any-type.json"

NOT_PASSED = {}


def test_string(api: Any) -> None:
    assert api.call("get_string") == "anything"
    assert api.call("put_string", body="anything") is None


def test_object(api: Any) -> None:
    assert api.call("get_object") == {"message": "An object was successfully returned"}
    assert api.call("put_object", body={"foo": "bar"}) is None


def test_array(api: Any) -> None:
    assert api.call("get_array") == ["foo", "bar"]
    assert api.call("put_array", body=["foo", "bar"]) is None


def test_the_definition_is_no_model(api: Any) -> None:
    assert not hasattr(api.models, "Anything")  # nothing to construct: any value is one
