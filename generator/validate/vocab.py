"""The keywords the validator compiler knows, per draft and vocabulary, and how JSON types are tested.

Leaf keywords look at the instance alone and are inlined into their parent's function;
applicators apply other schemas, so a node holding one becomes its own pair of functions.
A :class:`Dialect` says which keywords are live in one schema resource (its draft, its
meta-schema's ``$vocabulary``, whether ``format`` asserts); the emitter reads every schema
object through it, so a keyword of another draft or of a vocabulary left out is just an
unknown key there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.validate.expr import Expr, all_of, any_of, atom, compare, group, not_
from generator.validate.source import SchemaCompileError

__all__ = [
    "APPLICATORS",
    "DRAFTS",
    "GROUP_CHECKS",
    "GROUP_OF_TYPE",
    "INT_FORMATS",
    "KEYWORDS",
    "LEAF_KEYWORDS",
    "METASCHEMA_DRAFTS",
    "TYPE_CHECKS",
    "VOCABULARIES",
    "Dialect",
    "count",
    "dialect",
    "number",
    "shape_error",
    "short",
    "type_cond",
    "within",
]

DRAFTS = ("2020-12", "4")

LEAF_KEYWORDS = frozenset(
    {
        "type",
        "enum",
        "const",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "required",
        "dependentRequired",
    }
)
#: Keywords that apply subschemas (a node holding one gets its own generated functions).
APPLICATORS = frozenset(
    {
        "$ref",
        "$dynamicRef",
        "$recursiveRef",
        "properties",
        "patternProperties",
        "additionalProperties",
        "propertyNames",
        "items",
        "prefixItems",
        "additionalItems",
        "contains",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "dependentSchemas",
        "dependencies",
        "unevaluatedProperties",
        "unevaluatedItems",
    }
)

_VOCAB = "https://json-schema.org/draft/2020-12/vocab/"
#: The 2020-12 vocabularies and those of their keywords that assert or apply.
VOCABULARIES: dict[str, frozenset[str]] = {
    _VOCAB + "core": frozenset({"$ref", "$dynamicRef"}),
    _VOCAB + "applicator": frozenset(
        {
            "prefixItems",
            "items",
            "contains",
            "additionalProperties",
            "properties",
            "patternProperties",
            "dependentSchemas",
            "propertyNames",
            "if",
            "then",
            "else",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "dependencies",  # the draft-7 spelling, kept as most validators keep it
        }
    ),
    _VOCAB + "unevaluated": frozenset({"unevaluatedItems", "unevaluatedProperties"}),
    _VOCAB + "validation": frozenset(
        {
            "type",
            "const",
            "enum",
            "multipleOf",
            "maximum",
            "exclusiveMaximum",
            "minimum",
            "exclusiveMinimum",
            "maxLength",
            "minLength",
            "pattern",
            "maxItems",
            "minItems",
            "uniqueItems",
            "maxContains",
            "minContains",
            "maxProperties",
            "minProperties",
            "required",
            "dependentRequired",
        }
    ),
    _VOCAB + "format-annotation": frozenset(),
    _VOCAB + "format-assertion": frozenset({"format"}),
    _VOCAB + "meta-data": frozenset(),
    _VOCAB + "content": frozenset(),
}
_DRAFT_KEYWORDS = {
    "2020-12": frozenset().union(*VOCABULARIES.values()),
    "4": frozenset(
        {
            "$ref",
            "properties",
            "patternProperties",
            "additionalProperties",
            "items",
            "additionalItems",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "dependencies",
            "type",
            "enum",
            "minLength",
            "maxLength",
            "pattern",
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minProperties",
            "maxProperties",
            "required",
        }
    ),
}
#: 2019-09 (met here as the dialect of a referenced document): ``items`` still takes a list and
#: ``additionalItems``; ``$recursiveRef`` is refused when a schema uses it.
_DRAFT_KEYWORDS["2019-09"] = (_DRAFT_KEYWORDS["2020-12"] - {"prefixItems", "$dynamicRef"}) | {
    "additionalItems",
    "$recursiveRef",
}
#: Every keyword of every draft; other keys (``x-ms-secret``, ``readOnly``) are never filtered.
KEYWORDS = frozenset().union(*_DRAFT_KEYWORDS.values())
#: `$schema` URIs of the drafts (without the empty fragment).
METASCHEMA_DRAFTS = {
    "https://json-schema.org/draft/2020-12/schema": "2020-12",
    "https://json-schema.org/draft/2019-09/schema": "2019-09",
    "http://json-schema.org/draft-04/schema": "4",
}


@dataclass(frozen=True, slots=True)
class Dialect:
    """How one schema resource is read: its draft's semantics and which keywords are live.

    ``inactive``: the keywords an object read in this dialect must not show (another draft's,
    a vocabulary its meta-schema leaves out, ``format`` when formats are annotations).
    """

    draft: str
    inactive: frozenset[str]

    @property
    def ref_alone(self) -> bool:
        """Does `$ref` replace its siblings (draft 4)?"""
        return self.draft == "4"

    @property
    def tuple_items(self) -> bool:
        """Is a list under ``items`` the tuple form, followed by ``additionalItems``?"""
        return self.draft in ("4", "2019-09")

    @property
    def float_integers(self) -> bool:
        """Is ``1.0`` an integer (not in draft 4, where only ``1`` is)?"""
        return self.draft != "4"

    @property
    def boolean_exclusive(self) -> bool:
        """Are exclusiveMinimum/Maximum booleans that modify minimum/maximum (draft 4)?"""
        return self.draft == "4"

    @property
    def id_keyword(self) -> str:
        return "id" if self.draft == "4" else "$id"


def dialect(draft: str, *, assert_formats: bool, vocabulary: Mapping[str, Any] | None = None) -> Dialect:
    """The dialect of ``draft``, narrowed to ``vocabulary`` (a 2020-12 meta-schema's ``$vocabulary``).

    A required vocabulary this compiler does not know is an error; an optional one is ignored.
    ``format`` asserts with the format-assertion vocabulary, or when ``assert_formats`` asks.
    """
    active = set(_DRAFT_KEYWORDS[draft])
    if vocabulary is not None and draft == "2020-12":
        for uri, required in vocabulary.items():
            if uri not in VOCABULARIES and required is True:
                raise SchemaCompileError(f"unsupported required vocabulary {uri!r} in $vocabulary")
        active = set().union(*(VOCABULARIES[uri] for uri in vocabulary if uri in VOCABULARIES))
        if _VOCAB + "format-annotation" in vocabulary and assert_formats:
            active.add("format")
    elif not assert_formats:
        active.discard("format")
    return Dialect(draft, KEYWORDS - active)


def _instance(cls: str) -> Callable[[str], Expr]:
    """`isinstance`, the exact class tested first: a parsed JSON body holds no subclass, and the
    test costs no call (negated: `v.__class__ is not cls and not isinstance(v, cls)`)."""

    def test(v: str) -> Expr:
        exact, call = compare(f"{v}.__class__", "is", cls), atom(f"isinstance({v}, {cls})", is_bool=True)
        either = any_of([exact, call])
        either._negation = lambda: all_of([exact.negated(), not_(call)])
        return group(either)

    return test


def _is_number(v: str) -> Expr:
    return group(any_of([compare(f"type({v})", "is", "int"), compare(f"type({v})", "is", "float")]))


def _is_integer(v: str) -> Expr:
    integral = all_of([compare(f"type({v})", "is", "float"), atom(f"{v}.is_integer()")])
    return group(any_of([compare(f"type({v})", "is", "int"), group(integral)]))


#: type name -> the test of a value of that type
TYPE_CHECKS: dict[str, Callable[[str], Expr]] = {
    "string": _instance("str"),
    "integer": _is_integer,
    "number": _is_number,
    "object": _instance("dict"),
    "array": _instance("list"),
    "boolean": lambda v: group(any_of([compare(v, "is", "True"), compare(v, "is", "False")])),
    "null": lambda v: compare(v, "is", "None"),
}
#: The keyword groups of a node (string, number, object and array keywords), each behind its type test.
GROUP_CHECKS: dict[str, Callable[[str], Expr]] = {
    "str": _instance("str"),
    "num": _is_number,
    "obj": _instance("dict"),
    "arr": _instance("list"),
}
GROUP_OF_TYPE = {"string": "str", "integer": "num", "number": "num", "object": "obj", "array": "arr"}
INT_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}

_ISINSTANCE = {"string": "str", "object": "dict", "array": "list"}


def _schema(value: Any) -> bool:
    return isinstance(value, (dict, bool))


def _names(value: Any) -> bool:
    return isinstance(value, list) and all(type(item) is str for item in value)


#: keyword -> (what its value must be, a test of it); a malformed value is a compile error.
_SHAPES: dict[str, tuple[str, Callable[[Any], bool]]] = {
    **dict.fromkeys(
        ("additionalProperties", "additionalItems", "propertyNames", "not", "if", "then", "else", "contains",
         "items", "unevaluatedItems", "unevaluatedProperties"),
        ("a schema", _schema),
    ),
    **dict.fromkeys(
        ("properties", "patternProperties", "dependentSchemas"),
        ("an object of schemas", lambda v: isinstance(v, dict) and all(map(_schema, v.values()))),
    ),
    **dict.fromkeys(
        ("allOf", "anyOf", "oneOf", "prefixItems"),
        ("an array of schemas", lambda v: isinstance(v, list) and all(map(_schema, v))),
    ),
    "dependencies": (
        "an object of schemas and arrays of names",
        lambda v: isinstance(v, dict) and all(_schema(d) or _names(d) for d in v.values()),
    ),
    "dependentRequired": ("an object of arrays of names", lambda v: isinstance(v, dict) and all(map(_names, v.values()))),
    "required": ("an array of names", _names),
    "enum": ("an array", lambda v: isinstance(v, list)),
    "type": (
        "a type name or a non-empty array of them",
        lambda v: v in TYPE_CHECKS if type(v) is str else bool(v) and _names(v) and all(t in TYPE_CHECKS for t in v),
    ),
    **dict.fromkeys(("$ref", "$dynamicRef", "format", "pattern"), ("a string", lambda v: type(v) is str)),
}


def shape_error(obj: dict[str, Any], dialect: Dialect) -> str | None:
    """What is wrong with the keyword values of schema object ``obj``, or None."""
    for key, value in obj.items():
        if key == "items" and dialect.tuple_items and isinstance(value, list):
            key = "prefixItems"  # the tuple form: an array of schemas
        shape = _SHAPES.get(key)
        if shape is not None and not shape[1](value):
            return f"{key} must be {shape[0]}, got {short(value, 60)}"
    return None


def type_cond(types: list[str], var: str, *, float_integers: bool = True) -> Expr:
    """``var`` has one of ``types`` (``1.0`` an integer with ``float_integers``)."""
    classes = [_ISINSTANCE[t] for t in types if t in _ISINSTANCE]
    parts = []
    if len(classes) == 1:
        parts.append(_instance(classes[0])(var))
    elif classes:
        parts.append(_instance(f"({', '.join(classes)})")(var))
    if "number" in types:
        parts.append(TYPE_CHECKS["number"](var))
    elif "integer" in types:
        parts.append(TYPE_CHECKS["integer"](var) if float_integers else compare(f"type({var})", "is", "int"))
    parts.extend(TYPE_CHECKS[t](var) for t in types if t in ("boolean", "null"))
    return any_of(parts)


def within(obj: dict[str, Any], kw: str, bound: int, sign: int) -> bool:
    """Is ``obj[kw]`` a number on the inner side of ``bound`` (``sign`` 1: at least, -1: at most)?"""
    value = obj.get(kw)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and (value - bound) * sign >= 0


def short(value: Any, limit: int = 200) -> str:
    """``repr(value)`` cut to about ``limit`` characters, for messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 20] + "..." + text[-12:]


def number(value: Any, what: str) -> int | float:
    """A keyword value that must be a finite number."""
    if type(value) not in (int, float) or (type(value) is float and not math.isfinite(value)):
        raise SchemaCompileError(f"{what} must be a finite number, got {value!r}")
    return value  # type: ignore[no-any-return]


def count(value: Any, what: str) -> int:
    """A keyword value that must be a non-negative integer (``2.0`` counts)."""
    if type(value) is float and value.is_integer():
        value = int(value)
    if type(value) is not int or value < 0:
        raise SchemaCompileError(f"{what} must be a non-negative integer, got {value!r}")
    return value
