"""No spec name breaks the generated code: one synthetic spec holds a corpus of hostile names in
every position a spec can name something, and the package it gives must import, pass
`mypy --strict` and `ruff`, and round-trip.

The corpus: every keyword and soft keyword, every builtin, the dunders of objects, types, strings,
ints and enums, and every name the generated modules use, read from a package generated from a
probe spec whose own names all contain "probe" (so what is left is the generator's vocabulary).
Positions: definition, property, flattened property, x-ms-client-name (properties and
parameters), enum value, x-ms-enum value name, operationId, path/query/header parameter (of every
type: builders use `len`, `str` and their own helpers), response header.
"""

from __future__ import annotations

import ast
import builtins
import enum
import importlib
import json
import keyword
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import pytest

from generator import ir
from generator.errors import join_pointer
from generator.ir.build import build

ROOT = Path(__file__).resolve().parents[1]

# Field and parameter types, cycled through the corpus so that every name shares a class body or
# builder with code of every kind (a name shadows the whole scope it is bound in).
PROPERTY_TYPES: list[dict[str, Any]] = [
    {"type": "string", "maxLength": 50},
    {"type": "integer", "format": "int32"},
    {"type": "number"},
    {"type": "boolean"},
    {"type": "string", "format": "date-time"},
    {"type": "array", "items": {"type": "string"}, "minItems": 0},
    {"type": "object", "additionalProperties": {"type": "integer"}},
    {"$ref": "#/definitions/CorpusValues"},
    {"$ref": "#/definitions/CorpusLeaf"},
    {"type": "array", "items": {"$ref": "#/definitions/CorpusLeaf"}},
    {"type": "string", "x-ms-secret": True},
    {"$ref": "#/definitions/CorpusLeaf", "x-ms-secret": True},
    {"type": "string", "readOnly": True},
    # Formats with Python types of their own (models.py names them privately: a field may be `time`).
    {"type": "string", "format": "date"},
    {"type": "string", "format": "time"},
    {"type": "string", "format": "duration"},
    {"type": "string", "format": "byte"},
    {"type": "number", "format": "decimal"},
    {"type": "integer", "format": "unixtime"},
]
PARAMETER_TYPES: list[dict[str, Any]] = [
    {"type": "string", "maxLength": 50, "pattern": "^[a-z]*$"},
    {"type": "integer", "minimum": 0},
    {"type": "number", "maximum": 10},
    {"type": "boolean"},
    {"type": "string", "enum": ["a", "b"], "x-ms-enum": {"name": "CorpusChoice", "modelAsString": False}},
    {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3},
    {"type": "string", "format": "date-time"},
    {"type": "string", "format": "date"},
]
SAMPLE = {
    "string": "abc", "integer": 1, "number": 2.5, "boolean": True, "date-time": "2020-01-01T00:00:00Z",
    "date": "2020-01-01", "time": "10:00:00", "duration": "PT1H", "byte": "AP8=", "decimal": 2.5, "unixtime": 1,
}
METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
API_VERSION = {"name": "api-version", "in": "query", "required": True, "type": "string"}


# -- the corpus --------------------------------------------------------------------------------


