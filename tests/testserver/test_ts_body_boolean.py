"""body-boolean.json: boolean bodies in and out."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "body-boolean.json"


def test_get_true_and_false(api: Any) -> None:
    assert api.call("bool_get_true") is True
    assert api.call("bool_get_false") is False


def test_put_true_and_false(api: Any) -> None:
    assert api.call("bool_put_true", body=True) is None
    assert api.call("bool_put_false", body=False) is None


def test_get_null(api: Any) -> None:
    assert api.call("bool_get_null") is None


def test_get_invalid(api: Any) -> None:
    with pytest.raises(api.package.DecodeError):
        api.call("bool_get_invalid")
