"""Unit tests for the JSON Schema -> Python validator compiler (generator.validate.compiler)."""

from __future__ import annotations

import builtins
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.validate.compiler import (
    SchemaCompileError,
    UnresolvableRefError,
    compile_schema,
    compile_schema_set,
)

SECRET = "Hunter2-SECRET-value"


def load(source: str) -> dict[str, Any]:
    """Exec generated source into a fresh module dict (printing the source on failure)."""
    namespace: dict[str, Any] = {"__name__": "generated_validator"}
    try:
        exec(compile(source, "<generated>", "exec"), namespace)  # noqa: S102
    except Exception:
        print(source)
        raise
    return namespace


def errors_of(ns: dict[str, Any], instance: Any, *args: Any, **kwargs: Any) -> set[tuple[str, str, str]]:
    return {(e.path, e.keyword, e.schema_path) for e in ns["validate"](*args, instance, **kwargs)}


# -- every error, with path / keyword / schema_path ---------------------------------------------

NESTED = {
    "type": "object",
    "required": ["name", "size"],
    "properties": {
        "name": {"type": "string", "minLength": 2},
        "size": {"type": "integer", "format": "int32"},
        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
        "items": {
            "type": "array",
            "maxItems": 3,
            "items": {
                "type": "object",
                "properties": {
                    "level": {"enum": ["Info", "Warning", "Error"]},
                    "when": {"type": "string", "format": "date-time"},
                },
                "required": ["level"],
            },
        },
        "a/b~c": {"type": "boolean"},
    },
    "additionalProperties": {"not": {"type": "null"}},
}


def test_every_error_is_listed_with_paths() -> None:
    ns = load(compile_schema(NESTED))
    instance = {
        "name": "x",
        "tags": {"k": 1, "ok": "v"},
        "items": [{"level": "Bogus", "when": "yesterday"}, {}, {"level": "Info"}, {"level": "Info"}],
        "a/b~c": "no",
        "extra": None,
    }
    got = errors_of(ns, instance)
    assert got == {
        ("", "required", "/required"),
        ("/name", "minLength", "/properties/name/minLength"),
        ("/tags/k", "type", "/properties/tags/additionalProperties/type"),
        ("/items", "maxItems", "/properties/items/maxItems"),
        ("/items/0/level", "enum", "/properties/items/items/properties/level/enum"),
        ("/items/0/when", "format", "/properties/items/items/properties/when/format"),
        ("/items/1", "required", "/properties/items/items/required"),
        ("/a~1b~0c", "type", "/properties/a~1b~0c/type"),
        ("/extra", "not", "/additionalProperties/not"),
    }
    assert ns["is_valid"](instance) is False
    messages = {e.path: e.message for e in ns["validate"](instance)}
    assert messages["/items/0/level"] == "'Bogus' is not one of ['Info', 'Warning', 'Error']"
    assert messages["/name"] == "'x' is too short (minimum length 2)"
    valid = {"name": "xy", "size": 3, "items": [{"level": "Info", "when": "2024-11-01T10:00:00.1234567Z"}]}
    assert ns["validate"](valid) == [] and ns["is_valid"](valid) is True


def test_messages_people_can_act_on() -> None:
    ns = load(compile_schema({
        "type": "object",
        "required": ["location"],
        "properties": {
            "n": {"type": "integer", "maximum": 2147483647},
            "s": {"type": "integer"},
        },
    }))
    messages = sorted(e.message for e in ns["validate"]({"n": 3000000000, "s": "abc"}))
    assert messages == [
        "'abc' is not of type 'integer'",
        "'location' is a required property",
        "3000000000 is greater than the maximum of 2147483647",
    ]


def test_int32_int64_formats_are_integer_ranges() -> None:
    ns = load(compile_schema({"properties": {"a": {"format": "int32"}, "b": {"format": "int64"}}}))
    assert ns["is_valid"]({"a": 2**31 - 1, "b": -(2**63)})
    assert errors_of(ns, {"a": 2**31, "b": 2**63}) == {
        ("/a", "format", "/properties/a/format"),
        ("/b", "format", "/properties/b/format"),
    }