PROBE: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Probe", "version": "2020-01-01"},
    "paths": {
        "/probeThings/{probeName}/raw/{probeRaw}": {
            "put": {
                "operationId": "ProbeThings_Put",
                "x-ms-long-running-operation": True,
                "x-ms-long-running-operation-options": {"final-state-via": "azure-async-operation"},
                "parameters": [
                    {"name": "probeName", "in": "path", "required": True, "type": "string", "pattern": "^[a-z]+$", "maxLength": 9},
                    {"name": "probeRaw", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True},
                    {"name": "probeCount", "in": "query", "type": "integer", "minimum": 1, "maximum": 9},
                    {"name": "probeRatio", "in": "query", "type": "number", "minimum": 0, "exclusiveMinimum": True},
                    {"name": "probeFlag", "in": "query", "type": "boolean"},
                    {"name": "probeWhen", "in": "query", "type": "string", "format": "date-time"},
                    {"name": "probeList", "in": "query", "type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 4},
                    {"name": "probeKind", "in": "query", "type": "string", "enum": ["a", "b"], "x-ms-enum": {"name": "ProbeKind", "modelAsString": False}},
                    {"name": "probeMood", "in": "query", "type": "string", "enum": ["c", "d"], "x-ms-enum": {"name": "ProbeMood", "modelAsString": True}},
                    {"name": "probeConst", "in": "query", "required": True, "type": "string", "enum": ["fixed"]},
                    {"name": "probe-header", "in": "header", "type": "string", "minLength": 2},
                    API_VERSION,
                    {"name": "probeBody", "in": "body", "required": True, "schema": {"$ref": "#/definitions/ProbeOuter"}},
                ],
                "responses": {
                    "200": {"description": "ok", "schema": {"$ref": "#/definitions/ProbeOuter"}},
                    "201": {"description": "created", "schema": {"$ref": "#/definitions/ProbeOuter"}, "headers": {"Azure-AsyncOperation": {"type": "string"}}},
                    "default": {"description": "error", "schema": {"$ref": "#/definitions/ProbeError"}},
                },
            },
        },
        "/probeThings/{probeName}": {
            "get": {
                "operationId": "ProbeThings_List",
                "x-ms-pageable": {"nextLinkName": "probeNext", "itemName": "probeItems"},
                "parameters": [{"name": "probeName", "in": "path", "required": True, "type": "string"}, API_VERSION],
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/ProbePage"}}, "default": {"description": "error", "schema": {"$ref": "#/definitions/ProbeError"}}},
            },
            "post": {
                "operationId": "ProbeThings_Post",
                "parameters": [
                    {"name": "probeName", "in": "path", "required": True, "type": "string"},
                    {"name": "probeAny", "in": "body", "schema": {"type": "object"}},
                ],
                "responses": {"204": {"description": "none"}, "200": {"description": "any", "schema": {"type": "string"}}},
            },
            "patch": {
                "operationId": "ProbeThings_Patch",
                "parameters": [
                    {"name": "probeName", "in": "path", "required": True, "type": "string"},
                    {"name": "probeDay", "in": "query", "type": "string", "format": "date"},
                    {"name": "probeSpan", "in": "body", "schema": {"type": "string", "format": "duration"}},
                ],
                "responses": {"200": {"description": "a decimal", "schema": {"type": "number", "format": "decimal"}}},
            },
            "head": {
                "operationId": "ProbeThings_Head",
                "parameters": [
                    {"name": "probeName", "in": "path", "required": True, "type": "string"},
                    {"name": "probeDays", "in": "body", "required": True, "schema": {"type": "array", "items": {"type": "string", "format": "date"}}},
                ],
                "responses": {"200": {"description": "bytes", "schema": {"type": "string", "format": "base64url"}}},
            },
        }
    },
    "definitions": {
        "ProbeKindDef": {"type": "integer", "enum": [1, 2], "x-ms-enum": {"name": "ProbeKindDef", "modelAsString": False}},
        "ProbeOpenDef": {"type": "string", "enum": ["x"], "x-ms-enum": {"name": "ProbeOpenDef", "modelAsString": True}},
        "ProbeInner": {
            "type": "object",
            "required": ["probeNeeded"],
            "properties": {"probeNeeded": {"type": "string"}, "probeKind": {"$ref": "#/definitions/ProbeKindDef"}},
        },
        "ProbeSoft": {"type": "object", "properties": {"probeSoftly": {"type": "string"}}},
        "ProbeOuter": {
            "type": "object",
            "required": ["probeId"],
            "properties": {
                "probeId": {"type": "string"},
                "probeNumber": {"type": "number"},
                "probeInt": {"type": "integer", "format": "int64"},
                "probeBool": {"type": "boolean"},
                "probeTime": {"type": "string", "format": "date-time"},
                "probeOpen": {"$ref": "#/definitions/ProbeOpenDef"},
                "probeTags": {"type": "object", "additionalProperties": {"type": "string"}},
                "probeTimes": {"type": "array", "items": {"type": "string", "format": "date-time"}},
                "probeDay": {"type": "string", "format": "date"},
                "probeClock": {"type": "string", "format": "time"},
                "probeHttpDate": {"type": "string", "format": "date-time-rfc1123"},
                "probeEpoch": {"type": "integer", "format": "unixtime"},
                "probeSpans": {"type": "array", "items": {"type": "string", "format": "duration"}},
                "probeBlob": {"type": "string", "format": "byte"},
                "probeUrlBlob": {"type": "string", "format": "base64url"},
                "probeAmount": {"type": "number", "format": "decimal"},
                "probeMap": {"type": "object", "additionalProperties": {"$ref": "#/definitions/ProbeInner"}},
                "probeSecret": {"type": "string", "x-ms-secret": True},
                "probeSecrets": {"type": "array", "items": {"$ref": "#/definitions/ProbeInner"}, "x-ms-secret": True},
                "probeState": {"type": "string", "readOnly": True},
                "probeInner": {"$ref": "#/definitions/ProbeInner", "x-ms-client-flatten": True},
                "probeSoft": {"$ref": "#/definitions/ProbeSoft", "x-ms-client-flatten": True},
                "probeAnon": {"type": "object", "properties": {"probeDeep": {"type": "string"}}},
            },
            "additionalProperties": {"type": "string"},
        },
        "ProbePage": {
            "type": "object",
            "properties": {"probeItems": {"type": "array", "items": {"$ref": "#/definitions/ProbeOuter"}}, "probeNext": {"type": "string"}},
        },
        "ProbeError": {"type": "object", "properties": {"error": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
        "ProbeEmpty": {"type": "object"},
    },
}


def _generate(spec: dict[str, Any], folder: Path, package: str) -> subprocess.CompletedProcess[str]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(path), "--out", str(folder / "out"), "--package", package, "--no-overlay"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=900,
    )


def generated_vocabulary(folder: Path) -> set[str]:
    """Every name the modules of a generated package define (modules, classes, functions,
    parameters, locals, attributes they set, imports), minus the probe spec's own."""
    run = _generate(PROBE, folder, "probe")
    assert run.returncode == 0, run.stderr
    names: set[str] = set()
    for path in (folder / "out" / "probe").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Name, ast.Attribute)) and isinstance(node.ctx, ast.Store):
                names.add(node.id if isinstance(node, ast.Name) else node.attr)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[0])
            elif isinstance(node, ast.ExceptHandler) and node.name:
                names.add(node.name)
    return {n for n in names if "probe" not in n.casefold()}


