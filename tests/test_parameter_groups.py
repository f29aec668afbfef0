"""x-ms-parameter-grouping: a generated class per group in `requests`, one builder argument,
shared by the operations that name the same group; from a small inline spec."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_into

from generator.errors import SpecError
from generator.pipeline import generate_package


def _op(op_id: str, parameters: list[dict[str, Any]], method: str = "post") -> dict[str, Any]:
    responses = {"200": {"description": "ok"}, "default": {"description": "error", "schema": {"$ref": "#/definitions/Error"}}}
    return {method: {"operationId": op_id, "parameters": parameters, "responses": responses}}


def _grouped(name: str, where: str, group: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": where, "type": "string", "x-ms-parameter-grouping": group, **extra}


SPEC = {
    "swagger": "2.0",
    "info": {"title": "G", "version": "1"},
    "host": "h.example",
    "paths": {
        "/required/{path}": _op(
            "Group_PostRequired",
            [
                {"name": "body", "in": "body", "required": True, "schema": {"type": "integer"}, "x-ms-parameter-grouping": {}},
                _grouped("path", "path", {}, required=True),
                _grouped("customHeader", "header", {}),
                {"name": "query", "in": "query", "type": "integer", "default": 30, "x-ms-parameter-grouping": {}},
                {"name": "plain", "in": "query", "type": "string"},
            ],
        ),
        "/shared/a": _op("Group_A", [_grouped("one", "header", {"name": "shared-group"}), _grouped("from", "query", {"postfix": "Extra"})]),
        "/shared/b": _op("Group_B", [_grouped("one", "header", {"name": "shared-group"})]),
        "/constant": _op(
            "Group_Constant",
            [
                _grouped("kind", "header", {"name": "kinds"}, required=True, enum=["fixed"], **{"x-ms-enum": {"name": "Kind", "modelAsString": False}}),
                _grouped("size", "query", {"name": "kinds"}, enum=["S", "M"], **{"x-ms-client-default": "M"}),
            ],
        ),
    },
    "definitions": {
        "Error": {"type": "object", "properties": {"message": {"type": "string"}}},
        "Product": {"type": "object", "required": ["title"], "properties": {"title": {"type": "string"}, "size": {"type": "integer"}}},
    },
}
SPEC["paths"]["/flat/{name}"] = _op(
    "Flat_Put",
    [
        {"name": "product", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Product"}, "x-ms-client-flatten": True, "x-ms-parameter-grouping": {"name": "flat-group"}},
        _grouped("name", "path", {"name": "flat-group"}, required=True),
    ],
    "put",
)


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("groups")
    spec = folder / "spec.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    return generate_into(spec, folder / "out", overlay=None)


def test_a_group_is_a_class_and_one_argument(pkg: ModuleType) -> None:
    group = pkg.requests.GroupPostRequiredParameters(body=1234, path="p", custom_header="h", query=21)
    request = pkg.requests.build_group_post_required_request(group_post_required_parameters=group, plain="x", base_url="http://h")
    assert (request.url, request.headers["customHeader"], request.body) == ("http://h/required/p?query=21&plain=x", "h", b"1234")
    assert [f.name for f in dataclasses.fields(group)] == ["path", "body", "query", "custom_header"]  # required ones first
    sparse = pkg.requests.GroupPostRequiredParameters(body=1, path="p")
    assert pkg.requests.build_group_post_required_request(group_post_required_parameters=sparse, base_url="http://h").url == "http://h/required/p"
    with pytest.raises(TypeError):
        pkg.requests.GroupPostRequiredParameters(path="p")  # body is required
    with pytest.raises(pkg.requests.ParameterError, match="group_post_required_parameters.*is required"):
        pkg.requests.build_group_post_required_request(group_post_required_parameters=None)
    with pytest.raises(pkg.requests.ParameterError, match="group_post_required_parameters.*must be"):
        pkg.requests.build_group_post_required_request(group_post_required_parameters={"body": 1, "path": "p"})


def test_a_named_group_is_shared_and_postfix_names_a_group(pkg: ModuleType) -> None:
    shared = pkg.requests.SharedGroup(one="1")
    extra = pkg.requests.GroupAExtra(from_="me")
    assert pkg.requests.build_group_a_request(shared_group=shared, group_a_extra=extra).headers["one"] == "1"
    assert pkg.requests.build_group_b_request(shared_group=shared).headers["one"] == "1"
    assert pkg.requests.build_group_b_request().url == "https://h.example/shared/b"  # every member optional: so is the group
    assert "from=me" in pkg.requests.build_group_a_request(group_a_extra=extra).url



def test_constants_and_client_defaults_are_the_members_defaults(pkg: ModuleType) -> None:
    kinds = pkg.requests.Kinds()  # every member has a default: the group is optional
    assert (kinds.kind, kinds.size) == ("fixed", "M")
    request = pkg.requests.build_group_constant_request(base_url="http://h")
    assert (request.url, request.headers["kind"]) == ("http://h/constant?size=M", "fixed")
    assert pkg.requests.build_group_constant_request(kinds=pkg.requests.Kinds(size=None), base_url="http://h").url == "http://h/constant"
    with pytest.raises(pkg.requests.ParameterError, match="kind"):
        pkg.requests.build_group_constant_request(kinds=pkg.requests.Kinds(kind="other"))


def test_a_flattened_body_in_a_group(pkg: ModuleType) -> None:
    group = pkg.requests.FlatGroup(name="n", title="t", size=3)
    request = pkg.requests.build_flat_put_request(flat_group=group, base_url="http://h")
    assert (request.url, json.loads(request.body or b"")) == ("http://h/flat/n", {"title": "t", "size": 3})
    assert [f.name for f in dataclasses.fields(group)] == ["name", "title", "size"]  # required ones first
    with pytest.raises(TypeError):
        pkg.requests.FlatGroup(name="n")  # the body's required field


def test_the_package_passes_mypy_and_ruff(pkg: ModuleType) -> None:
    folder = Path(pkg.__file__).parent
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(folder)], capture_output=True, text=True, check=False)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(folder)], capture_output=True, text=True, check=False, cwd=folder.parent)
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


def test_a_group_named_like_a_name_of_requests_py_is_renamed(tmp_path: Path) -> None:
    spec = dict(SPEC, paths={"/a": _op("A_A", [_grouped("one", "header", {"name": "HttpRequest"})])})
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    made = generate_into(tmp_path / "spec.json", tmp_path / "out", overlay=None)
    request = made.requests.build_a_a_request(http_request=made.requests.HttpRequest_(one="1"))
    assert isinstance(request, made.requests.HttpRequest) and request.headers["one"] == "1"


def test_a_group_whose_members_disagree_is_refused(tmp_path: Path) -> None:
    spec = dict(SPEC, paths={"/a": _op("A_A", [_grouped("one", "header", {"name": "g"})]), "/b": _op("B_B", [_grouped("one", "query", {"name": "g"})])})
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError, match="parameter group 'G'"):
        generate_package(tmp_path / "spec.json", "p", overlay=None)