def test_bool_is_not_a_number_and_whole_floats_are_integers() -> None:
    ns = load(compile_schema({"type": "integer"}))
    assert ns["is_valid"](1.0) and ns["is_valid"](10**40)
    assert not ns["is_valid"](True) and not ns["is_valid"](1.5)


def test_subclasses_of_the_json_types_are_those_types() -> None:
    """The type tests check the exact class first (what parsed JSON holds), then isinstance."""

    class Text(str):
        pass

    class Mapping(dict[str, Any]):
        pass

    class Items(list[Any]):
        pass

    ns = load(compile_schema({"type": "object", "properties": {"s": {"type": "string", "minLength": 2}, "a": {"type": "array"}}}))
    assert ns["is_valid"](Mapping(s=Text("ab"), a=Items()))
    assert errors_of(ns, Mapping(s=Text("a"), a=Mapping())) == {("/s", "minLength", "/properties/s/minLength"), ("/a", "type", "/properties/a/type")}


def test_a_verdict_writes_small_subschemas_out_in_place() -> None:
    """A call costs as much as a few checks: `is_valid` writes out in place a small object (or
    array) whose subschemas are all leaves, an allOf member too; larger ones, and recursion, are
    still called (so a definition costs the same wherever it is used)."""
    schema = {
        "$defs": {
            "pair": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"$ref": "#/$defs/leaf"}}},
            "leaf": {"type": "object", "properties": {"c": {"type": "integer"}}},
        },
        "type": "object",
        "properties": {"pairs": {"type": "array", "items": {"$ref": "#/$defs/pair"}}, "next": {"$ref": "#"}},
    }
    source = compile_schema(schema)
    ns = load(source)
    verdicts = {name: source[source.index(f"def {name}(") :].split("\n\n\n")[0] for name in ns if name.startswith("_f")}
    root = verdicts["_f0"]
    assert len(set(re.findall(r"\b_f\d+\(", root))) == 2 and '"a" in' not in root, root  # itself (next), pairs
    pair = next(text for text in verdicts.values() if '"a" in' in text)
    assert '"c" in' in pair and "_f" not in pair.removeprefix("def _f"), pair  # leaf written out in it
    good = {"pairs": [{"a": "x", "b": {"c": 1}}], "next": {"pairs": [], "next": {}}}
    assert ns["is_valid"](good)
    for bad in ({"pairs": [{"a": 1}]}, {"pairs": [{"b": {"c": "1"}}]}, {"next": {"next": {"pairs": {}}}}):
        assert not ns["is_valid"](bad) and ns["validate"](bad), bad
    member = compile_schema({"$defs": {"base": {"properties": {"b": {"type": "integer"}}}}, "allOf": [{"$ref": "#/$defs/base"}], "properties": {"a": {"type": "string"}}})
    verdict = member[member.index("def _f0(") :].split("\n\n\n")[0]
    assert '"b" in x' in verdict and "_f" not in verdict.removeprefix("def _f0("), verdict
    assert not load(member)["is_valid"]({"a": "x", "b": "1"})


