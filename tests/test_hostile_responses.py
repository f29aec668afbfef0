"""The generated package survives hostile responses, and its models and validators agree.

* Bodies nested 10,000 deep (as JSON text or as Python values) end in the documented errors
  (DecodeError, HttpResponseError, ParameterError, one validation error with its pointer), never
  RecursionError.
* A DecodeError points where the validator points: for any single mutation of a valid body, the
  model's pointer is the validator's (hypothesis, over every runCommands definition).
* What one accepts, the other accepts: integers (1.0 is one, read as 1), RFC 3339 date-times
  (not ISO 8601's other forms; leap seconds), enums of every JSON type, closed or extensible,
  items of arrays and values of maps. The one deliberate difference: an explicit null on an
  optional property, kept by the model (ARM's PATCH semantics) and reported by the validator
  (the spec does not declare the property nullable).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_spec
from hypothesis import given, settings
from hypothesis import strategies as st
from runcommands import models, requests, responses, strategies, validators
from test_properties import DOCS, MISSING, MODELS, locations, mutate, pointer

from generator.emit.formats import READ_FORMATS
from generator.errors import SpecError
from generator.ir.build import build

DEPTH = 10_000
BASE = {"subscription_id": "s", "resource_group_name": "rg", "vm_name": "vm", "run_command_name": "rc"}


def nested_list(depth: int) -> list[Any]:
    """[[[...]]] `depth` deep, built without recursion."""
    root: list[Any] = []
    node = root
    for _ in range(depth - 1):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


def nested_nodes(depth: int) -> dict[str, Any]:
    """{"name": "n", "children": [{"name": "n", "children": [...]}]}, `depth` models deep."""
    root: dict[str, Any] = {"name": "n"}
    node = root
    for _ in range(depth - 1):
        child: dict[str, Any] = {"name": "n"}
        node["children"] = [child]
        node = child
    return root


def nested_nodes_text(depth: int) -> str:
    """`nested_nodes(depth)` as JSON text (json.dumps itself would recurse)."""
    return '{"name": "n", "children": [' * (depth - 1) + '{"name": "n"}' + "]}" * (depth - 1)


# -- deep bodies: runCommands ------------------------------------------------------------------


def test_deep_json_text_is_a_decode_error_everywhere() -> None:
    text = '{"location": "w", "tags": ' + "[" * DEPTH + "]" * DEPTH + "}"
    parse = responses.parse_virtual_machine_run_commands_get_by_virtual_machine_response
    with pytest.raises(models.DecodeError, match="nested too deeply"):
        parse(200, {}, text)
    with pytest.raises(models.DecodeError, match="nested too deeply"):
        responses.parse_poll_status(200, {}, text)
    assert responses.parse_poll_status(202, {}, text).status == "InProgress"  # still running: the body is not read
    with pytest.raises(responses.HttpResponseError) as info:
        parse(500, {}, text)
    assert info.value.status_code == 500 and info.value.error is None
    with pytest.raises(responses.HttpResponseError):
        responses.parse_poll_status(500, {}, text)


def test_deep_values_are_reported_not_recursed_into() -> None:
    deep = nested_list(DEPTH)
    body = {"location": "w", "tags": {"a": deep}, "properties": {"source": {"script": "x"}, "unknown": deep}}
    with pytest.raises(models.DecodeError) as info:
        models.VirtualMachineRunCommand.from_dict(body)
    assert info.value.pointer == "/tags/a"  # a map of strings holds a list: said without repr()ing it
    errors = validators.validate("VirtualMachineRunCommand", body)
    assert [(e.path, e.keyword) for e in errors] == [("/tags/a", "type")]
    assert not validators.is_valid("VirtualMachineRunCommand", body)
    # Unknown fields are kept as they are: deep is fine for the model, not for the JSON encoder.
    kept = models.VirtualMachineRunCommand.from_dict({"location": "w", "properties": {"unknown": deep}})
    assert kept.properties.additional_properties["unknown"] is deep
    build = requests.build_virtual_machine_run_commands_create_or_update_request
    with pytest.raises(requests.ParameterError, match="nested too deeply"):
        build(**BASE, body={"location": "w", "properties": {"unknown": deep}})
    with pytest.raises(requests.ParameterError, match="nested too deeply"):
        build(**BASE, body=kept)
    with pytest.raises(requests.ParameterError, match="expected string, got array"):
        build(**BASE, body=body)


# -- deep bodies: a recursive model ------------------------------------------------------------

RECURSIVE: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Trees", "version": "2020-01-01"},
    "paths": {
        "/trees/{name}": {
            "put": {
                "operationId": "Trees_Put",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "type": "string"},
                    {"name": "tree", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Node"}},
                ],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Node"}}, "default": {"description": "error", "schema": {"$ref": "#/definitions/Node"}}},
            },
            "post": {
                "operationId": "Trees_Post",
                "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}, {"name": "anything", "in": "body", "schema": {"type": "object"}}],
                "responses": {"200": {"description": "ok"}},
            },
        }
    },
    "definitions": {
        "Node": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/definitions/Node"}}},
        },
    },
}


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("trees")
    return generate_spec(RECURSIVE, folder)


def _deepest(depth: int) -> str:
    """The first of the most deeply nested values: the innermost node's name."""
    return "/children/0" * (depth - 1) + "/name"


