"""azure-resource-x.json: flattened resource properties in arrays, maps and a collection of them; its resource
definition is `ResourceX` (x-ms-azure-resource). See resource_flattening.py: the server has no route
for these paths."""

from __future__ import annotations

from typing import Any

from testserver import resource_flattening as checks

SWAGGER = "azure-resource-x.json"

NOT_PASSED: dict[str, str] = {}


def test_get_array(api: Any) -> None:
    checks.check_get_array(api, "ResourceX")


def test_put_array(api: Any) -> None:
    checks.check_put_array(api, "ResourceX")


def test_dictionary(api: Any) -> None:
    checks.check_dictionary(api)


def test_resource_collection(api: Any) -> None:
    checks.check_resource_collection(api)


def test_error(api: Any) -> None:
    checks.check_error(api)