def test_a_verdict_reads_a_required_property_without_asking_again() -> None:
    """The verdict has returned when a required property is missing, so it reads it at once."""
    source = compile_schema({"properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["a", "b"]})
    verdict = source[source.index("def _f0(") :].split("\n\n\n")[0]
    assert '"a" in x' not in verdict and '"b" in x' not in verdict, verdict
    ns = load(source)
    assert ns["is_valid"]({"a": "x", "b": 1})
    for bad in ({"b": 1}, {"a": "x"}, {"a": 1, "b": 1}, {"a": "x", "b": "1"}):
        assert not ns["is_valid"](bad) and ns["validate"](bad), bad


def test_draft4_semantics() -> None:
    schema = {
        "definitions": {"pos": {"type": "number", "minimum": 0, "exclusiveMinimum": True}},
        "properties": {"p": {"$ref": "#/definitions/pos", "type": "string"}},
        "items": [{"type": "integer"}],
        "additionalItems": False,
        "dependencies": {"a": ["b"]},
    }
    ns = load(compile_schema(schema, draft="4"))
    assert ns["is_valid"]({"p": 1})  # $ref siblings are ignored in draft 4
    assert not ns["is_valid"]({"p": 0})
    assert not ns["is_valid"]({"a": 1})
    assert ns["is_valid"]([1]) and not ns["is_valid"]([1, 2])
    with pytest.raises(ValueError, match="boolean"):
        compile_schema(True, draft="4")


# -- errors at compile time --------------------------------------------------------------------


def test_unknown_draft_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown draft"):
        compile_schema({}, draft="7")


def test_unresolvable_ref_is_an_error_naming_the_ref() -> None:
    with pytest.raises(UnresolvableRefError, match="#/\\$defs/missing"):
        compile_schema({"$ref": "#/$defs/missing"})
    with pytest.raises(ValueError, match="https://example.com/remote.json"):
        compile_schema({"properties": {"a": {"$ref": "https://example.com/remote.json"}}})
    with pytest.raises(ValueError, match="Nope.json"):
        compile_schema_set({"A.json": {"$id": "A.json", "$ref": "Nope.json"}}, functions={"A.json": "a"})


def test_ref_cycle_without_schema_is_an_error() -> None:
    with pytest.raises(SchemaCompileError, match="cycle"):
        compile_schema({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"})


def test_bad_function_names_are_refused() -> None:
    with pytest.raises(ValueError, match="function name"):
        compile_schema_set({"A.json": {"$id": "A.json"}}, functions={"A.json": "a(); import os"})


# -- document sets, request mode, secrets ------------------------------------------------------

DOCS = {
    "Thing.json": {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "Thing.json",
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "systemData": {"$ref": "SystemData.json", "readOnly": True},
            "location": {"type": "string"},
            "properties": {"$ref": "ThingProperties.json"},
            "children": {"type": "array", "items": {"$ref": "Thing.json"}},
        },
        "required": ["location"],
    },
    "ThingProperties.json": {
        "$id": "ThingProperties.json",
        "type": "object",
        "properties": {
            "state": {"$ref": "State.json"},
            "status": {"$ref": "Status.json"},
            "timeoutInSeconds": {"type": "integer", "format": "int32", "minimum": -2147483648,
                                 "maximum": 2147483647},
            "runAsPassword": {"type": "string", "x-ms-secret": True, "maxLength": 4,
                              "pattern": "^[a-z]+$", "enum": ["abc"]},
            "protectedParameters": {"type": "array", "items": {"$ref": "Parameter.json"},
                                    "x-ms-secret": True},
            "parameters": {"type": "array", "items": {"$ref": "Parameter.json"}},
            "identity": {"$ref": "Parameter.json", "x-ms-secret": True},
            "provisioningState": {"type": "string", "readOnly": True},
        },
    },
    "Parameter.json": {
        "$id": "Parameter.json",
        "type": "object",
        "properties": {"name": {"type": "string"}, "value": {"type": "integer"}},
        "required": ["name"],
        "additionalProperties": False,
    },
    "SystemData.json": {"$id": "SystemData.json", "type": "object",
                        "properties": {"createdAt": {"type": "string", "format": "date-time"}}},
    "State.json": {"$id": "State.json", "type": "string", "readOnly": True},
    "Status.json": {"$id": "Status.json", "type": "string", "enum": ["Info", "Warning", "Error"]},
}
FUNCTIONS = {
    "Thing.json": "thing",
    "ThingProperties.json": "thing_properties",
    "Parameter.json": "parameter",
    "SystemData.json": "system_data",
    "State.json": "state",
    "Status.json": "status",
}


@pytest.fixture(scope="module")
def thing() -> dict[str, Any]:
    return load(compile_schema_set(DOCS, functions=FUNCTIONS))


def test_set_module_api(thing: dict[str, Any]) -> None:
    assert sorted(thing["VALIDATORS"]) == sorted(name[:-5] for name in DOCS)
    assert thing["SCHEMAS"]["Thing"] is thing["validate_thing"]
    assert thing["validate_thing"]({"location": "x"}) == []
    assert thing["is_valid"]("Thing", {"location": "x"}) is True
    assert thing["is_valid"]("Thing", {}) is False
    with pytest.raises(KeyError, match="unknown definition 'Nope'"):
        thing["validate"]("Nope", {})
    with pytest.raises(KeyError, match="unknown definition"):
        thing["is_valid"]("Nope", {})
    (error,) = thing["validate"]("Thing", {"location": 1})
    assert (error.path, error.keyword, error.schema_path) == ("/location", "type", "Thing.json#/properties/location/type")


def test_recursive_documents(thing: dict[str, Any]) -> None:
    deep: dict[str, Any] = {"location": "x"}
    for _ in range(200):
        deep = {"location": "x", "children": [deep]}
    assert thing["is_valid"]("Thing", deep)
    node = deep
    for _ in range(200):
        node = node["children"][0]
    node["location"] = 5
    (error,) = thing["validate"]("Thing", deep)
    assert error.path == "/children/0" * 200 + "/location"


def test_request_mode_forbids_read_only(thing: dict[str, Any]) -> None:
    body = {
        "location": "x",
        "id": "/subscriptions/1",
        "systemData": {"createdAt": "2024-01-01T00:00:00Z"},
        "properties": {"state": "Running", "provisioningState": "Succeeded", "status": "Info"},
        "children": [{"location": "y", "id": "child"}],
    }
    assert thing["validate"]("Thing", body) == []
    assert thing["is_valid"]("Thing", body) is True
    got = errors_of(thing, body, "Thing", request=True)
    assert got == {
        ("/id", "readOnly", "Thing.json#/properties/id/readOnly"),
        ("/systemData", "readOnly", "Thing.json#/properties/systemData/readOnly"),
        ("/properties/state", "readOnly", "ThingProperties.json#/properties/state/readOnly"),
        ("/properties/provisioningState", "readOnly",
         "ThingProperties.json#/properties/provisioningState/readOnly"),
        ("/children/0/id", "readOnly", "Thing.json#/properties/id/readOnly"),
    }
    assert thing["is_valid"]("Thing", body, request=True) is False
    assert thing["validate_thing"](body, request=True)
    assert thing["is_valid"]("Thing", {"location": "x", "properties": {"status": "Info"}}, request=True)
    # definitions without any readOnly below them accept the flag and ignore it
    assert thing["validate"]("Parameter", {"name": "n"}, request=True) == []


def test_secrets_never_appear_in_messages(thing: dict[str, Any]) -> None:
    body = {
        "location": "x",
        "properties": {
            "runAsPassword": SECRET,  # fails maxLength, pattern and enum
            "protectedParameters": [{"name": "p", "value": SECRET, SECRET: 1}],
            "identity": {"name": SECRET, "value": SECRET},
            "parameters": [{"name": "visible", "value": "shown-value"}],
        },
    }
    errors = thing["validate"]("Thing", body)
    keywords = {(e.path, e.keyword) for e in errors}
    assert {
        ("/properties/runAsPassword", "maxLength"),
        ("/properties/runAsPassword", "pattern"),
        ("/properties/runAsPassword", "enum"),
        ("/properties/protectedParameters/0/value", "type"),
        ("/properties/protectedParameters/0", "additionalProperties"),
        ("/properties/identity/value", "type"),
        ("/properties/parameters/0/value", "type"),
    } <= keywords
    for error in errors:
        assert SECRET not in error.message
        assert SECRET not in repr(error)
    assert any("'***'" in e.message for e in errors)
    # values outside secrets are still shown
    assert any("'shown-value'" in e.message for e in errors)
    # and with a type error directly on the secret
    body["properties"]["runAsPassword"] = 123456789
    assert all("123456789" not in e.message for e in thing["validate"]("Thing", body))


# -- hostile schemas ---------------------------------------------------------------------------

PAYLOADS = [
    "\"); __import__('builtins').PWNED_BY_SCHEMA = 1 #",
    "'); __import__('builtins').PWNED_BY_SCHEMA = 1 #",
    '"""; __import__("builtins").PWNED_BY_SCHEMA = 1; """',
    "x\n__import__('builtins').PWNED_BY_SCHEMA = 1\n",
    "\\'); __import__('builtins').PWNED_BY_SCHEMA = 1 #",
    "\u2028__import__('builtins').PWNED_BY_SCHEMA = 1",
    "{__import__('builtins').PWNED_BY_SCHEMA}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_schema_cannot_inject_code(payload: str) -> None:
    schema = {
        "$id": f"https://example.com/{payload}",
        "title": payload,
        "description": payload,
        "$defs": {payload: {"type": "string", "pattern": re.escape(payload), "$anchor": "a"}},
        "type": "object",
        "required": [payload],
        "properties": {
            payload: {"$ref": "#/$defs/" + payload.replace("~", "~0").replace("/", "~1")},
            "e": {"enum": [payload, {payload: [payload]}]},
            "c": {"const": payload},
        },
        "patternProperties": {re.escape(payload): {"maxLength": 1000}},
        "dependentRequired": {payload: [payload]},
        "additionalProperties": False,
    }
    source = compile_schema(schema)
    ns = load(source)
    assert ns["validate"]({payload: payload, "e": payload, "c": payload}) == []
    assert ns["validate"]({payload: 1, "e": 1, "c": 1, "zz": 1})
    docs = {f"{payload}.json": {"$id": f"{payload}.json", "properties": {payload: {"enum": [payload]}}}}
    ns2 = load(compile_schema_set(docs, functions={f"{payload}.json": "evil"}))
    assert ns2["validate"](payload, {payload: "no"})
    assert not hasattr(builtins, "PWNED_BY_SCHEMA")


def test_generated_code_passes_ruff(tmp_path: Path, thing: dict[str, Any]) -> None:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff not installed next to the interpreter")
    (tmp_path / "single.py").write_text(compile_schema(NESTED), encoding="utf-8")
    (tmp_path / "sets.py").write_text(compile_schema_set(DOCS, functions=FUNCTIONS), encoding="utf-8")
    (tmp_path / "evil.py").write_text(compile_schema({"properties": {p: {"pattern": re.escape(p)} for p in PAYLOADS}}))
    result = subprocess.run([str(ruff), "check", "--no-cache", str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_output_is_deterministic_across_hash_seeds() -> None:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]);"
        "from generator.validate.compiler import compile_schema;"
        "s = {'enum': ['b', 'a', 'c', 'd', 'e', 'f', 1, True, None],"
        " 'properties': {'x': {'enum': [str(i) for i in range(50)]}}, 'required': ['y', 'x']};"
        "sys.stdout.write(compile_schema(s))"
    )
    root = str(Path(__file__).resolve().parents[1])
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, root], capture_output=True, text=True, check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "12345")
    }
    assert len(outputs) == 1