@pytest.mark.parametrize("depth", [DEPTH, 2_000])
def test_a_recursive_model_too_deep_for_the_stack(trees: ModuleType, depth: int) -> None:
    body = nested_nodes(depth)
    with pytest.raises(trees.DecodeError, match="nested too deeply") as info:
        trees.models.Node.from_dict(body)
    assert info.value.pointer == _deepest(depth)  # where the nesting is, found without recursion
    errors = trees.validators.validate("Node", body)
    assert [(e.path, e.keyword) for e in errors] == [(_deepest(depth), "depth")]
    assert trees.validators.is_valid("Node", body) is False
    with pytest.raises(trees.DecodeError, match="nested too deeply"):
        trees.responses.parse_trees_put_response(200, {}, body)
    with pytest.raises(trees.DecodeError, match="nested too deeply"):
        trees.responses.parse_trees_put_response(200, {}, nested_nodes_text(depth))
    with pytest.raises(trees.responses.HttpResponseError) as error:
        trees.responses.parse_trees_put_response(500, {}, body)
    assert error.value.error is None
    with pytest.raises(trees.requests.ParameterError, match="nested too deeply"):
        trees.requests.build_trees_put_request(name="t", body=body)
    with pytest.raises(trees.requests.ParameterError, match="nested too deeply"):
        trees.requests.build_trees_post_request(name="t", body=body)


def test_a_deep_but_readable_tree_still_round_trips(trees: ModuleType) -> None:
    body = nested_nodes(50)
    assert trees.models.Node.from_dict(body).to_dict() == body
    assert trees.validators.validate("Node", body) == []


# -- pointers and agreement, by example --------------------------------------------------------


def _model_error(name: str, body: Any) -> str | None:
    try:
        getattr(models, name).from_dict(body)
    except models.DecodeError as exc:
        return exc.pointer
    return None


def _validator_errors(name: str, body: Any) -> list[tuple[str, str]]:
    return [(e.path, e.keyword) for e in validators.validate(name, body)]


@pytest.mark.parametrize(
    ("body", "where", "keyword"),
    [
        # the stale key: the last field read with a conversion named an error of a later one
        ({"location": "w", "properties": {"protectedParameters": [], "asyncExecution": "yes"}}, "/properties/asyncExecution", "type"),
        ({"location": "w", "properties": {"source": {"script": "x"}, "timeoutInSeconds": "9"}}, "/properties/timeoutInSeconds", "type"),
        ({"location": "w", "properties": {"instanceView": {"statuses": [{"level": "Nope"}]}}}, "/properties/instanceView/statuses/0/level", "enum"),
        ({"location": "w", "properties": {"instanceView": {"exitCode": 1.5}}}, "/properties/instanceView/exitCode", "type"),
        ({"location": "w", "properties": {"instanceView": {"exitCode": True}}}, "/properties/instanceView/exitCode", "type"),
        ({"location": "w", "systemData": {"createdAt": "20200101T000000Z"}}, "/systemData/createdAt", "format"),
        ({"location": "w", "systemData": {"createdAt": "2020-01-01 00:00:00Z"}}, "/systemData/createdAt", "format"),
        ({"location": "w", "systemData": {"createdAt": "2021-02-29T00:00:00Z"}}, "/systemData/createdAt", "format"),
        ({"location": "w", "systemData": {"createdAt": "2016-12-31T23:59:60+01:00"}}, "/systemData/createdAt", "format"),
        ({"location": "w", "systemData": {"createdAt": "0000-01-01T00:00:00Z"}}, "/systemData/createdAt", "format"),
        ({"location": "w", "tags": {"a": 1}}, "/tags/a", "type"),
        # a missing required property is the object's error, as `required` is
        ({"location": "w", "properties": {"protectedParameters": [{"name": "n"}]}}, "/properties/protectedParameters/0", "required"),
        ({"properties": {"source": {"script": "x"}}}, "", "required"),
    ],
)
def test_the_model_points_where_the_validator_points(body: dict[str, Any], where: str, keyword: str) -> None:
    assert _validator_errors("VirtualMachineRunCommand", body) == [(where, keyword)]
    assert _model_error("VirtualMachineRunCommand", body) == where


