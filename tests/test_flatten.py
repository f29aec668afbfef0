"""Flattened properties (`x-ms-client-flatten`) type-check and behave whatever is required where."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

INNER = {
    "type": "object",
    "required": ["name"],
    "properties": {"name": {"type": "string"}, "tag": {"type": "string"}},
}
FREE = {"type": "object", "properties": {"tag": {"type": "string"}}}


def _spec() -> dict[str, object]:
    flat = {"x-ms-client-flatten": True}
    return {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/things/{name}": {"put": {
            "operationId": "Things_Create",
            "parameters": [
                {"name": "name", "in": "path", "required": True, "type": "string"},
                {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Always"}},
            ],
            "responses": {
                "200": {"description": "ok", "schema": {"$ref": "#/definitions/Maybe"}},
                "201": {"description": "ok", "schema": {"$ref": "#/definitions/Loose"}},
            },
        }}},
        "definitions": {
            "Inner": INNER,
            "Free": FREE,
            # the flattened model is required: always there, so its fields are reached directly
            "Always": {"type": "object", "required": ["properties"], "properties": {"properties": {"$ref": "#/definitions/Inner", **flat}}},
            # optional, with a required inner field: it cannot be created by setting one field
            "Maybe": {"type": "object", "properties": {"properties": {"$ref": "#/definitions/Inner", **flat}}},
            # optional, nothing required inside: setting a field creates it
            "Loose": {"type": "object", "properties": {"properties": {"$ref": "#/definitions/Free", **flat}}},
        },
    }


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("flatten")
    (folder / "s.json").write_text(json.dumps(_spec()))
    assert main(["generate", str(folder / "s.json"), "--out", str(folder / "o"), "--package", "flat", "--no-overlay"]) == 0
    return folder / "o"


def test_flattened_accessors_pass_mypy_strict(pkg: Path) -> None:
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "flat"], cwd=pkg, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-3000:]


def test_flattened_accessors_reach_the_inner_model(pkg: Path) -> None:
    sys.path.insert(0, str(pkg))
    try:
        models = importlib.import_module("flat.models")
    finally:
        sys.path.remove(str(pkg))
    always = models.Always(properties=models.Inner(name="a"))
    assert always.name == "a"
    always.name = "b"
    assert always.to_dict() == {"properties": {"name": "b"}}

    maybe = models.Maybe()
    assert maybe.name is models.UNSET
    with pytest.raises(AttributeError, match="set properties first"):
        maybe.name = "x"
    maybe.properties = models.Inner(name="x")
    maybe.tag = "t"
    assert maybe.to_dict() == {"properties": {"name": "x", "tag": "t"}}

    loose = models.Loose()
    loose.tag = "t"
    assert loose.to_dict() == {"properties": {"tag": "t"}}