# -- size and depth ----------------------------------------------------------------------------


def test_deep_schema_compiles_and_validates() -> None:
    depth = 2000
    schema: dict[str, Any] = {"type": "integer"}
    for _ in range(depth):
        schema = {"type": "object", "properties": {"a/~": schema}, "required": ["a/~"]}
    source = compile_schema(schema)
    ns = load(source)
    # instances as deep as the default recursion limit comfortably allows
    instance: Any = 1
    for _ in range(500):
        instance = {"a/~": instance}
    assert ns["is_valid"](instance) is False  # the leaf is 1500 levels further down
    errors = ns["validate"](instance)
    assert [(e.keyword, e.path) for e in errors] == [("type", "/a~1~0" * 500)]
    assert errors[0].schema_path == "/properties/a~1~0" * 500 + "/type"


def test_huge_enum_is_constant_time() -> None:
    values: list[Any] = [f"value-{i}" for i in range(100_000)]
    values += [1, {"k": [1, 2]}, [1, "x"], None, False]
    start = time.perf_counter()
    ns = load(compile_schema({"enum": values}))
    assert time.perf_counter() - start < 30
    ok = ns["is_valid"]
    assert ok("value-99999") and ok("value-0") and not ok("value-100000")
    assert ok(1) and ok(1.0) and not ok(True)  # 1 == 1.0 but 1 is not True
    assert ok(False) and not ok(0) and ok(None)
    assert ok({"k": [1, 2.0]}) and not ok({"k": [2, 1]}) and ok([1, "x"])
    start = time.perf_counter()
    for _ in range(10_000):
        ok("value-50000")
        ok("nope")
    assert time.perf_counter() - start < 1.0  # a linear scan would take minutes
    (error,) = ns["validate"]("nope")
    assert error.keyword == "enum" and len(error.message) < 300