@pytest.mark.parametrize(
    "body",
    [
        {"location": "w", "properties": {"instanceView": {"exitCode": 1.0}}},
        {"location": "w", "systemData": {"createdAt": "2016-12-31T23:59:60Z"}},  # a leap second
        {"location": "w", "systemData": {"createdAt": "2016-12-31t23:59:60.5z"}},
        {"location": "w", "systemData": {"createdAt": "2017-01-01T00:59:60+01:00"}},
        {"location": "w", "systemData": {"createdAt": "2020-01-01T00:00:00.123456789-00:00"}},
    ],
)
def test_what_the_validator_accepts_the_model_reads(body: dict[str, Any]) -> None:
    assert _validator_errors("VirtualMachineRunCommand", body) == []
    rc = models.VirtualMachineRunCommand.from_dict(body)
    assert rc.to_dict() == body  # 1.0 == 1; date-times are written back as they came


def test_an_integral_float_is_read_as_the_integer_it_is() -> None:
    """JSON Schema 2020-12 counts 1.0 as an integer: so does the model, which reads it as the int
    1, as its annotation says; `to_dict()` writes 1, the same JSON number (not the same text)."""
    rc = models.VirtualMachineRunCommand.from_dict({"location": "w", "properties": {"instanceView": {"exitCode": 1.0}}})
    assert type(rc.instance_view.exit_code) is int and rc.instance_view.exit_code == 1
    assert json.dumps(rc.to_dict()["properties"]["instanceView"]) == '{"exitCode": 1}'


def test_a_leap_second_is_the_last_instant_of_its_minute() -> None:
    rc = models.VirtualMachineRunCommand.from_dict({"location": "w", "systemData": {"createdAt": "2016-12-31T23:59:60.25Z"}})
    created = rc.system_data.created_at
    assert (created.second, created.microsecond) == (59, 999999)
    assert rc.to_dict()["systemData"]["createdAt"] == "2016-12-31T23:59:60.25Z"


ENUMS: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Enums", "version": "2020-01-01"},
    "paths": {},
    "definitions": {
        "Holder": {
            "type": "object",
            "properties": {
                "openInt": {"type": "integer", "enum": [1, 2], "x-ms-enum": {"name": "OpenInt", "modelAsString": True}},
                "closedInt": {"type": "integer", "enum": [1, 2], "x-ms-enum": {"name": "ClosedInt", "modelAsString": False}},
                "openNumber": {"type": "number", "enum": [0.5], "x-ms-enum": {"name": "OpenNumber", "modelAsString": True}},
                "closedBool": {"type": "boolean", "enum": [True], "x-ms-enum": {"name": "ClosedBool", "modelAsString": False}},
                "untyped": {"enum": [1, "one", 2.5], "x-ms-enum": {"name": "Untyped", "modelAsString": False}},
                "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
                "ints": {"type": "array", "items": {"type": "integer"}},
            },
            "additionalProperties": {"type": "boolean"},
        }
    },
}


@pytest.fixture(scope="module")
def enums(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("enums")
    return generate_spec(ENUMS, folder)


@pytest.mark.parametrize(
    ("field", "value", "accepted"),
    [
        ("openInt", 3, True), ("openInt", 3.0, True), ("openInt", 1, True), ("openInt", "3", False),
        ("openInt", True, False), ("openInt", 2.5, False),
        ("closedInt", 1.0, True), ("closedInt", True, False), ("closedInt", 3, False), ("closedInt", "1", False),
        ("openNumber", 7, True), ("openNumber", True, False), ("openNumber", "x", False),
        ("closedBool", True, True), ("closedBool", 1, False), ("closedBool", False, False),
        ("untyped", 1, True), ("untyped", 1.0, True), ("untyped", "one", True), ("untyped", 2.5, True),
        ("untyped", True, False), ("untyped", "1", False), ("untyped", 0, False),
        ("counts", {"a": 1.0}, True), ("counts", {"a": "1"}, False), ("ints", [1, 2.0], True), ("ints", [1, True], False),
        ("extra", True, True), ("extra", "yes", False),  # additionalProperties of the model itself
    ],
)
def test_enums_and_scalars_agree(enums: ModuleType, field: str, value: Any, accepted: bool) -> None:
    body = {field: value}
    errors = [(e.path, e.keyword) for e in enums.validators.validate("Holder", body)]
    try:
        model = enums.models.Holder.from_dict(body)
    except enums.DecodeError as exc:
        assert not accepted, f"the model rejects {value!r} ({exc}), the validator does not"
        assert exc.pointer in {p for p, _ in errors}
        return
    assert accepted and errors == [], f"the validator rejects {value!r} ({errors}), the model does not"
    assert model.to_dict() == body


def test_an_enum_python_cannot_hold_is_refused(tmp_path: Path) -> None:
    spec = {**ENUMS, "definitions": {"Both": {"enum": [1, True], "x-ms-enum": {"name": "Both", "modelAsString": False}}}}
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError, match="one member in a Python Enum") as info:
        build(tmp_path / "spec.json")
    assert info.value.problems[0].pointer == "/definitions/Both/enum/1"


