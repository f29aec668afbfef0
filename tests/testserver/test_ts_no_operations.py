"""no-operations.json: a spec with definitions and no operations still makes a whole package."""

from __future__ import annotations

from typing import Any

SWAGGER = "no-operations.json"

NOT_PASSED: dict[str, str] = {}


def test_models_without_operations(api: Any) -> None:
    assert api.requests.OPERATIONS == {} and api.responses.PARSERS == {}
    assert api.responses.LONG_RUNNING == {} and api.responses.PAGEABLE == {}
    error = api.models.Error.from_dict({"status": 404, "message": "gone", "extra": [1]})
    assert (error.status, error.message, error.additional_properties) == (404, "gone", {"extra": [1]})
    assert error.to_dict() == {"status": 404, "message": "gone", "extra": [1]}