def corpus(vocabulary: set[str]) -> list[str]:
    dunders = {n for kind in (object, type, enum.Enum, ModuleType) for n in dir(kind) if n.startswith("__")}
    dunders |= {"__all__", "__annotations__", "__builtins__", "__dataclass_fields__", "__dataclass_params__", "__debug__", "__file__", "__getattr__", "__match_args__", "__path__", "__slots__", "__spec__"}
    soft = {"_", "case", "match", "type"}
    return sorted(set(keyword.kwlist) | soft | set(dir(builtins)) | dunders | vocabulary)


def corpus_spec(names: list[str]) -> dict[str, Any]:
    definitions: dict[str, Any] = {name: {"type": "object"} for name in names}
    properties = {name: PROPERTY_TYPES[i % len(PROPERTY_TYPES)] for i, name in enumerate(names)}
    definitions.update({
        "CorpusLeaf": {"type": "object", "properties": {"leaf": {"type": "string"}}},
        # Extensible, so that no validator message lists all of them (black would run on that line).
        "CorpusValues": {"type": "string", "enum": names, "x-ms-enum": {"name": "CorpusValues", "modelAsString": True}},
        "CorpusNames": {
            "type": "string",
            "enum": [f"v{i}" for i in range(len(names))],
            "x-ms-enum": {"name": "CorpusNames", "modelAsString": True, "values": [{"value": f"v{i}", "name": n} for i, n in enumerate(names)]},
        },
        # every other property required: the constructor's required and optional arguments
        "CorpusProps": {"type": "object", "properties": properties, "required": names[::2]},
        "CorpusClient": {
            "type": "object",
            "properties": {f"c{i}": {**PROPERTY_TYPES[i % len(PROPERTY_TYPES)], "x-ms-client-name": n} for i, n in enumerate(names)},
        },
        # Flattened beside fields of its own that take the accessors' names (they get prefixed).
        "CorpusFlat": {
            "type": "object",
            "properties": {
                "props": {"$ref": "#/definitions/CorpusProps", "x-ms-client-flatten": True},
                "client": {"$ref": "#/definitions/CorpusClient"},
                **{name: {"type": "string"} for name in names[::7]},
            },
        },
        "CorpusAll": {"type": "object", "properties": {"values": {"$ref": "#/definitions/CorpusValues"}, "names": {"$ref": "#/definitions/CorpusNames"}}},
    })
    ok = {"200": {"description": "ok", "schema": {"$ref": "#/definitions/CorpusFlat"}, "headers": {n: {"type": "string"} for n in names}}}

    def parameters(where: str, client: bool = False) -> list[dict[str, Any]]:
        out = [API_VERSION]
        for i, name in enumerate(names):
            schema = PARAMETER_TYPES[i % len(PARAMETER_TYPES)]
            if where != "query" and schema["type"] == "array":
                schema = PARAMETER_TYPES[0]
            param = {"name": f"q{i}" if client else name, "in": where, **schema}
            if client:
                param["x-ms-client-name"] = name
            out.append({**param, "required": True} if where == "path" else param)
        return out

    paths: dict[str, Any] = {
        "/query": {"get": {"operationId": "Corpus_Query", "parameters": parameters("query"), "responses": ok}},
        "/clients": {"get": {"operationId": "Corpus_Clients", "parameters": parameters("query", client=True), "responses": ok}},
        "/headers": {"get": {"operationId": "Corpus_Headers", "parameters": parameters("header"), "responses": ok}},
        "/all": {"put": {"operationId": "Corpus_All", "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/CorpusAll"}}], "responses": {"200": {"description": "ok"}}}},
    }
    # Path parameters, a few an operation: a path is one docstring line (black would run on a long one).
    path_params = parameters("path")[1:]
    for start in range(0, len(names), 3):
        chunk = path_params[start : start + 3]
        template = f"/paths/{start}/" + "/".join(f"{{{p['name']}}}" for p in chunk)
        paths[template] = {"get": {"operationId": f"Corpus_Paths{start}", "parameters": [API_VERSION, *chunk], "responses": ok}}
    for i, name in enumerate(names):
        paths.setdefault(f"/ops/{i // len(METHODS)}", {})[METHODS[i % len(METHODS)]] = {"operationId": name, "responses": {"200": {"description": "ok"}}}
    return {"swagger": "2.0", "info": {"title": "Corpus", "version": "2020-01-01"}, "paths": paths, "definitions": definitions}


