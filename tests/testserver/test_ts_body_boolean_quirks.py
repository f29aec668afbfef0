"""body-boolean.quirks.json: the same routes as body-boolean.json, booleans without enums."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "body-boolean.quirks.json"
NOT_PASSED = {}  # the scenarios are body-boolean.json's (same routes)


def test_get_and_put(api: Any) -> None:
    assert api.call("bool_get_true") is True
    assert api.call("bool_get_false") is False
    assert api.call("bool_put_true", body=True) is None
    assert api.call("bool_put_false", body=False) is None


def test_get_null_and_invalid(api: Any) -> None:
    assert api.call("bool_get_null") is None
    with pytest.raises(api.package.DecodeError):
        api.call("bool_get_invalid")
