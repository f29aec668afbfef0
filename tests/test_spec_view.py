"""The spec view on small fixture specs: x-ms-paths, path-level overrides, $ref'd parameters,
allOf merging, discriminators, and the locations (file, pointer, line:col) of everything."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SpecError
from generator.load.loader import Loader
from generator.spec import Node, SpecView

ITEM = "/subscriptions/{s}/providers/Microsoft.X/widgets/{name}"


def _view(tmp_path: Path, spec: dict[str, Any], **others: dict[str, Any]) -> SpecView:
    """`spec` as main.json (one member per line, so positions are predictable), `others` beside it."""
    for name, data in others.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(data, indent=1))
    main = tmp_path / "main.json"
    main.write_text(json.dumps(spec, indent=1))
    loader = Loader(tmp_path)
    return SpecView(loader, loader.document(main))


def _where(path: Path, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the `nth` occurrence of `needle` in the file at `path`."""
    text = path.read_text()
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _op(op_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": op_id, "responses": {"200": {"description": "ok"}}, **extra}


API_VERSION = {"name": "api-version", "in": "query", "required": True, "type": "string"}


def test_operations_come_from_paths_and_x_ms_paths(tmp_path: Path) -> None:
    view = _view(tmp_path, {
        "swagger": "2.0",
        "paths": {"/{id}": {"get": _op("Things_Get"), "parameters": []}},
        "x-ms-paths": {"/{id}?api-version=2019-07-01": {"get": _op("Things_GetById"), "delete": _op("Things_DeleteById")}},
    })
    ops = view.operations()
    assert [(o.section, o.method, o.operation_id) for o in ops] == [
        ("paths", "get", "Things_Get"), ("x-ms-paths", "get", "Things_GetById"), ("x-ms-paths", "delete", "Things_DeleteById"),
    ]
    by_id = ops[1]
    assert by_id.path == "/{id}?api-version=2019-07-01"
    assert by_id.template == "/{id}"  # the query only tells the operations apart
    assert by_id.loc.pointer == "/x-ms-paths/~1{id}?api-version=2019-07-01/get"
    assert by_id.item_loc.pointer == "/x-ms-paths/~1{id}?api-version=2019-07-01"
    assert by_id.loc.line_col() == _where(view.doc.path, '"get"', 2)
    assert not view.problems


def test_a_question_mark_in_paths_is_part_of_the_template(tmp_path: Path) -> None:
    # Only x-ms-paths keys may carry a query; elsewhere the key is the template as written.
    view = _view(tmp_path, {"paths": {"/a?b": {"get": _op("A")}}})
    assert view.operations()[0].template == "/a?b"


def test_path_level_parameters_are_overridden_in_place(tmp_path: Path) -> None:
    view = _view(tmp_path, {"paths": {ITEM: {
        "parameters": [
            {"name": "s", "in": "path", "required": True, "type": "string"},
            {"name": "name", "in": "path", "required": True, "type": "string", "description": "shared"},
            {"name": "name", "in": "query", "type": "string"},
        ],
        "get": _op("Widgets_Get", parameters=[
            API_VERSION,
            {"name": "name", "in": "path", "required": True, "type": "string", "description": "own"},
        ]),
    }}})
    op = view.operations()[0]
    params = view.parameters(op)
    # Path-level order, each overridden where it stands; then the operation's others.
    assert [(p.where, p.name, p.level) for p in params] == [
        ("path", "s", "path item"), ("path", "name", "operation"), ("query", "name", "path item"), ("query", "api-version", "operation"),
    ]
    overridden = params[1]
    assert overridden.value["description"] == "own"
    assert overridden.loc.pointer == f"/paths/{ITEM.replace('/', '~1')}/get/parameters/1"
    assert [p.level for p in view.declared(op.item, "path item")] == ["path item"] * 3


def test_ref_parameters_keep_the_site_and_the_target(tmp_path: Path) -> None:
    view = _view(
        tmp_path,
        {
            "paths": {"/things/{id}": {"get": _op("Things_Get", parameters=[
                {"$ref": "common.json#/parameters/Id"},
                {"$ref": "#/parameters/ApiVersion"},
            ])}},
            "parameters": {"ApiVersion": API_VERSION},
        },
        common={"parameters": {"Id": {"$ref": "#/parameters/RealId"}, "RealId": {"name": "id", "in": "path", "required": True, "type": "string"}}},
    )
    op = view.operations()[0]
    ident, version = view.parameters(op)
    assert ident.site.doc is view.doc and ident.site.pointer == "/paths/~1things~1{id}/get/parameters/0"
    assert ident.node.doc.path.name == "common.json" and ident.node.pointer == "/parameters/RealId"  # refs to refs followed
    assert (ident.name, ident.where, ident.required, ident.is_global) == ("id", "path", True, True)
    assert version.node.doc is view.doc and version.node.pointer == "/parameters/ApiVersion"
    # The target's position in its own file, the site's in the referencing one.
    line, col = _where(tmp_path / "common.json", '"RealId"')
    assert ident.node.loc.line_col(key=True) == (line, col)
    assert ident.node.loc.line_col(key=False) == (line, col + len('"RealId": '))
    line, col = _where(view.doc.path, '"$ref": "common.json')
    assert ident.site.loc.line_col(key=False) == (line - 1, col - 1)  # the entry's opening brace, a line up


def test_bad_parameters_and_refs_are_problems_with_locations_not_exceptions(tmp_path: Path) -> None:
    view = _view(tmp_path, {"paths": {"/a": {
        "parameters": {"not": "a list"},
        "get": _op("A", parameters=[{"$ref": "#/parameters/Missing"}, {"in": "query"}, {"name": "x", "in": "cookie"}, API_VERSION]),
        "put": "not an operation",
    }}})
    op = view.operations()[0]
    assert [p.name for p in view.parameters(op)] == ["api-version"]
    found = {(p.pointer, p.message.split(":")[0]) for p in view.problems}
    assert ("/paths/~1a/parameters", "parameters must be a list") in found
    assert ("/paths/~1a/put", "an operation must be an object") in found
    assert ("/paths/~1a/get/parameters/0/$ref", "$ref '#/parameters/Missing' does not resolve") in found
    bad = "a parameter needs a string 'name' and 'in' of path, query, header, body or formData"
    assert {("/paths/~1a/get/parameters/1", bad), ("/paths/~1a/get/parameters/2", bad)} <= found
    assert all(p.line is not None and p.file.endswith("main.json") for p in view.problems)
    with pytest.raises(SpecError):  # the strict call, for callers that stop at a broken reference
        view.deref(op.node.child("parameters", 0))


def test_responses_schema_headers_and_refs(tmp_path: Path) -> None:
    view = _view(tmp_path, {
        "paths": {"/a": {"get": {"operationId": "A", "responses": {
            "200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}, "headers": {"ETag": {"type": "string"}}},
            "default": {"$ref": "#/responses/Error"},
            "500": "nonsense",
        }}}},
        "responses": {"Error": {"description": "error", "schema": {"type": "object"}}},
        "definitions": {"Thing": {"type": "object"}},
    })
    ok, default, broken = view.responses(view.operations()[0])
    assert (ok.status, default.status, broken.status) == ("200", "default", "500")
    assert ok.schema is not None and ok.schema.pointer == "/paths/~1a/get/responses/200/schema"
    assert view.definition_name(ok.schema) == "Thing"
    assert list(ok.headers) == ["ETag"] and ok.headers["ETag"].pointer.endswith("/200/headers/ETag")
    assert default.site.pointer == "/paths/~1a/get/responses/default" and default.node is not None
    assert default.node.pointer == "/responses/Error" and default.schema is not None
    assert broken.node is None and broken.schema is None and broken.headers == {}
    assert [p.message for p in view.problems] == ["a response must be an object"]


def test_all_of_merges_properties_parents_first_with_required_and_trails(tmp_path: Path) -> None:
    view = _view(
        tmp_path,
        {"definitions": {
            "Child": {"allOf": [{"$ref": "base.json#/definitions/Base"}, {"$ref": "#/definitions/Mixin"}],
                      "required": ["own", "id"], "properties": {"own": {"type": "string"}, "name": {"type": "integer"}}},
            "Mixin": {"allOf": [{"$ref": "base.json#/definitions/Base"}], "properties": {"extra": {"type": "string"}}},
        }},
        base={"definitions": {"Base": {"discriminator": "kind", "required": ["id", "kind"], "properties": {
            "id": {"type": "string"}, "kind": {"type": "string"}, "name": {"type": "string"}}}}},
    )
    child = view.root.child("definitions", "Child")
    chain = view.all_of_chain(child)
    assert [(p.node.doc.path.name, p.node.pointer) for p in chain] == [
        ("base.json", "/definitions/Base"), ("main.json", "/definitions/Mixin"), ("main.json", "/definitions/Child"),
    ]  # Base once, although Mixin names it again
    props = view.properties(child)
    assert list(props.by_name) == ["id", "kind", "name", "extra", "own"]
    name = props.by_name["name"]
    assert name.site.pointer == "/definitions/Child/properties/name" and name.site.value == {"type": "integer"}  # own wins
    kind = props.by_name["kind"]
    assert kind.owner.doc.path.name == "base.json"
    # How it was reached: from Child, through its first allOf entry, to Base's property.
    assert [(loc.doc.path.name, loc.pointer) for loc in kind.trail] == [
        ("main.json", "/definitions/Child"), ("main.json", "/definitions/Child/allOf/0"),
        ("base.json", "/definitions/Base"), ("base.json", "/definitions/Base/properties/kind"),
    ]
    # required: the union; each name at its entry in the most derived schema listing it.
    assert {n: (loc.doc.path.name, loc.pointer) for n, loc in props.required.items()} == {
        "id": ("main.json", "/definitions/Child/required/1"), "kind": ("base.json", "/definitions/Base/required/1"),
        "own": ("main.json", "/definitions/Child/required/0"),
    }
    found = view.discriminator(child)
    assert found is not None and (found.property, found.value) == ("kind", "Child")
    assert found.declared_by.pointer == "/definitions/Base"
    assert view.discriminator(view.root.child("definitions", "Mixin")) is not None


def test_all_of_through_a_ref_site_and_cycles_and_bad_parts(tmp_path: Path) -> None:
    view = _view(tmp_path, {"definitions": {
        "A": {"allOf": [{"$ref": "#/definitions/B"}, "nonsense"], "x-ms-discriminator-value": "a", "properties": {"a": {}}},
        "B": {"allOf": [{"$ref": "#/definitions/A"}], "discriminator": "k", "properties": {"b": {}}},
        "C": {"allOf": {"$ref": "#/definitions/A"}},
    }})
    site = Node({"$ref": "#/definitions/A"}, view.root.loc.child("elsewhere"))
    assert [p.node.pointer for p in view.all_of_chain(site)] == ["/definitions/B", "/definitions/A"]
    assert list(view.properties(site).by_name) == ["b", "a"]
    disc = view.discriminator(site)
    assert disc is not None and disc.value == "a"
    assert view.all_of_chain(view.root.child("definitions", "C"))[0].node.pointer == "/definitions/C"
    assert {(p.pointer, p.message) for p in view.problems} == {
        ("/definitions/A/allOf/1", "allOf items must be schemas"), ("/definitions/C/allOf", "allOf must be a list"),
    }


def test_malformed_sections_are_problems(tmp_path: Path) -> None:
    view = _view(tmp_path, {"paths": [], "x-ms-paths": {"/a": "nope", "/b": {"get": {"operationId": "B", "responses": []}}}})
    op = view.operations()[0]
    assert op.operation_id == "B" and view.responses(op) == []
    assert {(p.pointer, p.message) for p in view.problems} == {
        ("/paths", "paths must be an object (path -> path item)"),
        ("/x-ms-paths/~1a", "a path item must be an object"),
        ("/x-ms-paths/~1b/get/responses", "responses must be an object (status code -> response)"),
    }