# -- the package -------------------------------------------------------------------------------


class Corpus:
    def __init__(self, names: list[str], folder: Path, package: ModuleType, api: ir.Api) -> None:
        self.names = names
        self.folder = folder  # holds the package
        self.package = package
        self.api = api


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("corpus")
    names = corpus(generated_vocabulary(folder / "probe"))
    run = _generate(corpus_spec(names), folder, "corpus_pkg")
    assert run.returncode == 0, run.stderr[-3000:]
    sys.path.insert(0, str(folder / "out"))
    try:
        package = importlib.import_module("corpus_pkg")
        for sub in ("models", "requests", "responses", "validators", "schemas", "strategies"):
            importlib.import_module(f"corpus_pkg.{sub}")
    finally:
        sys.path.remove(str(folder / "out"))
    api, _ = build(folder / "spec.json")
    return Corpus(names, folder / "out", package, api)


def test_the_corpus_is_what_it_claims(built: Corpus) -> None:
    names = set(built.names)
    assert {"DecodeError", "len", "property", "str", "list", "class", "match", "__init__", "__class__", "_builtins", "from_dict", "to_dict", "additional_properties", "base_url", "headers", "UNSET", "Unset", "HttpRequest", "ParameterError", "ValidationError", "_read_enum", "_load", "validate", "NotImplemented"} <= names
    assert not any("probe" in n.casefold() for n in names)


def test_the_package_passes_mypy_strict_and_ruff(built: Corpus) -> None:
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "corpus_pkg"], cwd=built.folder, capture_output=True, text=True, check=False, timeout=900)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "corpus_pkg"], cwd=built.folder, capture_output=True, text=True, check=False, timeout=300)
    assert ruff.returncode == 0, ruff.stdout[-5000:]


def test_every_definition_is_its_own_class(built: Corpus) -> None:
    models, validators = built.package.models, built.package.validators
    assert issubclass(models.DecodeError, ValueError), "a definition replaced the exception class"
    assert repr(models.UNSET) == "UNSET" and models.Unset.UNSET is models.UNSET
    by_pointer = {m.source.partition("#")[2]: m for m in built.api.models}
    classes = set()
    for name in built.names:
        model = by_pointer[join_pointer("/definitions", name)]
        cls = getattr(models, model.py_name)
        classes.add(cls)
        assert cls.from_dict({"k": [1]}).to_dict() == {"k": [1]}, name
        assert validators.validate(model.name, {"k": [1]}) == [], name
    assert len(classes) == len(built.names)
    files = [p.name for p in (built.folder / "corpus_pkg" / "schemas").glob("*.json")]
    assert len({f.casefold() for f in files}) == len(files) == len(built.package.schemas.NAMES)


