"""Whether a spec's `pattern` can be used: one verdict for `specgen generate` and `specgen lint`.

A pattern is refused when its dialect cannot read it (see `regex`), or when checking a value
against it might take time superlinear in the value's length (see `regex_linear`): the generated
validators and request builders run every pattern of the spec on untrusted input.
"""

from __future__ import annotations

from generator.validate.regex import RegexTranslationError, translate
from generator.validate.regex_linear import superlinear
from generator.validate.regex_tree import Dialect

__all__ = ["Dialect", "invalid", "slow"]

READER = {"ecma": "ECMA-262, as JSON Schema reads it", "dotnet": ".NET, as the service reads a parameter"}


def invalid(pattern: str, dialect: Dialect) -> str | None:
    """Why `pattern` is not a regular expression of `dialect`, or None."""
    try:
        translate(pattern, dialect)
    except RegexTranslationError as exc:
        return f"invalid pattern ({READER[dialect]}): {exc}"
    return None


def slow(pattern: str, dialect: Dialect) -> str | None:
    """Why matching a valid `pattern` may take time superlinear in the input, or None."""
    why = superlinear(pattern, dialect)
    if why is None:
        return None
    return f"pattern {pattern!r} may take time superlinear in the input to match: {why}"
