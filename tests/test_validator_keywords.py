"""The validator compiler's keyword semantics beyond the basics: unevaluatedItems, the dynamic
scope of $dynamicRef, documents from a local registry, dialects and vocabularies, big numbers."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from generator.validate.compiler import (
    SchemaCompileError,
    UnresolvableRefError,
    compile_schema,
)


def load(source: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "generated_validator"}
    exec(compile(source, "<generated>", "exec"), namespace)  # noqa: S102
    return namespace


def verdicts(ns: dict[str, Any], *instances: Any) -> list[bool]:
    """is_valid for each instance, checked against validate() listing errors or not."""
    found = [ns["is_valid"](instance) for instance in instances]
    assert found == [not ns["validate"](instance) for instance in instances]
    return found


# -- unevaluatedItems --------------------------------------------------------------------------


def test_unevaluated_items_sees_prefix_items_contains_and_in_place_applicators() -> None:
    ns = load(compile_schema({
        "prefixItems": [{"type": "string"}],
        "allOf": [{"prefixItems": [True, {"type": "number"}]}],
        "anyOf": [{"contains": {"const": "x"}}, True],
        "unevaluatedItems": False,
    }))
    assert verdicts(ns, ["a"], ["a", 1], ["a", 1, "x", "x"], ["a", 1, "y"], ["a", 1, "x", 2]) == [
        True, True, True, False, False,
    ]
    (error,) = ns["validate"](["a", 1, "y"])
    assert (error.path, error.keyword, error.schema_path) == ("/2", "false", "/unevaluatedItems/false")


def test_unevaluated_items_ignores_failed_branches_and_not() -> None:
    ns = load(compile_schema({
        "oneOf": [{"prefixItems": [{"const": 1}]}, {"prefixItems": [{"const": 2}, True]}],
        "not": {"items": {"type": "null"}},
        "unevaluatedItems": {"type": "string"},
    }))
    assert verdicts(ns, [1, "s"], [1, 5], [2, 5], [2, 5, "s"], [2, 5, 6]) == [True, False, True, True, False]


def test_unevaluated_items_through_refs_and_if_then_else() -> None:
    ns = load(compile_schema({
        "$defs": {"pair": {"prefixItems": [True, True]}},
        "if": {"prefixItems": [{"const": "pair"}]},
        "then": {"$ref": "#/$defs/pair"},
        "else": {"items": {"type": "integer"}},
        "unevaluatedItems": False,
    }))
    assert verdicts(ns, ["pair", 1], ["pair", 1, 2], [1, 2, 3], [1, "x"]) == [True, False, True, False]


# -- $dynamicRef -------------------------------------------------------------------------------

LISTS = {
    "$id": "https://example.com/main",
    "if": {"properties": {"kind": {"const": "numbers"}}, "required": ["kind"]},
    "then": {"$ref": "numberList"},
    "else": {"$ref": "stringList"},
    "$defs": {
        "genericList": {
            "$id": "genericList",
            "properties": {"list": {"items": {"$dynamicRef": "#itemType"}}},
            "$defs": {"defaultItemType": {"$dynamicAnchor": "itemType"}},
        },
        "numberList": {
            "$id": "numberList",
            "$defs": {"itemType": {"$dynamicAnchor": "itemType", "type": "number"}},
            "$ref": "genericList",
        },
        "stringList": {
            "$id": "stringList",
            "$defs": {"itemType": {"$dynamicAnchor": "itemType", "type": "string"}},
            "$ref": "genericList",
        },
    },
}


def test_dynamic_ref_resolves_in_the_dynamic_scope_of_each_path() -> None:
    ns = load(compile_schema(LISTS))
    numbers, strings = {"kind": "numbers"}, {"kind": "strings"}
    assert verdicts(
        ns,
        {**numbers, "list": [1.5]},
        {**numbers, "list": ["a"]},
        {**strings, "list": ["a"]},
        {**strings, "list": [1.5]},
    ) == [True, False, True, False]
    (error,) = ns["validate"]({**numbers, "list": [1, "a"]})
    assert (error.path, error.schema_path) == ("/list/1", "/$defs/numberList/$defs/itemType/type")


def test_dynamic_ref_takes_the_outermost_anchor_and_needs_a_bookend() -> None:
    outermost = load(compile_schema({
        "$id": "https://example.com/root",
        "$ref": "list",
        "$defs": {
            "foo": {"$dynamicAnchor": "items", "type": "string"},
            "list": {
                "$id": "list",
                "items": {"$dynamicRef": "#items"},
                "$defs": {"items": {"$dynamicAnchor": "items", "type": "integer"}},
            },
        },
    }))
    assert verdicts(outermost, ["a"], [1]) == [True, False]
    plain = load(compile_schema({
        "$id": "https://example.com/root",
        "$ref": "list",
        "$defs": {
            "foo": {"$dynamicAnchor": "items", "type": "string"},
            "list": {
                "$id": "list",
                "items": {"$dynamicRef": "#items"},
                "$defs": {"items": {"$anchor": "items", "type": "integer"}},  # no bookend
            },
        },
    }))
    assert verdicts(plain, ["a"], [1]) == [False, True]


def test_schemas_without_dynamic_refs_compile_once_per_node() -> None:
    """The dynamic scope specializes only functions below a $dynamicRef."""
    schema = {"$id": "https://example.com/x", "$dynamicAnchor": "meta", "properties": {"a": {"items": {"type": "string"}}}}
    source = compile_schema(schema)
    assert source.count("def _f") == 2  # the root and `a`, once each


# -- documents from a local registry, dialects, vocabularies ------------------------------------

REMOTE = {"$id": "https://example.com/remote.json", "$defs": {"int": {"type": "integer"}}, "$ref": "#/$defs/int"}


def test_refs_resolve_in_the_given_resources_and_nowhere_else() -> None:
    ns = load(compile_schema({"items": {"$ref": "https://example.com/remote.json"}}, resources={REMOTE["$id"]: REMOTE}))
    assert verdicts(ns, [1, 2], [1, "x"]) == [True, False]
    with pytest.raises(UnresolvableRefError, match="https://example.com/other.json"):
        compile_schema({"$ref": "https://example.com/other.json"}, resources={REMOTE["$id"]: REMOTE})
    with pytest.raises(SchemaCompileError, match="resources"):
        compile_schema({}, resources=[REMOTE])  # type: ignore[arg-type]


def test_a_referenced_document_keeps_its_own_draft() -> None:
    draft4 = {"id": "https://example.com/d4.json", "$schema": "http://json-schema.org/draft-04/schema#",
              "type": "integer", "minimum": 0, "exclusiveMinimum": True}
    ns = load(compile_schema({"$ref": "https://example.com/d4.json"}, resources={draft4["id"]: draft4}))
    assert verdicts(ns, 1, 0, 1.0) == [True, False, False]  # draft 4: 1.0 is not an integer
    older = {"$id": "https://example.com/o.json", "$schema": "https://json-schema.org/draft/2019-09/schema",
             "items": [{"type": "string"}], "additionalItems": False, "prefixItems": [{"type": "integer"}]}
    ns = load(compile_schema({"$ref": "https://example.com/o.json"}, resources={older["$id"]: older}))
    assert verdicts(ns, ["a"], [1], ["a", "b"]) == [True, False, False]
    recursive = {"$id": "https://example.com/r.json", "$schema": "https://json-schema.org/draft/2019-09/schema",
                 "$recursiveRef": "#"}
    with pytest.raises(SchemaCompileError, match="recursiveRef"):
        compile_schema({"$ref": "https://example.com/r.json"}, resources={recursive["$id"]: recursive})
    with pytest.raises(SchemaCompileError, match="unsupported \\$schema"):
        compile_schema({"$schema": "http://json-schema.org/draft-07/schema#"})


def test_a_meta_schema_vocabulary_switches_keywords_off() -> None:
    vocab = "https://json-schema.org/draft/2020-12/vocab/"
    meta = {"$id": "https://example.com/meta", "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$vocabulary": {vocab + "core": True, vocab + "applicator": True}}
    schema = {"$schema": "https://example.com/meta", "properties": {"n": {"minimum": 10}, "bad": False}}
    ns = load(compile_schema(schema, resources={meta["$id"]: meta}))
    assert verdicts(ns, {"n": 1}, {"bad": 1}) == [True, False]
    custom = {**meta, "$vocabulary": {**meta["$vocabulary"], "https://example.com/vocab/custom": True}}
    with pytest.raises(SchemaCompileError, match="vocab/custom"):
        compile_schema(schema, resources={meta["$id"]: custom})
    optional = {**meta, "$vocabulary": {vocab + "validation": True, "https://example.com/vocab/custom": False}}
    minimum = {"$schema": meta["$id"], "minimum": 10, "properties": {"bad": False}}
    assert verdicts(load(compile_schema(minimum, resources={meta["$id"]: optional})), 1, {"bad": 1}) == [False, True]


def test_formats_assert_unless_asked_not_to() -> None:
    schema = {"format": "ipv4"}
    assert verdicts(load(compile_schema(schema)), "1.2.3.4", "x") == [True, False]
    assert verdicts(load(compile_schema(schema, assert_formats=False)), "1.2.3.4", "x") == [True, True]
    meta = {"$id": "https://example.com/fa", "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/format-assertion": False}}
    asserted = compile_schema({"$schema": meta["$id"], **schema}, resources={meta["$id"]: meta}, assert_formats=False)
    assert verdicts(load(asserted), "1.2.3.4", "x") == [True, False]


def test_draft_7_dependencies_in_2020_12() -> None:
    ns = load(compile_schema({"dependencies": {"a": ["b"], "c": {"required": ["d"]}}}))
    assert verdicts(ns, {"a": 1, "b": 2}, {"a": 1}, {"c": 1}, {"c": 1, "d": 2}) == [True, False, False, True]
    with pytest.raises(SchemaCompileError, match="dependencies"):
        compile_schema({"dependencies": {"a": 5}})


# -- numbers -----------------------------------------------------------------------------------


def test_multiple_of_is_exact_for_numbers_past_float_range() -> None:
    ns = load(compile_schema({"multipleOf": 0.5}))
    assert verdicts(ns, 10**400, 10**400 + 1, 7.5, 7.25, 1e308) == [True, True, True, False, True]
    ns = load(compile_schema({"multipleOf": 0.3}))
    assert verdicts(ns, 10**400 * 3, 10**400 + 1) == [True, False]
    ns = load(compile_schema({"multipleOf": 3}))
    assert verdicts(ns, 3.0, 7.5, 10**400) == [True, False, False]


def test_messages_survive_ints_too_long_to_print() -> None:
    ns = load(compile_schema({"maximum": 3}))
    limit = sys.get_int_max_str_digits()
    huge = 10 ** (limit + 10) if limit else 10**5000
    (error,) = ns["validate"](huge)
    assert error.keyword == "maximum" and "too large to show" in error.message


# -- malformed and looping schemas: a compile error with a location, never a traceback ----------


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"not": 1.5}, "not must be a schema, got 1.5 (at #)"),
        ({"properties": {"a": {"items": [1]}}}, "items must be a schema, got [1] (at #/properties/a)"),
        ({"allOf": [{"properties": 2}]}, "properties must be an object of schemas, got 2 (at #/allOf/0)"),
        ({"type": []}, "type must be a type name or a non-empty array of them"),
        ({"type": ["string", {}]}, "type must be a type name"),
        ({"format": {}}, "format must be a string"),
        ({"required": [{"a": 1}]}, "required must be an array of names"),
        ({"dependencies": {"a": [{}]}}, "dependencies must be an object of schemas and arrays of names"),
        ({"$defs": {"x": {"anyOf": "#"}}, "$ref": "#/$defs/x"}, "anyOf must be an array of schemas, got '#' (at #/$defs/x)"),
    ],
)
def test_a_malformed_keyword_value_is_a_compile_error_naming_where(schema: dict[str, Any], message: str) -> None:
    with pytest.raises(SchemaCompileError) as caught:
        compile_schema(schema)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "schema",
    [
        {"anyOf": [{"type": "string"}, {"$ref": "#"}]},
        {"$defs": {"a": {"allOf": [{"$ref": "#/$defs/b"}]}, "b": {"oneOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"},
        {"dependentSchemas": {"x": {"$ref": "#"}}},
        {"properties": {"p": {"not": {"$ref": "#/properties/p"}}}},
        {"allOf": [{"$ref": "#"}], "unevaluatedProperties": False},
    ],
)
def test_a_schema_applying_itself_to_the_same_value_is_refused(schema: dict[str, Any]) -> None:
    with pytest.raises(SchemaCompileError, match="applies itself to the same value without end"):
        compile_schema(schema)


def test_recursion_into_parts_of_the_value_is_fine() -> None:
    ns = load(compile_schema({"anyOf": [{"type": "integer"}, {"type": "array", "items": {"$ref": "#"}}]}))
    assert verdicts(ns, [1, [2, [3]]], [1, ["x"]]) == [True, False]
