"""The keywords the validator compiler knows, per draft, and how JSON types are tested.

Leaf keywords look at the instance alone and are inlined into their parent's function;
applicators apply other schemas, so a node holding one becomes its own pair of functions.
"""

from __future__ import annotations

import math
from typing import Any

from generator.validate.source import SchemaCompileError

__all__ = [
    "APPLICATORS",
    "DRAFTS",
    "GROUP_CHECKS",
    "GROUP_OF_TYPE",
    "INT_FORMATS",
    "LEAF_KEYWORDS",
    "TYPE_CHECKS",
    "count",
    "number",
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
APPLICATORS = {
    "2020-12": frozenset(
        {
            "$ref",
            "$dynamicRef",
            "properties",
            "patternProperties",
            "additionalProperties",
            "propertyNames",
            "items",
            "prefixItems",
            "contains",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "dependentSchemas",
            "unevaluatedProperties",
        }
    ),
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
        }
    ),
}
TYPE_CHECKS = {
    "string": "isinstance({v}, str)",
    "integer": "(type({v}) is int or (type({v}) is float and {v}.is_integer()))",
    "number": "(type({v}) is int or type({v}) is float)",
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
    "boolean": "({v} is True or {v} is False)",
    "null": "{v} is None",
}
#: The keyword groups of a node (string, number, object and array keywords), each behind its type test.
GROUP_CHECKS = {
    "str": "isinstance({v}, str)",
    "num": "(type({v}) is int or type({v}) is float)",
    "obj": "isinstance({v}, dict)",
    "arr": "isinstance({v}, list)",
}
GROUP_OF_TYPE = {"string": "str", "integer": "num", "number": "num", "object": "obj", "array": "arr"}
INT_FORMATS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}

_ISINSTANCE = {"string": "str", "object": "dict", "array": "list"}


def type_cond(types: list[str], var: str) -> str:
    """A boolean expression: ``var`` has one of ``types``."""
    classes = [_ISINSTANCE[t] for t in types if t in _ISINSTANCE]
    parts = []
    if len(classes) == 1:
        parts.append(f"isinstance({var}, {classes[0]})")
    elif classes:
        parts.append(f"isinstance({var}, ({', '.join(classes)}))")
    if "number" in types:
        parts.append(TYPE_CHECKS["number"].format(v=var))
    elif "integer" in types:
        parts.append(TYPE_CHECKS["integer"].format(v=var))
    parts.extend(TYPE_CHECKS[t].format(v=var) for t in types if t in ("boolean", "null"))
    if len(parts) == 1:
        return parts[0]
    return " or ".join(parts)


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
