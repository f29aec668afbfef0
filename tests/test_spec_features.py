"""Spec features real Azure specs use beyond runCommands, each on a small synthetic spec:
constant parameters, `x-ms-error-response`, `x-ms-parameterized-host`, polymorphism
(`discriminator`, `x-ms-discriminator-value`)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import generate_into
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import SpecError
from generator.ir.build import build

ERROR = {"type": "object", "properties": {"error": {"type": "object", "properties": {"code": {"type": "string"}}}}}


def _spec(paths: dict[str, Any], definitions: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"swagger": "2.0", "info": {"title": "T", "version": "2021-01-01"}, "paths": paths, "definitions": {"Err": ERROR, **definitions}, **top}


def _package(tmp_path_factory: pytest.TempPathFactory, name: str, spec: dict[str, Any]) -> ModuleType:
    folder = tmp_path_factory.mktemp(name)
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return generate_into(path, folder / "out", overlay=None)


def _responses(**extra: Any) -> dict[str, Any]:
    return {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}, **extra, "default": {"description": "e", "schema": {"$ref": "#/definitions/Err"}}}


THING = {"type": "object", "properties": {"n": {"type": "integer"}}}

# -- constant parameters ----------------------------------------------------------------------

CONSTANTS = _spec(
    {
        "/things/{policyName}": {
            "get": {
                "operationId": "Things_Get",
                "parameters": [
                    {"name": "policyName", "in": "path", "required": True, "type": "string", "enum": ["default"], "x-ms-enum": {"name": "PolicyName", "modelAsString": True}},
                    {"name": "$filter", "in": "query", "required": True, "type": "string", "enum": ["kind eq 'a'"]},
                    {"name": "api-version", "in": "query", "required": True, "type": "string", "enum": ["2015-11-01"]},
                    {"name": "flag", "in": "query", "required": True, "type": "boolean", "enum": [True]},
                ],
                "responses": _responses(),
            }
        }
    },
    {"Thing": THING},
)


@pytest.fixture(scope="module")
def constants(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _package(tmp_path_factory, "constants", CONSTANTS)


def test_constant_parameters_default_to_their_value_and_take_it(constants: ModuleType) -> None:
    build_get = constants.requests.build_things_get_request
    for request in (build_get(), build_get(policy_name="default", filter="kind eq 'a'", api_version="2015-11-01", flag=True)):
        url = urlsplit(request.url)
        assert url.path == "/things/default"
        # the operation's own api-version constant wins over the spec's info.version
        assert parse_qs(url.query) == {"$filter": ["kind eq 'a'"], "api-version": ["2015-11-01"], "flag": ["true"]}


def test_constant_parameters_refuse_other_values_unless_extensible(constants: ModuleType) -> None:
    build_get = constants.requests.build_things_get_request
    assert urlsplit(build_get(policy_name="other").url).path == "/things/other"  # x-ms-enum modelAsString
    for case in ({"filter": "x"}, {"api_version": "2021-01-01"}, {"flag": False}):
        with pytest.raises(constants.requests.ParameterError) as info:
            build_get(**case)
        assert info.value.python_name == next(iter(case))


# -- x-ms-error-response ----------------------------------------------------------------------

ERRORS = _spec(
    {
        "/things": {
            "get": {
                "operationId": "Things_Get",
                "parameters": [],
                "responses": _responses(
                    **{
                        "400": {"description": "bad", "schema": {"$ref": "#/definitions/Err"}, "x-ms-error-response": True},
                        "409": {"description": "conflict", "schema": {"$ref": "#/definitions/Conflict"}, "x-ms-error-response": True},
                        "404": {"description": "not an error here", "schema": {"$ref": "#/definitions/Err"}},
                    }
                ),
            }
        }
    },
    {"Thing": THING, "Conflict": {"type": "object", "properties": {"reason": {"type": "string"}}}},
)


def test_x_ms_error_response_statuses_raise_with_their_model(tmp_path_factory: pytest.TempPathFactory) -> None:
    pkg = _package(tmp_path_factory, "errors", ERRORS)
    parse = pkg.responses.parse_things_get_response
    assert parse(200, {}, b'{"n": 1}').n == 1
    assert isinstance(parse(404, {}, b'{"error": {"code": "x"}}'), pkg.models.Err)  # declared, not marked an error
    with pytest.raises(pkg.responses.HttpResponseError) as info:
        parse(400, {}, b'{"error": {"code": "Bad"}}')
    assert info.value.status_code == 400 and isinstance(info.value.error, pkg.models.Err) and info.value.code == "Bad"
    with pytest.raises(pkg.responses.HttpResponseError) as info:
        parse(409, {}, b'{"reason": "taken"}')
    assert isinstance(info.value.error, pkg.models.Conflict) and info.value.error.reason == "taken"


# -- x-ms-parameterized-host ------------------------------------------------------------------


def _hosted(template: str, parameters: list[dict[str, Any]], use_scheme_prefix: bool | None, **top: Any) -> dict[str, Any]:
    host: dict[str, Any] = {"hostTemplate": template, "parameters": parameters}
    if use_scheme_prefix is not None:
        host["useSchemePrefix"] = use_scheme_prefix
    path_params = [{"name": "name", "in": "path", "required": True, "type": "string"}]
    return _spec(
        {
            "/secrets/{name}": {
                # the host's parameter repeated on the path item, as some specs do: the host fills it
                "parameters": [parameters[0]],
                "get": {"operationId": "Secrets_Get", "parameters": [*path_params, {"name": "api-version", "in": "query", "required": True, "type": "string"}], "responses": _responses()},
            }
        },
        {"Thing": THING},
        **{"x-ms-parameterized-host": host},
        **top,
    )


VAULT = {"name": "vaultBaseUrl", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True, "x-ms-parameter-location": "client"}
ACCOUNT = {"name": "accountName", "in": "path", "required": True, "type": "string"}


def test_parameterized_host_a_whole_base_url(tmp_path_factory: pytest.TempPathFactory) -> None:
    pkg = _package(tmp_path_factory, "vault", _hosted("{vaultBaseUrl}", [VAULT], False))
    build_get = pkg.requests.build_secrets_get_request
    request = build_get(vault_base_url="https://myvault.vault.azure.net/", name="a b")
    assert request.url == "https://myvault.vault.azure.net/secrets/a%20b?api-version=2021-01-01"
    for bad in ("myvault.vault.azure.net", "https://", "https://x/?q", "https://x#f", "https://a b", ""):
        with pytest.raises(pkg.requests.ParameterError) as info:
            build_get(vault_base_url=bad, name="a")
        assert info.value.python_name == "vault_base_url"
    with pytest.raises(TypeError):
        build_get(vault_base_url="https://v", name="a", base_url="https://other")  # no base_url: the host says


def test_parameterized_host_with_scheme_prefix(tmp_path_factory: pytest.TempPathFactory) -> None:
    pkg = _package(tmp_path_factory, "account", _hosted("{accountName}.blob.example.net", [ACCOUNT], None, schemes=["https"]))
    build_get = pkg.requests.build_secrets_get_request
    assert build_get(account_name="acct", name="x").url == "https://acct.blob.example.net/secrets/x?api-version=2021-01-01"
    # encoded: a value cannot add a path, a port or credentials to the host
    assert urlsplit(build_get(account_name="evil.com/x?y@", name="x").url).netloc == "evil.com%2Fx%3Fy%40.blob.example.net"


def test_parameterized_host_placeholder_without_parameter_is_reported(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_hosted("{accountName}.{zone}", [ACCOUNT], None)), encoding="utf-8")
    with pytest.raises(SpecError, match=r"host placeholder \{zone\} has no parameter"):
        build(spec)


# -- polymorphism -----------------------------------------------------------------------------

SHAPES = _spec(
    {
        "/shapes": {
            "put": {
                "operationId": "Shapes_Put",
                "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Drawing"}}],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Drawing"}}},
            }
        }
    },
    {
        "Drawing": {"type": "object", "properties": {"shapes": {"type": "array", "items": {"$ref": "#/definitions/Shape"}}}},
        "Shape": {
            "type": "object",
            "discriminator": "kind",
            "required": ["kind"],
            "properties": {"kind": {"type": "string"}, "label": {"type": "string"}},
            "additionalProperties": {"type": "object"},
        },
        "Circle": {"x-ms-discriminator-value": "circle", "allOf": [{"$ref": "#/definitions/Shape"}], "required": ["radius"], "properties": {"radius": {"type": "number"}}},
        "Polygon": {"allOf": [{"$ref": "#/definitions/Shape"}], "properties": {"corners": {"type": "integer", "format": "int32"}}},
        "Square": {"x-ms-discriminator-value": "square", "allOf": [{"$ref": "#/definitions/Polygon"}], "properties": {"side": {"type": "number"}}},
        # A discriminator that is a closed enum, with a dot in its wire name.
        "Animal": {"type": "object", "discriminator": "animal.kind", "required": ["animal.kind"], "properties": {"animal.kind": {"$ref": "#/definitions/AnimalKind"}}},
        "AnimalKind": {"type": "string", "enum": ["dog", "cat"], "x-ms-enum": {"name": "AnimalKind", "modelAsString": False}},
        "Dog": {"x-ms-discriminator-value": "dog", "allOf": [{"$ref": "#/definitions/Animal"}], "properties": {"barks": {"type": "boolean"}}},
    },
)


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _package(tmp_path_factory, "shapes", SHAPES)


def test_subtypes_are_subclasses_and_the_base_parses_the_one_named(shapes: ModuleType) -> None:
    m = shapes.models
    assert issubclass(m.Circle, m.Shape) and issubclass(m.Square, m.Polygon) and issubclass(m.Polygon, m.Shape)
    bodies = [
        ({"kind": "circle", "radius": 2.5, "label": "c"}, m.Circle),
        ({"kind": "Polygon", "corners": 5}, m.Polygon),  # no x-ms-discriminator-value: the definition name
        ({"kind": "square", "corners": 4, "side": 1}, m.Square),  # a subtype of a subtype
        ({"kind": "hexagon", "sides": {"n": 6}}, m.Shape),  # unknown: the base, every field kept
    ]
    drawing = {"shapes": [body for body, _ in bodies]}
    parsed = m.Drawing.from_dict(drawing)
    assert [type(s) for s in parsed.shapes] == [cls for _, cls in bodies]
    assert parsed.to_dict() == drawing
    assert type(m.Polygon.from_dict({"kind": "square", "side": 1})) is m.Square  # an inner base dispatches too
    assert type(m.Circle.from_dict({"kind": "circle", "radius": 1})) is m.Circle
    assert m.Shape.from_dict({"kind": "circle", "radius": 1}) == m.Circle(kind="circle", radius=1)
    assert m.Shape(kind="circle") != m.Circle(kind="circle", radius=1) != m.Shape(kind="circle")  # never equal


def test_a_subtype_fills_in_its_own_discriminator_value(shapes: ModuleType) -> None:
    m = shapes.models
    assert m.Circle(radius=1).to_dict() == {"kind": "circle", "radius": 1}
    assert m.Square(side=2).kind == "square" and m.Polygon().kind == "Polygon"
    assert m.Shape.from_dict(m.Square(side=2).to_dict()) == m.Square(side=2)
    assert m.Circle(kind="other", radius=1).kind == "other"  # still the caller's to choose
    # An enum discriminator defaults to its member; the base still needs a value.
    assert m.Dog().animal_kind is m.AnimalKind.DOG and m.Dog(barks=True).to_dict() == {"animal.kind": "dog", "barks": True}
    with pytest.raises(TypeError):
        m.Shape()
    # dataclasses sees the defaults the constructors have.
    defaults = {f.name: f.default for f in dataclasses.fields(m.Square)}
    assert defaults["kind"] == "square" and defaults["side"] is shapes.UNSET
    assert {f.name: f.default for f in dataclasses.fields(m.Dog)}["animal_kind"] is m.AnimalKind.DOG
    assert [f.name for f in dataclasses.fields(m.Shape) if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING] == ["kind"]
    assert dataclasses.replace(m.Square(side=2), side=3) == m.Square(side=3)


def test_validators_check_a_body_as_the_subtype_it_names(shapes: ModuleType) -> None:
    validate = shapes.validators.validate
    # The base's additionalProperties (objects) does not apply to a subtype's own number fields.
    assert validate("Drawing", {"shapes": [{"kind": "circle", "radius": 1}, {"kind": "square", "side": 2}]}) == []
    errors = validate("Drawing", {"shapes": [{"kind": "circle"}, {"kind": "square", "side": "wide"}, {"kind": "other", "extra": 1}, 5]})
    assert sorted((e.path, e.keyword) for e in errors) == [
        ("/shapes/0", "required"),  # Circle's radius
        ("/shapes/1/side", "type"),
        ("/shapes/2/extra", "type"),  # the base's own additionalProperties
        ("/shapes/3", "type"),  # reported once, by the base
    ]
    schema = shapes.schemas.load("Shape")
    # One if/then per subtype and an if/else for any other body, side by side (not nested).
    first, rest = schema["allOf"][0], schema["allOf"][-1]
    assert first["if"]["properties"] == {"kind": {"const": "Polygon"}} and first["then"] == {"$ref": "Polygon.json"}
    assert rest["if"]["properties"]["kind"]["enum"] == [c["if"]["properties"]["kind"]["const"] for c in schema["allOf"][:-1]]
    assert rest["else"]["type"] == "object"


def test_polymorphism_problems_are_reported(tmp_path: Path) -> None:
    definitions = json.loads(json.dumps(SHAPES["definitions"]))
    definitions["Shape"]["discriminator"] = "type"
    definitions["Triangle"] = {"x-ms-discriminator-value": "circle", "allOf": [{"$ref": "#/definitions/Shape"}]}
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({**SHAPES, "definitions": definitions}), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        build(spec)
    messages = [p.message for p in info.value.problems]
    assert "discriminator 'type' is not a property of Shape" in messages


def test_polymorphism_duplicate_value_is_reported(tmp_path: Path) -> None:
    definitions = {**SHAPES["definitions"], "Triangle": {"x-ms-discriminator-value": "circle", "allOf": [{"$ref": "#/definitions/Shape"}]}}
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({**SHAPES, "definitions": definitions}), encoding="utf-8")
    with pytest.raises(SpecError, match="discriminator value 'circle' names both Circle and Triangle"):
        build(spec)


@settings(max_examples=40)
@given(data=st.data())
def test_drawn_polymorphic_bodies_are_valid_and_parse_to_their_subtype(shapes: ModuleType, data: st.DataObject) -> None:
    """A base's bodies are its subtypes'; with unknown fields, also its own, naming no subtype."""
    unknown = data.draw(st.booleans())
    body = data.draw(shapes.strategies.for_definition("Shape", unknown_fields=unknown))
    assert shapes.validators.validate("Shape", body) == []
    parsed = shapes.models.Shape.from_dict(body)
    if body["kind"] in shapes.models._SUBTYPES_Shape:  # discriminator value -> subtype
        assert type(parsed) is not shapes.models.Shape
    else:
        assert unknown and type(parsed) is shapes.models.Shape
    assert parsed.to_dict() == body


def test_a_base_body_naming_no_subtype_is_drawn(shapes: ModuleType) -> None:
    """hypothesis finds one (so the strategy can draw it at all)."""
    from hypothesis import find

    body = find(shapes.strategies.for_definition("Shape"), lambda b: type(shapes.models.Shape.from_dict(b)) is shapes.models.Shape)
    assert shapes.validators.validate("Shape", body) == []


# -- a schema with `properties` but no `type` -------------------------------------------------
# Decision: it is an object, everywhere (Azure's convention; draft 4 would accept any type).
# The model, the validator and the JSON Schema document agree, and `specgen lint` reports
# MissingTypeObject so the spec can say it.

UNTYPED = _spec(
    {"/skus": {"get": {"operationId": "Skus_Get", "parameters": [], "responses": _responses()}}},
    {
        "Thing": {"type": "object", "properties": {"sku": {"$ref": "#/definitions/Sku"}, "bag": {"properties": {"a": {"type": "string"}}}, "extra": {"additionalProperties": {"type": "string"}}}},
        "Sku": {"properties": {"name": {"type": "string"}}},
    },
)


def test_properties_without_type_is_an_object_everywhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    pkg = _package(tmp_path_factory, "untyped", UNTYPED)
    assert pkg.schemas.load("Sku")["type"] == "object"
    thing = pkg.schemas.load("Thing")["properties"]
    assert thing["bag"]["type"] == thing["extra"]["type"] == "object"
    for pointer, body in (("/sku", {"sku": "S1"}), ("/bag", {"bag": ["a"]}), ("/extra", {"extra": 5})):
        errors = pkg.validators.validate("Thing", body)
        assert [(e.path, e.keyword) for e in errors] == [(pointer, "type")]
        with pytest.raises(pkg.DecodeError) as info:
            pkg.models.Thing.from_dict(body)
        assert info.value.pointer == pointer
    body = {"sku": {"name": "S1"}, "bag": {"a": "x"}, "extra": {"k": "v"}}
    assert pkg.validators.validate("Thing", body) == [] and pkg.models.Thing.from_dict(body).to_dict() == body


def test_properties_without_type_is_a_lint_finding(tmp_path: Path) -> None:
    from generator.lint import lint

    spec = tmp_path / "specification" / "spec.json"
    spec.parent.mkdir()
    spec.write_text(json.dumps(UNTYPED, indent=1), encoding="utf-8")
    found = sorted(f.pointer for f in lint([spec], rules=["MissingTypeObject"], use_suppressions=False).findings)
    assert found == ["/definitions/Sku", "/definitions/Thing/properties/bag", "/definitions/Thing/properties/extra"]