def test_an_extensible_integer_keeps_an_unknown_value_as_an_int(enums: ModuleType) -> None:
    holder = enums.models.Holder.from_dict({"openInt": 3.0, "closedInt": 2})
    assert holder.open_int == 3 and type(holder.open_int) is int
    assert holder.closed_int is enums.models.ClosedInt.V2


# -- pointers and agreement, for any single mutation -------------------------------------------

SHAPE = {"type", "enum", "required"}  # what the models check (and the formats they read); lengths, patterns, ranges are the validators'
VARIANTS: dict[str, list[Any]] = {
    "string": [0, 1.5, True, [], {}],
    "integer": ["0", 1.5, True, [], {}, 1.0],
    "number": ["0", True, [], {}],
    "boolean": [0, "true", [], {}],
    "object": [[], "x", 0],
    "array": [{}, "x", 0],
}
DATE_TIMES = ["20200101T000000Z", "2020-01-01T00:00:00", "2021-02-29T00:00:00Z", "2016-12-31T23:59:60Z", "2016-12-31T22:59:60Z", "2020-01-01t00:00:00z"]
UNKNOWN = "\u2063not-a-member"


def single_mutations(name: str, body: Any) -> list[tuple[tuple[str | int, ...], Any]]:
    """(path, new value or MISSING): one change each, of every kind the models check."""
    out: list[tuple[tuple[str | int, ...], Any]] = []
    for path, schema, value in locations(DOCS[f"{name}.json"], body):
        if not path:
            continue
        kind = schema.get("type")
        if isinstance(kind, str):
            out += [(path, v) for v in VARIANTS.get(kind, [])]
        if "enum" in schema:
            out.append((path, UNKNOWN))
        if schema.get("format") == "date-time":
            out += [(path, v) for v in DATE_TIMES]
        if isinstance(value, dict):
            props = schema.get("properties", {})
            for key in schema.get("required", []):
                if key in value and not props.get(key, {}).get("readOnly"):
                    out.append(((*path, key), MISSING))
            out.append(((*path, "\u2063unknown"), {"any": ["json"]}))
    return out


def _is_shape_error(name: str, body: Any, path: str, keyword: str, schema_path: str) -> bool:
    return keyword in SHAPE or (keyword == "format" and schema_path.endswith("/format") and _format_at(name, body, path) in READ_FORMATS)


def _format_at(name: str, body: Any, where: str) -> Any:
    for path, schema, _ in locations(DOCS[f"{name}.json"], body):
        if pointer(path) == where:
            return schema.get("format")
    return None


@pytest.mark.parametrize("name", MODELS)
@settings(max_examples=60)
@given(data=st.data())
def test_any_single_mutation_the_model_points_where_the_validator_points(name: str, data: st.DataObject) -> None:
    body = data.draw(strategies.for_definition(name, unknown_fields=False), label="valid body")
    options = single_mutations(name, body)
    if not options:
        return
    path, value = data.draw(st.sampled_from(options), label="mutation")
    bad = mutate(body, path, value)
    shape = {e.path for e in validators.validate(name, bad) if _is_shape_error(name, bad, e.path, e.keyword, e.schema_path)}
    try:
        getattr(models, name).from_dict(bad)
    except models.DecodeError as exc:
        assert shape == {exc.pointer}, f"the model says {exc.pointer!r} ({exc}), the validator {shape}"
        return
    assert shape == set(), f"the validator finds {shape}, the model reads the body"


def test_null_on_an_optional_property_is_the_one_deliberate_difference() -> None:
    body = {"location": "w", "properties": {"runAsUser": None}}
    assert models.VirtualMachineRunCommand.from_dict(body).to_dict() == body  # null stays null
    assert _validator_errors("VirtualMachineRunCommand", body) == [("/properties/runAsUser", "type")]
