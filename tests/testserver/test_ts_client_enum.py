"""client-enum.json: a client-level enum header parameter (a constant: sent by default)."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "client-enum.json"

NOT_PASSED: dict[str, str] = {}


def test_client_enum_header(api: Any) -> None:
    assert api.call("head") is True  # HEAD answers whether the resource exists
    assert api.call("head", x_ms_enum="single") is True
    with pytest.raises(api.requests.ParameterError, match="x_ms_enum"):
        api.call("head", x_ms_enum="double")
