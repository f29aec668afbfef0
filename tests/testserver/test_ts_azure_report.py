"""azure-report.json: the server's azure coverage report, read through the generated client."""

from __future__ import annotations

from typing import Any

SWAGGER = "azure-report.json"

NOT_PASSED: dict[str, str] = {}


def test_azure_report(api: Any) -> None:
    report = api.call("get_report")
    assert isinstance(report, dict) and len(report) > 100
    assert all(type(name) is str and type(count) is int for name, count in report.items())
    assert {"LROPutInlineComplete", "PagingSingle"} <= set(report)
