"""The validator runtime helpers (generator/validate/rt_helpers.py), called as they are, and the
way they are copied into generated modules: only what a schema uses, in a fixed order."""

from __future__ import annotations

import sys

import pytest

from generator.validate import rt_helpers
from generator.validate.compiler import compile_schema
from generator.validate.formats import HELPERS, helper_closure
from generator.validate.rt_helpers import (
    _E,
    ValidationError,
    _canon,
    _mul,
    _ptr,
    _r,
    _sp,
    _too_deep,
    _uniq,
)


def test_r_shortens_long_and_unprintable_values() -> None:
    assert _r("ab") == "'ab'"
    long = _r("x" * 500)
    assert len(long) == 115 and long.startswith("'xxx") and "..." in long
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(5000)
    try:
        assert _r(10**6000) == "<int too large to show>"
    finally:
        sys.set_int_max_str_digits(limit)
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    assert _r(nested) == "a deeply nested list"


def test_ptr_escapes_tilde_and_slash_as_rfc_6901_says() -> None:
    assert _ptr(()) == ""
    assert _ptr(("a", 0, "b")) == "/a/0/b"
    assert _ptr(("a/b", "c~d")) == "/a~1b/c~0d"


def test_too_deep_points_at_the_first_deepest_value() -> None:
    instance = {"a": [1, {"b": [[]]}], "c": {"d": {}}}
    (error,) = _too_deep(instance, "#/properties")
    assert (error.path, error.keyword, error.schema_path) == ("/a/1/b/0", "depth", "#/properties")
    assert error.message == "nested too deeply to validate (4 levels)"
    cyclic: dict[str, object] = {}
    cyclic["self"] = cyclic
    assert _too_deep(cyclic, "")[0].path.startswith("/self")  # stops, however deep


def test_sp_joins_the_segments_up_to_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rt_helpers, "_SP_PARENT", (-1, 0, 1))
    monkeypatch.setattr(rt_helpers, "_SP_SEGMENT", ("#", "properties", "a"))
    monkeypatch.setattr(rt_helpers, "_SP_CACHE", {})
    assert _sp(2, "type") == "#/properties/a/type"
    assert _sp(0, "required") == "#/required"
    assert rt_helpers._SP_CACHE == {(2, "type"): "#/properties/a/type", (0, "required"): "#/required"}


def test_canon_and_uniq_compare_as_json_values() -> None:
    assert _canon(1) == _canon(1.0) and _canon(1) != _canon(True) and _canon(0) != _canon(False)
    assert _canon({"a": [1]}) == _canon({"a": [1.0]})
    assert _uniq([1, True, "1", None, [1], {"a": 1}])
    assert not _uniq([1, 1.0]) and not _uniq([{"a": [1]}, {"a": [1.0]}])


def test_mul_is_exact_for_decimals_and_big_integers() -> None:
    assert _mul(0.0075, 0.0001) and not _mul(0.0075, 0.002)
    assert _mul(10**400, 2) and not _mul(10**400 + 1, 2)
    assert _mul(10**400, 0.5) and not _mul(float("inf"), 1)


def test_errors_made_lazily_equal_errors_made_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_E` leaves the pointer and the schema path (from the keyword's schema node) for later."""
    monkeypatch.setattr(rt_helpers, "_SP_PARENT", (-1, 0, 1))
    monkeypatch.setattr(rt_helpers, "_SP_SEGMENT", ("#", "properties", "a"))
    monkeypatch.setattr(rt_helpers, "_SP_CACHE", {})
    lazy = _E(("a", 0), "type", 2, "not a string")
    assert rt_helpers._SP_CACHE == {}  # (listing errors made no schema path yet)
    direct = ValidationError("/a/0", "type", "#/properties/a/type", "not a string")
    assert lazy == direct and lazy.schema_path == "#/properties/a/type"
    assert str(lazy) == "/a/0: not a string" and hash(lazy) == hash(direct)


def test_a_module_copies_only_what_its_schema_uses_in_a_fixed_order() -> None:
    plain = compile_schema({"type": "string"})
    assert "def _mul(" not in plain and "def _uniq(" not in plain and "from decimal" not in plain
    both = compile_schema({"properties": {"n": {"multipleOf": 0.5}, "u": {"uniqueItems": True}}})
    assert "from decimal import Decimal, localcontext\nfrom fractions import Fraction\n" in both
    order = [both.index(f"\ndef {name}(") for name in ("_E", "_canon", "_uniq", "_mul")]
    assert order == sorted(order)
    assert helper_closure({"_uniq", "_mul"}) == ["_canon", "_uniq", "_mul"]
    assert HELPERS["_mul"].imports == ("from decimal import Decimal, localcontext", "from fractions import Fraction", "import math")
    assert HELPERS["_sp"].needs == ("_SP_CACHE",)  # the tables stay behind: each module writes its own
