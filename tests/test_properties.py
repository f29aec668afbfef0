"""Property tests over every definition of the generated runCommands package.

Bodies come from the generated `runcommands.strategies` (drawn from the IR), and are checked
against the emitted JSON Schemas by two independent validators (the `jsonschema` library and, once
it is generated, `runcommands.validators`), against the models (exact round trips, request bodies
without read-only fields), against single constraint-breaking mutations, and for secrets in repr.
Runs under the conftest hypothesis profile (`ci`: derandomized, no deadline).
"""

from __future__ import annotations

import copy
import importlib
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import GENERATED
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from runcommands import models, schemas, strategies

DOCS: dict[str, dict[str, Any]] = schemas.load_all()
DEFINITIONS = sorted(name.removesuffix(".json") for name in DOCS)
MODELS = [n for n in DEFINITIONS if DOCS[f"{n}.json"].get("type") == "object"]
ENUMS = [n for n in DEFINITIONS if n not in MODELS]
SECRET = "x-ms-secret"
MARKER = "\u2063s3cr3t-MARKER\u2063"  # recognisable, and unlikely in any drawn text

# Per-test example counts: the profile's 150 for the cheap checks, fewer for the heavier ones,
# so the whole module stays well under two minutes on a 2-core machine.
FEW = 75


# -- schema helpers ----------------------------------------------------------------------------


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """A property schema with its `$ref` followed; sibling annotations (readOnly, secret) kept;
    the properties and required names of its `allOf` parents (a document refers to its base
    model's document rather than repeat its fields) merged in."""
    while "$ref" in schema:
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        schema = {**DOCS[schema["$ref"]], **siblings}
    if "allOf" in schema:
        parents = [resolve(part) for part in schema["allOf"]]
        props = {k: v for part in parents for k, v in part.get("properties", {}).items()}
        required = [r for part in parents for r in part.get("required", [])]
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        schema = {**rest, "properties": {**props, **schema.get("properties", {})}, "required": required + schema.get("required", [])}
    return schema


