"""Names are decided once, per context, with predictable collision suffixes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import generate_into

from generator.emit.text import comment, docstring
from generator.ir.build import build
from generator.ir.names import Scope, checked, pascal, snake


@pytest.mark.parametrize(("wire", "expected"), [
    ("VirtualMachineRunCommands_CreateOrUpdate", "virtual_machine_run_commands_create_or_update"),
    ("VirtualMachineScaleSetVMs_RunCommand", "virtual_machine_scale_set_vms_run_command"),
    ("vmScaleSetName", "vm_scale_set_name"),
    ("$expand", "expand"),
    ("api-version", "api_version"),
    ("VMSize", "vm_size"),
    ("HTTPServer2Name", "http_server2_name"),
    ("timeoutInSeconds", "timeout_in_seconds"),
])
def test_snake(wire: str, expected: str) -> None:
    assert snake(wire) == expected


def test_pascal_keeps_definition_names() -> None:
    assert pascal("VirtualMachineRunCommand") == "VirtualMachineRunCommand"
    assert pascal("createdByType") == "CreatedByType"
    assert pascal("my-odd name") == "MyOddName"


@pytest.mark.parametrize(("name", "context", "expected"), [
    ("type", "field", "type"),  # a soft keyword is a valid name
    ("match", "parameter", "match"),
    ("len", "parameter", "len"),  # builders reach the builtin as _builtins.len
    ("property", "field", "property"),  # class bodies use _builtins.property
    ("class", "field", "class_"),
    ("self", "field", "self_"),
    ("str", "field", "str_"),  # a type checker reads `x: str` in the class body first
    ("to_dict", "field", "to_dict_"),
    ("from", "parameter", "from_"),
    ("api_version", "parameter", "api_version_"),
    ("base_url", "parameter", "base_url_"),
    ("headers", "parameter", "headers_"),
    ("name", "enum_member", "name_"),
    ("DecodeError", "class", "DecodeError_"),
    ("Any", "class", "Any_"),
    ("List", "class", "List"),
    ("Con", "class", "Con_"),  # schemas/CON.json: a device name on Windows
    ("Lpt1", "class", "Lpt1_"),
    ("3d", "field", "v3d"),  # never a leading underscore: those are the generated code's own
    ("3D", "class", "V3D"),
    ("and", "operation", "and"),  # only ever inside a longer name
])
def test_reserved_words_depend_on_context(name: str, context: str, expected: str) -> None:
    assert checked(name, context) == expected


def test_scope_suffixes_collisions_predictably() -> None:
    scope = Scope("field")
    assert [scope.add(n) for n in ("foo_bar", "foo_bar", "foo_bar", "class", "class_")] == ["foo_bar", "foo_bar_2", "foo_bar_3", "class_", "class__2"]


def test_class_names_are_unique_whatever_the_case() -> None:
    """They are file names too: schemas/Foo.json and schemas/FOO.json are one file on macOS."""
    scope = Scope("class")
    assert [scope.add(n) for n in ("FOO", "Foo", "FoO", "Bar")] == ["FOO", "Foo_2", "FoO_3", "Bar"]


def test_checked_refuses_non_identifiers() -> None:
    with pytest.raises(ValueError):
        checked("a b", "field")
    with pytest.raises(ValueError):
        checked("_private", "field")


# -- names that a reordered spec cannot swap ---------------------------------------------------

_REORDERED: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Order", "version": "2020-01-01"},
    "paths": {
        "/things/{thingName}": {
            "get": {
                "operationId": "Things_Get",
                "parameters": [
                    {"name": "thingName", "in": "path", "required": True, "type": "string"},
                    {"name": "$filter", "in": "query", "type": "string"},
                    {"name": "filter", "in": "query", "type": "string"},
                    {"name": "Filter", "in": "header", "type": "string"},
                    {"name": "x", "in": "query", "type": "string", "x-ms-client-name": "filter"},
                ],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Outer"}}},
            }
        }
    },
    "definitions": {
        "Outer": {
            "type": "object",
            "properties": {
                "fooBar": {"type": "string"},
                "foo_bar": {"type": "integer"},
                "FooBar": {"type": "boolean"},
                "foo-bar": {"type": "number"},
                "renamed": {"type": "string", "x-ms-client-name": "fooBar"},
                "left": {"$ref": "#/definitions/Left", "x-ms-client-flatten": True},
                "right": {"$ref": "#/definitions/Right", "x-ms-client-flatten": True},
                "shade": {"type": "string", "enum": ["a-b", "a_b", "A B", "a.b"], "x-ms-enum": {"name": "Shade", "modelAsString": True}},
            },
        },
        "Left": {"type": "object", "properties": {"value": {"type": "string"}, "size": {"type": "integer"}}},
        "Right": {"type": "object", "properties": {"value": {"type": "integer"}, "size": {"type": "string"}}},
    },
}


def _reversed_spec(spec: Any) -> Any:
    """The same spec with every object's keys and every list in reverse order."""
    if isinstance(spec, dict):
        return {k: _reversed_spec(v) for k, v in reversed(spec.items())}
    if isinstance(spec, list):
        return [_reversed_spec(v) for v in reversed(spec)]
    return spec


