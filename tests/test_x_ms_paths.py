"""Operations under `x-ms-paths` are generated like any other: the `?query` of their key only tells
them apart (AutoRest: "not actually used"); the URL comes from the path and the declared parameters."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import generate_into

from generator.errors import SpecError
from generator.ir.build import build

RESOURCE_ID = {"name": "resourceId", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True}
API_VERSION = {"name": "api-version", "in": "query", "required": True, "type": "string"}


def _spec(**extra_items: Any) -> dict[str, Any]:
    thing = {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}}
    return {
        "swagger": "2.0",
        "info": {"title": "Things", "version": "2019-07-01"},
        "host": "management.azure.com",
        "paths": {"/{resourceId}": {"get": {"operationId": "Things_Get", "parameters": [RESOURCE_ID, API_VERSION], "responses": thing}}},
        "x-ms-paths": {
            # The brief's style: the same path, told apart by a query in the key.
            "/{resourceId}?api-version=2019-07-01": {
                "parameters": [RESOURCE_ID, API_VERSION],
                "delete": {"operationId": "Things_DeleteById", "responses": {"200": {"description": "ok"}}},
            },
            "/{resourceId}?view=full": {
                "parameters": [RESOURCE_ID, API_VERSION],
                "get": {
                    "operationId": "Things_GetFull",
                    "parameters": [{"name": "view", "in": "query", "required": True, "type": "string", "enum": ["full"]}],
                    "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/FullThing"}}},
                },
            },
            **extra_items,
        },
        "definitions": {
            "Thing": {"type": "object", "properties": {"name": {"type": "string"}}},
            # Reached only from an x-ms-paths operation.
            "FullThing": {"type": "object", "properties": {"name": {"type": "string"}, "detail": {"type": "string"}}},
        },
    }


@pytest.fixture(scope="module")
def things(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("xmspaths")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(_spec()), encoding="utf-8")
    return generate_into(spec, folder / "out", overlay=None)


def test_x_ms_paths_operations_have_builders_and_parsers(things: ModuleType) -> None:
    assert set(things.requests.OPERATIONS) == {"Things_Get", "Things_DeleteById", "Things_GetFull"}
    full = things.responses.parse_things_get_full_response(200, {}, b'{"name": "t", "detail": "d"}')
    assert isinstance(full, things.models.FullThing) and full.detail == "d"


def test_x_ms_paths_url_is_the_path_and_the_declared_query(things: ModuleType) -> None:
    rid = "subscriptions/s/resourceGroups/g/providers/Microsoft.X/things/t"
    request = things.requests.build_things_get_full_request(resource_id=rid)
    assert request.method == "GET"
    url = urlsplit(request.url)
    assert (url.scheme, url.netloc, url.path) == ("https", "management.azure.com", "/" + rid)
    assert parse_qs(url.query) == {"api-version": ["2019-07-01"], "view": ["full"]}
    request = things.requests.build_things_delete_by_id_request(resource_id=rid)
    assert (request.method, request.url) == ("DELETE", f"https://management.azure.com/{rid}?api-version=2019-07-01")
    # The plain operation on the same path: same URL, its own builder.
    assert things.requests.build_things_get_request(resource_id=rid).url == request.url


def test_x_ms_paths_problems_have_locations(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_spec(**{"/{resourceId}?broken": {"put": "not an operation", "get": {"responses": {}}}}), indent=1), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        build(spec)
    got = {(p.pointer, p.message) for p in info.value.problems}
    assert got == {
        ("/x-ms-paths/~1{resourceId}?broken/put", "an operation must be an object"),
        ("/x-ms-paths/~1{resourceId}?broken/get", "operation has no operationId"),
    }
    assert all(p.file.endswith("spec.json") and p.line is not None for p in info.value.problems)
