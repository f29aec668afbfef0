"""The values of validation keywords: checked once, here, with the keyword that holds them.

Every later stage (schemas, the validator compiler, strategies, request checks) takes these values
as they are; a `maxLength: "5"` or a `multipleOf: 0` must stop the run with its location, not
surface as an exception deep in an emitter.
"""

from __future__ import annotations

import math
from typing import Any

COUNTS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")
BOUNDS = ("minimum", "maximum")
EXCLUSIVE = ("exclusiveMinimum", "exclusiveMaximum")


def keyword_problem(keyword: str, value: Any) -> str | None:
    """Why `value` cannot be the value of validation keyword `keyword`, or None if it can.

    (`pattern` is the build's own check: its syntax and speed depend on where it is used.)"""
    if keyword in COUNTS:
        if not _integral(value) or value < 0:
            return f"{keyword} must be a non-negative integer, not {_shown(value)}"
    elif keyword in BOUNDS:
        return _number_problem(keyword, value)
    elif keyword in EXCLUSIVE:
        if not isinstance(value, bool):
            return _number_problem(keyword, value)
    elif keyword == "multipleOf":
        problem = _number_problem(keyword, value)
        if problem is None and value <= 0:
            return f"multipleOf must be greater than 0, not {_shown(value)}"
        return problem
    elif keyword == "uniqueItems":
        if not isinstance(value, bool):
            return f"uniqueItems must be true or false, not {_shown(value)}"
    elif keyword == "enum":
        if not isinstance(value, list) or not value:
            return f"enum must be a non-empty list, not {_shown(value)}"
        for item in value:
            if not (item is None or isinstance(item, (str, int, float))):
                return f"enum values must be strings, numbers, booleans or null, not {_shown(item)}"
    return None


def _integral(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _number_problem(keyword: str, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{keyword} must be a number, not {_shown(value)}"
    try:
        as_float = float(value)
    except OverflowError:
        as_float = math.inf
    if not math.isfinite(as_float):
        return f"{keyword} {_shown(value)} is beyond the range of a double"
    return None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:50] + "..."