def test_unique_items_uses_json_equality() -> None:
    ns = load(compile_schema({"uniqueItems": True}))
    assert not ns["is_valid"]([1, 1.0])
    assert ns["is_valid"]([1, True]) and ns["is_valid"]([0, False])
    assert not ns["is_valid"]([{"a": [1]}, {"a": [1.0]}])
    assert ns["is_valid"]([[1], [True]])


def test_ecma_regex_semantics() -> None:
    ns = load(compile_schema({"pattern": "^\\d+$"}))
    assert ns["is_valid"]("123") and not ns["is_valid"]("123\n") and not ns["is_valid"]("١٢٣")
    ns = load(compile_schema({"pattern": "^\\w\\s\\u00e9\\cJ$"}))
    assert ns["is_valid"]("a\u00a0\u00e9\n") and not ns["is_valid"]("\u00e9 \u00e9\n")


# -- differential test against the jsonschema library ------------------------------------------

jsonschema = pytest.importorskip("jsonschema")

DIFF_SCHEMAS = {
    "resource": {
        "type": "object",
        "required": ["location"],
        "properties": {
            "location": {"type": "string", "minLength": 1},
            "tags": {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 3},
            "properties": {
                "type": "object",
                "properties": {
                    "timeoutInSeconds": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
                    "level": {"type": "string", "enum": ["Info", "Warning", "Error"]},
                    "name": {"type": "string", "pattern": "^[A-Z][a-z]*"},
                    "parameters": {
                        "type": "array",
                        "maxItems": 4,
                        "items": {
                            "type": "object",
                            "required": ["name", "value"],
                            "properties": {"name": {"type": "string"}, "value": {"type": "string"}},
                            "additionalProperties": False,
                        },
                    },
                    "startTime": {"type": "string", "format": "date-time"},
                },
            },
        },
    },
    "combinators": {
        "$defs": {"pos": {"type": "number", "exclusiveMinimum": 0}},
        "anyOf": [{"type": "string", "maxLength": 3}, {"$ref": "#/$defs/pos"}, {"type": "array"}],
        "items": {"oneOf": [{"type": "integer"}, {"multipleOf": 2}]},
        "uniqueItems": True,
        "not": {"const": "bad"},
    },
    "objects": {
        "type": "object",
        "patternProperties": {"^x-": {"type": "integer"}},
        "propertyNames": {"maxLength": 4},
        "dependentRequired": {"a": ["b"]},
        "if": {"required": ["kind"]},
        "then": {"properties": {"kind": {"enum": ["A", "B", 1, None]}}},
        "else": {"minProperties": 1},
    },
}