def _names(spec: dict[str, Any], folder: Path) -> dict[str, Any]:
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    api, _ = build(path)
    outer = api.model("Outer")
    return {
        "fields": {f.wire_name: f.py_name for f in outer.fields},
        "flattened": {(f.via, f.target): f.py_name for f in outer.flattened},
        "members": {m.value: m.py_name for m in api.enum("Shade").members},
        "parameters": {(p.location, p.wire_name): p.py_name for p in api.operations[0].parameters},
    }


def test_reordering_the_spec_swaps_no_names(tmp_path: Path) -> None:
    """Collision suffixes go by sorted wire names, not by the spec's order (which a
    regenerated upstream spec may change): no attribute quietly starts meaning another field."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    forward = _names(_REORDERED, tmp_path / "a")
    assert forward == _names(_reversed_spec(_REORDERED), tmp_path / "b")
    # The wire name that already is the Python name keeps it.
    assert forward["fields"]["foo_bar"] == "foo_bar"
    assert forward["parameters"][("query", "filter")] == "filter"
    assert forward["members"]["a_b"] == "A_B"
    assert len(set(forward["fields"].values())) == len(forward["fields"])
    assert len(set(forward["flattened"].values())) == len(forward["flattened"]) == 4


def test_definitions_differing_in_case_get_files_of_their_own(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "Case", "version": "2020-01-01"},
        "paths": {},
        "definitions": {name: {"type": "object", "properties": {name: {"type": "string"}}} for name in ("Foo", "FOO", "foo", "fOO")},
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    pkg = generate_into(tmp_path / "spec.json", tmp_path / "out", overlay=None)
    files = sorted(p.name for p in (tmp_path / "out" / pkg.__name__ / "schemas").glob("*.json"))
    assert len(files) == 4 and len({f.casefold() for f in files}) == 4
    for name in pkg.schemas.NAMES:
        schema = pkg.schemas.load(name)
        (wire,) = schema["properties"]
        cls = getattr(pkg.models, name)
        assert cls.from_dict({wire: "x"}).to_dict() == {wire: "x"}
        assert pkg.validators.validate(name, {wire: 1})[0].path == f"/{wire}"


# -- invisible characters ----------------------------------------------------------------------

BIDI = "\u202e\u2066\u2069\u200b\u200d\ufeff\u061c\U000e0041"


def test_bidi_and_zero_width_characters_are_spelled_out(tmp_path: Path) -> None:
    """Trojan Source: a description with bidi overrides or zero-width characters must not
    reorder or hide code in the generated files; docstrings, comments and JSON spell them out."""
    text = f"ok{BIDI} */ return; /*"
    spec = {
        "swagger": "2.0",
        "info": {"title": f"Bidi{BIDI}", "version": "2020-01-01"},
        "paths": {
            "/x": {
                "get": {
                    "operationId": "X_Get",
                    "description": text,
                    "parameters": [{"name": "q", "in": "query", "type": "string", "description": text, "pattern": f"^a{BIDI}$"}],
                    "responses": {"200": {"description": text, "schema": {"$ref": "#/definitions/Thing"}}},
                }
            }
        },
        "definitions": {
            "Thing": {
                "type": "object",
                "description": text,
                "properties": {
                    f"p{BIDI}": {"type": "string", "description": text, "pattern": f"^b{BIDI}$"},
                    "e": {"type": "string", "enum": [f"v{BIDI}"], "x-ms-enum": {"name": "E", "modelAsString": False, "values": [{"value": f"v{BIDI}", "description": text}]}},
                },
            }
        },
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    pkg = generate_into(tmp_path / "spec.json", tmp_path / "out", overlay=None)
    for path in (tmp_path / "out" / pkg.__name__).rglob("*"):
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            hidden = {ch for ch in content if ch not in "\n" and unicodedata.category(ch) in ("Cc", "Cf")}
            assert not hidden, f"{path.name} holds {sorted(map(hex, map(ord, hidden)))}"
    thing = pkg.models.Thing.from_dict({f"p{BIDI}": f"b{BIDI}", "e": f"v{BIDI}"})
    assert thing.to_dict() == {f"p{BIDI}": f"b{BIDI}", "e": f"v{BIDI}"}  # the data itself is kept
    assert BIDI in (pkg.models.Thing.__doc__ or "")
    assert pkg.schemas.load("Thing")["description"] == text


def test_comments_spell_out_invisible_characters() -> None:
    assert comment("a\u202eb\nc") == "a\\u202eb c"
    assert docstring("a\u200bb", 0) == '"""a\\u200bb"""'