def pointer(path: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


Location = tuple[tuple[str | int, ...], dict[str, Any], Any]  # (path, resolved schema, value)


def locations(schema: dict[str, Any], value: Any, path: tuple[str | int, ...] = ()) -> Iterator[Location]:
    """Every instance location the schemas describe (unknown extra fields have no schema)."""
    schema = resolve(schema)
    yield path, schema, value
    if isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            sub = props.get(key, extra)
            if isinstance(sub, dict):
                yield from locations(sub, item, (*path, key))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            yield from locations(schema["items"], item, (*path, i))


def strip_read_only(schema: dict[str, Any], value: Any) -> Any:
    """What a request body keeps of `value`: read-only properties gone at every depth."""
    schema = resolve(schema)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        out = {}
        for key, item in value.items():
            sub = props.get(key, extra)
            if not isinstance(sub, dict):
                out[key] = item  # an unknown field: kept as is
            elif not resolve(sub).get("readOnly"):
                out[key] = strip_read_only(sub, item)
        return out
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [strip_read_only(schema["items"], item) for item in value]
    return value


def has_read_only(name: str, body: Any) -> bool:
    return any(s.get("readOnly") for path, s, _ in locations(DOCS[f"{name}.json"], body) if path)


def reaches_secret(name: str) -> bool:
    """Whether a body of `name` can hold a secret field (through refs, items, maps)."""
    seen: set[str] = set()
    todo = [DOCS[f"{name}.json"]]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            if node.get(SECRET):
                return True
            ref = node.get("$ref")
            if isinstance(ref, str) and ref not in seen:
                seen.add(ref)
                todo.append(DOCS[ref])
            todo.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            todo.extend(node)
    return False


def plant_secrets(name: str, body: Any) -> tuple[Any, int]:
    """`body` with every string under a secret field replaced by one holding MARKER."""
    body = copy.deepcopy(body)
    planted = 0

    def mark(value: Any) -> Any:
        nonlocal planted
        if isinstance(value, str):
            planted += 1
            return MARKER + value
        if isinstance(value, list):
            return [mark(v) for v in value]
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        return value

    for path, schema, value in list(locations(DOCS[f"{name}.json"], body)):
        if path and schema.get(SECRET):
            set_at(body, path, mark(value))
    return body, planted


def set_at(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    if not path:
        return value
    parent = body
    for p in path[:-1]:
        parent = parent[p]
    parent[path[-1]] = value
    return body


# -- validators --------------------------------------------------------------------------------

REGISTRY: Registry[Any] = Registry().with_resources(
    (uri, Resource(contents=doc, specification=DRAFT202012)) for uri, doc in DOCS.items()
)


@cache
def library_validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(
        DOCS[f"{name}.json"], registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def library_errors(name: str, body: Any) -> list[tuple[str, str]]:
    return [(pointer(e.absolute_path), str(e.validator)) for e in library_validator(name).iter_errors(body)]


def our_validators() -> ModuleType | None:
    """The generated validators, once `validator_emit` is wired into the package; else None."""
    try:
        return importlib.import_module("runcommands.validators")
    except ModuleNotFoundError as exc:
        if exc.name != "runcommands.validators":
            raise
        return None


OURS = our_validators()
SKIP_OURS = "runcommands.validators is not generated yet: only the jsonschema library was checked"


def all_errors(name: str, body: Any, request: bool = False) -> dict[str, list[tuple[str, str]]]:
    """(pointer, keyword) of every error, per validator: the jsonschema library and (if generated)
    ours. The library ignores readOnly, so `request` matters to ours only."""
    found = {"jsonschema": library_errors(name, body)}
    if OURS is not None:
        found["specgen"] = [(e.path, e.keyword) for e in OURS.validate(name, body, request=request)]
    return found


# -- the properties ----------------------------------------------------------------------------


def test_every_definition_has_a_strategy() -> None:
    assert list(strategies.DEFINITIONS) == DEFINITIONS
    assert set(MODELS) | set(ENUMS) == set(DEFINITIONS) and len(MODELS) > 15 and len(ENUMS) >= 4
    with pytest.raises(KeyError, match="unknown definition 'Nope'"):
        strategies.for_definition("Nope")


def test_importing_strategies_needs_no_hypothesis() -> None:
    """The package stays dependency-free: hypothesis is imported only when a body is drawn."""
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "from runcommands import strategies\n"
        "assert 'VirtualMachineRunCommand' in strategies.DEFINITIONS\n"
        "try:\n"
        "    strategies.for_definition('VirtualMachineRunCommand')\n"
        "except ImportError:\n"
        "    print('lazy')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "lazy"


def test_our_validators_are_checked_too() -> None:
    """The tests below check drawn bodies with `runcommands.validators` too, once it exists."""
    if OURS is None:
        pytest.skip(SKIP_OURS)
    assert set(OURS.VALIDATORS) >= set(DEFINITIONS)


@pytest.mark.parametrize("name", DEFINITIONS)
@settings(max_examples=FEW)
@given(data=st.data())
def test_drawn_bodies_are_valid(name: str, data: st.DataObject) -> None:
    body = data.draw(strategies.for_definition(name), label="response body")
    for validator, errors in all_errors(name, body).items():
        assert errors == [], f"{validator} rejects a drawn body"
    request = data.draw(strategies.for_definition(name, request=True), label="request body")
    for validator, errors in all_errors(name, request, request=True).items():
        assert errors == [], f"{validator} rejects a drawn request body"
    assert not has_read_only(name, request)
    if name in MODELS:  # a drawn request body survives the model as a request body
        assert getattr(models, name).from_dict(request).to_dict(request=True) == request


@pytest.mark.parametrize("name", MODELS)
@given(data=st.data())
def test_model_round_trip_and_request_body(name: str, data: st.DataObject) -> None:
    cls = getattr(models, name)
    body = data.draw(strategies.for_definition(name), label="response body")
    model = cls.from_dict(body)
    assert model.to_dict() == body
    # model -> request body -> model keeps every field that is not read-only
    request = model.to_dict(request=True)
    assert request == strip_read_only(DOCS[f"{name}.json"], body)
    assert cls.from_dict(request).to_dict() == request


@pytest.mark.parametrize("name", ENUMS)
@given(data=st.data())
def test_enum_values_round_trip_through_the_lookup(name: str, data: st.DataObject) -> None:
    cls = getattr(models, name)
    lookup = getattr(models, f"_VALUES_{name}")
    extensible = "enum" not in DOCS[f"{name}.json"]
    value = data.draw(strategies.for_definition(name))
    if not extensible:
        assert value in lookup and lookup[value].value == value
    member = lookup.get(value, value)
    assert (member.value if isinstance(member, cls) else member) == value


# Mutations: (kind, path, new value or MISSING, the pointer the error must name).
MISSING = object()
WRONG_TYPE = {"string": 0, "integer": "0", "number": "0", "boolean": 0, "object": [], "array": {}, "null": 0}


def mutations(name: str, body: Any) -> list[tuple[str, tuple[str | int, ...], Any, str]]:
    out: list[tuple[str, tuple[str | int, ...], Any, str]] = []
    for path, schema, value in locations(DOCS[f"{name}.json"], body):
        where = pointer(path)
        if isinstance(schema.get("type"), str):
            out.append(("wrong type", path, WRONG_TYPE[schema["type"]], where))
        if schema.get("type") == "integer":
            if "maximum" in schema:
                out.append(("above maximum", path, schema["maximum"] + 1, where))
            if "minimum" in schema:
                out.append(("below minimum", path, schema["minimum"] - 1, where))
        if "enum" in schema:
            out.append(("closed enum", path, "\u2063not-a-member", where))
        if schema.get("format") == "date-time":
            out.append(("bad date-time", path, "2024-13-01T00:00:00Z", where))
        if isinstance(value, dict):
            for key in schema.get("required", []):
                if key in value:
                    out.append(("missing required", (*path, key), MISSING, where))
    return out


def mutate(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    body = copy.deepcopy(body)
    if value is MISSING:
        parent = body
        for p in path[:-1]:
            parent = parent[p]
        del parent[path[-1]]
        return body
    return set_at(body, path, value)


@pytest.mark.parametrize("name", DEFINITIONS)
@settings(max_examples=FEW)
@given(data=st.data())
def test_a_single_mutation_is_rejected_at_its_path(name: str, data: st.DataObject) -> None:
    body = data.draw(strategies.for_definition(name), label="valid body")
    kind, path, value, where = data.draw(st.sampled_from(mutations(name, body)), label="mutation")
    bad = mutate(body, path, value)
    errors = all_errors(name, bad)
    for validator, found in errors.items():
        assert found, f"{validator}: {kind} at {where!r} was accepted"
        assert where in {p for p, _ in found}, f"{validator}: {kind} at {where!r}, but errors name {found}"
    if "specgen" in errors:  # differential: both validators fail the same instance paths
        assert {p for p, _ in errors["specgen"]} == {p for p, _ in errors["jsonschema"]}, errors


SECRET_MODELS = [n for n in MODELS if reaches_secret(n)]


@pytest.mark.parametrize("name", SECRET_MODELS)
def test_secrets_never_appear_in_repr(name: str) -> None:
    cls = getattr(models, name)
    planted_total = 0

    @settings(max_examples=FEW)
    @given(strategies.for_definition(name))
    def check(body: Any) -> None:
        nonlocal planted_total
        marked, planted = plant_secrets(name, body)
        planted_total += planted
        model = cls.from_dict(marked)
        assert MARKER not in repr(model)
        assert MARKER not in str(model)
        assert model.to_dict() == marked  # the secret is kept, only never shown

    check()
    assert planted_total > 0, "no drawn body held a secret: the property was never exercised"


def test_secret_fields_are_known() -> None:
    secrets = {
        (n, key)
        for n in MODELS
        for key, prop in DOCS[f"{n}.json"].get("properties", {}).items()
        if prop.get(SECRET)
    }
    assert secrets == {
        ("VirtualMachineRunCommandProperties", "runAsPassword"),
        ("VirtualMachineRunCommandProperties", "protectedParameters"),
    }
    assert "VirtualMachineRunCommand" in SECRET_MODELS


# -- the strategy emitter on constraints the runCommands spec does not use ---------------------

CONSTRAINED_SPEC: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Constrained", "version": "2030-01-01"},
    # Operations reach both definitions. (Definitions reached only from `definitions` are
    # partly dropped by build.discover: every such root shares the pointer "/" in its seen set.)
    "paths": {
        "/nodes": {
            "get": {"operationId": "Nodes_Get", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Node"}}}},
            "put": {
                "operationId": "Nodes_Count",
                "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Counts"}}],
                "responses": {"200": {"description": "ok"}},
            },
        }
    },
    "definitions": {
        "Node": {
            "type": "object",
            "required": ["id", "kind"],
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z][a-z0-9-]{2,9}$", "minLength": 4},
                "kind": {"type": "string", "enum": ["leaf", "branch"], "x-ms-enum": {"name": "Kind", "modelAsString": False}},
                "mood": {"type": "string", "enum": ["calm", "busy"], "x-ms-enum": {"name": "Mood", "modelAsString": True}},
                "label": {"type": "string", "minLength": 2, "maxLength": 5},
                "weight": {"type": "integer", "format": "int64"},
                "score": {"type": "number", "minimum": 0, "maximum": 1, "exclusiveMaximum": True},
                "step": {"type": "integer", "minimum": -50, "maximum": 50, "multipleOf": 5},
                "ratio": {"type": "number", "multipleOf": 0.25, "minimum": -2, "maximum": 2},
                "small": {"type": "integer", "minimum": 1, "exclusiveMinimum": True, "maximum": 3},
                "when": {"type": "string", "format": "date"},
                "uid": {"type": "string", "format": "uuid"},
                "seen": {"type": "string", "format": "date-time"},
                "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 2, "uniqueItems": True},
                "children": {"type": "array", "items": {"$ref": "#/definitions/Node"}},
                "parent": {"$ref": "#/definitions/Node", "readOnly": True},
                "byName": {"type": "object", "additionalProperties": {"$ref": "#/definitions/Node"}},
                "meta": {"type": "object", "properties": {"note": {"type": "string", "readOnly": True}}},
            },
        },
        "Counts": {
            "type": "object",
            "properties": {"total": {"type": "integer", "format": "int32"}},
            "additionalProperties": {"type": "integer", "minimum": 0, "maximum": 9},
        },
    },
}