_DATES = ["2024-11-01T10:00:00.1234567Z", "2024-02-30T00:00:00Z", "2024-11-01 10:00:00Z", "2024-11-01T10:00:00+01:00"]
_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**33), max_value=2**33),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(alphabet="abcABZx-_ 0", max_size=6),
    st.sampled_from(["Info", "Warning", "Bogus", "bad", "A", "B", "kind", "x-1", "Ab", *_DATES]),
)
_keys = st.sampled_from(
    ["location", "tags", "properties", "timeoutInSeconds", "level", "name", "value", "parameters",
     "startTime", "a", "b", "kind", "x-1", "x-ab", "other"]
)
json_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=5)),
    max_leaves=25,
)
_compiled_diff = {name: load(compile_schema(schema)) for name, schema in DIFF_SCHEMAS.items()}
_reference = {
    name: jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for name, schema in DIFF_SCHEMAS.items()
}


@pytest.mark.parametrize("name", sorted(DIFF_SCHEMAS))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instance=json_values)
def test_agrees_with_jsonschema(name: str, instance: Any) -> None:
    ns = _compiled_diff[name]
    reference = _reference[name]
    expected_paths = {
        "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in e.absolute_path)
        for e in reference.iter_errors(instance)
    }
    ours = ns["validate"](instance)
    assert ns["is_valid"](instance) is reference.is_valid(instance), json.dumps(instance)
    assert {e.path for e in ours} == expected_paths, json.dumps(instance)


