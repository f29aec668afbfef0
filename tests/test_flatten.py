"""Flattened properties (`x-ms-client-flatten`) type-check and behave whatever is required where:
on models (at any depth) and on body parameters (the builder takes the body's fields)."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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
        }},
            # The body's fields are the builder's arguments (`name` is taken by the path: `name_2`).
            "/deep/{name}": {"post": {
                "operationId": "Deep_Post",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "type": "string"},
                    {"name": "body", "in": "body", "x-ms-client-flatten": True, "schema": {"$ref": "#/definitions/Deep"}},
                ],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Deep"}}},
            }},
            "/always": {"put": {
                "operationId": "Always_Put",
                "parameters": [{"name": "body", "in": "body", "required": True, "x-ms-client-flatten": True, "schema": {"$ref": "#/definitions/Always"}}],
                "responses": {"200": {"description": "ok"}},
            }},
        },
        "definitions": {
            "Inner": INNER,
            "Free": FREE,
            # the flattened model is required: always there, so its fields are reached directly
            "Always": {"type": "object", "required": ["properties"], "properties": {"properties": {"$ref": "#/definitions/Inner", **flat}}},
            # optional, with a required inner field: it cannot be created by setting one field
            "Maybe": {"type": "object", "properties": {"properties": {"$ref": "#/definitions/Inner", **flat}}},
            # optional, nothing required inside: setting a field creates it
            "Loose": {"type": "object", "properties": {"properties": {"$ref": "#/definitions/Free", **flat}}},
            # flattening is transitive: Deep reaches Loose's fields, which are Free's
            "Deep": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string", "readOnly": True},
                    "name": {"type": "string"},
                    "outer": {"$ref": "#/definitions/Loose", **flat},
                    "inner": {"$ref": "#/definitions/Maybe", **flat},
                },
            },
        },
    }


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("flatten")
    (folder / "s.json").write_text(json.dumps(_spec()))
    assert main(["generate", str(folder / "s.json"), "--out", str(folder / "o"), "--package", "flat", "--no-overlay"]) == 0
    return folder / "o"


def test_flattened_accessors_pass_mypy_strict_and_ruff(pkg: Path) -> None:
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "flat"], cwd=pkg, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    # (the spec has no enum: models.py imports no Enum)
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "flat"], cwd=pkg, check=False, capture_output=True, text=True, timeout=600)
    assert ruff.returncode == 0, ruff.stdout[-3000:]


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


def _module(pkg: Path, name: str) -> Any:
    sys.path.insert(0, str(pkg))
    try:
        return importlib.import_module(f"flat.{name}")
    finally:
        sys.path.remove(str(pkg))


def test_flattening_is_transitive(pkg: Path) -> None:
    models = _module(pkg, "models")
    deep = models.Deep.from_dict({"id": "1", "outer": {"properties": {"tag": "a"}}, "inner": {"properties": {"name": "n", "tag": "b"}}})
    # Deep.outer is Loose, whose `properties` is Free; Deep.inner is Maybe, whose `properties` is
    # Inner. Names go in wire-path order: inner/properties/tag is `tag`, outer's gets a prefix.
    assert (deep.outer_tag, deep.tag, deep.inner_name) == ("a", "b", "n")
    assert models.Deep.outer_tag.__doc__ == "Flattened: `self.outer.properties.tag`."
    fresh = models.Deep(id="2")
    assert fresh.outer_tag is models.UNSET
    fresh.outer_tag = "t"  # Loose and Free are made on the way: nothing in them is required
    assert fresh.to_dict() == {"id": "2", "outer": {"properties": {"tag": "t"}}}
    with pytest.raises(AttributeError, match=r"set inner\.properties first"):
        fresh.inner_name = "x"  # Inner has a required field: nothing is made on the way
    assert fresh.inner is models.UNSET


def test_a_flattened_body_is_made_from_its_fields(pkg: Path) -> None:
    requests = _module(pkg, "requests")
    build = requests.build_deep_post_request
    params = inspect.signature(build).parameters
    # Read-only `id` is no argument; `name` would clash with the path's, so it is `name_2`.
    assert [n for n in params if n not in ("base_url", "headers")] == ["name", "name_2", "outer_tag", "inner_name", "tag"]
    assert all(params[n].default is None for n in ("name_2", "outer_tag", "inner_name", "tag"))
    request = build(name="p", name_2="b", outer_tag="t", inner_name="n", base_url="http://h")
    assert request.url == "http://h/deep/p"
    assert json.loads(request.body) == {"name": "b", "outer": {"properties": {"tag": "t"}}, "inner": {"properties": {"name": "n"}}}
    assert request.headers["Content-Type"] == "application/json"
    # An optional body with none of its arguments is not sent.
    empty = build(name="p")
    assert empty.body is None and "Content-Type" not in empty.headers
    # A model on the way is made when one of its arguments is given; then its required ones must be.
    with pytest.raises(requests.ParameterError, match=r"inner_name \('inner/properties/name'\) is required with the other fields of Inner"):
        build(name="p", tag="t")


def test_a_required_flattened_body_takes_its_required_fields_as_required_arguments(pkg: Path) -> None:
    requests = _module(pkg, "requests")
    params = inspect.signature(requests.build_always_put_request).parameters
    assert params["name"].default is inspect.Parameter.empty and params["tag"].default is None
    request = requests.build_always_put_request(name="a")
    assert json.loads(request.body) == {"properties": {"name": "a"}}


def test_a_flatten_chain_deeper_than_the_cap_warns_and_keeps_every_field(tmp_path: Path) -> None:
    """Transitive flattening makes n^2 accessors for a chain of n (300 deep wrote 73 MB): past
    MAX_FLATTEN_DEPTH levels the accessors stop, with a warning at each place, and the fields
    beyond stay reachable through the nested objects."""
    from generator.ir.build import build
    from generator.ir.model_builder import MAX_FLATTEN_DEPTH

    n = MAX_FLATTEN_DEPTH + 3
    defs: dict[str, Any] = {"F0": {"type": "object", "properties": {"leaf": {"type": "string"}}}}
    for i in range(1, n + 1):
        defs[f"F{i}"] = {"type": "object", "properties": {"p": {"$ref": f"#/definitions/F{i - 1}", "x-ms-client-flatten": True}}}
    spec = tmp_path / "chain.json"
    spec.write_text(json.dumps({"swagger": "2.0", "info": {"title": "Chain", "version": "2020-01-01"}, "paths": {}, "definitions": defs}), encoding="utf-8")
    api, warnings = build(spec)
    models = {m.name: m for m in api.models}
    assert max(len(f.path) for f in models[f"F{n}"].flattened) == MAX_FLATTEN_DEPTH
    assert "leaf" in {f.py_name for f in models[f"F{MAX_FLATTEN_DEPTH - 1}"].flattened}  # within the cap: all the way down
    cut = [w for w in warnings if "x-ms-client-flatten goes more than" in w]
    assert len(cut) == n - MAX_FLATTEN_DEPTH + 1  # F_cap to F_n
    assert any(f"chain.json#/definitions/F{n}/properties/p: " in w for w in cut)


def test_the_constructor_takes_flattened_fields_through_their_setters() -> None:
    """As Azure's SDK models do: `VirtualMachineRunCommand(location=..., source=...)` builds the
    `properties` it goes into; with `properties=` given, they are set into that one."""
    m = importlib.import_module("runcommands.models")  # the committed package
    script = m.VirtualMachineRunCommandScriptSource(script="echo hi")
    rc = m.VirtualMachineRunCommand(location="westus", source=script, async_execution=False)
    assert rc.to_dict() == {"location": "westus", "properties": {"source": {"script": "echo hi"}, "asyncExecution": False}}
    assert rc.properties.source is script
    given = m.VirtualMachineRunCommandProperties(run_as_user="ops")
    rc = m.VirtualMachineRunCommand(location="westus", properties=given, run_as_password="secret")
    assert rc.properties is given and given.run_as_password == "secret" and "secret" not in repr(rc)
    assert m.VirtualMachineRunCommand(location="westus").to_dict() == {"location": "westus"}  # none given: no properties made
    with pytest.raises(TypeError):
        m.VirtualMachineRunCommand(location="westus", no_such_field=1)