@pytest.fixture(scope="module")
def constrained(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    import json

    from conftest import generate_into

    folder = tmp_path_factory.mktemp("constrained")
    spec = folder / "constrained.json"
    spec.write_text(json.dumps(CONSTRAINED_SPEC), encoding="utf-8")
    return generate_into(spec, folder / "out", overlay=None, root=folder)


@pytest.mark.parametrize("name", ["Node", "Counts"])
def test_strategies_honour_constraints_and_recursion(constrained: ModuleType, name: str) -> None:
    docs = constrained.schemas.load_all()
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource(contents=doc, specification=DRAFT202012)) for uri, doc in docs.items()
    )
    validator = Draft202012Validator(docs[f"{name}.json"], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    cls = getattr(constrained.models, name)
    depth = {"max": 0}

    def nesting(body: Any, level: int = 0) -> int:
        kids = body.get("children", []) if isinstance(body, dict) else []
        return max([level, *(nesting(k, level + 1) for k in kids if isinstance(k, dict))])

    @settings(max_examples=30)  # a Node is a tree: each example is large
    @given(st.data())
    def check(data: st.DataObject) -> None:
        body = data.draw(constrained.strategies.for_definition(name), label="body")
        assert [e.message for e in validator.iter_errors(body)] == []
        assert cls.from_dict(body).to_dict() == body
        depth["max"] = max(depth["max"], nesting(body))
        request = data.draw(constrained.strategies.for_definition(name, request=True, unknown_fields=False), label="request")
        assert [e.message for e in validator.iter_errors(request)] == []
        assert "parent" not in request and "note" not in request.get("meta", {})
        known = set(docs[f"{name}.json"]["properties"])
        if name == "Node":
            assert set(request) <= known

    check()
    if name == "Node":  # a Node inside a Node was drawn: the recursion is exercised
        assert depth["max"] >= 1, "recursion was never exercised"
    source = Path(constrained.strategies.__file__).read_text(encoding="utf-8")
    assert "not ECMA-262" in source  # the pattern caveat is said in the code