def test_set_refs_into_defs_and_self_refs() -> None:
    docs = {
        "A.json": {
            "$id": "A.json",
            "type": "object",
            "properties": {
                "b": {"$ref": "B.json#/$defs/inner"},
                "self": {"$ref": "#"},
                "list": {"type": "array", "items": {"$ref": "A.json"}},
            },
        },
        "B.json": {
            "$id": "B.json",
            "$defs": {"inner": {"type": "object", "properties": {"ro": {"type": "string", "readOnly": True},
                                                                  "n": {"type": "integer"}}}},
        },
    }
    ns = load(compile_schema_set(docs, functions={"A.json": "a", "B.json": "b"}))
    body = {"b": {"ro": "x", "n": "1"}, "self": {"list": [{"b": {"ro": 1}}]}}
    assert errors_of(ns, body, "A") == {
        ("/b/n", "type", "B.json#/$defs/inner/properties/n/type"),
        ("/self/list/0/b/ro", "type", "B.json#/$defs/inner/properties/ro/type"),
    }
    assert errors_of(ns, body, "A", request=True) == {
        ("/b/ro", "readOnly", "B.json#/$defs/inner/properties/ro/readOnly"),
        ("/b/n", "type", "B.json#/$defs/inner/properties/n/type"),
        ("/self/list/0/b/ro", "readOnly", "B.json#/$defs/inner/properties/ro/readOnly"),
    }


GENERATED_SCHEMAS = Path(__file__).resolve().parents[1] / "generated/runcommands/schemas"
EXAMPLES = (
    Path(__file__).resolve().parents[1]
    / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute"
    / "ComputeRP/stable/2024-11-01/examples/runCommandExamples"
)


def test_upstream_examples_validate_against_generated_schemas() -> None:
    if not (GENERATED_SCHEMAS / "VirtualMachineRunCommand.json").is_file() or not EXAMPLES.is_dir():
        pytest.skip("generated schemas or upstream examples not present")
    docs = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in GENERATED_SCHEMAS.glob("*.json")}
    functions = {uri: re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", uri[:-5]).lower() for uri in docs}
    ns = load(compile_schema_set(docs, functions=functions))
    checked = 0
    for path in sorted(EXAMPLES.glob("VirtualMachineRunCommand_*.json")):
        example = json.loads(path.read_text(encoding="utf-8"))
        body = example["parameters"].get("runCommand")
        if body is not None and "location" in body:
            assert ns["validate"]("VirtualMachineRunCommand", body, request=True) == [], path.name
            checked += 1
        for response in example["responses"].values():
            if isinstance(response.get("body"), dict) and "location" in response["body"]:
                assert ns["validate"]("VirtualMachineRunCommand", response["body"]) == [], path.name
                checked += 1
    assert checked >= 4


def test_a_verdict_checks_plain_types_before_formats_and_refs() -> None:
    """`is_valid` stops at the first failure: a property whose check calls nothing (a type, an
    enum) comes before one that runs a format's regex or another schema's function, while
    `validate` still lists the errors in schema order."""
    schema = {
        "$defs": {"inner": {"type": "object"}},
        "type": "object",
        "properties": {
            "when": {"type": "string", "format": "date-time"},
            "nested": {"$ref": "#/$defs/inner"},
            "where": {"type": "string"},
        },
    }
    source = compile_schema(schema)
    verdict = source[source.index("def _f0(") : source.index("def _v1(")]
    assert verdict.index('"where"') < verdict.index('"when"')
    ns = load(source)
    errors = ns["validate"]({"when": "yesterday", "nested": 1, "where": 2})
    assert [e.path for e in errors] == ["/when", "/nested", "/where"]
    assert not ns["is_valid"]({"when": "2024-01-01T00:00:00Z", "where": 2})
