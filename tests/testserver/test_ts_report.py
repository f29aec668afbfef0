"""report.json: the server's own coverage reports, read through the generated client (a map of
scenario name -> count)."""

from __future__ import annotations

from typing import Any

SWAGGER = "report.json"

NOT_PASSED: dict[str, str] = {}


def test_vanilla_and_optional_reports(api: Any) -> None:
    vanilla = api.call("get_report")
    assert isinstance(vanilla, dict) and len(vanilla) > 600
    assert all(type(name) is str and type(count) is int for name, count in vanilla.items())
    assert "SecurityKey" in vanilla
    optional = api.call("get_optional_report")
    assert "LROPatchInlineCompleteIgnoreHeaders" in optional and not set(optional) & set(vanilla)