def _wire_value(schema: dict[str, Any]) -> Any:
    ref = schema.get("$ref", "")
    if schema.get("x-ms-secret") and schema.get("type") == "string":
        return "s3cr3t"
    if ref.endswith("/CorpusValues"):
        return "len"
    if ref.endswith("/CorpusLeaf"):
        return {"leaf": "x"}
    if schema.get("type") == "array":
        return [_wire_value(schema["items"])]
    if schema.get("type") == "object":
        return {"k": 1}
    return SAMPLE[schema["format"] if schema.get("format") in SAMPLE else schema["type"]]


def test_every_field_and_flattened_accessor_round_trips(built: Corpus) -> None:
    models = built.package.models
    props = {name: _wire_value(PROPERTY_TYPES[i % len(PROPERTY_TYPES)]) for i, name in enumerate(built.names)}
    body = {"props": props, "client": {f"c{i}": value for i, value in enumerate(props.values())}, **{n: "own" for n in built.names[::7]}}
    flat = models.CorpusFlat.from_dict(body)
    assert flat.to_dict() == body
    assert models.CorpusFlat.from_dict(flat.to_dict()) == flat
    assert "s3cr3t" not in repr(flat.props)
    accessors = [name for name, attr in vars(models.CorpusFlat).items() if isinstance(attr, property)]
    assert len(accessors) == len(built.names)
    for accessor in accessors:  # each reads and writes the inner field it stands for
        setattr(flat, accessor, getattr(flat, accessor))
    assert flat.to_dict() == body
    assert built.package.validators.validate("CorpusFlat", body) == []


def test_every_enum_value_and_member_name(built: Corpus) -> None:
    models = built.package.models
    for value in built.names:
        assert models.CorpusAll.from_dict({"values": value}).values.value == value
    assert len(models.CorpusValues) == len(models.CorpusNames) == len(built.names)
    assert [m.value for m in models.CorpusNames] == [f"v{i}" for i in range(len(built.names))]


QUERY_NAME_SAFE = "-._~!$'()*+,;:@/?"
_ARGUMENTS = {"string": "abc", "integer": 3, "number": 1.5, "boolean": True, "datetime": "2020-01-01T00:00:00Z", "date": date(2020, 1, 1), "enum": "a", "array": ["a"]}


def test_every_builder_and_parser_runs(built: Corpus) -> None:
    requests, responses = built.package.requests, built.package.responses
    ops = {op.operation_id: op for op in built.api.operations}
    for name in built.names:
        op = ops[name]
        request = requests.OPERATIONS[name]()
        assert request.method == op.method and request.url.startswith("https://management.azure.com/ops/")
        assert responses.PARSERS[name](200, {}, None) is (True if op.method == "HEAD" else None)  # HEAD answers a boolean
    for op in built.api.operations:
        if not op.operation_id.startswith("Corpus_") or op.operation_id == "Corpus_All":
            continue
        params = [p for p in op.parameters if p.py_name != "api_version"]
        kwargs = {p.py_name: _ARGUMENTS[p.type.kind] for p in params}
        request = requests.OPERATIONS[op.operation_id](**kwargs)
        for p in params:
            if p.location == "query":
                assert quote(p.wire_name, safe=QUERY_NAME_SAFE) + "=" in request.url
            elif p.location == "header":
                assert request.headers[p.wire_name] == str(kwargs[p.py_name]).replace("True", "true")
        for p in params:
            if p.type.kind == "array":  # minItems 1: the builder measures the list (`len` is a parameter)
                with pytest.raises(requests.ParameterError, match="at least 1 items"):
                    requests.OPERATIONS[op.operation_id](**{**kwargs, p.py_name: []})
    empty = {"props": {n: _wire_value(PROPERTY_TYPES[i % len(PROPERTY_TYPES)]) for i, n in enumerate(built.names) if i % 2 == 0}, "client": {}}
    assert responses.parse_corpus_query_response(200, {}, json.dumps(empty)).to_dict() == empty
